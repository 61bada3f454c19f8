import CTTechCore
import CTTechTestSupport
import Foundation
import Testing

@testable import CTTechStore

@Suite("Capability assessments and the roadmap in the store: versions under concurrency, tenancy")
struct CapabilityStoreTests {
    struct Setup {
        let store: CapabilityStore
        let state: PartnerState
        let foreign: PartnerState
        let assessment: CapabilityAssessment
        var scope: TenantScope { Fixture.scope(state, .writeCapability) }
    }

    func setup(_ db: Persistence) async throws -> Setup {
        let state = Fixture.state()
        let foreign = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
        for s in [state, foreign] { try await PartnerStateStore(db).create(s, by: Fixture.admin, audit: Fixture.event("state.create")) }
        let store = CapabilityStore(db)
        let assessment = CapabilityAssessment(
            id: Identifier.make(), stateID: state.id, kind: .selfAssessed, title: "Police self-assessment",
            frameworkVersion: CapabilityFramework.defaultID, areas: ["F03"], conductedOn: CalendarDate("2026-03-01")!, version: 1,
            createdBy: "assessor", createdAt: 1)
        try await store.addCapabilityAssessment(assessment, scope: Fixture.scope(state, .writeCapability), audit: Fixture.event("capability.create"))
        return Setup(store: store, state: state, foreign: foreign, assessment: assessment)
    }

    func answers(_ answer: CriterionAnswer, of assessment: CapabilityAssessment) -> [CriterionRecord] {
        ["E4.1.a", "E4.1.b"].map {
            CriterionRecord(
                assessmentID: assessment.id, area: "F03", criterion: $0, answer: answer, confidence: .moderate, note: "", evidenceIDs: [],
                answeredBy: "assessor", answeredAt: 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func twoSavesAtOneVersionCannotBothLand(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)

            // act: eight writers, each at version 1, each with its own answer set
            let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<8 {
                    let answer: CriterionAnswer = n.isMultiple(of: 2) ? .fully : .partially
                    group.addTask {
                        do {
                            _ = try await s.store.replaceAnswers(
                                answers(answer, of: s.assessment), area: "F03", assessmentID: s.assessment.id, expectedVersion: 1,
                                framework: .ctTechDefault, scope: s.scope, audit: Fixture.event("capability.answers"))
                            return true
                        } catch StoreConflict.staleVersion(current: 2) {
                            return false
                        }
                    }
                }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }

            // check: exactly one landed, the version moved once, its answers are whole
            #expect(outcomes.filter { $0 }.count == 1)
            #expect(try await s.store.capabilityAssessment(s.scope, id: s.assessment.id)?.version == 2)
            let stored = try await s.store.criterionRecords(s.scope, assessmentID: s.assessment.id)
            #expect(stored.count == 2 && Set(stored.map(\.answer)).count == 1)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anotherStatesScopeNeitherReadsNorWrites(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // setup
            let s = try await setup(db)
            let foreignScope = Fixture.scope(s.foreign, .writeCapability)

            // act and check
            #expect(try await s.store.capabilityAssessments(foreignScope).isEmpty)
            #expect(try await s.store.capabilityAssessment(foreignScope, id: s.assessment.id) == nil)
            await #expect(throws: StoreConflict.missing) {
                try await s.store.replaceAnswers(
                    answers(.fully, of: s.assessment), area: "F03", assessmentID: s.assessment.id, expectedVersion: 1, framework: .ctTechDefault,
                    scope: foreignScope, audit: Fixture.event("capability.answers"))
            }
            #expect(try await s.store.criterionRecords(s.scope, assessmentID: s.assessment.id).isEmpty)
        }
    }
}
