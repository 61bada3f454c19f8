import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Steps 7–8: capability assessments, targets and the roadmap (web)")
struct CapabilityFlowTests {
    func actions(_ world: TestWorld) async throws -> [String] {
        try await world.services.audit.list(SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 500))
            .map(\.action)
    }

    func scope(_ world: TestWorld) -> TenantScope { SystemAuthority.tenant(world.home.id, permission: .viewCapability) }

    /// The explanation of a refused move or review on an item's page.
    func refusal(_ response: TestResponse) -> String {
        let text = response.text
        guard let start = text.range(of: "id=\"errors\"><p>"), let end = text[start.upperBound...].range(of: "</p>") else { return "" }
        return String(text[start.upperBound..<end.lowerBound])
    }

    func homeCapability(_ world: TestWorld) throws -> TestWorld.CapabilityRecords { try #require(world.capability[world.home.id]) }

    /// The id at the end of a redirect's location (before any fragment).
    func createdID(from response: TestResponse) throws -> String {
        let location = try #require(response.headers[.location])
        return String(location.split(separator: "#")[0].split(separator: "/").last ?? "")
    }

    /// Runs a write and checks it added exactly `entries` audit entries, the last of them `action`.
    func expectAudited(
        _ world: TestWorld, _ action: String, entries: Int = 1, sourceLocation: SourceLocation = #_sourceLocation,
        _ write: () async throws -> TestResponse
    ) async throws -> TestResponse {
        let before = try await actions(world)
        let response = try await write()
        let after = try await actions(world)
        #expect(after.count == before.count + entries, "\(action): \(after.count - before.count) audit entries", sourceLocation: sourceLocation)
        #expect(after.first == action, "the newest entry is \(action), not \(after.first ?? "none")", sourceLocation: sourceLocation)
        return response
    }

    /// Runs a refused write and checks it changed no audit entry.
    func expectNothingAudited(
        _ world: TestWorld, sourceLocation: SourceLocation = #_sourceLocation, _ write: () async throws -> TestResponse
    ) async throws -> TestResponse {
        let before = try await actions(world).count
        let response = try await write()
        #expect(try await actions(world).count == before, "a refused write leaves no audit entry", sourceLocation: sourceLocation)
        return response
    }

    // MARK: Step 7

    @Test(arguments: TestDatabase.kinds)
    func assessorOpensASelfAssessmentAddsEvidenceAndAnswersAnArea(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let assessor = try await world.session(.assessor)
            let base = "/states/\(world.home.id)/capability"
            let list = try await client.send(.get, base, session: assessor)
            #expect(list.status == .ok && list.text.contains("Capability self-assessment") && list.text.contains("Open a self-assessment"))
            #expect(!list.text.contains(TestWorld.foreignMarker))

            // Refused: every problem by its field, what was typed kept, nothing written.
            let count = try await world.services.capability.capabilityAssessments(scope(world)).count
            let bad = try await expectNothingAudited(world) {
                try await client.send(
                    .post, base, session: assessor,
                    form: [
                        "_csrf": assessor.csrf, "kind": "self", "title": "", "conductedOn": "2026-02-30",
                        "registerAssessment": world.homeAssessmentID,
                    ])
            }
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("tick at least one area") && bad.text.contains("is required"))
            #expect(bad.text.contains(#"value="2026-02-30""#))
            #expect(try await world.services.capability.capabilityAssessments(scope(world)).count == count)

            // Opened.
            let opened = try await expectAudited(world, "capability.create") {
                try await client.send(
                    .post, base, session: assessor,
                    form: [
                        "_csrf": assessor.csrf, "kind": "self", "title": "Police capability 2026", "conductedOn": "2026-05-01", "area.F01": "on",
                        "registerAssessment": world.homeAssessmentID,
                    ])
            }
            #expect(opened.status == .seeOther)
            let id = try createdID(from: opened)
            let path = base + "/" + id
            let stored = try #require(try await world.services.capability.capabilityAssessment(scope(world), id: id))
            #expect(stored.kind == .selfAssessed && stored.areas == ["F01"] && stored.createdBy == world.user(.assessor).id)

            // Evidence.
            let evidence = try await expectAudited(world, "capability.evidence") {
                try await client.send(
                    .post, path + "/evidence", session: assessor,
                    form: [
                        "_csrf": assessor.csrf, "summary": "Certificates of two OSINT courses", "source": "Police academy", "reliability": "B",
                        "credibility": "2",
                    ])
            }
            #expect(evidence.status == .seeOther && evidence.headers[.location]?.hasSuffix("#evidence") == true)

            // Answers: the form carries the version and numbers the evidence.
            let area = path + "/areas/F01"
            let form = try await client.send(.get, area, session: assessor)
            #expect(form.status == .ok && form.text.contains("Certificates of two OSINT courses"))
            let version = try #require(form.hiddenField("version"))
            #expect(version == "2", "opened, then evidence added")
            let answered = try await expectAudited(world, "capability.answers") {
                try await client.send(
                    .post, area, session: assessor,
                    form: [
                        "_csrf": assessor.csrf, "version": version, "answer.E1.1.a": "fully", "evidenceNumbers.E1.1.a": "1",
                        "answer.E1.1.b": "largely", "confidence.E1.1.b": "low", "note.E1.1.b": "One course only.",
                    ])
            }
            #expect(answered.status == .seeOther)
            let grid = try await client.send(.get, path, session: assessor)
            #expect(grid.text.contains("<td class=\"lvl-1\" title=\"F01 · E1: level 1\">1 (→2: 0 %)</td>"), "the grid shows the level")
            #expect(grid.text.contains("<td>by 1 answer</td>"))
            let records = try await world.services.capability.criterionRecords(scope(world), assessmentID: id)
            #expect(records.count == 2 && records.first { $0.criterion == "E1.1.a" }?.evidenceIDs.count == 1)

            // A stale form: 409, what was typed kept, the current version to save over it; nothing changed.
            let stale = try await expectNothingAudited(world) {
                try await client.send(
                    .post, area, session: assessor,
                    form: [
                        "_csrf": assessor.csrf, "version": version, "answer.E1.1.a": "partially",
                        "note.E1.1.a": "Typed while someone else saved",
                    ])
            }
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Someone saved answers in this assessment since you opened this page"))
            #expect(stale.text.contains(#"value="Typed while someone else saved""#))
            #expect(stale.text.contains(#"<option value="partially" selected>"#))
            #expect(stale.hiddenField("version") == "3")
            #expect(
                try await world.services.capability.criterionRecords(scope(world), assessmentID: id).first { $0.criterion == "E1.1.a" }?.answer
                    == .fully)

            // Refused answers name the field; an area the assessment does not cover is a 404.
            let refused = try await expectNothingAudited(world) {
                try await client.send(
                    .post, area, session: assessor,
                    form: ["_csrf": assessor.csrf, "version": "3", "answer.E1.1.a": "fully", "evidenceNumbers.E1.1.a": "9"])
            }
            #expect(refused.status == .badRequest && refused.text.contains("there is no evidence number 9 (the list has 1)"))
            #expect(try await client.send(.get, path + "/areas/F02", session: assessor).status == .notFound)
            #expect(try await client.send(.get, path + "/areas/F99", session: assessor).status == .notFound)
            // A reviewer reads the grid but may not answer or add evidence.
            let reviewer = try await world.session(.reviewer)
            #expect(try await client.send(.get, area, session: reviewer).status == .ok)
            #expect(
                try await client.send(.post, area, session: reviewer, form: ["_csrf": reviewer.csrf, "version": "3", "answer.E1.1.a": "fully"])
                    .status == .forbidden)
            #expect(
                try await client.send(
                    .post, path + "/evidence", session: reviewer,
                    form: ["_csrf": reviewer.csrf, "summary": "x", "source": "x", "reliability": "B", "credibility": "2"]
                ).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func facilitatorEntersAValidatedAssessmentAndTheComparisonShowsTheDifference(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let facilitator = try await world.session(.facilitator)
            let assessor = try await world.session(.assessor)
            let seeded = try homeCapability(world)
            let base = "/states/\(world.home.id)/capability"
            // The finer permission inside the routes: facilitators validate, assessors self-assess.
            #expect(try await client.send(.get, base + "/new?kind=validated", session: facilitator).status == .ok)
            #expect(try await client.send(.get, base + "/new?kind=validated", session: assessor).status == .forbidden)
            #expect(try await client.send(.get, base + "/new", session: facilitator).status == .forbidden)
            #expect(
                try await client.send(
                    .post, base, session: assessor,
                    form: ["_csrf": assessor.csrf, "kind": "validated", "title": "x", "validates": seeded.assessment, "conductedOn": "2026-09-01"]
                ).status == .forbidden)

            let opened = try await expectAudited(world, "capability.create") {
                try await client.send(
                    .post, base, session: facilitator,
                    form: [
                        "_csrf": facilitator.csrf, "kind": "validated", "title": "Validated at the Kessel workshop", "validates": seeded.assessment,
                        "conductedOn": "2026-09-01",
                    ])
            }
            #expect(opened.status == .seeOther)
            let id = try createdID(from: opened)
            let validated = try #require(try await world.services.capability.capabilityAssessment(scope(world), id: id))
            #expect(validated.kind == .validated && validated.validates == seeded.assessment && validated.areas == ["F01", "F02"])

            // Each writes only its own kind.
            let path = base + "/" + id
            #expect(
                try await client.send(
                    .post, path + "/areas/F01", session: assessor,
                    form: ["_csrf": assessor.csrf, "version": "1", "answer.E1.1.a": "fully"]
                ).status == .forbidden)
            #expect(
                try await client.send(
                    .post, base + "/\(seeded.assessment)/areas/F01", session: facilitator,
                    form: ["_csrf": facilitator.csrf, "version": String(seeded.version), "answer.E1.1.a": "partially"]
                ).status == .forbidden)

            _ = try await expectAudited(world, "capability.evidence") {
                try await client.send(
                    .post, path + "/evidence", session: facilitator,
                    form: [
                        "_csrf": facilitator.csrf, "summary": "Only one certificate could be shown at the workshop", "source": "Workshop notes",
                        "reliability": "A", "credibility": "1",
                    ])
            }
            let form = try await client.send(.get, path + "/areas/F01", session: facilitator)
            #expect(form.text.contains("Self-assessed: Fully implemented"), "the self-assessed answer beside the criterion")
            let version = try #require(form.hiddenField("version"))
            let answered = try await expectAudited(world, "capability.answers") {
                try await client.send(
                    .post, path + "/areas/F01", session: facilitator,
                    form: [
                        "_csrf": facilitator.csrf, "version": version, "answer.E1.1.a": "partially", "evidenceNumbers.E1.1.a": "1",
                        "answer.E1.1.b": "largely",
                    ])
            }
            #expect(answered.status == .seeOther)

            // The self-assessment links to the comparison; it shows the difference with both evidences.
            let page = try await client.send(.get, base + "/\(seeded.assessment)", session: facilitator)
            let compare = base + "/\(seeded.assessment)/compare/\(id)"
            #expect(page.text.contains(compare))
            for from in [compare, path + "/compare/\(seeded.assessment)"] {
                let shown = try await client.send(.get, from, session: facilitator)
                #expect(shown.status == .ok)
                #expect(shown.text.contains("[B2] Training records"), "the self-assessment's evidence")
                #expect(shown.text.contains("[A1] Only one certificate could be shown at the workshop"), "the validated assessment's")
                #expect(shown.text.contains("<strong class=\"down\">-2</strong>"), "F01 · E1 fell from 2 to 0")
                #expect(shown.text.contains("<td>Validated lower</td>"))
                #expect(shown.text.contains("Capability self-assessment (Self-assessed, 2025-06-01)"), "before: the self-assessment")
            }
            // A comparison with a foreign assessment is a 404.
            let foreign = try #require(world.capability[world.foreign.id])
            #expect(try await client.send(.get, path + "/compare/\(foreign.assessment)", session: facilitator).status == .notFound)
        }
    }

    // MARK: Step 8

    @Test(arguments: TestDatabase.kinds)
    func policyMakerSetsTargetsAndSeesPriorities(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let maker = try await world.session(.policyMaker)
            let seeded = try homeCapability(world)
            let path = "/states/\(world.home.id)/capability/\(seeded.assessment)"
            let plan = try await client.send(.get, path + "/plan", session: maker)
            #expect(plan.status == .ok && plan.text.contains("From the register of National assessment."))
            #expect(plan.text.contains("Add to roadmap"), "the seeded targets leave gaps")
            let version = try #require(plan.hiddenField("version"))
            #expect(version == String(seeded.version))

            // Below the level reached (F01 · E1 is at 2): refused beside the field, nothing written.
            let below = try await expectNothingAudited(world) {
                try await client.send(
                    .post, path + "/targets/F01", session: maker, form: ["_csrf": maker.csrf, "version": version, "target.E1": "1"])
            }
            #expect(below.status == .badRequest)
            #expect(below.text.contains("<p class=\"field-error\" id=\"tg-F01-E1-error\">is below the level already reached (2)</p>"))
            #expect(below.text.contains("<details id=\"tg-F01-form-box\" open>"))
            let targets = try await world.services.capability.capabilityTargets(scope(world), assessmentID: seeded.assessment)
            #expect(targets.map { "\($0.area) \($0.enabler) \($0.stage)" } == ["F01 E1 3", "F02 E1 2"])

            // Set by hand: the priorities follow.
            let set = try await expectAudited(world, "capability.targets") {
                try await client.send(
                    .post, path + "/targets/F01", session: maker,
                    form: ["_csrf": maker.csrf, "version": version, "target.E1": "4", "target.E4": "3", "cost": "favourable"])
            }
            #expect(set.status == .seeOther)
            let after = try await client.send(.get, path + "/plan", session: maker)
            #expect(after.text.contains("<td>2 → 4<br>") && after.text.contains("<td>1 → 3<br>"))
            #expect(after.text.contains("<td>0 → 2<br>"), "F02 keeps its target")
            // A stale form is a 409 with the current state.
            let stale = try await expectNothingAudited(world) {
                try await client.send(
                    .post, path + "/targets/F01", session: maker, form: ["_csrf": maker.csrf, "version": version, "target.E1": "5"])
            }
            #expect(stale.status == .conflict && stale.text.contains("The assessment changed since you opened this page"))
            // Proposals from the register.
            let current = try #require(after.hiddenField("version"))
            let proposed = try await expectAudited(world, "capability.targets") {
                try await client.send(.post, path + "/propose", session: maker, form: ["_csrf": maker.csrf, "version": current])
            }
            #expect(proposed.status == .seeOther)
            // Assessors do not set targets.
            let assessor = try await world.session(.assessor)
            #expect(
                try await client.send(
                    .post, path + "/targets/F01", session: assessor, form: ["_csrf": assessor.csrf, "version": current, "target.E1": "5"]
                ).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func roadmapRefusesCyclesAndGatesAnAdoptionOnItsReview(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let maker = try await world.session(.policyMaker)
            let focal = try await world.session(.focalPoint)
            let reviewer = try await world.session(.reviewer)
            let seeded = try homeCapability(world)
            let base = "/states/\(world.home.id)/roadmap"
            let roadmap = try await client.send(.get, base, session: maker)
            #expect(roadmap.status == .ok && roadmap.text.contains("Legal guidance") && roadmap.text.contains("Counter-drone detection"))
            #expect(roadmap.text.contains("Critical path:"))

            // A refused item writes nothing.
            let bad = try await expectNothingAudited(world) {
                try await client.send(
                    .post, base, session: maker, form: ["_csrf": maker.csrf, "kind": "adoption", "title": "", "horizon": "short"])
            }
            #expect(bad.status == .badRequest && bad.text.contains("an adoption names the technology adopted"))

            // An item that requires the adoption.
            let added = try await expectAudited(world, "roadmap.create") {
                try await client.send(
                    .post, base, session: maker,
                    form: [
                        "_csrf": maker.csrf, "kind": "development", "title": "OSINT training", "horizon": "medium",
                        "prerequisite.\(seeded.item)": "on",
                    ])
            }
            #expect(added.status == .seeOther)
            let training = try createdID(from: added)

            // Making the guidance require the training closes a cycle: refused, naming its members.
            let guidance = try #require(try await world.services.capability.roadmapItem(scope(world), id: seeded.prerequisite))
            var fields = RoadmapItemDraft(item: guidance).fields
            fields["prerequisite.\(training)"] = "on"
            fields["_csrf"] = maker.csrf
            let cycle = try await expectNothingAudited(world) {
                try await client.send(.post, base + "/\(seeded.prerequisite)", session: maker, form: fields)
            }
            #expect(cycle.status == .badRequest)
            #expect(cycle.text.contains("These prerequisites would make a cycle:"))
            for title in ["Legal guidance", "Counter-drone detection", "OSINT training"] { #expect(cycle.text.contains(title)) }
            let unchanged = try await world.services.capability.roadmapItem(scope(world), id: seeded.prerequisite)
            #expect(unchanged?.prerequisites == [] && unchanged?.version == 1)

            // The adoption: under review, then approval refused until a reviewer meets every mandatory check.
            let item = base + "/\(seeded.item)"
            _ = try await expectAudited(world, "roadmap.status") {
                try await client.send(
                    .post, item + "/status", session: maker, form: ["_csrf": maker.csrf, "version": "1", "status": "under-review"])
            }
            #expect(
                try await client.send(.post, item + "/approve", session: maker, form: ["_csrf": maker.csrf, "version": "1"]).status == .forbidden,
                "only a focal point approves")
            let early = try await expectNothingAudited(world) {
                try await client.send(.post, item + "/approve", session: focal, form: ["_csrf": focal.csrf, "version": "1"])
            }
            #expect(early.status == .conflict && refusal(early).hasPrefix("The adoption cannot be approved"))
            for code in ["H06", "H09", "H12", "H13"] { #expect(refusal(early).contains(code), "\(code) is mandatory for an adoption") }

            var human = ["_csrf": reviewer.csrf, "version": "1"]
            for code in ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "H12"] {
                human["check.\(code).status"] = "met"
                human["check.\(code).reasoning"] = "Fictional reasoning for \(code)."
            }
            human["check.H13.status"] = "not-met"
            human["check.H13.reasoning"] = "No impact assessment before deployment."
            #expect(
                try await client.send(.post, item + "/reviews/human-rights", session: maker, form: human).status == .forbidden,
                "a policy maker does not review")
            _ = try await expectAudited(world, "roadmap.review") {
                try await client.send(.post, item + "/reviews/human-rights", session: reviewer, form: human)
            }
            let blocked = try await client.send(.post, item + "/approve", session: focal, form: ["_csrf": focal.csrf, "version": "1"])
            #expect(blocked.status == .conflict)
            #expect(refusal(blocked).contains("H13") && refusal(blocked).contains("G03") && !refusal(blocked).contains("H06"))
            human["check.H13.status"] = "met"
            human["check.H13.reasoning"] = "The impact assessment was approved by the oversight board."
            _ = try await expectAudited(world, "roadmap.review") {
                try await client.send(.post, item + "/reviews/human-rights", session: reviewer, form: human)
            }
            let gender = [
                "_csrf": reviewer.csrf, "version": "1", "check.G03.status": "met", "check.G03.reasoning": "Impact analysed.",
                "check.G08.status": "met", "check.G08.reasoning": "Marker given.", "genderMarker": "1", "check.G09.status": "met",
                "check.G09.reasoning": "No harm found.",
            ]
            _ = try await expectAudited(world, "roadmap.review") {
                try await client.send(.post, item + "/reviews/gender", session: reviewer, form: gender)
            }
            let approved = try await expectAudited(world, "roadmap.approve") {
                try await client.send(.post, item + "/approve", session: focal, form: ["_csrf": focal.csrf, "version": "1"])
            }
            #expect(approved.status == .seeOther)
            #expect(try await world.services.capability.roadmapItem(scope(world), id: seeded.item)?.status == .approved)
            let page = try await client.send(.get, item, session: focal)
            #expect(page.text.contains("Approved") && page.text.contains("The impact assessment was approved by the oversight board."))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theAuthorOfAnAdoptionCannotReviewIt(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // A policy maker who is also a reviewer.
            let user = UserAccount(
                id: Identifier.make(), email: "both@valdoria.example", displayName: "Jonas Veld", passwordHash: "$2b$04$unused",
                totpSecret: nil, isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
            let grants = [Role.policyMaker, .reviewer].map { RoleGrant(id: Identifier.make(), userID: user.id, role: $0, stateID: world.home.id) }
            try await world.services.accounts.create(
                user, grants: grants, by: SystemAuthority.administrator(actorID: "test"),
                audit: AuditEvent(actorID: "test", actorLabel: "test", action: "user.create", entityType: "test", entityID: "x", stateID: nil))
            let (token, stored) = try await world.services.sessions.create(userID: user.id, awaitingTOTP: false, lifetimeMilliseconds: 3_600_000)
            let both = Session(cookie: "__Host-cttech_session=\(token)", csrf: stored.csrfToken)
            let base = "/states/\(world.home.id)/roadmap"
            let added = try await client.send(
                .post, base, session: both,
                form: ["_csrf": both.csrf, "kind": "adoption", "title": "Facial recognition at borders", "technology": "T08", "horizon": "long"])
            #expect(added.status == .seeOther)
            let item = base + "/" + (try createdID(from: added))
            let page = try await client.send(.get, item, session: both)
            #expect(!page.text.contains("type=\"radio\""), "no review form for the item's author")
            let own = try await expectNothingAudited(world) {
                try await client.send(
                    .post, item + "/reviews/human-rights", session: both,
                    form: ["_csrf": both.csrf, "version": "1", "check.H06.status": "met", "check.H06.reasoning": "Fine."])
            }
            #expect(own.status == .conflict && refusal(own).hasPrefix("You wrote this item, so you cannot review it"))
        }
    }

    // MARK: Access and downloads

    @Test(arguments: TestDatabase.kinds)
    func donorViewerIsRefusedEveryCapabilityRoute(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let donor = try await world.session(.donorViewer)
            let seeded = try homeCapability(world)
            let routes = try buildRouter(services: world.services).routes.filter {
                $0.path.contains("/capability") || $0.path.contains("/roadmap")
            }
            #expect(routes.count >= 20)
            let before = try await actions(world).count
            for route in routes {
                let path = route.path.replacingOccurrences(of: "{stateID}", with: world.home.id)
                    .replacingOccurrences(of: "{capabilityID}", with: seeded.assessment).replacingOccurrences(of: "{otherID}", with: seeded.validated)
                    .replacingOccurrences(of: "{area}", with: "F01").replacingOccurrences(of: "{itemID}", with: seeded.item)
                let form = [
                    "_csrf": donor.csrf, "version": "1", "kind": "self", "title": "Donor", "conductedOn": "2026-01-01", "area.F01": "on",
                    "answer.E1.1.a": "fully", "target.E1": "5", "horizon": "short", "status": "dropped", "summary": "x", "source": "x",
                    "reliability": "A", "credibility": "1",
                ]
                let response = try await client.send(route.method, path, session: donor, form: route.method == .get ? nil : form)
                #expect([.forbidden, .notFound].contains(response.status), "\(route.method) \(route.path) as donor: \(response.status)")
                #expect(!response.text.contains("Capability self-assessment") && !response.text.contains("Legal guidance"))
            }
            #expect(try await actions(world).count == before, "the donor wrote nothing")
            // Framework versions are reference data every signed-in user reads; only administrators publish.
            #expect(try await client.send(.get, "/reference/frameworks", session: donor).status == .ok)
            #expect(
                try await client.send(.post, "/reference/frameworks", session: donor, form: ["_csrf": donor.csrf, "framework": "{}"]).status
                    == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func levelsDownloadAsCSV(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let maker = try await world.session(.policyMaker)
            let seeded = try homeCapability(world)
            let path = "/states/\(world.home.id)/capability/\(seeded.assessment)/levels.csv"
            let csv = try await client.send(.get, path, session: maker)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition] == "attachment; filename=\"capability-AMBER-VLD.csv\"")
            let lines = csv.text.components(separatedBy: "\r\n")
            #expect(lines.first == CapabilityCSV.columns.joined(separator: ","))
            let framework = try #require(try await world.services.capability.framework(id: nil))
            #expect(lines.count == 2 * framework.enablers.count + 2, "a row per area and enabler, and the final line break")
            let f01e1 = try #require(lines.first { $0.contains(",F01,") && $0.contains(",E1,") }).components(separatedBy: ",")
            #expect(f01e1.first == "Capability self-assessment" && f01e1[1] == "self")
            let level = try #require(CapabilityCSV.columns.firstIndex(of: "level"))
            let target = try #require(CapabilityCSV.columns.firstIndex(of: "target"))
            #expect(f01e1[level] == "2" && f01e1[target] == "3")
            #expect(!csv.text.contains(TestWorld.foreignMarker))
            let foreign = try #require(world.capability[world.foreign.id])
            let elsewhere = "/states/\(world.foreign.id)/capability/\(foreign.assessment)/levels.csv"
            #expect(try await client.send(.get, elsewhere, session: maker).status == .notFound)
            let mixed = "/states/\(world.home.id)/capability/\(foreign.assessment)/levels.csv"
            #expect(try await client.send(.get, mixed, session: maker).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func programmeStaffValidateFromTheSelfAssessmentAndSwitchLanguageWithoutLosingTheForm(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let seeded = try homeCapability(world)
            let facilitator = try await world.session(.facilitator)
            let assessor = try await world.session(.assessor)
            let page = "/states/\(world.home.id)/capability/\(seeded.assessment)"
            let validate = "/states/\(world.home.id)/capability/new?kind=validated&amp;validates=\(seeded.assessment)"

            // act
            let asStaff = try await client.send(.get, page, session: facilitator)
            let asAssessor = try await client.send(.get, page, session: assessor)
            let form = try await client.send(
                .get, "/states/\(world.home.id)/capability/new?kind=validated&validates=\(seeded.assessment)", session: facilitator)

            // check: the link only for those who may validate; the form opens with this self-assessment chosen
            #expect(asStaff.text.contains("<a href=\"\(validate)\">Enter a validated assessment of this one</a>"))
            #expect(!asAssessor.text.contains("validates="))
            #expect(form.status == .ok && form.text.contains("<option value=\"\(seeded.assessment)\" selected>"))
            // the language switcher comes back to the same form, query included
            #expect(
                form.text.contains(
                    "<input type=\"hidden\" name=\"next\" value=\"/states/\(world.home.id)/capability/new?kind=validated&amp;validates=\(seeded.assessment)\">"
                ))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anItemOpenedFromAGapGoesBackToThePlan(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let seeded = try homeCapability(world)
            let maker = try await world.session(.policyMaker)
            let plan = "/states/\(world.home.id)/capability/\(seeded.assessment)/plan"

            // act
            let fromGap = try await client.send(
                .get, "/states/\(world.home.id)/roadmap/new?capability=\(seeded.assessment)&area=F01&enabler=E1&to=3", session: maker)
            let plain = try await client.send(.get, "/states/\(world.home.id)/roadmap/new", session: maker)

            // check
            #expect(fromGap.status == .ok && fromGap.text.contains("<a href=\"\(plan)\">"))
            #expect(plain.status == .ok && !plain.text.contains("<a href=\"\(plan)\">"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func milestonesTickedFromAStalePageAreRefused(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: the seeded adoption has one milestone, at version 1
            let seeded = try homeCapability(world)
            let maker = try await world.session(.policyMaker)
            let path = "/states/\(world.home.id)/roadmap/\(seeded.item)/milestones"

            // act
            let stale = try await expectNothingAudited(world) {
                try await client.send(.post, path, session: maker, form: ["_csrf": maker.csrf, "version": "7", "done.0": "on"])
            }
            let fresh = try await expectAudited(world, "roadmap.update") {
                try await client.send(.post, path, session: maker, form: ["_csrf": maker.csrf, "version": "1", "done.0": "on"])
            }

            // check
            #expect(stale.status == .conflict && stale.text.contains("Someone changed this item since you opened the page."))
            #expect(fresh.status == .seeOther)
            #expect(try await world.services.capability.roadmapItem(scope(world), id: seeded.item)?.milestones.map(\.done) == [true])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aDevelopmentItemsReviewIsAdvisory(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: the seeded prerequisite is a development item nobody has reviewed
            let seeded = try homeCapability(world)
            let focal = try await world.session(.focalPoint)

            // act
            let page = try await client.send(.get, "/states/\(world.home.id)/roadmap/\(seeded.prerequisite)", session: focal)

            // check: no check is shown as blocking what nothing blocks
            #expect(page.status == .ok && page.text.contains("Not reviewed"))
            #expect(!page.text.contains("blocks approval"))
        }
    }

}
