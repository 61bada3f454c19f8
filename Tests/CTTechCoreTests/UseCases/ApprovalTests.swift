import CTTechCore
import CTTechDoubles
import Testing

@Suite("Approval: status moves and frozen snapshots")
struct ApprovalTests {
    @Test func sendingToReviewMovesTheStatusWithoutASnapshot() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()

        // act
        try await workspace.changeStatus(of: assessment, to: .inReview)

        // check
        let stored = try await workspace.stored(assessment)
        #expect(stored.status == .inReview && stored.version == 2)
        #expect(try await workspace.revision(of: assessment) == 1)
        #expect(try await workspace.repositories.snapshotNumbers(workspace.managing, assessmentID: assessment.id).isEmpty)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "assessment.status" && event.entityType == "assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id && event.details == ["status": "draft → in-review"])
    }

    @Test func approvingFreezesASnapshotOfEverythingTheAssessmentHolds() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let agency = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        try await workspace.changeStatus(of: assessment, to: .inReview)

        // act
        try await workspace.changeStatus(of: assessment, to: .approved)

        // check
        #expect(try await workspace.stored(assessment).status == .approved)
        let snapshot = try #require(try await workspace.repositories.snapshot(workspace.managing, assessmentID: assessment.id, number: 1))
        #expect(snapshot.approvedBy == workspace.focalPoint.userID)
        #expect(snapshot.content.assessment.status == .approved && snapshot.content.assessment.id == assessment.id)
        #expect(snapshot.content.scenarios == [scenario] && snapshot.content.agencies == [agency] && snapshot.content.otherRisks == [risk])
        #expect(snapshot.content.register.entries.map(\.id) == [risk.id])  // no round revealed yet
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "assessment.approve" && event.entityType == "assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id)
        #expect(event.details == ["status": "in-review → approved", "snapshot": "1", "sha256": snapshot.sha256])
    }

    @Test func eachApprovalCycleNumbersItsSnapshotFromOne() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        _ = try await workspace.approve(assessment)
        try await workspace.changeStatus(of: assessment, to: .draft)

        // act
        _ = try await workspace.approve(assessment)

        // check
        #expect(try await workspace.repositories.snapshotNumbers(workspace.managing, assessmentID: assessment.id) == [1, 2])
        #expect(try await workspace.repositories.snapshots(workspace.managing, assessmentID: assessment.id).map(\.number) == [1, 2])
        #expect(try await workspace.stored(assessment).version == 6)  // five moves after version 1
    }

    @Test(arguments: [Role.assessor, .facilitator, .reviewer])
    func onlyTheFocalPointApproves(_ role: Role) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        try await workspace.changeStatus(of: assessment, to: .inReview)
        let caller = workspace.repositories.seedAccount(email: "\(role.rawValue)@valdoria.example", roles: [(role, workspace.state.id)])
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AccessDenied.forbidden("errors.access.focal-point-approves")) {
            try await workspace.approval.changeStatus(
                assessment, to: .approved, by: caller, scope: workspace.scope(caller, .approveAssessment))
        }

        // check
        #expect(try await workspace.stored(assessment).status == .inReview)
        #expect(try await workspace.repositories.snapshotNumbers(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anAdministratorWithoutAStateGrantDoesNotApprove() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        try await workspace.changeStatus(of: assessment, to: .inReview)
        let administrator = workspace.administrator

        // act
        await #expect(throws: AccessDenied.forbidden("errors.access.focal-point-approves")) {
            try await workspace.approval.changeStatus(
                assessment, to: .approved, by: administrator, scope: workspace.scope(administrator, .approveAssessment))
        }

        // check
        #expect(try await workspace.stored(assessment).status == .inReview)
    }

    @Test(arguments: [
        ([Assessment.Status](), Assessment.Status.approved, Assessment.Status.draft),
        ([], .draft, .draft),
        ([.inReview], .inReview, .inReview),
        ([.inReview, .approved], .inReview, .approved),
        ([.inReview, .approved], .approved, .approved),
    ])
    func aStatusCannotSkipAStep(moves: [Assessment.Status], target: Assessment.Status, from: Assessment.Status) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        for move in moves { try await workspace.changeStatus(of: assessment, to: move) }
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AssessmentRuleViolation.statusTransition(from: from, to: target)) {
            try await workspace.changeStatus(of: assessment, to: target)
        }

        // check
        #expect(try await workspace.stored(assessment).status == from)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aChangeWhileTheSnapshotIsReadRefusesTheApproval() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        try await workspace.changeStatus(of: assessment, to: .inReview)
        let risks = workspace.otherRisks
        let register = workspace.register
        let actor = workspace.assessor.actor
        // Somebody adds a risk while the snapshot's register is being computed.
        let approval = Approval(sources: workspace.approvalSources) { assessment, scope in
            _ = try await risks.add(.mock, to: assessment, by: actor, scope: scope)
            return try await register.compute(assessment, scope: scope)
        }
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AssessmentRuleViolation.changedDuringApproval) {
            try await approval.changeStatus(
                assessment, to: .approved, by: workspace.focalPoint, scope: workspace.scope(workspace.focalPoint, .approveAssessment))
        }

        // check
        #expect(try await workspace.stored(assessment).status == .inReview)
        #expect(try await workspace.repositories.snapshotNumbers(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries + 1)  // the risk's entry, none for the approval
        #expect(workspace.repositories.audit.last?.action == "other_risk.create")
    }

    @Test func reopeningAnApprovedAssessmentMakesItEditableAndKeepsItsSnapshot() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.approve(try await workspace.openAssessment())

        // act
        try await workspace.changeStatus(of: assessment, to: .draft)
        let scenario = try await workspace.writeScenario(in: assessment)

        // check
        #expect(try await workspace.stored(assessment).status == .draft)
        #expect(try await workspace.repositories.scenarios(workspace.managing, assessmentID: assessment.id) == [scenario])
        let snapshot = try await workspace.repositories.snapshot(workspace.managing, assessmentID: assessment.id, number: 1)
        #expect(snapshot?.content.scenarios.isEmpty == true)
        #expect(workspace.repositories.audit.suffix(2).map(\.action) == ["assessment.status", "scenario.create"])
        #expect(workspace.repositories.audit.suffix(2).first?.details == ["status": "approved → draft"])
    }
}
