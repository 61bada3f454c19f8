import CTTechCore
import CTTechDoubles
import Testing

@Suite("Measuring effectiveness: indicators, actuals, observed against planned (step 6)")
struct EffectMeasurementTests {
    let today = CalendarDate("2026-10-01")

    func writing(_ workspace: StateWorkspace) -> TenantScope { workspace.scope(workspace.policyMaker, .writeResponse) }

    @Test func anIndicatorIsAddedToAResponse() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)

        // act
        let indicator = try await workspace.measurement.addIndicator(
            .mock, to: response, by: workspace.policyMaker.actor, scope: try workspace.granted(workspace.policyMaker, .writeResponse))

        // check
        #expect(indicator.responseID == response.id && indicator.name == "Festivals covered by drone detection")
        #expect(indicator.level == .output && indicator.unit == "festivals" && indicator.direction == .increase)
        #expect(indicator.baseline == 2 && indicator.target == 20 && indicator.baselineDate == CalendarDate("2026-01-01"))
        #expect(indicator.targetDate == CalendarDate("2027-12-31") && !indicator.disaggregated && indicator.actuals.isEmpty)
        #expect(try await workspace.repositories.indicators(writing(workspace), responseID: response.id) == [indicator])
        #expect(try await workspace.repositories.allIndicators(writing(workspace)) == [indicator])
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "indicator.create" && event.entityType == "indicator" && event.entityID == indicator.id)
        #expect(event.stateID == workspace.state.id && event.details == ["response": response.id, "name": "Festivals covered by drone detection"])
    }

    @Test func actualsAreRecordedWithTheirEvidenceAndReadOldestFirst() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        let indicator = try await workspace.measurement.addIndicator(.mock, to: response, by: workspace.policyMaker.actor, scope: writing(workspace))

        // act
        let later = try await workspace.measurement.recordActual(
            .mock, indicatorID: indicator.id, of: response, by: workspace.policyMaker.actor, scope: writing(workspace), today: today)
        let event = try #require(workspace.repositories.audit.last)
        let earlier = try await workspace.measurement.recordActual(
            ActualDraft(fields: ["value": "6,5", "date": "2026-06-30", "evidence": "Festival organisers' survey", "reliability": "C"]),
            indicatorID: indicator.id, of: response, by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .writeResponse),
            today: today)

        // check
        #expect(later.value == 11 && later.date == CalendarDate("2026-09-30") && later.reliability == .b)
        #expect(later.evidence == "Police deployment report, Q3 2026" && later.recordedBy == workspace.policyMaker.userID)
        #expect(earlier.value == 6.5 && earlier.recordedBy == workspace.focalPoint.userID)
        let stored = try await workspace.repositories.indicators(writing(workspace), responseID: response.id)
        #expect(stored.map(\.actuals) == [[earlier, later]])
        #expect(event.action == "indicator.actual" && event.entityType == "indicator" && event.entityID == indicator.id)
        #expect(event.details == ["response": response.id, "value": "11.0", "date": "2026-09-30"])
        // Progress from the latest actual: (11 − 2)/(20 − 2) = 0.5, one day old.
        let progress = IndicatorProgress(
            try #require(stored.first), today: try #require(today), maxAgeDays: MethodVersion.ctTechDefault.evidenceMaxAgeDays)
        #expect(progress.progress == 0.5 && progress.ageDays == 1 && !progress.stale && progress.credited == 0.5)
    }

    @Test func anActualForAnotherResponsesIndicatorIsMissingAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let first = try await workspace.addResponse(addressing: [], status: .drafted)
        let second = try await workspace.addResponse(addressing: [], status: .drafted)
        let indicator = try await workspace.measurement.addIndicator(.mock, to: first, by: workspace.policyMaker.actor, scope: writing(workspace))
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.measurement.recordActual(
                .mock, indicatorID: indicator.id, of: second, by: workspace.policyMaker.actor, scope: writing(workspace), today: today)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.measurement.recordActual(
                .mock, indicatorID: "not-an-indicator", of: first, by: workspace.policyMaker.actor, scope: writing(workspace), today: today)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.measurement.recordActual(
                .mock, indicatorID: Identifier.make(), of: first, by: workspace.policyMaker.actor, scope: writing(workspace), today: today)
        }

        // check
        #expect(try await workspace.repositories.allIndicators(writing(workspace)).flatMap(\.actuals).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aWithdrawnResponseIsNotMeasured() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        let indicator = try await workspace.measurement.addIndicator(.mock, to: response, by: workspace.policyMaker.actor, scope: writing(workspace))
        let withdrawn = try await workspace.move(response, to: .withdrawn)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.notMeasurable(.withdrawn)) {
            try await workspace.measurement.addIndicator(.mock, to: withdrawn, by: workspace.policyMaker.actor, scope: writing(workspace))
        }
        await #expect(throws: PolicyRuleViolation.notMeasurable(.withdrawn)) {
            try await workspace.measurement.recordActual(
                .mock, indicatorID: indicator.id, of: withdrawn, by: workspace.policyMaker.actor, scope: writing(workspace), today: today)
        }
        // The repository refuses it in its transaction too, even when the caller still holds the response as it was.
        await #expect(throws: PolicyRuleViolation.notMeasurable(.withdrawn)) {
            try await workspace.measurement.addIndicator(.mock, to: response, by: workspace.policyMaker.actor, scope: writing(workspace))
        }

        // check
        #expect(try await workspace.repositories.indicators(writing(workspace), responseID: response.id) == [indicator])
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func badIndicatorsAndActualsAreRefusedWithEveryReason() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        let indicator = try await workspace.measurement.addIndicator(.mock, to: response, by: workspace.policyMaker.actor, scope: writing(workspace))
        var backwards = IndicatorDraft.mock
        backwards.fields["target"] = "1"
        backwards.fields["targetDate"] = "2025-12-31"
        backwards.fields["level"] = "impact"
        let entries = workspace.repositories.audit.count

        // act
        let indicatorFailure = await #expect(throws: ValidationFailure.self) {
            try await workspace.measurement.addIndicator(backwards, to: response, by: workspace.policyMaker.actor, scope: writing(workspace))
        }
        let actualFailure = await #expect(throws: ValidationFailure.self) {
            try await workspace.measurement.recordActual(
                ActualDraft(fields: ["value": "many", "date": "2026-10-02", "evidence": "", "reliability": "Z"]), indicatorID: indicator.id,
                of: response,
                by: workspace.policyMaker.actor, scope: writing(workspace), today: today)
        }

        // check
        #expect(
            indicatorFailure?.issues == [
                FieldIssue(field: "level", "validation.policy.indicator-level"), FieldIssue(field: "targetDate", "validation.policy.target-date"),
                FieldIssue(field: "target", "validation.policy.target-below-baseline"),
            ])
        #expect(
            actualFailure?.issues == [
                FieldIssue(field: "value", "validation.policy.number"), FieldIssue(field: "date", "validation.policy.future-date"),
                FieldIssue(field: "evidence", "validation.required"), FieldIssue(field: "reliability", "validation.reliability"),
            ])
        #expect(try await workspace.repositories.allIndicators(writing(workspace)) == [indicator])
        #expect(workspace.repositories.audit.count == entries)
    }

    /// Planned: 0.6058985812097017 (see ``PolicyDesignTests/theRegisterShowsResidualRiskForApprovedResponsesOnly()``).
    /// Observed at the follow-up round 2: R₀ = 0.05 × 4 = 0.2 (round 1, the baseline), R₁ = 0.02 × 3 = 0.06, so
    /// (0.2 − 0.06)/0.2 = 0.7. The round-2 scores already reflect the response, so its effects are not applied to them again.
    @Test func aFollowUpRoundShowsObservedAgainstPlannedEffectiveness() async throws {
        // setup
        let workspace = StateWorkspace()
        let (assessment, scenario) = try await workspace.revealedAssessment()
        let approved = try await workspace.approvedResponse(addressing: [scenario.id])
        let viewing = workspace.scope(workspace.assessor, .viewAssessment)
        let planned = try #require(try await workspace.register.compute(assessment, scope: viewing).entries.first?.residual?.plannedEffectiveness)
        let lower = ScoreDraft(
            intent: 2, actorCapability: 3, technologyAccessibility: 5, opportunity: 2, likelihood: (low: 0.005, best: 0.02, high: 0.1),
            impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0.rawValue, 3) }), confidence: "moderate",
            rationale: "Detectors deployed at every large festival.")

        // act
        try await workspace.moveRound(of: assessment, to: .open)
        try await workspace.score(scenario, as: workspace.assessor, lower)
        try await workspace.score(scenario, as: workspace.secondAssessor, lower)
        try await workspace.moveRound(of: assessment, to: .closed)
        try await workspace.moveRound(of: assessment, to: .revealed)
        let followUp = try await workspace.register.compute(assessment, scope: viewing)
        let scores = try await workspace.repositories.scoresForRegister(viewing, assessmentID: assessment.id, throughRound: 2)
        let baseline = try #require(try await workspace.stored(approved).targets.first?.baselineRound)

        // check
        #expect(abs(planned - 0.605_898_581_209_701_7) < 1e-12)
        #expect(baseline == 1)
        let observed = try #require(ObservedEffectiveness(scenarioID: scenario.id, baselineRound: baseline, scores: scores))
        #expect(observed.followUpRound == 2 && abs(observed.baselineRisk - 0.2) < 1e-12 && abs(observed.followUpRisk - 0.06) < 1e-12)
        #expect(abs(observed.observed - 0.7) < 1e-12)
        let entry = try #require(followUp.entries.first)
        let residual = try #require(entry.residual)
        #expect(followUp.basisRound == 2 && entry.likelihood.best == 0.02)
        #expect(residual.trace.effects.map(\.applied) == [false, false])
        #expect(residual.trace.effects.map(\.reason) == ["follow-up-scores", "follow-up-scores"])
        #expect(residual.likelihood == entry.likelihood && residual.impact == entry.impact && residual.plannedEffectiveness == 0)
    }
}
