import CTTechCore
import CTTechDoubles
import Testing

/// Issue 12: a live round's scores and rankings feed the assessment's round as pseudonymous workshop assessors, kept apart
/// from account holders' scores, hidden until the assessment's round is revealed and marked as workshop input.
@Suite("Live sessions: workshop input to the assessment")
struct WorkshopInputTests {
    /// A running session about an assessment (two scenarios, round 1 open) with three admitted phones.
    func stage() async throws -> (LiveWorkspace, Assessment, [ThreatScenario], LiveSession, [LiveWorkspace.Phone]) {
        let workspace = LiveWorkspace()
        let (assessment, scenarios) = try await workspace.assessmentWithScenarios()
        let session = try await workspace.runningSession(assessment: assessment)
        let phones = try await workspace.admittedPhones(3, in: session)
        return (workspace, assessment, scenarios, session, phones)
    }

    @Test func aRevealedScoringRoundJoinsTheAssessmentsOpenRoundAsWorkshopAssessors() async throws {
        // setup: the assessor scores the drone scenario themselves (threat 4 × 3 = 12); three phones score it in the room
        let (workspace, assessment, scenarios, session, phones) = try await stage()
        let drone = scenarios[0]
        try await workspace.base.score(drone, as: workspace.base.assessor)
        let scoring = try await workspace.addActivity(.scoring, to: session)
        try await workspace.advance(scoring, in: session, to: .open)
        for (phone, intent) in zip(phones, ["1", "2", "5"]) {
            var fields = ScoreDraft.mock.fields
            fields["intent"] = intent
            try await workspace.answer(fields, as: phone, to: scoring, item: drone.id)
        }
        await #expect(throws: LiveRuleViolation.notAssessmentInput) {
            try await workspace.facilitation.addToAssessment(scoring, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)
        }
        try await workspace.closeAndReveal(scoring, in: session)

        // act
        let input = try await workspace.facilitation.addToAssessment(
            scoring, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)

        // check: three pseudonymous scores in round 1, named by the session's code and the participant's number
        let code = session.code
        #expect(input.round == 1 && input.source == scoring.id && input.rankings.isEmpty)
        #expect(Set(input.scores.map(\.assessorID)) == Set((1...3).map { "workshop:\(code)-\($0)" }))
        #expect(input.scores.map(\.scenarioID) == [drone.id, drone.id, drone.id])
        // hidden while the assessment's round is open: the assessor sees their own score only
        let scope = workspace.base.scope(workspace.base.assessor, .viewAssessment)
        let open = try #require(try await workspace.repositories.currentRound(scope, assessmentID: assessment.id))
        #expect(try await workspace.repositories.visibleScores(scope, assessmentID: assessment.id, round: open).map(\.label) == ["You"])
        #expect(try await workspace.repositories.submissionCounts(scope, assessmentID: assessment.id, round: 1) == [drone.id: 1])
        let sources = try await workspace.repositories.workshopSources(scope, assessmentID: assessment.id)
        #expect(sources.map(\.scores) == [3] && sources.map(\.round) == [1] && sources.first?.label == "\(code) · \(scoring.title) · 1")
        #expect(workspace.repositories.audit.last?.action == "live.feed")
        #expect(workspace.repositories.audit.last?.details["scores"] == "3")

        // act: the round is revealed
        try await workspace.base.moveRound(of: assessment, to: .closed)
        let revealed = try await workspace.base.moveRound(of: assessment, to: .revealed)

