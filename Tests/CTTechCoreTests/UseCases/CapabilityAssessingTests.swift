import CTTechCore
import CTTechDoubles
import Foundation
import Testing

@Suite("Capability self-assessment and validation (step 7)")
struct CapabilityAssessingTests {
    /// Stage 1 of F07 × E4 (counter-drone processes): the two generic criteria.
    static let stageOne: [String: CriterionAnswer] = ["E4.1.a": .fully, "E4.1.b": .largely]

    /// Another state, Arcadia, with a self-assessment of F07 and one evidence item of its own.
    func foreignAssessment(_ workspace: StateWorkspace) -> (state: PartnerState, assessment: CapabilityAssessment, evidence: CapabilityEvidence) {
        let elsewhere = workspace.repositories.seedPartnerState(code: "ARC", name: "Arcadia")
        let assessment = CapabilityAssessment(
            id: "arc-self", stateID: elsewhere.id, kind: .selfAssessed, title: "Arcadia police 2026", frameworkVersion: CapabilityFramework.defaultID,
            areas: ["F07"], conductedOn: CalendarDate("2026-02-01")!, createdBy: "arc-assessor", createdAt: 1)
        let evidence = CapabilityEvidence(
            id: "arc-evidence", assessmentID: assessment.id, summary: "Arcadian procedure manual.", source: "Arcadian police", reliability: .b,
            credibility: .probablyTrue, observedOn: nil)
        workspace.repositories.seed(assessment, evidence: [evidence])
        return (elsewhere, assessment, evidence)
    }

    // MARK: Opening

    @Test func aSelfAssessmentIsOpenedUnderTheCurrentFrameworkWithItsAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let entries = workspace.repositories.audit.count

        // act
        let assessment = try await workspace.capabilityAssessing.open(
            .mock(areas: ["F07", "F03"]), kind: .selfAssessed, agencies: [], threatAssessments: [], by: workspace.assessor.actor,
            scope: try workspace.granted(workspace.assessor, .writeCapability))

