import CTTechCore

@testable import CTTechWeb

extension OtherRisksPage {
    static func page(_ identity: Identity, assessment: Assessment = Valdoria.assessment, risks: [OtherRisk] = Valdoria.otherRisks) -> Self {
        .make(
            layout: Valdoria.layout(
                "Other national risks · \(assessment.title)", identity: identity, at: .otherRisks(assessment.stateID, assessment.id),
                assessment: assessment),
            assessment: assessment, risks: risks, canManage: AssessmentAbilities(identity: identity, assessment: assessment).manage,
            csrf: Valdoria.csrf)
    }

    /// Three risks the facilitator may correct or remove.
    static var mock: Self { page(Valdoria.facilitator) }

    /// None yet: the page says where to add them.
    static var empty: Self { page(Valdoria.facilitator, risks: []) }

    /// Approved and frozen: the list only; one title holds markup.
    static var frozen: Self {
        page(
            Valdoria.focalPoint, assessment: Valdoria.approvedAssessment,
            risks: Valdoria.otherRisks + [with(Valdoria.pandemic) { $0.title += " " + Valdoria.markup }])
    }
}
