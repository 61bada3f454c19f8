import CTTechCore
import CTTechStore
import CTTechTestSupport
import Foundation
import SQLKit
import Testing

@Suite("Steps 1–2, evidence, approval, snapshots and import in the store")
struct AssessmentStepsStoreTests {
    struct Setup {
        let state: PartnerState
        let foreign: PartnerState
        let assessment: Assessment
        let scenario: ThreatScenario
        let store: AssessmentStores
        var scope: TenantScope { Fixture.scope(state) }
    }

    func setup(_ db: Persistence) async throws -> Setup {
        let state = Fixture.state()
        let foreign = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
        for s in [state, foreign] { try await PartnerStateStore(db).create(s, by: Fixture.admin, audit: Fixture.event("state.create")) }
        let assessment = Assessment(
            id: Identifier.make(), stateID: state.id, title: "National assessment", period: "2025–2026", horizonYears: 3,
            methodVersion: MethodVersion.defaultID, tlp: .amber, status: .draft, version: 1)
        let store = AssessmentStores(db)
        try await store.records.create(assessment, scope: Fixture.scope(state), audit: Fixture.event("assessment.create", state: state.id))
        let scenario = ThreatScenario(
            id: Identifier.make(), assessmentID: assessment.id, title: "Drone attack", narrative: "Fictional.", actorType: "A3",
            technologies: ["T09"],
            purposes: ["P7"], targetSector: "Stadiums", horizonYears: 5, version: 1)
        try await store.scoring.addScenario(scenario, scope: Fixture.scope(state), audit: Fixture.event("scenario.create", state: state.id))
        return Setup(state: state, foreign: foreign, assessment: assessment, scenario: scenario, store: store)
    }

    func snapshotContent(_ s: Setup) -> SnapshotContent {
        SnapshotContent(
            assessment: s.assessment, agencies: [], raci: [], horizonScan: [], scenarios: [s.scenario], evidence: [], otherRisks: [],
            register: RegisterDocument(assessment: s.assessment, register: .empty, basisRound: nil, draws: 0, seed: 0))
    }

