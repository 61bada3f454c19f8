import CTTechCore
import CTTechDoubles
import Testing

/// Issue 13: sharing a good practice, withdrawing it and discussing it, on the in-memory repositories — every refusal
/// with its field and nothing written, every write audited without the practice's title in another state's log.
@Suite("Programme: sharing good practices between partner states")
struct PracticeExchangeTests {
    struct World {
        let repositories = InMemoryRepositories()
        let trinidad: PartnerState
        let jamaica: PartnerState
        let kenya: PartnerState
        let exchange: PracticeExchange
        let actor = AuditActor(id: "u", label: "focal@example.org")
        let today = CalendarDate("2026-03-02")!

        init() {
            trinidad = repositories.seedPartnerState(code: "TTO", name: "Trinidad and Tobago", region: .caribbean)
            jamaica = repositories.seedPartnerState(code: "JAM", name: "Jamaica", region: .caribbean)
            kenya = repositories.seedPartnerState(code: "KEN", name: "Kenya", region: .eastAfrica)
            exchange = PracticeExchange(practices: repositories, states: repositories)
        }

        func scope(_ state: PartnerState, _ permission: Permission = .sharePractice) -> TenantScope {
            SystemAuthority.tenant(state.id, actorID: "u-\(state.code)", permission: permission)
        }

        func draft(_ overrides: [String: String] = [:]) -> SharedPracticeDraft {
            SharedPracticeDraft(
                fields: [
                    "kind": "legislation", "title": "Registering drones above 250 g", "body": "What the act requires and how it is enforced.",
                    "tlp": "AMBER", "scope": "region", "region": "caribbean",
                ].merging(overrides) { _, new in new })
        }
    }

    @Test func aStateSharesWithItsRegionAndOnlyTheRegionSeesIt() async throws {
        // setup
        let world = World()

        // act
        let practice = try await world.exchange.share(world.draft(), today: world.today, by: world.actor, scope: world.scope(world.trinidad))

        // check
        #expect(practice.scope == .region(.caribbean) && practice.stateID == world.trinidad.id && practice.sharedOn == world.today)
        #expect(try await world.repositories.practices(world.scope(world.jamaica, .viewPractices)).map(\.id) == [practice.id])
        #expect(try await world.repositories.practices(world.scope(world.kenya, .viewPractices)).isEmpty)
        let entry = try #require(world.repositories.audit.last)
        #expect(entry.action == "practice.share" && entry.stateID == world.trinidad.id)
        #expect(entry.details == ["tlp": "AMBER", "scope": "region", "kind": "legislation"])
    }