        // check
        #expect(assessment.kind == .selfAssessed && assessment.version == 1 && assessment.stateID == workspace.state.id)
        #expect(assessment.title == "Valdoria national police 2026" && assessment.conductedOn == CalendarDate("2026-03-01"))
        #expect(assessment.areas == ["F03", "F07"])  // the framework's order
        #expect(assessment.frameworkVersion == CapabilityFramework.defaultID && assessment.validates == nil)
        #expect(assessment.createdBy == workspace.assessor.userID)
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)
        #expect(try await workspace.repositories.capabilityAssessments(viewing) == [assessment])
        #expect(workspace.repositories.audit.count == entries + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "capability.create" && event.entityType == "capability_assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id && event.actorID == workspace.assessor.userID)
        #expect(event.details == ["title": "Valdoria national police 2026", "kind": "self"])
    }

    @Test func anAssessmentWithoutAreasIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.capabilityAssessing.open(
                .mock(areas: []), kind: .selfAssessed, agencies: [], threatAssessments: [], by: workspace.assessor.actor,
                scope: workspace.scope(workspace.assessor, .writeCapability))
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "areas", "validation.capability.no-area")])
        #expect(try await workspace.repositories.capabilityAssessments(workspace.scope(workspace.focalPoint, .viewCapability)).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aValidatedAssessmentTakesTheAreasAndFrameworkOfTheSelfAssessmentItValidates() async throws {
        // setup
        let workspace = StateWorkspace()
        let own = try await workspace.openCapability()
        var newer = CapabilityFramework.ctTechDefault
        newer.id = "valdoria-capability-2026.1"
        newer.title = "A newer framework"
        workspace.repositories.seed(newer)
        let entries = workspace.repositories.audit.count

        // act
        let validated = try await workspace.capabilityAssessing.open(
            CapabilityAssessmentDraft(fields: ["title": "Validated at the national workshop", "conductedOn": "2026-04-02", "validates": own.id]),
            kind: .validated, agencies: [], threatAssessments: [], by: workspace.facilitator.actor,
            scope: try workspace.granted(workspace.facilitator, .validateCapability))

        // check
        #expect(validated.kind == .validated && validated.validates == own.id && validated.areas == own.areas)
        #expect(validated.frameworkVersion == CapabilityFramework.defaultID)  // the version of what it validates
        #expect(validated.createdBy == workspace.facilitator.userID)
        #expect(workspace.repositories.audit.count == entries + 1)
        #expect(workspace.repositories.audit.last?.details == ["title": "Validated at the national workshop", "kind": "validated"])
        // A new self-assessment uses the current framework.
        #expect(try await workspace.openCapability().frameworkVersion == "valdoria-capability-2026.1")
    }

    @Test func aValidatedAssessmentNeedsASelfAssessmentOfTheSameState() async throws {
        // setup
        let workspace = StateWorkspace()
        let own = try await workspace.openCapability()
        let foreign = foreignAssessment(workspace)
        let scope = workspace.scope(workspace.facilitator, .validateCapability)
        let validatedOwn = try await workspace.capabilityAssessing.open(
            CapabilityAssessmentDraft(fields: ["title": "Validated", "conductedOn": "2026-04-02", "validates": own.id]), kind: .validated,
            agencies: [], threatAssessments: [], by: workspace.facilitator.actor, scope: scope)
        let entries = workspace.repositories.audit.count

        // act and check: none, another state's, and a validated one are all refused
        for validates in ["", foreign.assessment.id, validatedOwn.id] {
            let failure = await #expect(throws: ValidationFailure.self) {
                try await workspace.capabilityAssessing.open(
                    CapabilityAssessmentDraft(fields: ["title": "Validated", "conductedOn": "2026-04-02", "validates": validates]), kind: .validated,
                    agencies: [], threatAssessments: [], by: workspace.facilitator.actor, scope: scope)
            }
            #expect(failure?.issues == [FieldIssue(field: "validates", "validation.capability.validates")], "validates \(validates)")
        }
        #expect(workspace.repositories.audit.count == entries)
        #expect(try await workspace.repositories.capabilityAssessments(workspace.scope(workspace.focalPoint, .viewCapability)).count == 2)
    }

    // MARK: Answers

    @Test func answeringAnAreaStoresItsAnswersRaisesTheVersionAndMovesTheGrid() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let entries = workspace.repositories.audit.count

        // act
        let answered = try await workspace.capabilityAssessing.answer(
            .answering(Self.stageOne.merging(["E4.2.a": .partially, "E1.1.a": .notApplicable]) { $1 }, version: 1), area: "F07", of: assessment,
            by: workspace.assessor.actor, scope: try workspace.granted(workspace.assessor, .writeCapability))

        // check
        #expect(answered.version == 2 && answered.id == assessment.id)
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)
        let records = try await workspace.repositories.criterionRecords(viewing, assessmentID: assessment.id)
        #expect(records.map(\.criterion) == ["E1.1.a", "E4.1.a", "E4.1.b", "E4.2.a"])
        #expect(records.allSatisfy { $0.area == "F07" && $0.answeredBy == workspace.assessor.userID && $0.note == "Seen in the unit's procedures." })
        let (_, grid, _) = try await workspace.capabilityAssessing.grid(of: answered, scope: viewing)
        let cell = try #require(grid.level("F07", "E4"))
        #expect(cell.level == 1 && cell.next == 2 && cell.progress == 0)  // E4.2.a partially, E4.2.b unanswered
        #expect(grid.level("F07", "E1")?.level == 0 && grid.level("F03", "E4")?.level == 0)
        #expect(workspace.repositories.audit.count == entries + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "capability.answers" && event.entityID == assessment.id && event.actorID == workspace.assessor.userID)
        #expect(event.details == ["area": "F07", "answered": "4"])
    }

    @Test func answeringAnAreaAgainReplacesItsAnswersAndLeavesOtherAreas() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        try await workspace.answer(Self.stageOne, area: "F07", of: assessment)
        try await workspace.answer(["E1.1.a": .fully], area: "F03", of: assessment)

        // act
        let answered = try await workspace.answer(["E4.1.a": .partially], area: "F07", of: assessment)

        // check
        #expect(answered.version == 4)
        let records = try await workspace.repositories.criterionRecords(
            workspace.scope(workspace.focalPoint, .viewCapability), assessmentID: assessment.id)
        #expect(records.map { "\($0.area) \($0.criterion) \($0.answer.rawValue)" } == ["F03 E1.1.a fully", "F07 E4.1.a partially"])
    }

    @Test func aStaleVersionIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let first = try await workspace.answer(Self.stageOne, area: "F07", of: assessment)
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)
        let records = try await workspace.repositories.criterionRecords(viewing, assessmentID: assessment.id)
        let entries = workspace.repositories.audit.count

        // act: a form read at version 1
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.capabilityAssessing.answer(
                .answering(["E4.1.a": .notImplemented], version: 1), area: "F07", of: assessment, by: workspace.assessor.actor,
                scope: workspace.scope(workspace.assessor, .writeCapability))
        }

        // check
        #expect(try await workspace.stored(assessment) == first)
        #expect(try await workspace.repositories.criterionRecords(viewing, assessmentID: assessment.id) == records)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func criteriaOfAnotherFrameworkOrAnAreaNotAssessedAreRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let scope = workspace.scope(workspace.assessor, .writeCapability)
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.capabilityAssessing.answer(
                .answering(["E4.1.a": .fully, "X9.9.z": .fully], version: 1), area: "F07", of: assessment, by: workspace.assessor.actor, scope: scope)
        }
        await #expect(throws: CapabilityRuleViolation.areaNotAssessed("F01")) {
            try await workspace.capabilityAssessing.answer(
                .answering(["E4.1.a": .fully], version: 1), area: "F01", of: assessment, by: workspace.assessor.actor, scope: scope)
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "answers", Message("validation.capability.criteria-unknown", count: 1, ["codes": "X9.9.z"]))])
        #expect(try await workspace.stored(assessment).version == 1)
        #expect(
            try await workspace.repositories.criterionRecords(workspace.scope(workspace.focalPoint, .viewCapability), assessmentID: assessment.id)
                .isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    // MARK: Evidence

    @Test func evidenceIsAddedWithItsAuditEntryAndBacksAnswers() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let entries = workspace.repositories.audit.count

        // act
        let evidence = try await workspace.capabilityAssessing.addEvidence(
            .mock, to: assessment, by: workspace.assessor.actor, scope: workspace.scope(workspace.assessor, .writeCapability))
        try await workspace.answer(Self.stageOne, area: "F07", of: assessment, evidence: ["E4.1.a": [evidence.id]])

        // check
        #expect(evidence.assessmentID == assessment.id && evidence.grading == "B2" && evidence.observedOn == CalendarDate("2026-03-14"))
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)
        #expect(try await workspace.repositories.capabilityEvidence(viewing, assessmentID: assessment.id) == [evidence])
        let records = try await workspace.repositories.criterionRecords(viewing, assessmentID: assessment.id)
        #expect(records.first { $0.criterion == "E4.1.a" }?.evidenceIDs == [evidence.id])
        #expect(workspace.repositories.audit.count == entries + 2)
        let event = try #require(workspace.repositories.audit.dropLast().last)
        #expect(event.action == "capability.evidence" && event.entityID == assessment.id && event.details == ["evidence": evidence.id])
    }

    @Test func evidenceOfAnotherStateOrAssessmentIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let other = try await workspace.openCapability(areas: ["F07"])
        let scope = workspace.scope(workspace.assessor, .writeCapability)
        let otherEvidence = try await workspace.capabilityAssessing.addEvidence(.mock, to: other, by: workspace.assessor.actor, scope: scope)
        let foreign = foreignAssessment(workspace)
        let entries = workspace.repositories.audit.count

        // act and check
        for id in [foreign.evidence.id, otherEvidence.id] {
            let failure = await #expect(throws: ValidationFailure.self) {
                try await workspace.capabilityAssessing.answer(
                    .answering(Self.stageOne, version: 1, evidence: ["E4.1.a": [id]]), area: "F07", of: assessment, by: workspace.assessor.actor,
                    scope: scope)
            }
            #expect(failure?.issues == [FieldIssue(field: "evidence.E4.1.a", "validation.capability.evidence-unknown")])
        }
        #expect(try await workspace.stored(assessment).version == 1)
        #expect(
            try await workspace.repositories.criterionRecords(workspace.scope(workspace.focalPoint, .viewCapability), assessmentID: assessment.id)
                .isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    // MARK: Tenant isolation

    @Test func anotherStatesScopeSeesAndChangesNothing() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        try await workspace.answer(Self.stageOne, area: "F07", of: assessment)
        _ = try await workspace.capabilityAssessing.addEvidence(
            .mock, to: assessment, by: workspace.assessor.actor, scope: workspace.scope(workspace.assessor, .writeCapability))
        let foreign = foreignAssessment(workspace)
        let arcadia = SystemAuthority.tenant(foreign.state.id, permission: .writeCapability)
        let stored = try await workspace.stored(assessment)
        let entries = workspace.repositories.audit.count

        // act and check: Arcadia sees only its own
        #expect(try await workspace.repositories.capabilityAssessments(arcadia) == [foreign.assessment])
        #expect(try await workspace.repositories.capabilityAssessment(arcadia, id: assessment.id) == nil)
        #expect(try await workspace.repositories.criterionRecords(arcadia, assessmentID: assessment.id).isEmpty)
        #expect(try await workspace.repositories.capabilityEvidence(arcadia, assessmentID: assessment.id).isEmpty)
        #expect(try await workspace.repositories.capabilityTargets(arcadia, assessmentID: assessment.id).isEmpty)
        // Valdoria sees only its own.
        let valdoria = workspace.scope(workspace.focalPoint, .viewCapability)
        #expect(try await workspace.repositories.capabilityAssessments(valdoria).map(\.id) == [assessment.id])
        #expect(try await workspace.repositories.capabilityEvidence(valdoria, assessmentID: foreign.assessment.id).isEmpty)
        // Arcadia's writes to Valdoria's assessment find nothing.
        await #expect(throws: StoreConflict.missing) {
            try await workspace.capabilityAssessing.answer(
                .answering(["E4.1.a": .notImplemented], version: stored.version), area: "F07", of: stored, by: workspace.assessor.actor,
                scope: arcadia)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.capabilityAssessing.addEvidence(.mock, to: stored, by: workspace.assessor.actor, scope: arcadia)
        }
        #expect(try await workspace.stored(assessment) == stored)
        #expect(workspace.repositories.audit.count == entries)
    }

    // MARK: Framework versions

    @Test func aFrameworkVersionIsPublishedOnlyWholeAndUnderANewID() async throws {
        // setup
        let workspace = StateWorkspace()
        var framework = CapabilityFramework.ctTechDefault
        framework.id = "valdoria-capability-2026.1"
        framework.title = "Valdoria's revised framework"
        let json = try JSONEncoder().encode(framework)
        let entries = workspace.repositories.audit.count

        // act
        let published = try await workspace.capabilityAssessing.publish(json: json, by: workspace.administrator.actor)

        // check
        #expect(published.id == framework.id && published.title == framework.title && published.criteria == framework.criteria)
        #expect(try await workspace.repositories.framework(id: nil)?.id == "valdoria-capability-2026.1")
        #expect(workspace.repositories.audit.count == entries + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "framework.publish" && event.entityID == framework.id && event.stateID == nil)
        // Not JSON, a framework with problems, and an id already published are refused, and nothing is written.
        let bad = await #expect(throws: ValidationFailure.self) {
            try await workspace.capabilityAssessing.publish(json: Data("not json".utf8), by: workspace.administrator.actor)
        }
        #expect(bad?.issues.map(\.key) == ["validation.capability.framework-json"])
        var broken = framework
        broken.id = "broken"
        broken.criteria.removeAll { $0.enabler == "E9" && $0.stage == 5 }
        let problems = await #expect(throws: ValidationFailure.self) {
            try await workspace.capabilityAssessing.publish(json: try JSONEncoder().encode(broken), by: workspace.administrator.actor)
        }
        #expect(problems?.issues.first?.values["problems"] == "enabler E9 has no generic criterion for stage 5")
        await #expect(throws: StoreConflict.duplicate(field: "id")) {
            try await workspace.capabilityAssessing.publish(json: json, by: workspace.administrator.actor)
        }
        #expect(workspace.repositories.audit.count == entries + 1)
    }
}
