import CTTechCore
import CTTechStore

/// Good practices between the two fictional demo states (issue 13): Norvania shares a piece of legislation with
/// Valdoria by name and Valdoria a success story with all partners; Valdoria asks a question and Norvania answers; an
/// earlier Valdorian lesson is withdrawn. Every text is fictional and generic: no real state's practice or assessment.
enum DemoPractices {
    static func seed(_ services: AppServices, valdoria: String, norvania: String) async throws {
        let viewing = SystemAuthority.tenant(valdoria, actorID: "demo-seed", permission: .viewPractices)
        guard try await services.practices.practices(viewing).isEmpty else { return }
        let actor = DemoAssessment.seedActor
        func scope(_ state: String) -> TenantScope { SystemAuthority.tenant(state, actorID: "demo-seed", permission: .sharePractice) }
        func share(_ practice: SharedPractice) async throws {
            try await services.practices.sharePractice(
                practice, scope: scope(practice.stateID),
                audit: AuditEvent(
                    .practiceShare, by: actor, entity: practice.id, state: practice.stateID,
                    ["tlp": practice.tlp.rawValue, "scope": practice.scope.kind, "kind": practice.kind.rawValue]))
        }
        func comment(_ state: String, on practice: SharedPractice, _ kind: PracticeComment.Kind, _ body: String, _ day: String) async throws {
            let comment = PracticeComment(
                id: Identifier.make(), practiceID: practice.id, stateID: state, kind: kind, body: body, postedOn: CalendarDate(day)!)
            try await services.practices.addPracticeComment(
                comment, scope: scope(state),
                audit: AuditEvent(.practiceComment, by: actor, entity: practice.id, state: state, ["kind": kind.rawValue]))
        }

        let legislation = SharedPractice(
            id: Identifier.make(), stateID: norvania, kind: .legislation,
            title: "Registering unmanned aircraft above 250 g (fictional)",
            body: """
                Norvania's aviation act (a fictional example) requires every unmanned aircraft above 250 g to be registered \
                with the civil aviation authority before its first flight, and its remote pilot to pass an online test.

                What worked: registration at the point of sale, free of charge; a public map of no-fly zones around stadiums \
                and critical infrastructure; the police can read the register in real time.

                What did not: imported kits assembled at home escaped the point-of-sale check until customs were added to \
                the scheme.
                """,
            tlp: .amber, scope: .states([valdoria]), sharedOn: CalendarDate("2026-03-18")!)
        let story = SharedPractice(
            id: Identifier.make(), stateID: valdoria, kind: .successStory,
            title: "A joint cell for crypto-asset tracing (fictional)",
            body: """
                Valdoria (a fictional state) set up a joint cell of the financial intelligence unit, the national police \
                and the prosecutor's office to trace crypto-assets in terrorism-financing cases. Analysts share one case \
                file and one blockchain-analytics licence; prosecutors join from the first seizure.

                In its first year the cell cut the time from a suspicious transaction report to a freezing order from \
                weeks to days. The lesson: agree the evidence standard with the courts before the first case, not after.
                """,
            tlp: .green, scope: .allPartners, sharedOn: CalendarDate("2026-05-06")!)
        let lesson = SharedPractice(
            id: Identifier.make(), stateID: valdoria, kind: .lesson, title: "Lessons from a tabletop exercise on drones (fictional)",
            body: "Superseded by the joint after-action report.", tlp: .amber, scope: .region(.other),
            sharedOn: CalendarDate("2026-01-20")!)
        for practice in [legislation, story, lesson] { try await share(practice) }
        try await comment(valdoria, on: legislation, .question, "Who may read the register: police only, or also local authorities?", "2026-03-20")
        try await comment(
            norvania, on: legislation, .comment, "The police and the civil aviation authority; local authorities ask through the police.",
            "2026-03-23")
        try await comment(norvania, on: story, .question, "Which court settled the evidence standard, and was it published?", "2026-05-12")
        _ = try await services.practices.withdrawPractice(
            scope(valdoria), id: lesson.id, on: CalendarDate("2026-02-02")!,
            audit: AuditEvent(.practiceWithdraw, by: actor, entity: lesson.id, state: valdoria))
    }
}
