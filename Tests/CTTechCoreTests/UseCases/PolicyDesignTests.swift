import CTTechCore
import CTTechDoubles
import Testing

@Suite("Designing policy responses (step 5)")
struct PolicyDesignTests {
    static let mandatory = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "G03", "G08", "G09"]

    @Test func aResponseIsAddedAsAnIdeaWithItsAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let revision = try await workspace.revision(of: assessment)

        // act
        let response = try await workspace.policyDesign.add(
            .mock(addressing: [scenario.id]), by: workspace.policyMaker.actor, scope: try workspace.granted(workspace.policyMaker, .writeResponse))

        // check
        #expect(response.status == .idea && response.version == 1 && response.stateID == workspace.state.id)
        #expect(response.title == "Drone detection at mass gatherings" && response.type == "R05" && response.tlp == .amber)
        #expect(response.targets == [ResponseTarget(riskID: scenario.id, kind: .scenario, assessmentID: assessment.id)])
        #expect(response.effects.map(\.factor) == [.intent, .impact] && response.effects[1].dimension == .fatalities)
        #expect(response.cost == CostRange(low: 1_000_000, high: 2_000_000, currency: "EUR"))
        #expect(response.createdBy == workspace.policyMaker.userID && response.updatedBy == workspace.policyMaker.userID)
        #expect(response.methodVersion == MethodVersion.defaultID)
        #expect(try await workspace.repositories.responses(workspace.scope(workspace.focalPoint, .viewResponses)) == [response])
        #expect(try await workspace.revision(of: assessment) == (revision ?? 0) + 1)  // the state's registers are renewed
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "response.create" && event.entityType == "policy_response" && event.entityID == response.id)
        #expect(event.stateID == workspace.state.id && event.actorID == workspace.policyMaker.userID)
        #expect(event.details == ["title": "Drone detection at mass gatherings", "status": "idea"])
    }

    @Test func aResponseMayStartDraftedButNotFurther() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)

        // act
        let drafted = try await workspace.addResponse(addressing: [scenario.id], status: .drafted)
        let approved = try await workspace.addResponse(addressing: [scenario.id], status: .approved)

        // check
        #expect(drafted.status == .drafted && approved.status == .idea)
        #expect(workspace.repositories.audit.suffix(2).map { $0.details["status"] } == ["drafted", "idea"])
    }

    @Test func aScenarioOfAnotherStateIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let own = try await workspace.writeScenario(in: assessment)
        let elsewhere = workspace.repositories.seedPartnerState(code: "ARC", name: "Arcadia")
        let foreignScope = SystemAuthority.tenant(elsewhere.id, permission: .manageAssessment)
        let foreignAssessment = try await workspace.assessments.create(.mock, by: workspace.focalPoint.actor, scope: foreignScope)
        let foreign = try await workspace.scoring.addScenario(
            .mock, to: foreignAssessment, by: workspace.focalPoint.actor, scope: SystemAuthority.tenant(elsewhere.id, permission: .writeScenario))
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.addResponse(addressing: [own.id, foreign.id])
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "targets", "validation.policy.target-unknown")])
        #expect(try await workspace.repositories.responses(workspace.scope(workspace.focalPoint, .viewResponses)).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
        // The foreign state's risks are its own: Valdoria's list does not name them.
        let addressable = try await workspace.repositories.addressableRisks(workspace.scope(workspace.policyMaker, .writeResponse))
        #expect(addressable.map(\.id) == [own.id])
    }

    @Test func badReductionsAreRefusedWithEveryReasonAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        var draft = PolicyResponseDraft.mock(addressing: [scenario.id])
        draft.fields["effect.1.high"] = "120"
        draft.fields["effect.2.low"] = "70"
        draft.fields["leadAgency"] = "an-agency-of-nowhere"
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) { try await workspace.addResponse(addressing: [], draft) }

        // check
        #expect(
            failure?.issues == [
                FieldIssue(field: "effect.1.high", "validation.policy.percent"),
                FieldIssue(field: "effect.2.low", "validation.estimate.low-above-best"),
                FieldIssue(field: "leadAgency", "validation.policy.agency-unknown"),
            ])
        #expect(try await workspace.repositories.responses(workspace.scope(workspace.focalPoint, .viewResponses)).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func agenciesOfStepOneMayLeadAResponse() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let police = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        var draft = PolicyResponseDraft.mock(addressing: [])
        draft.fields["leadAgency"] = police.id

        // act
        let response = try await workspace.addResponse(addressing: [], draft)

        // check
        #expect(response.leadAgencyID == police.id && response.targets.isEmpty)
    }

    @Test func revisingChangesTheContentAndTheVersionAndRenewsTheRegisters() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let response = try await workspace.addResponse(addressing: [scenario.id])
        let revision = try await workspace.revision(of: assessment)

        // act
        let revised = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [scenario.id], title: "Drone detection and interception"), expectedVersion: 1,
            by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .writeResponse))

        // check
        #expect(revised.version == 2 && revised.title == "Drone detection and interception" && revised.status == .idea)
        #expect(revised.createdBy == workspace.policyMaker.userID && revised.updatedBy == workspace.focalPoint.userID)
        #expect(try await workspace.stored(response) == revised)
        #expect(try await workspace.revision(of: assessment) == (revision ?? 0) + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "response.update" && event.entityID == response.id && event.actorID == workspace.focalPoint.userID)
        #expect(event.details == ["title": "Drone detection and interception"])
    }

    @Test func revisingWithTheSameContentWritesNothing() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let response = try await workspace.addResponse(addressing: [scenario.id])
        let entries = workspace.repositories.audit.count

        // act
        let same = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [scenario.id]), expectedVersion: 1, by: workspace.focalPoint.actor,
            scope: workspace.scope(workspace.focalPoint, .writeResponse))

        // check
        #expect(same == response && same.version == 1)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aStaleVersionIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let response = try await workspace.addResponse(addressing: [scenario.id])
        let scope = workspace.scope(workspace.policyMaker, .writeResponse)
        let first = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [scenario.id], title: "First change"), expectedVersion: 1, by: workspace.policyMaker.actor, scope: scope
        )
        let entries = workspace.repositories.audit.count
        let revision = try await workspace.revision(of: assessment)

        // act
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.policyDesign.revise(
                response, with: .mock(addressing: [scenario.id], title: "Second change, from an old page"), expectedVersion: 1,
                by: workspace.policyMaker.actor, scope: scope)
        }
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.policyDesign.move(first, to: .drafted, expectedVersion: 1, by: workspace.policyMaker.actor, scope: scope)
        }

        // check
        #expect(try await workspace.stored(response) == first)
        #expect(workspace.repositories.audit.count == entries)
        #expect(try await workspace.revision(of: assessment) == revision)
    }

    @Test func aResponseOfAnotherStateIsMissing() async throws {
        // setup
        let workspace = StateWorkspace()
        let elsewhere = workspace.repositories.seedPartnerState(code: "ARC", name: "Arcadia")
        var foreign = try await workspace.addResponse(addressing: [])
        foreign.id = Identifier.make()
        foreign.stateID = elsewhere.id
        workspace.repositories.seed(foreign)
        let entries = workspace.repositories.audit.count
        let scope = workspace.scope(workspace.policyMaker, .writeResponse)

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.policyDesign.revise(
                foreign, with: .mock(addressing: [], title: "Taken over"), expectedVersion: 1, by: workspace.policyMaker.actor, scope: scope)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.policyDesign.move(foreign, to: .drafted, expectedVersion: 1, by: workspace.policyMaker.actor, scope: scope)
        }

        // check
        #expect(try await workspace.repositories.response(scope, id: foreign.id) == nil)
        #expect(try await workspace.repositories.responses(scope).count == 1)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func movingAlongTheWayIsAudited() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [])

        // act
        let drafted = try await workspace.move(response, to: .drafted)
        let underReview = try await workspace.move(response, to: .underReview)

        // check
        #expect(drafted.status == .drafted && underReview.status == .underReview && underReview.version == 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "response.status" && event.entityType == "policy_response" && event.entityID == response.id)
        #expect(event.details == ["from": "drafted", "to": "under-review", "version": "1"])
    }

    @Test func aMoveOffTheWayIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [])
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.statusTransition(from: .idea, to: .implementing)) {
            try await workspace.move(response, to: .implementing)
        }
        await #expect(throws: PolicyRuleViolation.statusTransition(from: .idea, to: .approved)) {
            try await workspace.move(response, to: .approved)
        }

        // check
        #expect(try await workspace.stored(response).status == .idea)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func approvalNeedsTheApprovingScope() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        try await workspace.move(response, to: .underReview)
        try await workspace.passMandatoryChecks(of: response)
        let current = try await workspace.stored(response)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) {
            try await workspace.policyDesign.move(
                current, to: .approved, expectedVersion: 1, by: workspace.policyMaker.actor,
                scope: workspace.scope(workspace.policyMaker, .writeResponse))
        }

        // check
        #expect(try await workspace.stored(response).status == .underReview)
        #expect(workspace.repositories.audit.count == entries)
        // Only focal points and policy makers are granted the approving scope; a reviewer or an assessor is not.
        #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) { try workspace.granted(workspace.reviewer, .approveResponse) }
        #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) { try workspace.granted(workspace.assessor, .approveResponse) }
        #expect(throws: Never.self) { try workspace.granted(workspace.focalPoint, .approveResponse) }
    }

    @Test func approvalWithoutReviewsIsRefusedNamingEveryMandatoryCheck() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        try await workspace.move(response, to: .underReview)
        let entries = workspace.repositories.audit.count

        // act
        let refusal = await #expect(throws: PolicyRuleViolation.self) { try await workspace.move(response, to: .approved) }

        // check
        #expect(refusal == .approvalBlocked(checks: Self.mandatory))
        #expect(try await workspace.stored(response).status == .underReview)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func approvalIsRefusedWhileAMandatoryCheckIsNotMet() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        try await workspace.move(response, to: .underReview)
        try await workspace.passMandatoryChecks(of: response, except: ["H04"])
        try await workspace.review(response, .humanRights, ["H04"], .notMet)
        try await workspace.review(response, .humanRights, ["H07"], .notMet)  // advisory
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: ["H04"])) { try await workspace.move(response, to: .approved) }

        // check
        #expect(try await workspace.stored(response).status == .underReview)
        #expect(workspace.repositories.audit.count == entries)
        // Once the reviewer finds it Partly met, approval goes through.
        try await workspace.nextMillisecond()
        try await workspace.review(response, .humanRights, ["H04"], .partlyMet)
        #expect(try await workspace.move(response, to: .approved).status == .approved)
    }

    @Test func approvalSetsTheBaselineRoundAndRenewsTheRegisters() async throws {
        // setup
        let workspace = StateWorkspace()
        let (assessment, scenario) = try await workspace.revealedAssessment()
        let response = try await workspace.addResponse(addressing: [scenario.id], status: .drafted)
        try await workspace.move(response, to: .underReview)
        try await workspace.passMandatoryChecks(of: response)
        let revision = try await workspace.revision(of: assessment)

        // act
        let approved = try await workspace.move(response, to: .approved)

        // check
        #expect(approved.status == .approved && approved.version == 1)
        #expect(approved.targets == [ResponseTarget(riskID: scenario.id, kind: .scenario, assessmentID: assessment.id, baselineRound: 1)])
        #expect(try await workspace.stored(response) == approved)
        #expect(try await workspace.revision(of: assessment) == (revision ?? 0) + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "response.approve" && event.entityType == "policy_response" && event.entityID == response.id)
        #expect(event.actorID == workspace.policyMaker.userID)
        #expect(event.details == ["from": "under-review", "to": "approved", "version": "1"])
    }

    @Test func aContentChangeAfterApprovalSendsItBackToReviewAndOldReviewsNoLongerCount() async throws {
        // setup
        let workspace = StateWorkspace()
        let (_, scenario) = try await workspace.revealedAssessment()
        let approved = try await workspace.approvedResponse(addressing: [scenario.id])

        // act
        let revised = try await workspace.policyDesign.revise(
            approved, with: .mock(addressing: [scenario.id], title: "Drone detection, now with interception"), expectedVersion: 1,
            by: workspace.policyMaker.actor, scope: workspace.scope(workspace.policyMaker, .writeResponse))

        // check
        #expect(revised.status == .underReview && revised.version == 2)
        let lists = try await workspace.reviewing.checklists(revised, scope: workspace.scope(workspace.focalPoint, .viewResponses))
        #expect(lists.flatMap(\.blocking) == Self.mandatory)
        let h01 = try #require(lists[0].lines.first { $0.check.code == "H01" })
        #expect(h01.current == nil && h01.outdated?.responseVersion == 1)
        await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: Self.mandatory)) { try await workspace.move(revised, to: .approved) }
        // Reviewed again for version 2, it is approved again.
        try await workspace.passMandatoryChecks(of: revised)
        #expect(try await workspace.move(revised, to: .approved).version == 2)
    }

    @Test func contentIsLockedOnceImplementationStarts() async throws {
        // setup
        let workspace = StateWorkspace()
        let (_, scenario) = try await workspace.revealedAssessment()
        let approved = try await workspace.approvedResponse(addressing: [scenario.id])
        let implementing = try await workspace.move(approved, to: .implementing)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.contentLocked(.implementing)) {
            try await workspace.policyDesign.revise(
                implementing, with: .mock(addressing: [scenario.id], title: "Changed during implementation"), expectedVersion: 1,
                by: workspace.policyMaker.actor, scope: workspace.scope(workspace.policyMaker, .writeResponse))
        }

        // check
        #expect(try await workspace.stored(approved) == implementing)
        #expect(workspace.repositories.audit.count == entries)
    }

    /// The mock scores: intent 4, capability min(3, 5) = 3 (threat 12), opportunity 2, likelihood best 0.05, fatalities 4 and
    /// every other dimension 3; the assessment's horizon is 3 years.
    /// s = 0.6 · 11/24 + 0.4 · 1/4 = 0.375, p₁ = 10^(−2.0625) = 0.008659643233600654, P = 1 − (1 − p₁)³ = 0.025754610819633927.
    /// Intent halved: T′ = 2.5 × 3 = 7.5, s′ = 0.6 · 6.5/24 + 0.1 = 0.2625, p₁′ = 10^(−2.34375) = 0.004531583637600818,
    /// P′ = 0.013533238219212929. Ratio 0.5254685583870643, residual likelihood 0.05 × ratio = 0.026273427919353217.
    /// Fatalities halved to 2.5: the highest dimension is 3, share (3 − 1)/(4 − 1) = 2/3, residual impact 1 + 3 · 2/3 = 3.
    /// Planned effectiveness 1 − ratio × 3/4 = 0.6058985812097017.
    @Test func theRegisterShowsResidualRiskForApprovedResponsesOnly() async throws {
        // setup
        let workspace = StateWorkspace()
        let (assessment, scenario) = try await workspace.revealedAssessment()
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let pending = try await workspace.addResponse(addressing: [scenario.id, risk.id], status: .drafted)
        try await workspace.move(pending, to: .underReview)
        let viewing = workspace.scope(workspace.assessor, .viewAssessment)

        // act
        let beforeApproval = try await workspace.register.compute(assessment, scope: viewing)
        _ = try await workspace.approvedResponse(addressing: [scenario.id])
        let afterApproval = try await workspace.register.compute(assessment, scope: viewing)

        // check
        #expect(beforeApproval.entries.allSatisfy { $0.residual == nil })
        let entry = try #require(afterApproval.entries.first { $0.id == scenario.id })
        let residual = try #require(entry.residual)
        #expect(abs(residual.likelihood.best - 0.026_273_427_919_353_217) < 1e-12)
        #expect(abs(residual.impact.best - 3) < 1e-12)
        #expect(abs(residual.plannedEffectiveness - 0.605_898_581_209_701_7) < 1e-12)
        #expect(residual.trace.effects.map(\.applied) == [true, true])
        #expect(residual.trace.effects.allSatisfy { $0.responseTitle == "Drone detection at mass gatherings" })
        #expect(residual.meanScore < entry.meanScore)
        // The pending response is not applied: the flood, which only it addresses, keeps its inherent figures.
        let flood = try #require(afterApproval.entries.first { $0.id == risk.id }?.residual)
        #expect(flood.trace.effects.isEmpty && flood.plannedEffectiveness == 0)
        // The inherent figures are those of the register without responses.
        let inherent = try await RegisterComputation(
            scoring: workspace.repositories, risks: workspace.repositories, reference: workspace.repositories
        )
        .compute(assessment, scope: viewing)
        #expect(inherent.entries.map(\.meanScore) == afterApproval.entries.map(\.meanScore))
        #expect(inherent.entries.map(\.medianRank) == afterApproval.entries.map(\.medianRank))
    }

    @Test func aWithdrawnResponseNoLongerCounts() async throws {
        // setup
        let workspace = StateWorkspace()
        let (assessment, scenario) = try await workspace.revealedAssessment()
        let approved = try await workspace.approvedResponse(addressing: [scenario.id])
        let viewing = workspace.scope(workspace.assessor, .viewAssessment)
        let withResponse = try await workspace.register.compute(assessment, scope: viewing)

        // act
        try await workspace.move(approved, to: .withdrawn)
        let withdrawn = try await workspace.register.compute(assessment, scope: viewing)

        // check
        #expect(withResponse.entries.first?.residual != nil)
        #expect(withdrawn.entries.allSatisfy { $0.residual == nil })
        #expect(workspace.repositories.audit.last?.details == ["from": "approved", "to": "withdrawn", "version": "1"])
    }
}
