import CTTechCore
import CTTechDoubles
import Testing

@Suite("Other national risks (step 4)")
struct OtherRiskRecordingTests {
    @Test func aRiskIsAddedOnTheRegistersAxes() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()

        // act
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(risk.title == "River flood" && risk.family == "Natural hazard" && risk.confidence == .high)
        #expect(risk.likelihood == (try UncertainEstimate(low: 0.1, best: 0.2, high: 0.4, within: 0...1)))
        #expect(risk.impact == (try UncertainEstimate(low: 2, best: 3, high: 4, within: 1...5)))
        #expect(try await workspace.repositories.otherRisks(workspace.managing, assessmentID: assessment.id) == [risk])
        #expect(try await workspace.revision(of: assessment) == 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "other_risk.create" && event.entityType == "other_risk" && event.entityID == risk.id)
        #expect(event.stateID == workspace.state.id && event.details == ["title": "River flood"])
    }

    @Test func estimatesOutOfOrderOrOutOfBoundsAreRefused() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let outOfOrder = OtherRiskDraft(title: "Flood", family: "Natural", confidence: "high", likelihood: (0.5, 0.2, 0.4), impact: (2, 3, 4))
        let outOfBounds = OtherRiskDraft(title: "Flood", family: "Natural", confidence: "sure", likelihood: (0.1, 0.2, 1.5), impact: (0, 3, 4))
        let entries = workspace.repositories.audit.count

        // act
        let orderFailure = await #expect(throws: ValidationFailure.self) {
            try await workspace.otherRisks.add(outOfOrder, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }
        let boundsFailure = await #expect(throws: ValidationFailure.self) {
            try await workspace.otherRisks.add(outOfBounds, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(orderFailure?.issues == [FieldIssue(field: "likelihood", message: "low must not exceed best")])
        #expect(boundsFailure?.issues.map(\.field) == ["likelihoodHigh", "impactLow", "confidence"])
        #expect(try await workspace.repositories.otherRisks(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func correctingARiskReplacesItsEstimatesUnderTheSameId() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let draft = OtherRiskDraft(title: "River flood", family: "Natural hazard", confidence: "low", likelihood: (0.2, 0.3, 0.5), impact: (3, 4, 5))

        // act
        let corrected = try await workspace.otherRisks.correct(
            risk.id, with: draft, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(corrected.id == risk.id && corrected.confidence == .low && corrected.impact.best == 4)
        #expect(try await workspace.repositories.otherRisks(workspace.managing, assessmentID: assessment.id) == [corrected])
        #expect(try await workspace.revision(of: assessment) == 2)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "other_risk.update" && event.entityType == "other_risk" && event.entityID == risk.id)
        #expect(event.stateID == workspace.state.id && event.details == ["title": "River flood"])
    }

    @Test func correctingARiskThatIsNotThereIsMissing() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.otherRisks.correct(
                Identifier.make(), with: .mock, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(try await workspace.repositories.otherRisks(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }
}
