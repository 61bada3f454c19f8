import CTTechCore
import CTTechDoubles
import Testing

@Suite("Evidence about scenarios and technologies")
struct EvidenceRecordingTests {
    @Test func evidenceAboutAScenarioIsStoredGraded() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)

        // act
        let item = try await workspace.evidence.add(
            .mock, about: .scenario(scenario.id), in: assessment, field: "subject", by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(item.subject == .scenario(scenario.id) && item.grading == "B2" && item.observedOn == "2026-03-14")
        #expect(try await workspace.repositories.evidence(workspace.managing, assessmentID: assessment.id, about: .scenario(scenario.id)) == [item])
        #expect(try await workspace.repositories.evidenceItem(workspace.managing, assessmentID: assessment.id, id: item.id) == item)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "evidence.create" && event.entityType == "evidence" && event.entityID == item.id)
        #expect(event.stateID == workspace.state.id && event.details == ["subject": "scenario \(scenario.id)", "grading": "B2"])
    }

    @Test func evidenceAboutATechnologyOfTheMethodIsStored() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()

        // act
        let item = try await workspace.evidence.add(
            .mock, about: .technology("T08"), in: assessment, field: "subject", by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(try await workspace.repositories.evidence(workspace.managing, assessmentID: assessment.id, about: nil) == [item])
        #expect(try await workspace.repositories.evidence(workspace.managing, assessmentID: assessment.id, about: .technology("T09")).isEmpty)
        #expect(workspace.repositories.audit.last?.details["subject"] == "technology T08")
    }

    @Test(arguments: [
        (EvidenceRecording.Subject.technology("T77"), "must be one of the method's technologies"),
        (.scenario("not-an-id"), "is not a scenario of this assessment"),
        (.scenario("00000000-0000-4000-8000-000000000000"), "is not a scenario of this assessment"),
    ])
    func anUnknownSubjectIsReportedOnTheCallersField(subject: EvidenceRecording.Subject, message: String) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.evidence.add(
                .mock, about: subject, in: assessment, field: "about", by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "about", message: message)])
        #expect(try await workspace.repositories.evidence(workspace.managing, assessmentID: assessment.id, about: nil).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aScenarioOfAnotherAssessmentIsNotASubject() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment(title: "First")
        let other = try await workspace.openAssessment(title: "Second")
        let scenario = try await workspace.writeScenario(in: other)

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.evidence.add(
                .mock, about: .scenario(scenario.id), in: assessment, field: "subject", by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(failure?.message(for: "subject") == "is not a scenario of this assessment")
        #expect(try await workspace.repositories.evidence(workspace.managing, assessmentID: assessment.id, about: nil).isEmpty)
    }

    @Test func anUngradedItemIsRefusedFieldByField() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let draft = EvidenceDraft(summary: "", source: "Liaison report", reliability: "Z", credibility: 7, observedOn: "2026-02-30")
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.evidence.add(
                draft, about: .technology("T08"), in: assessment, field: "subject", by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["summary", "reliability", "credibility", "observedOn"])
        #expect(workspace.repositories.audit.count == entries)
    }
}
