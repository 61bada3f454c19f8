import CTTechCore
import CTTechDoubles
import Foundation
import Testing

@Suite("A storage failure reaches the caller and nothing is written")
struct StorageFailureTests {
    /// One use case with one of its repositories failing; the others are the workspace's in-memory ones.
    enum Call: String, CaseIterable, Sendable {
        case createAssessmentWithoutReferenceData, createAssessment, removeRecord
        case addScenario, addScenarioWithoutReferenceData, submitScore, advanceRound
        case addAgency, correctAgency, saveRaci
        case recordScan, addEvidence, addEvidenceAboutAScenario, addOtherRisk, correctOtherRisk
        case computeRegister, changeStatus, approveWhileReadingFails
        case importAssessment, importWithoutAssessors
        case createState, updateState
        case createAccount, updateAccount, grantRole, withdrawGrant, withdrawOwnGrant
        case addResponse, addResponseWithoutReferenceData, reviseResponse, moveResponse, approveResponse, reviewResponse, overrideReview
        case addIndicator, recordActual, computeRegisterWithResponses

        /// The repository method expected to fail.
        var failingMethod: String {
            switch self {
            case .createAssessmentWithoutReferenceData, .addScenarioWithoutReferenceData: "method(id:)"
            case .createAssessment: "create(_:scope:audit:)"
            case .removeRecord: "remove(_:id:assessmentID:scope:audit:)"
            case .addScenario: "addScenario(_:scope:audit:)"
            case .submitScore: "currentRound(_:assessmentID:)"
            case .advanceRound: "advanceRound(_:assessmentID:to:audit:)"
            case .addAgency: "addAgency(_:assessmentID:scope:audit:)"
            case .correctAgency: "updateAgency(_:assessmentID:scope:audit:)"
            case .saveRaci: "setRaci(_:assessmentID:scope:audit:)"
            case .recordScan: "setScanEntry(_:assessmentID:scope:audit:)"
            case .addEvidence: "addEvidence(_:assessmentID:scope:audit:)"
            case .addEvidenceAboutAScenario: "scenario(_:assessmentID:id:)"
            case .addOtherRisk: "addOtherRisk(_:assessmentID:scope:audit:)"
            case .correctOtherRisk: "updateOtherRisk(_:assessmentID:scope:audit:)"
            case .computeRegister: "otherRisks(_:assessmentID:)"
            case .changeStatus: "changeStatus(_:assessmentID:to:snapshot:audit:)"
            case .approveWhileReadingFails: "horizonScan(_:assessmentID:)"
            case .importAssessment: "importAssessment(_:scope:audit:)"
            case .importWithoutAssessors: "assessors(_:)"
            case .createState: "create(_:by:audit:)"
            case .updateState: "update(_:expectedVersion:scope:audit:)"
            case .createAccount: "create(_:grants:by:audit:)"
            case .updateAccount: "update(id:email:displayName:isActive:expectedVersion:by:audit:)"
            case .grantRole: "account(id:)"
            case .withdrawGrant: "removeGrant(id:userID:by:audit:)"
            case .withdrawOwnGrant: "grants(userID:)"
            case .addResponse, .reviseResponse: "addressableRisks(_:)"
            case .addResponseWithoutReferenceData: "method(id:)"
            case .moveResponse, .approveResponse: "changeStatus(_:to:expectedVersion:method:scope:audit:)"
            case .reviewResponse: "addReviews(_:responseID:scope:audit:)"
            case .overrideReview: "reviews(_:responseID:)"
            case .addIndicator: "addIndicator(_:scope:audit:)"
            case .recordActual: "addActual(_:responseID:scope:audit:)"
            case .computeRegisterWithResponses: "responses(_:)"
            }
        }