    @Test(arguments: TestDatabase.kinds)
    func stepsRoundTripAndStayInTheirState(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let police = Agency(id: Identifier.make(), name: "National Police", kind: .lawEnforcement, mandate: "Investigates.")
            let ministry = Agency(id: Identifier.make(), name: "Ministry of the Interior", kind: .ministry, mandate: "Approves.")
            for agency in [police, ministry] {
                try await s.store.institutions.addAgency(
                    agency, assessmentID: s.assessment.id, scope: s.scope, audit: Fixture.event("agency.create", state: s.state.id))
            }
            let cells = [
                RaciAssignment(activity: .approval, agencyID: ministry.id, role: .accountable),
                RaciAssignment(activity: .approval, agencyID: police.id, role: .responsible),
            ]
            try await s.store.institutions.setRaci(
                cells, assessmentID: s.assessment.id, scope: s.scope, audit: Fixture.event("raci.set", state: s.state.id))
            // a matrix naming an agency of nothing is refused before any write
            await #expect(throws: ValidationFailure.self) {
                try await s.store.institutions.setRaci(
                    [RaciAssignment(activity: .scoring, agencyID: Identifier.make(), role: .accountable)], assessmentID: s.assessment.id,
                    scope: s.scope,
                    audit: Fixture.event("raci.set", state: s.state.id))
            }
            try await s.store.scan.setScanEntry(
                HorizonScanEntry(technology: "T09", stage: .discussed, trend: .stable, notes: "first"), assessmentID: s.assessment.id, scope: s.scope,
                audit: Fixture.event("scan.set", state: s.state.id))
            try await s.store.scan.setScanEntry(
                HorizonScanEntry(technology: "T09", stage: .attempted, trend: .rising, notes: "second"), assessmentID: s.assessment.id,
                scope: s.scope,
                audit: Fixture.event("scan.set", state: s.state.id))
            let evidence = EvidenceItem(
                id: Identifier.make(), subject: .scenario(s.scenario.id), summary: "Seized drone", source: "Liaison", reliability: .b,
                credibility: .possiblyTrue, observedOn: "2025-03-01")
            try await s.store.evidence.addEvidence(
                evidence, assessmentID: s.assessment.id, scope: s.scope, audit: Fixture.event("evidence.create", state: s.state.id))
            // evidence for a scenario of another assessment is refused
            let stray = EvidenceItem(
                id: Identifier.make(), subject: .scenario(Identifier.make()), summary: "x", source: "y", reliability: .a, credibility: .confirmed,
                observedOn: "")
            await #expect(throws: StoreConflict.missing) {
                try await s.store.evidence.addEvidence(stray, assessmentID: s.assessment.id, scope: s.scope, audit: Fixture.event("evidence.create"))
            }
            #expect(try await s.store.institutions.agencies(s.scope, assessmentID: s.assessment.id) == [police, ministry])
            #expect(Set(try await s.store.institutions.raci(s.scope, assessmentID: s.assessment.id)) == Set(cells))
            #expect(
                try await s.store.scan.horizonScan(s.scope, assessmentID: s.assessment.id) == [
                    HorizonScanEntry(technology: "T09", stage: .attempted, trend: .rising, notes: "second")
                ])
            #expect(try await s.store.evidence.evidence(s.scope, assessmentID: s.assessment.id, about: nil) == [evidence])
            #expect(try await s.store.scoring.scenario(s.scope, assessmentID: s.assessment.id, id: s.scenario.id)?.horizonYears == 5)
            // another state's scope sees none of it, even with the right assessment id
            let foreign = Fixture.scope(s.foreign)
            #expect(try await s.store.institutions.agencies(foreign, assessmentID: s.assessment.id).isEmpty)
            #expect(try await s.store.institutions.raci(foreign, assessmentID: s.assessment.id).isEmpty)
            #expect(try await s.store.scan.horizonScan(foreign, assessmentID: s.assessment.id).isEmpty)
            #expect(try await s.store.evidence.evidence(foreign, assessmentID: s.assessment.id, about: nil).isEmpty)
            await #expect(throws: StoreConflict.missing) {
                try await s.store.institutions.addAgency(police, assessmentID: s.assessment.id, scope: foreign, audit: Fixture.event("agency.create"))
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func approvalFreezesASnapshotAndTheAssessment(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let event = Fixture.event("assessment.status", state: s.state.id)
            // draft cannot jump to approved
            await #expect(throws: AssessmentRuleViolation.statusTransition(from: .draft, to: .approved)) {
                try await s.store.approval.changeStatus(
                    s.scope, assessmentID: s.assessment.id, to: .approved, snapshot: (snapshotContent(s), 0), audit: event)
            }
            try await s.store.approval.changeStatus(s.scope, assessmentID: s.assessment.id, to: .inReview, snapshot: nil, audit: event)
            // a snapshot built at an older revision is refused
            let revision = try #require(try await s.store.records.revision(s.scope, assessmentID: s.assessment.id))
            await #expect(throws: AssessmentRuleViolation.changedDuringApproval) {
                try await s.store.approval.changeStatus(
                    s.scope, assessmentID: s.assessment.id, to: .approved, snapshot: (snapshotContent(s), revision - 1), audit: event)
            }
            try await s.store.approval.changeStatus(
                s.scope, assessmentID: s.assessment.id, to: .approved, snapshot: (snapshotContent(s), revision), audit: event)
            #expect(try await s.store.records.find(s.scope, id: s.assessment.id)?.status == .approved)
            // frozen: every kind of change is refused, in the transaction
            let agency = Agency(id: Identifier.make(), name: "Police", kind: .lawEnforcement, mandate: "")
            await #expect(throws: AssessmentRuleViolation.frozen) {
                try await s.store.institutions.addAgency(agency, assessmentID: s.assessment.id, scope: s.scope, audit: event)
            }
            await #expect(throws: AssessmentRuleViolation.frozen) {
                try await s.store.scoring.advanceRound(s.scope, assessmentID: s.assessment.id, to: .closed, audit: event)
            }
            var second = s.scenario
            second.id = Identifier.make()
            await #expect(throws: AssessmentRuleViolation.frozen) { try await s.store.scoring.addScenario(second, scope: s.scope, audit: event) }
            let snapshots = try await s.store.approval.snapshots(s.scope, assessmentID: s.assessment.id)
            #expect(snapshots.map(\.number) == [1])
            #expect(snapshots.first?.content.scenarios == [s.scenario])
            #expect(snapshots.first?.sha256.count == 64)
            #expect(try await s.store.approval.snapshots(Fixture.scope(s.foreign), assessmentID: s.assessment.id).isEmpty)
            // reopening allows changes again; the snapshot stays as it was
            try await s.store.approval.changeStatus(s.scope, assessmentID: s.assessment.id, to: .draft, snapshot: nil, audit: event)
            try await s.store.scoring.addScenario(second, scope: s.scope, audit: event)
            #expect(try await s.store.approval.snapshot(s.scope, assessmentID: s.assessment.id, number: 1)?.content.scenarios == [s.scenario])
            // a snapshot altered in the database no longer verifies and is not served
            try await db.sql.update("assessment_snapshots").set("content", to: SQLBind("{\"tampered\":true}")).run()
            #expect(try await s.store.approval.snapshot(s.scope, assessmentID: s.assessment.id, number: 1) == nil)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func importWritesEverythingOrNothing(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let emails = ["assessor@demo.cttech.example", "analyst2@demo.cttech.example", "analyst3@demo.cttech.example"]
            var assessors: [String: String] = [:]
            for email in emails {
                let user = Fixture.user(email)
                try await AccountStore(db).create(
                    user, grants: [RoleGrant(id: Identifier.make(), userID: user.id, role: .assessor, stateID: s.state.id)], by: Fixture.admin,
                    audit: Fixture.event("user.create"))
                assessors[email] = user.id
            }
            #expect(try await AccountStore(db).assessors(s.scope) == assessors)
            #expect(try await AccountStore(db).assessors(Fixture.scope(s.foreign)).isEmpty)
            // the example's policy responses are reviewed by this account
            let reviewer = Fixture.user("reviewer@demo.cttech.example")
            try await AccountStore(db).create(
                reviewer, grants: [RoleGrant(id: Identifier.make(), userID: reviewer.id, role: .reviewer, stateID: s.state.id)], by: Fixture.admin,
                audit: Fixture.event("user.create"))
            let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("docs/examples/assessment-import.json")
            let document = try AssessmentImport.decode(try Data(contentsOf: file))
            let plan = try document.plan(
                stateID: s.state.id, method: .ctTechDefault, assessors: assessors, reviewers: ["reviewer@demo.cttech.example": reviewer.id],
                makeID: Identifier.make)
            let audit = AuditLogStore(db)
            let before = try await audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
            // a plan that fails on its last table (two other risks with one id) leaves nothing behind
            var broken = plan
            broken.assessment.id = Identifier.make()
            broken.otherRisks[1].id = broken.otherRisks[0].id
            await #expect(throws: (any Error).self) {
                try await s.store.importer.importAssessment(broken, scope: s.scope, audit: Fixture.event("assessment.import", state: s.state.id))
            }
            #expect(try await s.store.records.list(s.scope).count == 1)
            #expect(try await audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq == before)
            try await s.store.importer.importAssessment(plan, scope: s.scope, audit: Fixture.event("assessment.import", state: s.state.id))
            let id = plan.assessment.id
            #expect(try await s.store.records.list(s.scope).count == 2)
            #expect(try await s.store.institutions.agencies(s.scope, assessmentID: id).count == 3)
            #expect(try await s.store.institutions.raci(s.scope, assessmentID: id).count == 7)
            #expect(try await s.store.scan.horizonScan(s.scope, assessmentID: id).count == 3)
            #expect(try await s.store.scoring.scenarios(s.scope, assessmentID: id).map(\.title) == plan.scenarios.map(\.title))
            #expect(try await s.store.evidence.evidence(s.scope, assessmentID: id, about: nil).count == 2)
            #expect(try await s.store.risks.otherRisks(s.scope, assessmentID: id).count == 2)
            #expect(try await s.store.scoring.currentRound(s.scope, assessmentID: id) == ScoringRound(number: 2, status: .revealed))
            let round1 = try await s.store.scoring.scoresForRegister(s.scope, assessmentID: id, throughRound: 1)
            #expect(Set(round1) == Set(plan.scores.filter { $0.round == 1 }))
            let entry = try #require(try await audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first)
            #expect(entry.action == "assessment.import" && entry.entityID == id)
            #expect(entry.details.contains("scores 18"))
        }
    }
}