    @Test func badSharesAreRefusedFieldByFieldAndWriteNothing() async throws {
        let world = World()
        let cases: [([String: String], String)] = [
            (["scope": "all", "tlp": "RED"], "scope"),
            (["scope": "region", "tlp": "RED"], "scope"),
            (["scope": "states"], "scope"),
            (["scope": "states", "recipient.\(world.trinidad.id)": "on"], "scope"),
            (["scope": "states", "recipient.nowhere": "on"], "scope"),
            (["scope": "everyone"], "scope"),
            // states ticked under "all partners" would go wider than the ticks say
            (["scope": "all", "recipient.\(world.kenya.id)": "on"], "scope"),
            (["region": "atlantis"], "region"),
            (["tlp": "PURPLE"], "tlp"),
            (["kind": "rumour"], "kind"),
            (["title": "  "], "title"),
            (["body": String(repeating: "x", count: 20_001)], "body"),
        ]
        for (overrides, field) in cases {
            do {
                _ = try await world.exchange.share(world.draft(overrides), today: world.today, by: world.actor, scope: world.scope(world.trinidad))
                Issue.record("\(overrides) was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field).contains(field), "\(overrides): \(failure.issues.map(\.field))")
            }
        }
        #expect(try await world.repositories.practices(world.scope(world.trinidad)).isEmpty)
        #expect(world.repositories.audit.isEmpty)
    }

    @Test func aRedPracticeGoesToTheNamedStatesOnly() async throws {
        let world = World()
        let practice = try await world.exchange.share(
            world.draft(["tlp": "RED", "scope": "states", "recipient.\(world.kenya.id)": "on", "recipient.\(world.trinidad.id)": "on"]),
            today: world.today, by: world.actor, scope: world.scope(world.trinidad))
        // the sharing state's own tick is dropped: it always sees its own
        #expect(practice.scope == .states([world.kenya.id]))
        #expect(try await world.repositories.practice(world.scope(world.kenya, .viewPractices), id: practice.id) != nil)
        #expect(try await world.repositories.practice(world.scope(world.jamaica, .viewPractices), id: practice.id) == nil)
    }

    @Test func onlyTheSharingStateWithdrawsAndAWithdrawnPracticeTakesNoComment() async throws {
        // setup: Trinidad shares with the Caribbean; Jamaica asks a question
        let world = World()
        let practice = try await world.exchange.share(world.draft(), today: world.today, by: world.actor, scope: world.scope(world.trinidad))
        let question = try await world.exchange.comment(
            on: practice, fields: ["kind": "question", "body": "Does the act cover hobby drones?"], today: world.today, by: world.actor,
            scope: world.scope(world.jamaica, .viewPractices))
        #expect(question.stateID == world.jamaica.id && question.kind == .question)
        // the comment's entry names the practice by id only
        let entry = try #require(world.repositories.audit.last)
        #expect(entry.action == "practice.comment" && entry.stateID == world.jamaica.id && entry.entityID == practice.id)
        #expect(!entry.details.values.contains { $0.contains("drones") })

        // act and check: Jamaica cannot withdraw Trinidad's practice
        await #expect(throws: StoreConflict.self) {
            try await world.exchange.withdraw(practice, confirmed: true, today: world.today, by: world.actor, scope: world.scope(world.jamaica))
        }
        // not without the tick that confirms it
        await #expect(throws: ValidationFailure.self) {
            try await world.exchange.withdraw(practice, confirmed: false, today: world.today, by: world.actor, scope: world.scope(world.trinidad))
        }
        let withdrawn = try await world.exchange.withdraw(
            practice, confirmed: true, today: world.today, by: world.actor, scope: world.scope(world.trinidad))
        #expect(withdrawn.withdrawn)
        await #expect(throws: ValidationFailure.self) {
            try await world.exchange.withdraw(withdrawn, confirmed: true, today: world.today, by: world.actor, scope: world.scope(world.trinidad))
        }
        let before = world.repositories.audit.count
        await #expect(throws: ValidationFailure.self) {
            try await world.exchange.comment(
                on: withdrawn, fields: ["kind": "comment", "body": "Thanks"], today: world.today, by: world.actor,
                scope: world.scope(world.trinidad, .viewPractices))
        }
        // a comment racing the withdrawal (the practice as read before it) is refused by the store
        await #expect(throws: StoreConflict.self) {
            try await world.exchange.comment(
                on: practice, fields: ["kind": "comment", "body": "Thanks"], today: world.today, by: world.actor,
                scope: world.scope(world.jamaica, .viewPractices))
        }
        #expect(world.repositories.audit.count == before)
        #expect(try await world.repositories.practices(world.scope(world.jamaica, .viewPractices)).isEmpty)
    }

    @Test func aCommentNeedsAKindAndText() async throws {
        let world = World()
        let practice = try await world.exchange.share(world.draft(), today: world.today, by: world.actor, scope: world.scope(world.trinidad))
        for (fields, field) in [(["kind": "rumour", "body": "x"], "kind"), (["kind": "comment", "body": " "], "body")] {
            do {
                _ = try await world.exchange.comment(
                    on: practice, fields: fields, today: world.today, by: world.actor, scope: world.scope(world.jamaica, .viewPractices))
                Issue.record("\(fields) was accepted")
            } catch let failure as ValidationFailure {
                #expect(failure.issues.map(\.field) == [field])
            }
        }
        #expect(try await world.repositories.practiceComments(world.scope(world.trinidad), practiceID: practice.id).isEmpty)
    }
}
