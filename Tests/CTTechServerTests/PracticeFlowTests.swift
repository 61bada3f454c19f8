import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 13 through the real router, on both databases: the sharing-scope matrix of good-practice exchange — every
/// marking × scope × viewer state. A practice outside a state's reach is neither listed nor readable (404, as a missing
/// one), its comments neither; the sharing state withdraws it and the recipients lose it.
@Suite("Good-practice exchange end to end (issue 13)")
struct PracticeFlowTests {
    /// Four fictional states with a focal point each: A shares; B is chosen by name, C is B's regional neighbour, D is
    /// elsewhere.
    struct Partners {
        let states: [String: PartnerState]
        let sessions: [String: Session]

        static func make(_ world: TestWorld) async throws -> Partners {
            let admin = SystemAuthority.administrator(actorID: "test")
            let hash = try await world.services.passwords.hash(TestWorld.password)
            var states: [String: PartnerState] = [:]
            var sessions: [String: Session] = [:]
            for (letter, region) in [("A", Region.caribbean), ("B", .centralAsia), ("C", .centralAsia), ("D", .eastAfrica)] {
                let state = PartnerState(
                    id: Identifier.make(), code: "PS" + letter, name: "Fictional state \(letter)", region: region, defaultTLP: .amber, profile: "",
                    version: 1)
                try await world.services.states.create(
                    state, by: admin, audit: AuditEvent(.stateCreate, by: AuditActor(id: "test", label: "test"), entity: state.id, state: state.id))
                let user = UserAccount(
                    id: Identifier.make(), email: "focal-\(letter.lowercased())@practices.example", displayName: "Focal \(letter)",
                    passwordHash: hash,
                    totpSecret: nil, isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
                try await world.services.accounts.create(
                    user, grants: [RoleGrant(id: Identifier.make(), userID: user.id, role: .focalPoint, stateID: state.id)], by: admin,
                    audit: AuditEvent(.userCreate, by: AuditActor(id: "test", label: "test"), entity: user.id, state: nil))
                let (token, session) = try await world.services.sessions.create(userID: user.id, awaitingTOTP: false, lifetimeMilliseconds: 3_600_000)
                states[letter] = state
                sessions[letter] = Session(cookie: "__Host-cttech_session=\(token)", csrf: session.csrfToken)
            }
            return Partners(states: states, sessions: sessions)
        }

        func id(_ letter: String) -> String { states[letter]?.id ?? "" }
    }

    enum ScopeCase: String, CaseIterable {
        case chosenB, regionOfB, allPartners
    }

    /// Who sees it, by hand, while not withdrawn; nil: the share is refused (TLP:RED beyond named states).
    static func expected(_ tlp: TLP, _ scope: ScopeCase) -> Set<String>? {
        switch (scope, tlp) {
        case (.chosenB, _): ["A", "B"]
        case (.regionOfB, .red), (.allPartners, .red): nil
        case (.regionOfB, _): ["A", "B", "C"]
        case (.allPartners, _): ["A", "B", "C", "D"]
        }
    }

    func fields(_ tlp: TLP, _ scope: ScopeCase, _ p: Partners, title: String) -> [String: String] {
        var form = ["kind": "case", "title": title, "body": "Body of \(title)", "tlp": tlp.rawValue]
        switch scope {
        case .chosenB: form.merge(["scope": "states", "recipient.\(p.id("B"))": "on"]) { $1 }
        case .regionOfB: form.merge(["scope": "region", "region": "central-asia"]) { $1 }
        case .allPartners: form["scope"] = "all"
        }
        return form
    }

