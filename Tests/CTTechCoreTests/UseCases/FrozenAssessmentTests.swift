import CTTechCore
import CTTechDoubles
import Testing

@Suite("An approved assessment is frozen")
struct FrozenAssessmentTests {
    /// Every kind of write a use case makes to an assessment's content.
    enum Write: String, CaseIterable, Sendable {
        case addScenario, submitScore, advanceRound, addAgency, correctAgency, saveRaci, recordScan, addEvidence, addOtherRisk
        case correctOtherRisk, removeAgency, removeEvidence, removeOtherRisk, removeScenario

        /// Makes this write to `assessment`, whose records `held` are.
        func perform(on assessment: Assessment, holding held: Held, in workspace: StateWorkspace) async throws {
            let actor = workspace.focalPoint.actor
            let scope = workspace.managing
            switch self {
            case .addScenario: _ = try await workspace.scoring.addScenario(.mock, to: assessment, by: actor, scope: scope)
            case .submitScore: try await workspace.score(held.scenario, as: workspace.assessor)
            case .advanceRound: try await workspace.moveRound(of: assessment, to: .closed)
            case .addAgency: _ = try await workspace.institutions.addAgency(.mock, to: assessment, by: actor, scope: scope)
            case .correctAgency:
                _ = try await workspace.institutions.correctAgency(held.agency.id, with: .mock, in: assessment, by: actor, scope: scope)
            case .saveRaci:
                try await workspace.institutions.saveRaci(
                    [RaciAssignment(activity: .approval, agencyID: held.agency.id, role: .accountable)], in: assessment, by: actor, scope: scope)
            case .recordScan: _ = try await workspace.scanning.record(.mock, in: assessment, by: actor, scope: scope)
            case .addEvidence:
                _ = try await workspace.evidence.add(.mock, about: .technology("T08"), in: assessment, field: "subject", by: actor, scope: scope)
            case .addOtherRisk: _ = try await workspace.otherRisks.add(.mock, to: assessment, by: actor, scope: scope)
            case .correctOtherRisk: _ = try await workspace.otherRisks.correct(held.risk.id, with: .mock, in: assessment, by: actor, scope: scope)
            case .removeAgency: try await workspace.assessments.remove(.agency, id: held.agency.id, from: assessment, by: actor, scope: scope)
            case .removeEvidence: try await workspace.assessments.remove(.evidence, id: held.evidence.id, from: assessment, by: actor, scope: scope)
            case .removeOtherRisk: try await workspace.assessments.remove(.otherRisk, id: held.risk.id, from: assessment, by: actor, scope: scope)
            case .removeScenario: try await workspace.assessments.remove(.scenario, id: held.scenario.id, from: assessment, by: actor, scope: scope)
            }
        }
    }

    /// One record of each kind in the assessment, for the writes that name one.
    struct Held {
        var scenario: ThreatScenario
        var agency: Agency
        var evidence: EvidenceItem
        var risk: OtherRisk
    }

    @Test(arguments: Write.allCases)
    func everyWriteIsRefusedAndNothingChanges(_ write: Write) async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = try await workspace.openAssessment()
        let actor = workspace.focalPoint.actor
        let held = Held(
            scenario: try await workspace.writeScenario(in: draft),
            agency: try await workspace.institutions.addAgency(.mock, to: draft, by: actor, scope: workspace.managing),
            evidence: try await workspace.evidence.add(
                .mock, about: .technology("T08"), in: draft, field: "subject", by: actor, scope: workspace.managing),
            risk: try await workspace.otherRisks.add(.mock, to: draft, by: actor, scope: workspace.managing))
        let assessment = try await workspace.approve(draft)
        let revision = try await workspace.revision(of: assessment)
        let progress = try await workspace.repositories.progress(workspace.managing, assessmentID: assessment.id)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AssessmentRuleViolation.frozen) {
            try await write.perform(on: assessment, holding: held, in: workspace)
        }

        // check
        #expect(try await workspace.revision(of: assessment) == revision)
        #expect(try await workspace.repositories.progress(workspace.managing, assessmentID: assessment.id) == progress)
        #expect(
            try await workspace.repositories.currentRound(workspace.managing, assessmentID: assessment.id) == ScoringRound(number: 1, status: .open))
        #expect(workspace.repositories.audit.count == entries)
    }
}