        // check: everyone's scores, the workshop's numbered apart and marked; the round's threat median counts all four
        // (ScoreDraft.mock has capability 3, accessibility 5: threats 1 × 3, 2 × 3, the assessor's 4 × 3 and 5 × 3 → 3, 6, 12,
        // 15, median 9)
        let shown = try await workspace.repositories.visibleScores(scope, assessmentID: assessment.id, round: revealed)
        #expect(shown.map(\.label) == ["You", "Workshop participant 1", "Workshop participant 2", "Workshop participant 3"])
        #expect(shown.filter(\.isWorkshop).count == 3 && shown.allSatisfy { $0.isOwn || $0.score.assessorID.isEmpty })
        let scores = try await workspace.repositories.scoresForRegister(scope, assessmentID: assessment.id, throughRound: 1)
        let statistics = RoundStatistics(scenarios: scenarios, scores: scores, throughRound: 1, minimumForConsensus: 3)
        let row = try #require(statistics.rows.first)
        #expect(row.scenarioID == drone.id && row.workshop == 3)
        #expect(row.factors.first { $0.factor == .threat }?.summary.median == 9)
    }

    @Test func addingAgainReplacesTheEarlierInputAndAClosedRoundRefusesIt() async throws {
        // setup: round 1 of the live activity, then round 2 in which only two phones answer
        let (workspace, assessment, scenarios, session, phones) = try await stage()
        let drone = scenarios[0].id
        let scoring = try await workspace.addActivity(.scoring, to: session)
        try await workspace.advance(scoring, in: session, to: .open)
        for phone in phones { try await workspace.answer(ScoreDraft.mock.fields, as: phone, to: scoring, item: drone) }
        try await workspace.closeAndReveal(scoring, in: session)
        try await workspace.facilitation.addToAssessment(scoring, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)
        try await workspace.advance(scoring, in: session, to: .open)
        for phone in phones.prefix(2) { try await workspace.answer(ScoreDraft.mock.fields, as: phone, to: scoring, item: drone) }
        try await workspace.closeAndReveal(scoring, in: session)

        // act
        let second = try await workspace.facilitation.addToAssessment(
            scoring, liveRound: 2, in: session, by: workspace.facilitator, scope: workspace.running)
        try await workspace.base.moveRound(of: assessment, to: .closed)

        // check: the second addition replaced the first (two scores, not five); a closed round takes nothing
        let scope = workspace.base.scope(workspace.base.assessor, .viewAssessment)
        #expect(second.scores.count == 2)
        #expect(try await workspace.repositories.scoresForRegister(scope, assessmentID: assessment.id, throughRound: 1).count == 2)
        #expect(try await workspace.repositories.workshopSources(scope, assessmentID: assessment.id).map(\.scores) == [2])
        await #expect(throws: AssessmentRuleViolation.roundNotOpen(round: 1)) {
            try await workspace.facilitation.addToAssessment(scoring, liveRound: 2, in: session, by: workspace.facilitator, scope: workspace.running)
        }
    }

    @Test func rankingsJoinTheRoundAndTheirWIsTheParticipantsOwn() async throws {
        // setup: three phones rank the two scenarios: drone first, drone first, crypto first
        let (workspace, assessment, scenarios, session, phones) = try await stage()
        let (drone, crypto) = (scenarios[0].id, scenarios[1].id)
        let ranking = try await workspace.addActivity(.ranking, to: session)
        try await workspace.advance(ranking, in: session, to: .open)
        for (phone, droneFirst) in zip(phones, [true, true, false]) {
            try await workspace.answer(
                ["rank.\(drone)": droneFirst ? "1" : "2", "rank.\(crypto)": droneFirst ? "2" : "1"], as: phone, to: ranking)
        }
        try await workspace.closeAndReveal(ranking, in: session)
        // a scenario written after the activity was made is not among the ranked ones, and does not count in W
        let later = try await workspace.base.writeScenario(in: assessment, title: "Ransomware on the power grid")
        // a survey is no assessment input
        let survey = try await workspace.addActivity(.survey, items: ["Useful"], to: session)
        try await workspace.advance(survey, in: session, to: .open)
        try await workspace.answer(["rating": "4"], as: phones[0], to: survey, item: survey.items[0].key)
        try await workspace.closeAndReveal(survey, in: session)

        // act
        let input = try await workspace.facilitation.addToAssessment(
            ranking, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)
        try await workspace.base.moveRound(of: assessment, to: .closed)
        try await workspace.base.moveRound(of: assessment, to: .revealed)

        // check: by hand, rank sums drone 1+1+2 = 4, crypto 2+2+1 = 5, mean 4.5; S = 0.25 + 0.25 = 0.5;
        // W = 12 S / (m² (n³ − n)) = 6 / (9 × 6) = 1/9
        #expect(input.scores.isEmpty && input.rankings.count == 3)
        // a scenario the workshop ranked is kept like a scored one: removing it is refused
        await #expect(throws: AssessmentRuleViolation.scenarioScored) {
            try await workspace.base.assessments.remove(
                .scenario, id: crypto, from: assessment, by: workspace.base.focalPoint.actor,
                scope: workspace.base.scope(workspace.base.focalPoint, .manageAssessment))
        }
        await #expect(throws: LiveRuleViolation.notAssessmentInput) {
            try await workspace.facilitation.addToAssessment(survey, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)
        }
        let scope = workspace.base.scope(workspace.base.assessor, .viewAssessment)
        let rankings = try await workspace.repositories.workshopRankings(scope, assessmentID: assessment.id, throughRound: 1)
        let statistics = RoundStatistics(
            scenarios: scenarios + [later], scores: [], throughRound: 1, minimumForConsensus: 3, rankings: rankings)
        let summary = try #require(statistics.rankings.first?.summary)
        #expect(statistics.rankings.map(\.round) == [1] && summary.rankings == 3 && statistics.titles[later.id] == later.title)
        #expect(abs((summary.concordance ?? -1) - 1.0 / 9.0) < 1e-12)
        #expect(summary.items.map(\.key) == [drone, crypto] && summary.items.first?.firstPlaces == 2)
        #expect(abs((summary.items.first?.meanRank ?? 0) - 4.0 / 3.0) < 1e-12)
    }

    @Test func anAnonymousSessionFeedsNothingAndAnAssessmentInUseStays() async throws {
        // setup: an anonymous session about the assessment with a revealed scoring round
        let workspace = LiveWorkspace()
        let (assessment, scenarios) = try await workspace.assessmentWithScenarios()
        let session = try await workspace.runningSession(assessment: assessment, anonymity: .anonymous)
        let phone = try #require(try await workspace.admittedPhones(1, in: session).first)
        let scoring = try await workspace.addActivity(.scoring, to: session)
        try await workspace.advance(scoring, in: session, to: .open)
        try await workspace.answer(ScoreDraft.mock.fields, as: phone, to: scoring, item: scenarios[0].id)
        try await workspace.closeAndReveal(scoring, in: session)
        // a session in set-up whose scoring activity holds the assessment's scenarios
        let setup = try await workspace.createSession(assessment: assessment)
        _ = try await workspace.addActivity(.ranking, to: setup)
        let other = try await workspace.base.openAssessment(title: "Another assessment")

        // act / check
        await #expect(throws: LiveRuleViolation.anonymousInput) {
            try await workspace.facilitation.addToAssessment(scoring, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)
        }
        let stored = try await workspace.stored(setup)
        await #expect(throws: LiveRuleViolation.assessmentInUse) {
            try await workspace.facilitation.update(
                stored,
                with: LiveSessionDraft(title: "Moved", assessmentID: other.id, anonymity: "pseudonymous", attributes: [], minimumGroupSize: nil),
                expectedVersion: stored.version, by: workspace.facilitator, scope: workspace.running)
        }
        let renamed = try await workspace.facilitation.update(
            stored,
            with: LiveSessionDraft(title: "Renamed", assessmentID: assessment.id, anonymity: "pseudonymous", attributes: [], minimumGroupSize: nil),
            expectedVersion: stored.version, by: workspace.facilitator, scope: workspace.running)
        #expect(renamed.title == "Renamed" && renamed.assessmentID == assessment.id)
    }

    @Test func aSessionWithoutAnAssessmentOrAnotherStatesScopeFeedsNothing() async throws {
        // setup: a session about no assessment, with a revealed survey round
        let workspace = LiveWorkspace()
        let session = try await workspace.runningSession()
        let survey = try await workspace.addActivity(.survey, items: ["Useful"], to: session)

        // act / check
        await #expect(throws: LiveRuleViolation.needsAssessment) {
            try await workspace.facilitation.addToAssessment(survey, liveRound: 1, in: session, by: workspace.facilitator, scope: workspace.running)
        }
        #expect(WorkshopInput.isValidAssessorID("workshop:VDR794-3"))
        #expect(!WorkshopInput.isValidAssessorID("workshop:") && !WorkshopInput.isValidAssessorID("assessor@example.org"))
        #expect(!WorkshopInput.isValidAssessorID("workshop:" + String(repeating: "a", count: 41)))
        #expect(!WorkshopInput.isValidAssessorID("workshop:bad name"))
    }
}
