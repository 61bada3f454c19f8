import CTTechCore
import CTTechTestSupport
import Foundation
import SQLKit
import Testing

@testable import CTTechStore

@Suite("Imported policy responses in the store: with the assessment, in one transaction, or nothing")
struct ImportPolicyStoreTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/assessment-import.json")

    struct Setup {
        let db: Persistence
        let state: PartnerState
        let foreign: PartnerState
        let assessors: [String: String]
        let reviewer: String
        let focalPoint: String
        var scope: TenantScope { Fixture.scope(state) }
    }

    /// The example's assessors and reviewer, and a focal point, in the home state; in the other state a reviewer of the
    /// same kind; and an inactive reviewer at home.
    func setup(_ db: Persistence) async throws -> Setup {
        let state = Fixture.state()
        let foreign = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
        for s in [state, foreign] { try await PartnerStateStore(db).create(s, by: Fixture.admin, audit: Fixture.event("state.create")) }
        func account(_ email: String, _ role: Role, in state: PartnerState, active: Bool = true) async throws -> String {
            var user = Fixture.user(email)
            user.isActive = active
            try await AccountStore(db).create(
                user, grants: [RoleGrant(id: Identifier.make(), userID: user.id, role: role, stateID: state.id)], by: Fixture.admin,
                audit: Fixture.event("user.create"))
            return user.id
        }
        var assessors: [String: String] = [:]
        for email in ["assessor@demo.cttech.example", "analyst2@demo.cttech.example", "analyst3@demo.cttech.example"] {
            assessors[email] = try await account(email, .assessor, in: state)
        }
        let reviewer = try await account("Reviewer@Demo.cttech.example", .reviewer, in: state)
        let focalPoint = try await account("focal@demo.cttech.example", .focalPoint, in: state)
        _ = try await account("reviewer@norvania.example", .reviewer, in: foreign)
        _ = try await account("retired-reviewer@demo.cttech.example", .reviewer, in: state, active: false)
        return Setup(db: db, state: state, foreign: foreign, assessors: assessors, reviewer: reviewer, focalPoint: focalPoint)
    }

    /// The example with its second response approved through a focal point's override of every check that blocks it.
    static func file() throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: example)) as? [String: Any])
        var responses = object["responses"] as? [[String: Any]] ?? []
        responses[1]["status"] = "approved"
        responses[1]["overrides"] = [
            [
                "checks": ["H02", "H03", "H04", "H05", "H09", "H11", "G03", "G08", "G09"],
                "justification": "Ministers approved the regulation while the retention rule is revised in parliament.",
                "by": "focal@demo.cttech.example", "at": "2026-10-06T12:00:00Z",
            ]
        ]
        object["responses"] = responses
        return try JSONSerialization.data(withJSONObject: object)
    }

    func plan(_ s: Setup) async throws -> AssessmentImport.Plan {
        let importer = AssessmentImportStore(s.db)
        return try AssessmentImport.decode(try Self.file()).plan(
            stateID: s.state.id, method: .ctTechDefault, assessors: s.assessors,
            reviewers: try await importer.people(s.scope, holding: .reviewResponse),
            focalPoints: try await importer.people(s.scope, holding: .overrideReview), importer: "importer", makeID: Identifier.make)
    }

    func latestAuditSeq(_ db: Persistence) async throws -> Int64? {
        try await AuditLogStore(db).list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
    }

    @Test(arguments: TestDatabase.kinds)
    func peopleAreTheActiveHoldersOfARoleWithThePermissionInTheState(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let importer = AssessmentImportStore(db)
            #expect(try await importer.people(s.scope, holding: .reviewResponse) == ["reviewer@demo.cttech.example": s.reviewer])
            #expect(try await importer.people(s.scope, holding: .overrideReview) == ["focal@demo.cttech.example": s.focalPoint])
            // focal points score too; reviewers do not
            #expect(
                try await importer.people(s.scope, holding: .scoreScenario)
                    == s.assessors.merging(["focal@demo.cttech.example": s.focalPoint]) { a, _ in a })
            #expect(try await importer.people(Fixture.scope(s.foreign), holding: .overrideReview).isEmpty)
            #expect(try await importer.people(s.scope, holding: .administer).isEmpty)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func responsesAreWrittenWithTheAssessmentAndReadBackAsPlanned(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let plan = try await plan(s)

            // act
            try await AssessmentImportStore(db).importAssessment(plan, scope: s.scope, audit: Fixture.event("assessment.import", state: s.state.id))

            // check: every record as planned, in the response tables
            let policy = PolicyStore(db)
            let responses = try await policy.responses(s.scope)
            #expect(Set(responses) == Set(plan.responses))
            #expect(responses.map(\.status) == [.approved, .approved])
            #expect(responses.flatMap(\.targets).map(\.baselineRound) == [2, 2])
            #expect(Set(try await policy.allReviews(s.scope)) == Set(plan.reviews))
            #expect(try await policy.allOverrides(s.scope) == plan.overrides)
            #expect(Set(try await policy.allIndicators(s.scope)) == Set(plan.indicators))
            #expect(try await policy.allIndicators(s.scope).map(\.actuals.count).sorted() == [1, 2])
            #expect(try await policy.responses(Fixture.scope(s.foreign)).isEmpty)
            // the capability section, in the capability tables, linked to the new assessment, in the home state only
            let capability = CapabilityStore(db)
            let capabilityAssessments = try await capability.capabilityAssessments(s.scope)
            #expect(capabilityAssessments == plan.capability.assessments)
            #expect(capabilityAssessments.map(\.registerAssessmentID) == [plan.assessment.id])
            let capabilityID = try #require(capabilityAssessments.first).id
            #expect(try await capability.capabilityEvidence(s.scope, assessmentID: capabilityID) == plan.capability.evidence)
            #expect(Set(try await capability.criterionRecords(s.scope, assessmentID: capabilityID)) == Set(plan.capability.answers))
            #expect(Set(try await capability.capabilityTargets(s.scope, assessmentID: capabilityID)) == Set(plan.capability.targets))
            #expect(try await capability.capabilityAssessments(Fixture.scope(s.foreign)).isEmpty)
            // one audit entry, counting them
            let entry = try #require(try await AuditLogStore(db).list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first)
            #expect(entry.action == "assessment.import" && entry.entityID == plan.assessment.id)
            #expect(entry.details.contains("responses 2, reviews 14, overrides 1, indicators 2, actuals 3"))
            // the approved responses count in the new assessment's residual risk
            let stores = AssessmentStores(db)
            let document = try await RegisterComputation(
                scoring: stores.scoring, risks: stores.risks, reference: ReferenceDataStore(db), policy: policy
            ).compute(plan.assessment, scope: s.scope, draws: 500)
            let addressed = Set(plan.responses.flatMap(\.targets).map(\.riskID))
            #expect(document.entries.filter { addressed.contains($0.id) }.allSatisfy { ($0.residual?.plannedEffectiveness ?? 0) > 0 })
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aFailureOnTheLastTableLeavesNothingBehind(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: two indicators with one id, refused by the database when the actuals are all but written
            let s = try await setup(db)
            var broken = try await plan(s)
            broken.indicators[1].id = broken.indicators[0].id
            let before = try await latestAuditSeq(db)

            // act
            await #expect(throws: (any Error).self) {
                try await AssessmentImportStore(db).importAssessment(
                    broken, scope: s.scope, audit: Fixture.event("assessment.import", state: s.state.id))
            }

            // check
            #expect(try await AssessmentStore(db).list(s.scope).isEmpty)
            #expect(try await PolicyStore(db).responses(s.scope).isEmpty)
            #expect(try await PolicyStore(db).allReviews(s.scope).isEmpty)
            #expect(try await latestAuditSeq(db) == before)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aFailureInTheCapabilityTablesLeavesNothingBehind(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: two targets for one cell, refused by the database after everything else is written
            let s = try await setup(db)
            var broken = try await plan(s)
            broken.capability.targets[1].area = broken.capability.targets[0].area
            broken.capability.targets[1].enabler = broken.capability.targets[0].enabler
            let before = try await latestAuditSeq(db)

            // act
            await #expect(throws: (any Error).self) {
                try await AssessmentImportStore(db).importAssessment(
                    broken, scope: s.scope, audit: Fixture.event("assessment.import", state: s.state.id))
            }

            // check
            #expect(try await AssessmentStore(db).list(s.scope).isEmpty)
            #expect(try await PolicyStore(db).responses(s.scope).isEmpty)
            #expect(try await CapabilityStore(db).capabilityAssessments(s.scope).isEmpty)
            #expect(try await latestAuditSeq(db) == before)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func moreResponsesThanAStateMayHoldAreRefusedWhole(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup: the state holds all but one of the responses it may hold
            let s = try await setup(db)
            let plan = try await plan(s)
            let template = plan.responses[0]
            let rows = (0..<(PolicyLimits.responses - 1)).map { n in
                var held = template
                held.id = Identifier.make()
                held.title = "Held \(n)"
                held.targets = []
                return PolicyStore.ResponseRow(held, stateID: s.state.id, createdAt: Int64(n))
            }
            try await AssessmentImportStore.insert("policy_responses", rows, on: db.sql, nils: .asNil)
            let before = try await latestAuditSeq(db)

            // act
            let refusal = await #expect(throws: StoreConflict.self) {
                try await AssessmentImportStore(db).importAssessment(
                    plan, scope: s.scope, audit: Fixture.event("assessment.import", state: s.state.id))
            }

            // check: two more would be one too many; nothing of the file is written
            #expect(refusal == .duplicate(field: "responses"))
            #expect(try await AssessmentStore(db).list(s.scope).isEmpty)
            #expect(try await PolicyStore(db).responses(s.scope).count == PolicyLimits.responses - 1)
            #expect(try await latestAuditSeq(db) == before)
        }
    }
}