    @Test(arguments: TestDatabase.kinds)
    func everyMarkingScopeAndViewerState(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let p = try await Partners.make(world)
            let a = try #require(p.sessions["A"])
            var shared: [(id: String, title: String, seenBy: Set<String>)] = []
            for tlp in TLP.allCases {
                for scope in ScopeCase.allCases {
                    let title = "PRACTICE-\(tlp.cssClass)-\(scope.rawValue)"
                    var form = fields(tlp, scope, p, title: title)
                    form["_csrf"] = a.csrf
                    // act: A's focal point shares it
                    let response = try await client.send(.post, SiteURL.practices(p.id("A")).path, session: a, form: form)
                    guard let seenBy = Self.expected(tlp, scope) else {
                        // check: refused with the form again, the reason by the scope, nothing written
                        #expect(response.status == .badRequest, "\(title): \(response.status)")
                        #expect(response.text.contains("p-scope-error"))
                        continue
                    }
                    #expect(response.status == .seeOther, "\(title): \(response.status)")
                    let location = try #require(response.headers[.location])
                    shared.append((String(location.split(separator: "/").last?.split(separator: "#").first ?? ""), title, seenBy))
                }
            }
            #expect(shared.count == 13)
            for withdrawn in [false, true] {
                if withdrawn {
                    for practice in shared {
                        let response = try await client.send(
                            .post, SiteURL.practiceWithdraw(p.id("A"), practice: practice.id).path, session: a,
                            form: ["_csrf": a.csrf, "confirm": "on"])
                        #expect(response.status == .seeOther)
                    }
                }
                for letter in ["A", "B", "C", "D"] {
                    let session = try #require(p.sessions[letter])
                    let list = try await client.send(.get, SiteURL.practices(p.id(letter)).path, session: session)
                    #expect(list.status == .ok)
                    for practice in shared {
                        let sees = withdrawn ? letter == "A" : practice.seenBy.contains(letter)
                        let label = "\(letter) \(practice.title) withdrawn \(withdrawn)"
                        // check: listed, readable (and commentable) exactly when the matrix says so; otherwise a 404
                        // that does not name it
                        #expect(list.text.contains(practice.title) == sees, "\(label) in the list")
                        let page = try await client.send(.get, SiteURL.practice(p.id(letter), practice: practice.id).path, session: session)
                        #expect(page.status == (sees ? .ok : .notFound), "\(label): \(page.status)")
                        #expect(page.text.contains(practice.title) == sees)
                        if !sees {
                            let comment = try await client.send(
                                .post, SiteURL.practiceComments(p.id(letter), practice: practice.id).path, session: session,
                                form: ["_csrf": session.csrf, "kind": "comment", "body": "Hello"])
                            #expect(comment.status == .notFound, "\(label): comment \(comment.status)")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func recipientsDiscussAPracticeAndOnlyTheSharingStateWithdrawsIt(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let p = try await Partners.make(world)
            let (a, b, c) = (try #require(p.sessions["A"]), try #require(p.sessions["B"]), try #require(p.sessions["C"]))
            var form = fields(.amber, .regionOfB, p, title: "Community policing online")
            form["_csrf"] = a.csrf
            let location = try #require(try await client.send(.post, SiteURL.practices(p.id("A")).path, session: a, form: form).headers[.location])
            let id = String(location.split(separator: "/").last?.split(separator: "#").first ?? "")

            // B asks a question; an empty comment is refused with the form again
            let empty = try await client.send(
                .post, SiteURL.practiceComments(p.id("B"), practice: id).path, session: b,
                form: ["_csrf": b.csrf, "kind": "question", "body": ""])
            #expect(empty.status == .badRequest && empty.text.contains("c-body-error"))
            let asked = try await client.send(
                .post, SiteURL.practiceComments(p.id("B"), practice: id).path, session: b,
                form: ["_csrf": b.csrf, "kind": "question", "body": "How do you vet the volunteers?"])
            #expect(asked.status == .seeOther)

            // A and C read it, with B's name; recipients see how it reached them, not the list of recipients
            for (letter, session) in [("A", a), ("C", c)] {
                let page = try await client.send(.get, SiteURL.practice(p.id(letter), practice: id).path, session: session)
                #expect(page.text.contains("How do you vet the volunteers?") && page.text.contains("Fictional state B"), "\(letter)")
            }
            // B and C cannot withdraw A's practice, neither through their own state's path nor A's
            for (letter, session) in [("B", b), ("C", c)] {
                let own = try await client.send(
                    .post, SiteURL.practiceWithdraw(p.id(letter), practice: id).path, session: session,
                    form: ["_csrf": session.csrf, "confirm": "on"])
                #expect(own.status == .notFound, "\(letter) via its own state: \(own.status)")
                let foreign = try await client.send(
                    .post, SiteURL.practiceWithdraw(p.id("A"), practice: id).path, session: session, form: ["_csrf": session.csrf, "confirm": "on"])
                #expect([.forbidden, .notFound].contains(foreign.status), "\(letter) via A: \(foreign.status)")
            }
            // without the confirming tick nothing is withdrawn
            let unconfirmed = try await client.send(
                .post, SiteURL.practiceWithdraw(p.id("A"), practice: id).path, session: a, form: ["_csrf": a.csrf])
            #expect(unconfirmed.status == .badRequest && unconfirmed.text.contains("w-confirm-error"))
            #expect(try await client.send(.get, SiteURL.practice(p.id("C"), practice: id).path, session: c).status == .ok)
            // A withdraws; the thread is gone for C, and A's page says it is withdrawn and takes no comment
            let withdrawn = try await client.send(
                .post, SiteURL.practiceWithdraw(p.id("A"), practice: id).path, session: a, form: ["_csrf": a.csrf, "confirm": "on"])
            #expect(withdrawn.status == .seeOther)
            #expect(try await client.send(.get, SiteURL.practice(p.id("C"), practice: id).path, session: c).status == .notFound)
            let mine = try await client.send(.get, SiteURL.practice(p.id("A"), practice: id).path, session: a)
            #expect(mine.status == .ok && !mine.text.contains("c-body"))
            let again = try await client.send(
                .post, SiteURL.practiceWithdraw(p.id("A"), practice: id).path, session: a, form: ["_csrf": a.csrf, "confirm": "on"])
            #expect(again.status == .conflict)
            // the audit trail: shared and withdrawn in A's log, the question in B's
            func log(_ letter: String) async throws -> [AuditEntry] {
                try await world.services.audit.list(SystemAuthority.tenant(p.id(letter), permission: .readStateAudit), page: PageRequest(limit: 200))
            }
            #expect(Set(try await log("A").map(\.action)).isSuperset(of: ["practice.share", "practice.withdraw"]))
            #expect(try await log("B").contains { $0.action == "practice.comment" && $0.entityID == id })
        }
    }
}