        /// Runs the use case on `assessment` (with `scenario` in it, and `response` addressing it) with `failing` in place of
        /// one repository.
        func perform(in workspace: StateWorkspace, on assessment: Assessment, scenario: ThreatScenario, response: PolicyResponse) async throws {
            let failing = FailingRepositories()
            let memory = workspace.repositories
            let (actor, scope, admin) = (workspace.focalPoint.actor, workspace.managing, workspace.administering)
            switch self {
            case .createAssessmentWithoutReferenceData:
                _ = try await Assessments(assessments: memory, reference: failing).create(.mock, by: actor, scope: scope)
            case .createAssessment: _ = try await Assessments(assessments: failing, reference: memory).create(.mock, by: actor, scope: scope)
            case .removeRecord:
                try await Assessments(assessments: failing, reference: memory).remove(
                    .scenario, id: scenario.id, from: assessment, by: actor, scope: scope)
            case .addScenario: _ = try await Scoring(scoring: failing, reference: memory).addScenario(.mock, to: assessment, by: actor, scope: scope)
            case .addScenarioWithoutReferenceData:
                _ = try await Scoring(scoring: memory, reference: failing).addScenario(.mock, to: assessment, by: actor, scope: scope)
            case .submitScore:
                _ = try await Scoring(scoring: failing, reference: memory).submit(
                    .mock, for: scenario, by: workspace.assessor.actor, scope: workspace.scope(workspace.assessor, .scoreScenario))
            case .advanceRound:
                _ = try await Scoring(scoring: failing, reference: memory).advanceRound(assessment, to: .closed, by: actor, scope: scope)
            case .addAgency: _ = try await InstitutionalMapping(institutions: failing).addAgency(.mock, to: assessment, by: actor, scope: scope)
            case .correctAgency:
                _ = try await InstitutionalMapping(institutions: failing).correctAgency(
                    Identifier.make(), with: .mock, in: assessment, by: actor, scope: scope)
            case .saveRaci: try await InstitutionalMapping(institutions: failing).saveRaci([], in: assessment, by: actor, scope: scope)
            case .recordScan: _ = try await HorizonScanning(scan: failing, reference: memory).record(.mock, in: assessment, by: actor, scope: scope)
            case .addEvidence:
                _ = try await EvidenceRecording(evidence: failing, scoring: memory, reference: memory).add(
                    .mock, about: .technology("T08"), in: assessment, field: "subject", by: actor, scope: scope)
            case .addEvidenceAboutAScenario:
                _ = try await EvidenceRecording(evidence: memory, scoring: failing, reference: memory).add(
                    .mock, about: .scenario(scenario.id), in: assessment, field: "subject", by: actor, scope: scope)
            case .addOtherRisk: _ = try await OtherRiskRecording(risks: failing).add(.mock, to: assessment, by: actor, scope: scope)
            case .correctOtherRisk:
                _ = try await OtherRiskRecording(risks: failing).correct(Identifier.make(), with: .mock, in: assessment, by: actor, scope: scope)
            case .computeRegister:
                _ = try await RegisterComputation(scoring: memory, risks: failing, reference: memory).compute(assessment, scope: scope)
            case .changeStatus:
                let sources = Approval.Sources(
                    assessments: memory, approval: failing, institutions: memory, scan: memory, scoring: memory, evidence: memory, risks: memory)
                try await Approval(sources: sources) { _, _ in throw FailingRepositories.Failure(method: "register") }
                    .changeStatus(assessment, to: .inReview, by: workspace.focalPoint, scope: scope)
            case .approveWhileReadingFails:
                let sources = Approval.Sources(
                    assessments: memory, approval: memory, institutions: memory, scan: failing, scoring: memory, evidence: memory, risks: memory)
                let register = workspace.register
                try await Approval(sources: sources) { try await register.compute($0, scope: $1) }
                    .changeStatus(assessment, to: .approved, by: workspace.focalPoint, scope: scope)
            case .importAssessment:
                _ = try await AssessmentImporting(importer: failing, reference: memory, accounts: memory).run(
                    AssessmentImportingTests.file, by: actor, scope: scope)
            case .importWithoutAssessors:
                _ = try await AssessmentImporting(importer: memory, reference: memory, accounts: failing).run(
                    AssessmentImportingTests.file, by: actor, scope: scope)
            case .createState: _ = try await StateAdministration(states: failing).create(.mock, by: workspace.administrator.actor, scope: admin)
            case .updateState:
                _ = try await StateAdministration(states: failing).update(
                    workspace.state, with: .mock, expectedVersion: 1, by: actor, scope: workspace.scope(workspace.focalPoint, .editStateProfile))
            case .createAccount:
                _ = try await accounts(failing).create(
                    .mock, password: "correct horse battery", role: nil, stateID: nil, by: workspace.administrator.actor, scope: admin)
            case .updateAccount:
                _ = try await accounts(failing).update(
                    workspace.assessor.userID, draft: .mock, expectedVersion: 1, by: workspace.administrator.actor, scope: admin)
            case .grantRole:
                _ = try await accounts(failing).grant(
                    userID: workspace.assessor.userID, role: "programme-officer", stateID: nil, by: workspace.administrator.actor, scope: admin)
            case .withdrawGrant:
                try await accounts(failing).withdraw(
                    grantID: Identifier.make(), userID: workspace.assessor.userID, by: workspace.administrator.actor, scope: admin)
            case .withdrawOwnGrant:
                let me = workspace.administrator
                try await accounts(failing).withdraw(grantID: Identifier.make(), userID: me.userID, by: me.actor, scope: admin)
            case .addResponse:
                _ = try await PolicyDesign(policy: failing, reference: memory).add(
                    .mock(addressing: [scenario.id]), by: actor, scope: workspace.scope(workspace.policyMaker, .writeResponse))
            case .addResponseWithoutReferenceData:
                _ = try await PolicyDesign(policy: memory, reference: failing).add(
                    .mock(addressing: [scenario.id]), by: actor, scope: workspace.scope(workspace.policyMaker, .writeResponse))
            case .reviseResponse:
                _ = try await PolicyDesign(policy: failing, reference: memory).revise(
                    response, with: .mock(addressing: [], title: "Changed"), expectedVersion: 1, by: actor,
                    scope: workspace.scope(workspace.policyMaker, .writeResponse))
            case .moveResponse:
                _ = try await PolicyDesign(policy: failing, reference: memory).move(
                    response, to: .underReview, expectedVersion: 1, by: actor, scope: workspace.scope(workspace.policyMaker, .writeResponse))
            case .approveResponse:
                _ = try await PolicyDesign(policy: failing, reference: memory).move(
                    response, to: .approved, expectedVersion: 1, by: actor, scope: workspace.scope(workspace.focalPoint, .approveResponse))
            case .reviewResponse:
                let reviewer = workspace.reviewer
                _ = try await ResponseReviewing(policy: failing, reference: memory).review(
                    response, kind: .humanRights, draft: .answering(["H01"], .met, version: 1), by: reviewer.actor,
                    scope: workspace.scope(reviewer, .reviewResponse))
            case .overrideReview:
                _ = try await ResponseReviewing(policy: failing, reference: memory).override(
                    response, draft: .mock(version: 1), by: actor, scope: workspace.scope(workspace.focalPoint, .overrideReview))
            case .addIndicator:
                _ = try await EffectMeasurement(policy: failing).addIndicator(
                    .mock, to: response, by: actor, scope: workspace.scope(workspace.policyMaker, .writeResponse))
            case .recordActual:
                _ = try await EffectMeasurement(policy: failing).recordActual(
                    .mock, indicatorID: Identifier.make(), of: response, by: actor, scope: workspace.scope(workspace.policyMaker, .writeResponse),
                    today: CalendarDate("2026-12-31"))
            case .computeRegisterWithResponses:
                _ = try await RegisterComputation(scoring: memory, risks: memory, reference: memory, policy: failing).compute(
                    assessment, scope: scope)
            }
        }

        private func accounts(_ repository: any AccountRepository) -> AccountAdministration {
            AccountAdministration(accounts: repository, passwords: PasswordHashing(hash: { "hashed:" + $0 }))
        }
    }

    @Test(arguments: Call.allCases)
    func theFailureIsPassedOnAndNoAuditEntryWritten(_ call: Call) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let response = try await workspace.addResponse(addressing: [scenario.id], status: .drafted)
        if call == .approveWhileReadingFails { try await workspace.changeStatus(of: assessment, to: .inReview) }
        let revision = try await workspace.revision(of: assessment)
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: FailingRepositories.Failure.self) {
            try await call.perform(in: workspace, on: assessment, scenario: scenario, response: response)
        }

        // check
        #expect(failure?.method == call.failingMethod)
        #expect(workspace.repositories.audit.count == entries)
        #expect(try await workspace.revision(of: assessment) == revision)
        #expect(try await workspace.repositories.list(workspace.managing).count == 1)
        #expect(try await workspace.stored(response) == response)
    }
}
