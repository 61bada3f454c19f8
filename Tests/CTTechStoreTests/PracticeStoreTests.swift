import CTTechCore
import CTTechTestSupport
import Foundation
import Testing

@testable import CTTechStore

/// Issue 13: good-practice exchange in the store, on both databases. The SQL that keeps each state to what it may see
/// agrees with the hand-written matrix (every marking × scope × viewer state, withdrawn or not); comments follow their
/// practice; only the sharing state withdraws, and a withdrawn practice takes no comment.
@Suite("Good-practice exchange in the store: who sees what (issue 13)")
struct PracticeStoreTests {
    // A shares; B is the chosen state and C its regional neighbour (Central Asia); D is elsewhere (East Africa).
    struct Setup {
        let store: PracticeStore
        let a: PartnerState
        let b: PartnerState
        let c: PartnerState
        let d: PartnerState
        var all: [PartnerState] { [a, b, c, d] }

        func scope(_ state: PartnerState) -> TenantScope { SystemAuthority.tenant(state.id, actorID: "u-\(state.code)", permission: .viewPractices) }
        func audit(_ action: AuditAction, _ state: PartnerState) -> AuditEvent {
            AuditEvent(action, by: AuditActor(id: "u", label: "u@example.org"), entity: "p", state: state.id)
        }
    }

    func setup(_ db: Persistence) async throws -> Setup {
        func state(_ code: String, _ region: Region) -> PartnerState {
            PartnerState(id: Identifier.make(), code: code, name: "State \(code)", region: region, defaultTLP: .amber, profile: "", version: 1)
        }
        let s = Setup(
            store: PracticeStore(db), a: state("AAA", .caribbean), b: state("BBB", .centralAsia), c: state("CCC", .centralAsia),
            d: state("DDD", .eastAfrica))
        for state in s.all { try await PartnerStateStore(db).create(state, by: Fixture.admin, audit: Fixture.event("state.create")) }
        return s
    }

    enum ScopeCase: String, CaseIterable {
        case chosenB, regionOfB, allPartners
    }

    /// Who sees it, by hand (codes), while not withdrawn.
    static func expected(_ tlp: TLP, _ scope: ScopeCase) -> Set<String> {
        switch (scope, tlp) {
        case (.chosenB, _): ["AAA", "BBB"]
        case (.regionOfB, .red), (.allPartners, .red): ["AAA"]
        case (.regionOfB, _): ["AAA", "BBB", "CCC"]
        case (.allPartners, _): ["AAA", "BBB", "CCC", "DDD"]
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func everyMarkingScopeAndViewerThroughSQL(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            // setup: every marking × scope, shared by A (a RED practice to a region or all partners cannot pass the Core
            // check, but the store must hide it all the same if such a row ever exists)
            var shared: [String: (TLP, ScopeCase)] = [:]
            for tlp in TLP.allCases {
                for scopeCase in ScopeCase.allCases {
                    let scope: SharedPractice.Scope =
                        switch scopeCase {
                        case .chosenB: .states([s.b.id])
                        case .regionOfB: .region(.centralAsia)
                        case .allPartners: .allPartners
                        }
                    let practice = SharedPractice(
                        id: Identifier.make(), stateID: s.a.id, kind: .lesson, title: "\(tlp.rawValue) \(scopeCase.rawValue)", body: "…", tlp: tlp,
                        scope: scope, sharedOn: CalendarDate("2026-03-02")!)
                    try await s.store.sharePractice(practice, scope: s.scope(s.a), audit: s.audit(.practiceShare, s.a))
                    shared[practice.id] = (tlp, scopeCase)
                }
            }
            for withdrawn in [false, true] {
                if withdrawn {
                    for id in shared.keys {
                        _ = try await s.store.withdrawPractice(
                            s.scope(s.a), id: id, on: CalendarDate("2026-04-01")!, audit: s.audit(.practiceWithdraw, s.a))
                    }
                }
                for viewer in s.all {
                    // act
                    let listed = Set(try await s.store.practices(s.scope(viewer)).map(\.id))
                    for (id, (tlp, scopeCase)) in shared {
                        let sees = withdrawn ? viewer.code == "AAA" : Self.expected(tlp, scopeCase).contains(viewer.code)
                        // check: the list and the single read agree with the matrix
                        #expect(listed.contains(id) == sees, "\(viewer.code) \(tlp.rawValue) \(scopeCase.rawValue) withdrawn \(withdrawn)")
                        #expect((try await s.store.practice(s.scope(viewer), id: id) != nil) == sees)
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func commentsStayWithThoseWhoSeeThePracticeAndStopAtWithdrawal(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let practice = SharedPractice(
                id: Identifier.make(), stateID: s.a.id, kind: .legislation, title: "Drone registration act", body: "…", tlp: .amber,
                scope: .states([s.b.id]), sharedOn: CalendarDate("2026-03-02")!)
            try await s.store.sharePractice(practice, scope: s.scope(s.a), audit: s.audit(.practiceShare, s.a))
            let question = PracticeComment(
                id: Identifier.make(), practiceID: practice.id, stateID: s.b.id, kind: .question, body: "Who keeps the register?",
                postedOn: CalendarDate("2026-03-03")!)

            // act: B (a recipient) asks; C (outside the scope) tries to comment
            try await s.store.addPracticeComment(question, scope: s.scope(s.b), audit: s.audit(.practiceComment, s.b))
            var intruder = question
            intruder.id = Identifier.make()
            intruder.stateID = s.c.id
            await #expect(throws: StoreConflict.self) {
                try await s.store.addPracticeComment(intruder, scope: s.scope(s.c), audit: s.audit(.practiceComment, s.c))
            }

            // check: A and B read the question, C reads nothing; C cannot withdraw A's practice, nor can B
            #expect(try await s.store.practiceComments(s.scope(s.a), practiceID: practice.id).map(\.body) == ["Who keeps the register?"])
            #expect(try await s.store.practiceComments(s.scope(s.b), practiceID: practice.id).count == 1)
            #expect(try await s.store.practiceComments(s.scope(s.c), practiceID: practice.id).isEmpty)
            for other in [s.b, s.c] {
                await #expect(throws: StoreConflict.self) {
                    try await s.store.withdrawPractice(
                        s.scope(other), id: practice.id, on: CalendarDate("2026-04-01")!, audit: s.audit(.practiceWithdraw, other))
                }
            }

            // act: A withdraws; B's next comment is refused and B no longer reads the thread
            let withdrawn = try await s.store.withdrawPractice(
                s.scope(s.a), id: practice.id, on: CalendarDate("2026-04-01")!, audit: s.audit(.practiceWithdraw, s.a))
            #expect(withdrawn.withdrawnOn == CalendarDate("2026-04-01"))
            var late = question
            late.id = Identifier.make()
            await #expect(throws: StoreConflict.self) {
                try await s.store.addPracticeComment(late, scope: s.scope(s.b), audit: s.audit(.practiceComment, s.b))
            }
            #expect(try await s.store.practiceComments(s.scope(s.b), practiceID: practice.id).isEmpty)
            #expect(try await s.store.practiceComments(s.scope(s.a), practiceID: practice.id).count == 1)
            // a second withdrawal finds nothing to withdraw
            await #expect(throws: StoreConflict.self) {
                try await s.store.withdrawPractice(
                    s.scope(s.a), id: practice.id, on: CalendarDate("2026-04-02")!, audit: s.audit(.practiceWithdraw, s.a))
            }
        }
    }
}
