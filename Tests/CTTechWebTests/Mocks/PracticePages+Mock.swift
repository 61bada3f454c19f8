import CTTechCore

@testable import CTTechWeb

/// Issue 13: good practices between the fictional states — Arvenna shares one with Valdoria by name, Zahran one with
/// all partners, Valdoria one with the Caribbean that it has since withdrawn.
extension Valdoria {
    static let partners = [state, arvenna, zahran]

    static let practiceFromArvenna = SharedPractice(
        id: id(1401), stateID: arvenna.id, kind: .legislation, title: "Registering drones above 250 g " + markup,
        body: "The act requires every drone above 250 g to be registered.\n\nEnforcement: customs and the civil aviation authority.",
        tlp: .red, scope: .states([state.id]), sharedOn: date("2026-04-02"))
    static let practiceFromZahran = SharedPractice(
        id: id(1402), stateID: zahran.id, kind: .successStory, title: "تجربة ناجحة في رصد العملات المشفرة", body: "نص الممارسة.",
        tlp: .green, scope: .allPartners, sharedOn: date("2026-05-10"))
    static let practiceOfValdoria = SharedPractice(
        id: id(1403), stateID: state.id, kind: .lesson, title: "What a hackathon taught our cyber unit", body: "Lessons.", tlp: .amber,
        scope: .states([arvenna.id, zahran.id]), sharedOn: date("2026-02-01"), withdrawnOn: date("2026-06-01"))
}

extension PracticesPage {
    static let mock = PracticesPage.make(
        layout: Valdoria.layout(
            "Good practices", identity: Valdoria.focalPoint, path: SiteURL.practices(Valdoria.state.id).path, state: Valdoria.state),
        stateID: Valdoria.state.id, practices: [Valdoria.practiceFromZahran, Valdoria.practiceFromArvenna, Valdoria.practiceOfValdoria],
        partners: Valdoria.partners, canShare: true)
}

extension PracticeFormPage {
    static let refused = PracticeFormPage.make(
        layout: Valdoria.layout(
            "Share a good practice", identity: Valdoria.focalPoint, path: SiteURL.practiceNew(Valdoria.state.id).path, tlp: .red,
            state: Valdoria.state),
        state: Valdoria.state, partners: Valdoria.partners, csrf: Valdoria.csrf,
        submitted: ["kind": "case", "title": "Case " + Valdoria.markup, "body": "", "tlp": "RED", "scope": "all", "region": "caribbean"],
        failure: Valdoria.refusal {
            try SharedPracticeDraft(fields: ["kind": "case", "title": "Case", "body": "", "tlp": "RED", "scope": "all"]).validated(
                id: "x", sharingState: Valdoria.state.id, partners: Set(Valdoria.partners.map(\.id)), today: Valdoria.date("2026-06-01"))
        })
}

extension PracticePage {
    /// Valdoria reads Arvenna's practice with a question of its own and Arvenna's answer.
    static let received = PracticePage.make(
        layout: Valdoria.layout(
            Valdoria.practiceFromArvenna.title, identity: Valdoria.focalPoint,
            path: SiteURL.practice(Valdoria.state.id, practice: Valdoria.practiceFromArvenna.id).path, tlp: .red, state: Valdoria.state),
        stateID: Valdoria.state.id, practice: Valdoria.practiceFromArvenna,
        comments: [
            PracticeComment(
                id: Valdoria.id(1411), practiceID: Valdoria.practiceFromArvenna.id, stateID: Valdoria.state.id, kind: .question,
                body: "Who keeps the register? " + Valdoria.markup, postedOn: Valdoria.date("2026-04-03")),
            PracticeComment(
                id: Valdoria.id(1412), practiceID: Valdoria.practiceFromArvenna.id, stateID: Valdoria.arvenna.id, kind: .comment,
                body: "The civil aviation authority.", postedOn: Valdoria.date("2026-04-04")),
        ], partners: Valdoria.partners, canWithdraw: true, csrf: Valdoria.csrf)

    /// Valdoria's own practice, withdrawn.
    static let withdrawn = PracticePage.make(
        layout: Valdoria.layout(
            Valdoria.practiceOfValdoria.title, identity: Valdoria.focalPoint,
            path: SiteURL.practice(Valdoria.state.id, practice: Valdoria.practiceOfValdoria.id).path, state: Valdoria.state),
        stateID: Valdoria.state.id, practice: Valdoria.practiceOfValdoria, comments: [], partners: Valdoria.partners, canWithdraw: true,
        csrf: Valdoria.csrf)
}
