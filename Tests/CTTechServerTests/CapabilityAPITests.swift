import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Steps 7–8 through the JSON API: capability assessments, targets and priorities, the roadmap and the review that gates adoptions")
struct CapabilityAPITests: JSONAPITest {
    static func json(_ object: [String: Any]) -> String {
        // (an object of strings, numbers, booleans and arrays always serialises; an empty body would fail the test that sends it)
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }

    /// An area's answers: one row per (criterion, answer, evidence ids).
    static func answers(version: Int, _ rows: [(String, String, [String])]) -> String {
        json(["version": version, "answers": rows.map { ["criterion": $0.0, "answer": $0.1, "evidence": $0.2] }])
    }

    /// A roadmap item body: a development item unless `extra` says otherwise.
    static func item(_ title: String, horizon: String = "medium", extra: [String: Any] = [:]) -> String {
        var object: [String: Any] = ["kind": "development", "title": title, "horizon": horizon]
        object.merge(extra) { $1 }
        return json(object)
    }

    /// The home scenario scored by two assessors and revealed, so that the register ranks it and gives the areas that
    /// counter drones (and F01, which counters every scenario) their relevance.
    static func scoreAndReveal(_ world: TestWorld) async throws {
        for (role, intent) in [(Role.assessor, 2), (.focalPoint, 5)] {
            var fields = [
                "intent": "\(intent)", "actorCapability": "4", "technologyAccessibility": "4", "opportunity": "3", "likelihoodLow": "0.01",
                "likelihoodBest": "0.02", "likelihoodHigh": "0.04", "confidence": "high", "rationale": "Fictional reasoning \(intent)",
            ]
            for d in ImpactDimension.allCases { fields["impact.\(d.rawValue)"] = "3" }
            let score = try ScoreDraft(fields: fields).validated(scenarioID: world.homeScenarioID, round: 1, assessorID: world.user(role).id)
            try await world.services.assessments.scoring.submitScore(
                score, scope: SystemAuthority.tenant(world.home.id, actorID: world.user(role).id, permission: .scoreScenario),
                audit: AuditEvent(
                    actorID: "t", actorLabel: "t", action: "score.submit", entityType: "scenario", entityID: "x", stateID: world.home.id))
        }
        let manage = SystemAuthority.tenant(world.home.id, permission: .manageAssessment)
        let event = AuditEvent(actorID: "t", actorLabel: "t", action: "round", entityType: "assessment", entityID: "x", stateID: world.home.id)
        try await world.services.assessments.scoring.advanceRound(manage, assessmentID: world.homeAssessmentID, to: .closed, audit: event)
        try await world.services.assessments.scoring.advanceRound(manage, assessmentID: world.homeAssessmentID, to: .revealed, audit: event)
    }

    /// A capability assessment with one evidence item and a roadmap item in the foreign state, written through the store.
    static func seedForeign(_ world: TestWorld) async throws -> (assessment: String, evidence: String, item: String) {
        let state = world.foreign.id
        let event = AuditEvent(actorID: "test", actorLabel: "test", action: "capability.create", entityType: "test", entityID: "x", stateID: state)
        let scope = SystemAuthority.tenant(state, permission: .writeCapability)
        let assessment = CapabilityAssessment(
            id: Identifier.make(), stateID: state, kind: .selfAssessed, title: "Self-assessment \(TestWorld.foreignMarker)",
            frameworkVersion: CapabilityFramework.defaultID, areas: ["F01"], conductedOn: try #require(CalendarDate("2025-01-01")), createdBy: "test",
            createdAt: 0)
        try await world.services.capability.addCapabilityAssessment(assessment, scope: scope, audit: event)
        let evidence = CapabilityEvidence(
            id: Identifier.make(), assessmentID: assessment.id, summary: "Report \(TestWorld.foreignMarker)", source: "Liaison", reliability: .b,
            credibility: .possiblyTrue, observedOn: nil)
        try await world.services.capability.addCapabilityEvidence(evidence, scope: scope, audit: event)
        let item = RoadmapItem(
            id: Identifier.make(), stateID: state, kind: .development, title: "Plan \(TestWorld.foreignMarker)", horizon: .short, createdBy: "test",
            createdAt: 0)
        try await world.services.capability.addRoadmapItem(item, scope: SystemAuthority.tenant(state, permission: .planDevelopment), audit: event)
        return (assessment.id, evidence.id, item.id)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }

