import CTTechCore
import CTTechDoubles
import Testing

@Suite("Horizon scanning (step 2)")
struct HorizonScanningTests {
    @Test func aTechnologysLineIsRecordedThenReplaced() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let first = try await workspace.scanning.record(.mock, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // act
        let second = try await workspace.scanning.record(
            HorizonScanDraft(technology: "T08", stage: "observed", trend: "surging", notes: nil), in: assessment, by: workspace.focalPoint.actor,
            scope: workspace.managing)

        // check
        #expect(first == HorizonScanEntry(technology: "T08", stage: .discussed, trend: .rising, notes: "Deepfakes discussed."))
        #expect(second == HorizonScanEntry(technology: "T08", stage: .observed, trend: .surging, notes: ""))
        #expect(try await workspace.repositories.horizonScan(workspace.managing, assessmentID: assessment.id) == [second])
        #expect(try await workspace.revision(of: assessment) == 2)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "scan.set" && event.entityType == "assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id && event.details == ["technology": "T08", "stage": "observed", "trend": "surging"])
    }

    @Test func aTechnologyOutsideTheMethodOrAnUnknownStageIsRefused() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.scanning.record(
                HorizonScanDraft(technology: "T77", stage: "everywhere", trend: "rising", notes: nil), in: assessment, by: workspace.focalPoint.actor,
                scope: workspace.managing)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["technology", "stage"])
        #expect(try await workspace.repositories.horizonScan(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }
}
