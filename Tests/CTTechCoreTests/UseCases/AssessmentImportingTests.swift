import CTTechCore
import CTTechDoubles
import Foundation
import Testing

@Suite("Importing a whole assessment")
struct AssessmentImportingTests {
    /// A small file: one agency accountable for scoping, one scenario scored once in an open round, by an assessor named
    /// with an upper-case e-mail.
    static let file = Data(
        #"""
        {
          "format": "cttech.assessment/1",
          "assessment": {"title": "Imported assessment", "period": "2026", "horizonYears": 3, "tlp": "GREEN"},
          "agencies": [{"id": "police", "name": "National Police", "kind": "law-enforcement"}],
          "raci": [{"activity": "scoping", "agency": "police", "role": "A"}],
          "horizonScan": [{"technology": "T09", "stage": "observed", "trend": "rising"}],
          "scenarios": [{"id": "s1", "title": "Drone attack", "narrative": "A drone over a crowd.", "actorType": "A3",
                         "technologies": ["T09"], "purposes": ["P7"]}],
          "evidence": [{"id": "e1", "subject": "scenario", "ref": "s1", "summary": "Seized drone.", "source": "Liaison report",
                        "reliability": "B", "credibility": 2}],
          "rounds": [{"number": 1, "status": "open", "scores": [
            {"scenario": "s1", "assessor": "ASSESSOR@VALDORIA.EXAMPLE", "intent": 4, "actorCapability": 3, "technologyAccessibility": 5,
             "opportunity": 2, "likelihood": {"low": 0.01, "best": 0.05, "high": 0.2},
             "impact": {"fatalities": 4, "economic": 3, "essential-services": 3, "societal": 3, "public-confidence": 3,
                        "international": 3, "human-rights": 3},
             "confidence": "moderate"}
          ]}],
          "otherRisks": []
        }
        """#.utf8)

    @Test func aFileIsWrittenWholeWithOneAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        let assessment = try await workspace.importing.run(Self.file, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(assessment.title == "Imported assessment" && assessment.horizonYears == 3 && assessment.tlp == .green)
        #expect(assessment.stateID == workspace.state.id && assessment.status == .draft && assessment.methodVersion == MethodVersion.defaultID)
        #expect(try await workspace.stored(assessment) == assessment)
        let repositories = workspace.repositories
        let scope = workspace.managing
        let scenarios = try await repositories.scenarios(scope, assessmentID: assessment.id)
        #expect(scenarios.map(\.title) == ["Drone attack"] && scenarios.first?.horizonYears == 3)
        let agencies = try await repositories.agencies(scope, assessmentID: assessment.id)
        #expect(
            try await repositories.raci(scope, assessmentID: assessment.id)
                == agencies.map {
                    RaciAssignment(activity: .scoping, agencyID: $0.id, role: .accountable)
                })
        let scores = try await repositories.scoresForRegister(scope, assessmentID: assessment.id, throughRound: 1)
        #expect(scores.map(\.assessorID) == [workspace.assessor.userID] && scores.map(\.threat) == [12])
        #expect(try await repositories.evidence(scope, assessmentID: assessment.id, about: .scenario(scenarios[0].id)).count == 1)
        #expect(try await repositories.currentRound(scope, assessmentID: assessment.id) == ScoringRound(number: 1, status: .open))
        #expect(repositories.audit.count == 1)
        let event = try #require(repositories.audit.last)
        #expect(event.action == "assessment.import" && event.entityType == "assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id)
        #expect(
            event.details == [
                "title": "Imported assessment",
                "counts": "agencies 1, scan 1, scenarios 1, evidence 1, rounds 1, scores 1, other risks 0",
            ])
    }

    @Test func anAssessorWithoutAScoringRoleHereIsRefusedAndNothingIsWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let text = String(decoding: Self.file, as: UTF8.self).replacingOccurrences(
            of: "ASSESSOR@VALDORIA.EXAMPLE", with: "facilitator@valdoria.example")

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.importing.run(Data(text.utf8), by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["rounds[0].scores[0].assessor"])
        #expect(try await workspace.repositories.list(workspace.managing).isEmpty)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func anotherFormatIsRefusedBeforeAnythingIsRead() async throws {
        // setup
        let workspace = StateWorkspace()
        let file = Data(#"{"format": "grc-export/7", "assessment": {}}"#.utf8)

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.importing.run(file, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "format", message: "must be \"cttech.assessment/1\"")])
        #expect(workspace.repositories.audit.isEmpty)
    }
}