    @Test(arguments: TestDatabase.kinds)
    func anAssessmentIsAnsweredTargetedAndItsGapsRanked(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            try await Self.scoreAndReveal(world)
            let foreign = try await Self.seedForeign(world)
            let focal = try await auth(world, .focalPoint)
            let maker = try await auth(world, .policyMaker)
            let base = "/api/v1/states/\(world.home.id)/capability-assessments"

            // open: a self-assessment of two areas, linked to the threat assessment whose register gives relevance
            let opened = try await client.send(
                .post, base,
                json: Self.json([
                    "kind": "self", "title": "Police self-assessment", "conductedOn": "2025-03-01", "areas": ["F05", "F01"],
                    "registerAssessmentId": world.homeAssessmentID,
                ]), headers: focal)
            #expect(opened.status == .created)
            let assessment = try decode(Components.Schemas.CapabilityAssessment.self, opened)
            #expect(assessment.kind == ._self && assessment.version == 1 && assessment.areas == ["F01", "F05"])
            #expect(assessment.frameworkVersion == CapabilityFramework.defaultID && assessment.conductedOn == "2025-03-01")
            #expect(assessment.registerAssessmentId == world.homeAssessmentID && assessment.tlp == .amber && assessment.stateId == world.home.id)
            let path = base + "/" + assessment.id
            let list = try decode([Components.Schemas.CapabilityAssessment].self, try await client.send(.get, base, headers: maker))
            #expect(list.contains { $0.id == assessment.id })

            // evidence: graded as in step 3; the version rises
            let added = try await client.send(
                .post, path + "/evidence",
                json: #"{"summary":"Annual training report","source":"Police academy","reliability":"B","credibility":2,"observedOn":"2025-01-15"}"#,
                headers: focal)
            #expect(added.status == .created)
            let evidence = try decode(Components.Schemas.CapabilityEvidence.self, added)
            #expect(evidence.grading == "B2" && evidence.observedOn == "2025-01-15" && evidence.reliability == .b)

            // answers refused — a stale version (409), criteria of another area or framework and another state's evidence
            // (400, naming them), an area not assessed (404) — write nothing
            let rows = [("E1.1.a", "fully", [evidence.id]), ("E1.1.b", "largely", []), ("E1.2.a", "fully", []), ("E1.2.b", "fully", [])]
            let answersPath = path + "/areas/F01/answers"
            let head = try await auditHead(world)
            let stale = try await client.send(.put, answersPath, json: Self.answers(version: 1, rows), headers: focal)
            let staleProblem = try problem(stale)
            #expect(stale.status == .conflict && staleProblem.status == 409)
            let otherFramework = try await client.send(
                .put, answersPath, json: Self.answers(version: 2, [("E1.1.a", "fully", []), ("F02.E1.2.a", "fully", []), ("X9.9.z", "largely", [])]),
                headers: focal)
            let otherProblem = try problem(otherFramework)
            #expect(otherFramework.status == .badRequest && otherProblem.errors?.map(\.field) == ["answers"])
            let named = otherProblem.errors?.first?.message ?? ""
            #expect(named.contains("F02.E1.2.a") && named.contains("X9.9.z") && !named.contains("E1.1.a,"), "\(named)")
            let foreignEvidence = try await client.send(
                .put, answersPath, json: Self.answers(version: 2, [("E1.1.a", "fully", [foreign.evidence])]), headers: focal)
            let foreignFields = try fields(foreignEvidence)
            #expect(foreignEvidence.status == .badRequest && foreignFields == ["evidence.E1.1.a"])
            #expect(!foreignEvidence.text.contains(TestWorld.foreignMarker))
            let notAssessed = try await client.send(.put, path + "/areas/F02/answers", json: Self.answers(version: 2, rows), headers: focal)
            #expect(notAssessed.status == .notFound)
            #expect(try await auditHead(world) == head)
            let homeScope = SystemAuthority.tenant(world.home.id, permission: .viewCapability)
            #expect(try await world.services.capability.criterionRecords(homeScope, assessmentID: assessment.id).isEmpty)

            // answers saved with the version read
            let saved = try await client.send(.put, answersPath, json: Self.answers(version: 2, rows), headers: focal)
            #expect(saved.status == .ok)
            #expect(try decode(Components.Schemas.CapabilityAssessment.self, saved).version == 3)

            // the grid: E1 of F01 reached stage 2 (both its stage 1 and 2 criteria met), nothing of stage 3 met yet
            let detail = try decode(Components.Schemas.CapabilityAssessmentDetail.self, try await client.send(.get, path, headers: maker))
            #expect(detail.assessment.version == 3 && detail.grid.count == 2 * 9)
            #expect(detail.grid.prefix(9).allSatisfy { $0.area == "F01" } && detail.grid.map(\.enabler).prefix(2) == ["E1", "E2"])
            let e1 = try #require(detail.grid.first { $0.area == "F01" && $0.enabler == "E1" })
            #expect(e1.level == 2 && e1.next == 3 && e1.progress == 0 && e1.answered == 4 && e1.criteria == 10)
            #expect(detail.grid.filter { $0.enabler != "E1" || $0.area != "F01" }.allSatisfy { $0.level == 0 && $0.answered == 0 })
            #expect(detail.answers.count == 4 && detail.answers.allSatisfy { $0.area == "F01" && $0.confidence == .moderate })
            #expect(detail.answers.first { $0.criterion == "E1.1.a" }?.evidence == [evidence.id])
            #expect(detail.answers.first { $0.criterion == "E1.1.b" }?.answer == .largely)
            #expect(detail.evidence.map(\.id) == [evidence.id] && detail.targets.isEmpty)

            // targets: below the level reached, or outside 1–5, refused naming the enabler; then saved by hand
            let targetsPath = path + "/areas/F01/targets"
            let low = try await client.send(
                .put, targetsPath, json: Self.json(["version": 3, "targets": [["enabler": "E1", "stage": 1], ["enabler": "E2", "stage": 9]]]),
                headers: maker)
            let lowFields = try fields(low)
            #expect(low.status == .badRequest && Set(lowFields) == ["target.E1", "target.E2"])
            let unknownEnabler = try await client.send(
                .put, targetsPath, json: Self.json(["version": 3, "targets": [["enabler": "E99", "stage": 3]]]), headers: maker)
            let unknownFields = try fields(unknownEnabler)
            #expect(unknownEnabler.status == .badRequest && unknownFields == ["targets"])
            let set = try await client.send(
                .put, targetsPath,
                json: Self.json([
                    "version": 3, "targets": [["enabler": "E1", "stage": 3], ["enabler": "E2", "stage": 2]], "feasibility": ["cost": "favourable"],
                ]), headers: maker)
            #expect(set.status == .ok)
            #expect(try decode(Components.Schemas.CapabilityAssessment.self, set).version == 4)

            // priorities: gap × relevance × feasibility. The one scored scenario is the register's top risk and F01 counters
            // every scenario, so F01's relevance is 1; feasibility (3 + 2 + 2) / 9. E2: gap 2 → 14/9; E1: gap 1 → 7/9.
            let priorities = try decode(
                Components.Schemas.CapabilityPriorities.self, try await client.send(.get, path + "/priorities", headers: maker))
            #expect(priorities.registerAssessmentId == world.homeAssessmentID && priorities.tlp == .amber)
            #expect(priorities.gaps.map(\.enabler) == ["E2", "E1"] && priorities.gaps.map(\.gap) == [2, 1])
            #expect(priorities.gaps.map(\.current) == [0, 2] && priorities.gaps.map(\.target) == [2, 3])
            #expect(priorities.gaps.allSatisfy { Self.close($0.relevance, 1) && Self.close($0.feasibility, 7.0 / 9) && $0.source == .hand })
            #expect(Self.close(priorities.gaps[0].priority, 14.0 / 9) && Self.close(priorities.gaps[1].priority, 7.0 / 9))
            #expect(priorities.gaps[0].scenarios.map(\.id) == [world.homeScenarioID])
            #expect(priorities.gaps[0].scenarios.first?.title == "Drone attack on a stadium")
            #expect(priorities.areas.map(\.area) == ["F01"] && priorities.areas.first?.stages == 3 && priorities.areas.first?.gaps == 2)
            #expect(Self.close(priorities.areas.first?.priority ?? 0, 21.0 / 9))

            // proposals from the register: F01 (relevance 1) gets stage 4 on every enabler, keeping feasibility already set;
            // F05 (virtual assets) counters no scored scenario and gets none. A stale version is a 409.
            let proposalsPath = path + "/target-proposals"
            #expect(try await client.send(.post, proposalsPath, json: #"{"version":3}"#, headers: maker).status == .conflict)
            let proposed = try await client.send(.post, proposalsPath, json: #"{"version":4}"#, headers: maker)
            #expect(proposed.status == .ok)
            let proposals = try decode(Components.Schemas.TargetProposals.self, proposed)
            #expect(proposals.proposed == 9 && proposals.assessment.version == 5)
            let targets = try decode(Components.Schemas.CapabilityAssessmentDetail.self, try await client.send(.get, path, headers: maker)).targets
            #expect(targets.count == 9 && targets.allSatisfy { $0.area == "F01" && $0.stage == 4 && $0.source == .proposed })
            #expect(targets.first { $0.enabler == "E2" }?.feasibility.cost == .favourable)
            #expect(targets.first { $0.enabler == "E3" }?.feasibility.cost == .moderate)

            // an assessment that names no register has nothing to propose from
            let bare = try decode(
                Components.Schemas.CapabilityAssessment.self,
                try await client.send(
                    .post, base, json: Self.json(["kind": "self", "title": "Agency view", "conductedOn": "2025-04-01", "areas": ["F05"]]),
                    headers: focal))
            let noRegister = try await client.send(.post, base + "/" + bare.id + "/target-proposals", json: #"{"version":1}"#, headers: maker)
            let noRegisterProblem = try problem(noRegister)
            #expect(noRegister.status == .conflict && (noRegisterProblem.detail ?? "").contains("No risk register"))

            // every step is in the audit log
            let actions = try await world.services.audit.list(
                SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 50)
            ).map(\.action)
            for action in ["capability.create", "capability.evidence", "capability.answers", "capability.targets"] {
                #expect(actions.contains(action), "audit has \(action)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func badAssessmentBodiesAreNamedByTheirFields(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let focal = try await auth(world, .focalPoint)
            let facilitator = try await auth(world, .facilitator)
            let records = try #require(world.records[world.foreign.id])
            let base = "/api/v1/states/\(world.home.id)/capability-assessments"
            let head = try await auditHead(world)
            let before = try await world.services.capability.capabilityAssessments(SystemAuthority.tenant(world.home.id, permission: .viewCapability))

            // act and check: every problem at once, each by the name the body gives it
            let cases: [(HTTPFields, [String: Any], Set<String>)] = [
                (focal, ["kind": "self", "title": " ", "conductedOn": "2025-02-30", "areas": []], ["title", "conductedOn", "areas"]),
                (focal, ["kind": "self", "title": "x", "conductedOn": "2025-01-01", "areas": ["F01", "F99"]], ["areas"]),
                (
                    focal,
                    [
                        "kind": "self", "title": "x", "conductedOn": "2025-01-01", "areas": ["F01"], "agencyId": records.agency,
                        "baselineId": "no-such-assessment", "registerAssessmentId": world.foreignAssessmentID,
                    ],
                    ["agencyId", "baselineId", "registerAssessmentId"]
                ),
                (facilitator, ["kind": "validated", "title": "Validated", "conductedOn": "2025-01-01"], ["validates"]),
            ]
            for (headers, object, expected) in cases {
                let answer = try await client.send(.post, base, json: Self.json(object), headers: headers)
                #expect(answer.status == .badRequest, "\(object): \(answer.status)")
                let named = try fields(answer)
                #expect(Set(named) == expected, "\(object): \(named)")
                #expect(!answer.text.contains(TestWorld.foreignMarker))
            }
            // a value outside the spec's enum is refused while the body is read, naming its place
            let kindValue = try await client.send(
                .post, base, json: #"{"kind":"guessed","title":"x","conductedOn":"2025-01-01","areas":["F01"]}"#, headers: focal)
            let kindFields = try fields(kindValue)
            #expect(kindValue.status == .badRequest && kindFields == ["kind"])

            // nothing was written
            #expect(try await auditHead(world) == head)
            #expect(
                try await world.services.capability.capabilityAssessments(SystemAuthority.tenant(world.home.id, permission: .viewCapability))
                    == before)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theRoadmapIsOrderedAndAnAdoptionIsApprovedOnlyAfterItsReviews(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let maker = try await auth(world, .policyMaker)
            let focal = try await auth(world, .focalPoint)
            let reviewer = try await auth(world, .reviewer)
            let assessor = try await auth(world, .assessor)
            let records = try #require(world.records[world.home.id])
            let base = "/api/v1/states/\(world.home.id)/roadmap-items"
            func create(_ json: String) async throws -> Components.Schemas.RoadmapItem {
                let response = try await client.send(.post, base, json: json, headers: maker)
                #expect(response.status == .created, "\(json): \(response.status) \(response.text)")
                return try decode(Components.Schemas.RoadmapItem.self, response)
            }

            // create: a chain of three — train (181 days), then a lab (two years), then adopt a drone detector (four years)
            let train = try await create(
                Self.item(
                    "Train analysts in threat foresight", horizon: "short",
                    extra: [
                        "area": "F01", "enabler": "E3", "toStage": 2, "timeframe": ["start": "2026-01-01", "end": "2026-06-30"],
                        "ownerAgencyId": records.agency, "cost": ["low": 10000, "high": 20000, "currency": "eur"], "funding": "donor",
                        "milestones": [["title": "Curriculum agreed", "due": "2026-02-15"]],
                    ]))
            #expect(train.status == .proposed && train.version == 1 && train.tlp == .amber && train.durationDays == 181)
            #expect(train.cost?.currency == "EUR" && train.funding == .donor && train.ownerAgencyId == records.agency)
            #expect(train.milestones.map(\.title) == ["Curriculum agreed"] && train.milestones.first?.done == false)
            let lab = try await create(Self.item("Set up a forensic laboratory", extra: ["prerequisites": [train.id]]))
            let adopt = try await create(
                Self.item(
                    "Adopt drone detection radar", horizon: "long",
                    extra: [
                        "kind": "adoption", "technology": "T09", "prerequisites": [lab.id],
                        "readiness": ["legal-basis": "ready", "skills": "partly-ready"],
                    ]))
            #expect(adopt.kind == .adoption && adopt.technology == "T09" && adopt.prerequisites == [lab.id])
            #expect(adopt.readiness.additionalProperties == ["legal-basis": .ready, "skills": .partlyReady])

            // list: dependency order and the critical path, 181 + 730 + 1461 days
            let roadmap = try decode(Components.Schemas.Roadmap.self, try await client.send(.get, base, headers: reviewer))
            let ids = roadmap.items.map(\.id)
            let positions = [train.id, lab.id, adopt.id].compactMap { ids.firstIndex(of: $0) }
            #expect(positions.count == 3 && positions == positions.sorted())
            #expect(roadmap.criticalPath == [train.id, lab.id, adopt.id] && roadmap.criticalDays == 181 + 730 + 1461)

            // a cycle is refused naming its members; bad content is refused naming each field; nothing is written
            let foreignItem = try await Self.seedForeign(world).item
            let foreignAgency = try #require(world.records[world.foreign.id]).agency
            let head = try await auditHead(world)
            let homeScope = SystemAuthority.tenant(world.home.id, permission: .viewCapability)
            let before = try await world.services.capability.roadmapItems(homeScope)
            let cycle = try await client.send(
                .put, base + "/" + train.id,
                json: Self.item("Train analysts in threat foresight", horizon: "short", extra: ["prerequisites": [adopt.id], "version": 1]),
                headers: maker)
            #expect(cycle.status == .conflict)
            let cycleDetail = try problem(cycle).detail ?? ""
            for title in ["Train analysts in threat foresight", "Set up a forensic laboratory", "Adopt drone detection radar"] {
                #expect(cycleDetail.contains(title), "\(cycleDetail)")
            }
            let bad: [(String, Set<String>)] = [
                (Self.item("Radar", extra: ["kind": "adoption"]), ["technology"]),
                (Self.item("Radar", extra: ["prerequisites": [foreignItem]]), ["prerequisites"]),
                (Self.item("Radar", extra: ["prerequisites": ["no-such-item"], "technology": "T77"]), ["prerequisites", "technology"]),
                (
                    Self.item(
                        "  ",
                        extra: [
                            "timeframe": ["start": "2026-05-01", "end": "2026-01-01"], "cost": ["low": 900, "high": 100, "currency": "EUR"],
                            "ownerAgencyId": foreignAgency, "area": "F99", "toStage": 7,
                        ]),
                    ["title", "timeframe.end", "cost.high", "ownerAgencyId", "area", "toStage"]
                ),
                (
                    Self.item(
                        "Radar", extra: ["milestones": [["title": "", "due": "2026-13-01"], ["title": "Go", "due": "2026-01-01"]]]),
                    ["milestone.1.title", "milestone.1.due"]
                ),
                (Self.item("Radar", extra: ["kind": "adoption", "technology": "T09", "readiness": ["courage": "ready"]]), ["readiness.courage"]),
            ]
            for (json, expected) in bad {
                let answer = try await client.send(.post, base, json: json, headers: maker)
                #expect(answer.status == .badRequest, "\(json): \(answer.status)")
                let named = try fields(answer)
                #expect(Set(named) == expected, "\(json): \(named)")
                #expect(!answer.text.contains(TestWorld.foreignMarker))
            }
            let staleEdit = try await client.send(
                .put, base + "/" + lab.id, json: Self.item("Set up a forensic laboratory", extra: ["version": 9]), headers: maker)
            #expect(staleEdit.status == .conflict)
            #expect(try await auditHead(world) == head)
            #expect(try await world.services.capability.roadmapItems(homeScope) == before)

            // the adoption moves under review; its approval is refused while its mandatory checks are unreviewed, naming
            // the framework's adoption checks among them; approving is the focal point's alone
            let adoptPath = base + "/" + adopt.id
            let moved = try await client.send(.post, adoptPath + "/status", json: #"{"status":"under-review","version":1}"#, headers: maker)
            let underReview = try decode(Components.Schemas.RoadmapItem.self, moved)
            #expect(moved.status == .ok && underReview.status == .underReview)
            let early = try await client.send(.post, adoptPath + "/status", json: #"{"status":"approved","version":1}"#, headers: focal)
            #expect(early.status == .conflict)
            let earlyDetail = try problem(early).detail ?? ""
            #expect(earlyDetail.contains("H12") && earlyDetail.contains("H13") && earlyDetail.contains("G08"), "\(earlyDetail)")
            for role in [assessor, maker, reviewer] {
                #expect(
                    try await client.send(.post, adoptPath + "/status", json: #"{"status":"approved","version":1}"#, headers: role).status
                        == .forbidden)
            }
            let unreviewed = try decode(Components.Schemas.RoadmapItemDetail.self, try await client.send(.get, adoptPath, headers: maker))
            #expect(unreviewed.blocking.contains("H12") && unreviewed.blocking.contains("H13") && unreviewed.checklists.count == 2)

            // reviews: reviewers only; every mandatory check answered for version 1
            let human = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "H12", "H13"].map { code in
                #"{"code":"\#(code)","status":"met","reasoning":"Fictional reasoning for \#(code)."}"#
            }
            let humanBody = #"{"kind":"human-rights","version":1,"answers":[\#(human.joined(separator: ","))]}"#
            #expect(try await client.send(.post, adoptPath + "/reviews", json: humanBody, headers: maker).status == .forbidden)
            let staleReview = try await client.send(
                .post, adoptPath + "/reviews", json: humanBody.replacingOccurrences(of: #""version":1"#, with: #""version":2"#), headers: reviewer)
            #expect(staleReview.status == .conflict)
            let reviewed = try await client.send(.post, adoptPath + "/reviews", json: humanBody, headers: reviewer)
            #expect(reviewed.status == .created)
            let answers = try decode([Components.Schemas.CheckReview].self, reviewed)
            #expect(answers.count == 10 && answers.allSatisfy { $0.responseVersion == 1 && $0.reviewer == world.user(.reviewer).email })
            let gender = try await client.send(
                .post, adoptPath + "/reviews",
                json:
                    #"{"kind":"gender","version":1,"genderMarker":2,"answers":[{"code":"G03","status":"met","reasoning":"Analysed."},{"code":"G08","status":"met","reasoning":"Marker given."},{"code":"G09","status":"partly-met","reasoning":"Mostly."}]}"#,
                headers: reviewer)
            #expect(gender.status == .created)
            let clear = try decode(Components.Schemas.RoadmapItemDetail.self, try await client.send(.get, adoptPath, headers: maker))
            #expect(clear.blocking.isEmpty && clear.checklists.map(\.kind) == [.humanRights, .gender] && clear.checklists[1].genderMarker == 2)

            // approval by the focal point
            let approved = try await client.send(.post, adoptPath + "/status", json: #"{"status":"approved","version":1}"#, headers: focal)
            #expect(approved.status == .ok)
            #expect(try decode(Components.Schemas.RoadmapItem.self, approved).status == .approved)

            // every step is in the audit log
            let actions = try await world.services.audit.list(
                SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 50)
            ).map(\.action)
            for action in ["roadmap.create", "roadmap.status", "roadmap.review", "roadmap.approve"] {
                #expect(actions.contains(action), "audit has \(action)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func statesAndRolesAreChecked(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: a home self-assessment and roadmap item, and the foreign state's records
            let focal = try await auth(world, .focalPoint)
            let maker = try await auth(world, .policyMaker)
            let reviewer = try await auth(world, .reviewer)
            let donor = try await auth(world, .donorViewer)
            let assessor = try await auth(world, .assessor)
            let facilitator = try await auth(world, .facilitator)
            let foreign = try await Self.seedForeign(world)
            let base = "/api/v1/states/\(world.home.id)"
            let opened = try await client.send(
                .post, base + "/capability-assessments",
                json: Self.json(["kind": "self", "title": "Assessor's view", "conductedOn": "2025-01-01", "areas": ["F01"]]), headers: assessor)
            #expect(opened.status == .created)
            let own = try decode(Components.Schemas.CapabilityAssessment.self, opened)
            let item = try decode(
                Components.Schemas.RoadmapItem.self, try await client.send(.post, base + "/roadmap-items", json: Self.item("Pilot"), headers: maker))

            // a validated assessment is programme staff's: it takes the areas of the self-assessment it validates, and only
            // they may answer it
            #expect(
                try await client.send(
                    .post, base + "/capability-assessments",
                    json: Self.json(["kind": "validated", "title": "x", "conductedOn": "2025-01-01", "validates": own.id]), headers: focal
                ).status == .forbidden)
            let validatedResponse = try await client.send(
                .post, base + "/capability-assessments",
                json: Self.json(["kind": "validated", "title": "Validated at the workshop", "conductedOn": "2025-06-01", "validates": own.id]),
                headers: facilitator)
            #expect(validatedResponse.status == .created)
            let validated = try decode(Components.Schemas.CapabilityAssessment.self, validatedResponse)
            #expect(validated.kind == .validated && validated.validates == own.id && validated.areas == ["F01"])
            let answer = Self.answers(version: 1, [("E1.1.a", "fully", [])])
            let validatedPath = base + "/capability-assessments/" + validated.id
            #expect(try await client.send(.put, validatedPath + "/areas/F01/answers", json: answer, headers: focal).status == .forbidden)
            #expect(try await client.send(.put, validatedPath + "/areas/F01/answers", json: answer, headers: facilitator).status == .ok)
            #expect(
                try await client.send(
                    .post, base + "/capability-assessments",
                    json: Self.json(["kind": "self", "title": "x", "conductedOn": "2025-01-01", "areas": ["F01"]]),
                    headers: facilitator
                ).status == .forbidden)

            // (after the tokens and the records above, whose creation is audited)
            let head = try await auditHead(world)

            // a donor viewer reads and writes nothing of capability; an assessor neither plans nor approves; a reviewer
            // does not plan
            let ownPath = base + "/capability-assessments/" + own.id
            let itemPath = base + "/roadmap-items/" + item.id
            let refused: [(HTTPFields, HTTPRequest.Method, String, String?)] = [
                (donor, .get, base + "/capability-assessments", nil),
                (donor, .get, ownPath, nil),
                (donor, .get, ownPath + "/priorities", nil),
                (donor, .get, base + "/roadmap-items", nil),
                (donor, .get, itemPath, nil),
                (donor, .post, base + "/capability-assessments", Self.json(["kind": "self", "title": "x", "conductedOn": "2025-01-01"])),
                (donor, .put, ownPath + "/areas/F01/answers", answer),
                (assessor, .post, base + "/roadmap-items", Self.item("Assessor's plan")),
                (assessor, .put, ownPath + "/areas/F01/targets", Self.json(["version": 1, "targets": [["enabler": "E1", "stage": 2]]])),
                (assessor, .post, ownPath + "/target-proposals", #"{"version":1}"#),
                (assessor, .post, itemPath + "/status", #"{"status":"approved","version":1}"#),
                (reviewer, .put, itemPath, Self.item("Reviewer's plan", extra: ["version": 1])),
                (reviewer, .post, ownPath + "/evidence", #"{"summary":"x","source":"y","reliability":"A","credibility":1}"#),
                (maker, .post, itemPath + "/reviews", #"{"kind":"gender","version":1,"answers":[{"code":"G03","status":"met","reasoning":"x"}]}"#),
            ]
            for (headers, method, uri, json) in refused {
                let answer = try await client.send(method, uri, json: json, headers: headers)
                #expect(answer.status == .forbidden, "\(method) \(uri): \(answer.status)")
                #expect(answer.headers[.contentType] == "application/problem+json")
            }

            // the foreign state's records named under the home state, and the foreign state itself: 404, without a word of it
            let foreignAssessment = base + "/capability-assessments/" + foreign.assessment
            let foreignItem = base + "/roadmap-items/" + foreign.item
            let attempts: [(HTTPFields, HTTPRequest.Method, String, String?)] = [
                (focal, .get, foreignAssessment, nil),
                (focal, .put, foreignAssessment + "/areas/F01/answers", answer),
                (focal, .post, foreignAssessment + "/evidence", #"{"summary":"x","source":"y","reliability":"A","credibility":1}"#),
                (focal, .get, foreignAssessment + "/priorities", nil),
                (focal, .put, foreignAssessment + "/areas/F01/targets", Self.json(["version": 1, "targets": [["enabler": "E1", "stage": 2]]])),
                (focal, .post, foreignAssessment + "/target-proposals", #"{"version":1}"#),
                (maker, .get, foreignItem, nil),
                (maker, .put, foreignItem, Self.item("Hostile", extra: ["version": 1])),
                (maker, .post, foreignItem + "/status", #"{"status":"dropped","version":1}"#),
                (focal, .post, foreignItem + "/status", #"{"status":"approved","version":1}"#),
                (
                    reviewer, .post, foreignItem + "/reviews",
                    #"{"kind":"gender","version":1,"answers":[{"code":"G03","status":"met","reasoning":"x"}]}"#
                ),
                (focal, .get, base + "/capability-assessments/not-an-id", nil),
                (focal, .put, ownPath + "/areas/F02/answers", answer),
                (focal, .get, "/api/v1/states/\(world.foreign.id)/capability-assessments", nil),
                (focal, .get, "/api/v1/states/\(world.foreign.id)/roadmap-items", nil),
                (maker, .post, "/api/v1/states/\(world.foreign.id)/roadmap-items", Self.item("Hostile")),
            ]
            for (headers, method, uri, json) in attempts {
                let answer = try await client.send(method, uri, json: json, headers: headers)
                #expect(answer.status == .notFound, "\(method) \(uri): \(answer.status)")
                #expect(!answer.text.contains(TestWorld.foreignMarker))
            }

            // nothing was written by any of it
            #expect(try await auditHead(world) == head)
            let foreignScope = SystemAuthority.tenant(world.foreign.id, permission: .viewCapability)
            #expect(try await world.services.capability.capabilityAssessment(foreignScope, id: foreign.assessment)?.version == 2)
            #expect(try await world.services.capability.criterionRecords(foreignScope, assessmentID: foreign.assessment).isEmpty)
            let stored = try await world.services.capability.roadmapItem(foreignScope, id: foreign.item)
            #expect(stored?.status == .proposed && stored?.version == 1)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func frameworkVersionsAreOpenToEverySignedInUser(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let donor = try await auth(world, .donorViewer)
            // act
            let list = try await client.send(.get, "/api/v1/capability-frameworks", headers: donor)
            let one = try await client.send(.get, "/api/v1/capability-frameworks/\(CapabilityFramework.defaultID)", headers: donor)
            // check: the default version, whole, as shipped
            #expect(list.status == .ok && one.status == .ok)
            let summaries = try decode([Components.Schemas.CapabilityFrameworkSummary].self, list)
            #expect(summaries.map(\.id) == [CapabilityFramework.defaultID] && summaries.first?.isCurrent == true)
            let framework = try decode(Components.Schemas.CapabilityFramework.self, one)
            let shipped = CapabilityFramework.ctTechDefault
            #expect(framework.id == shipped.id && framework.tlp == .clear && summaries.first?.criteria == shipped.criteria.count)
            #expect(framework.areas.map(\.code) == shipped.areas.map(\.code) && framework.enablers.map(\.code) == shipped.enablers.map(\.code))
            #expect(framework.stages.map(\.code) == ["1", "2", "3", "4", "5"] && framework.readiness.map(\.code) == shipped.readiness.map(\.code))
            #expect(framework.criteria.map(\.code) == shipped.criteria.map(\.code) && framework.adoptionChecks == ["H06", "H09", "H12", "H13"])
            #expect(framework.criteria.first { $0.code == "F02.E1.2.a" }?.area == "F02")
            #expect(framework.scope.additionalProperties["F07"]?.technologies == ["T09", "T17"])
            #expect(try await client.send(.get, "/api/v1/capability-frameworks/no-such-version", headers: donor).status == .notFound)
            #expect(try await client.send(.get, "/api/v1/capability-frameworks").status == .unauthorized)
        }
    }
}
