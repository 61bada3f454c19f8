import CTTechCore
import CTTechDoubles
import Testing

@Suite("Scoring: scenarios, private scores and rounds")
struct ScoringUseCaseTests {
    // MARK: addScenario

    @Test func aScenarioIsStoredWithItsCodesTidiedAndTheAssessmentsHorizon() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        var draft = ScenarioDraft.mock
        draft.technologies = ["T09", "T08", "T09"]
        draft.purposes = ["P7", "P1"]

        // act
        let scenario = try await workspace.scoring.addScenario(
            draft, to: assessment, by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .writeScenario))

        // check
        #expect(scenario.technologies == ["T08", "T09"] && scenario.purposes == ["P1", "P7"])
        #expect(scenario.horizonYears == 3 && scenario.assessmentID == assessment.id && scenario.version == 1)
        #expect(try await workspace.repositories.scenario(workspace.managing, assessmentID: assessment.id, id: scenario.id) == scenario)
        #expect(try await workspace.revision(of: assessment) == 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "scenario.create" && event.entityType == "scenario" && event.entityID == scenario.id)
        #expect(event.stateID == workspace.state.id && event.details == ["title": "Drone attack on a festival crowd"])
    }

    @Test func aScenarioNamingCodesOutsideTheMethodIsRefusedFieldByField() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let draft = ScenarioDraft(title: "", narrative: "n", actorType: "A7", technologies: ["T77"], purposes: [], targetSector: nil)
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.scoring.addScenario(draft, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["title", "actorType", "technologies", "purposes"])
        #expect(failure?.message(for: "technologies") == "T77 is not a technology of this method")
        #expect(try await workspace.repositories.scenarios(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    // MARK: submit

    @Test func aScoreIsRecordedAsTheCallersOwnInTheCurrentRound() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let scope = workspace.scope(workspace.assessor, .scoreScenario)

        // act
        let score = try await workspace.scoring.submit(.mock, for: scenario, by: workspace.assessor.actor, scope: scope)

        // check
        #expect(score.assessorID == workspace.assessor.userID && score.round == 1 && score.scenarioID == scenario.id)
        #expect(score.threat == 12 && score.combinedImpact == 4)  // 4 × min(3, 5); max of the impacts
        let shown = try await workspace.repositories.visibleScores(scope, assessmentID: assessment.id, round: ScoringRound(number: 1, status: .open))
        #expect(shown.map(\.score) == [score] && shown.map(\.label) == ["You"])
        #expect(try await workspace.repositories.submissionCounts(scope, assessmentID: assessment.id, round: 1) == [scenario.id: 1])
        #expect(try await workspace.revision(of: assessment) == 2)  // scenario, then score
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "score.submit" && event.entityType == "scenario" && event.entityID == scenario.id)
        #expect(event.stateID == workspace.state.id && event.actorID == workspace.assessor.userID && event.details == ["round": "1"])
    }

    @Test func peersSeeOnlyTheirOwnScoresUntilTheRoundIsRevealed() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.score(scenario, as: workspace.assessor)
        try await workspace.score(scenario, as: workspace.secondAssessor)
        let scope = workspace.scope(workspace.assessor, .viewAssessment)

        // act
        let whileClosed = try await workspace.repositories.visibleScores(
            scope, assessmentID: assessment.id, round: try await workspace.moveRound(of: assessment, to: .closed))
        let afterReveal = try await workspace.repositories.visibleScores(
            scope, assessmentID: assessment.id, round: try await workspace.moveRound(of: assessment, to: .revealed))

        // check
        #expect(whileClosed.map(\.label) == ["You"])
        #expect(afterReveal.map(\.label) == ["Assessor 1", "You"])
        #expect(afterReveal.first?.score.assessorID == "")  // the peer is anonymised
    }

    @Test func aClosedRoundTakesNoScore() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.moveRound(of: assessment, to: .closed)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AssessmentRuleViolation.roundNotOpen(round: 1)) {
            try await workspace.score(scenario, as: workspace.assessor)
        }

        // check
        #expect(try await workspace.repositories.scoresForRegister(workspace.managing, assessmentID: assessment.id, throughRound: 1).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aSecondScoreInTheSameRoundIsRefusedAndTheFirstKept() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let first = try await workspace.score(scenario, as: workspace.assessor)
        let entries = workspace.repositories.audit.count
        var changed = ScoreDraft.mock
        changed.fields["intent"] = "1"

        // act
        await #expect(throws: AssessmentRuleViolation.alreadyScored) {
            try await workspace.score(scenario, as: workspace.assessor, changed)
        }

        // check
        #expect(try await workspace.repositories.scoresForRegister(workspace.managing, assessmentID: assessment.id, throughRound: 1) == [first])
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aNewRoundTakesANewScoreFromTheSameAssessor() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.score(scenario, as: workspace.assessor)
        try await workspace.moveRound(of: assessment, to: .closed)
        try await workspace.moveRound(of: assessment, to: .revealed)
        try await workspace.moveRound(of: assessment, to: .open)

        // act
        let second = try await workspace.score(scenario, as: workspace.assessor)

        // check
        #expect(second.round == 2)
        #expect(
            try await workspace.repositories.scoresForRegister(workspace.managing, assessmentID: assessment.id, throughRound: 2).filter {
                $0.round == 2
            } == [second])
        #expect(try await workspace.repositories.scoresForRegister(workspace.managing, assessmentID: assessment.id, throughRound: 1).count == 1)
    }

    /// Issue 8, item 1: a closed round can be reopened before the reveal, so a late assessor can still score it.
    @Test func aClosedRoundReopensForALateAssessor() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.moveRound(of: assessment, to: .closed)

        // act
        try await workspace.moveRound(of: assessment, to: .open)
        let late = try await workspace.score(scenario, as: workspace.assessor)

        // check
        #expect(late.round == 1)
        #expect(
            try await workspace.repositories.currentRound(workspace.managing, assessmentID: assessment.id) == ScoringRound(number: 1, status: .open))
        #expect(workspace.repositories.audit.contains { $0.details["reopened"] == "before the reveal" })
    }

    /// Issue 8, item 1: the preview before a close names the scenarios without a score and what the register will do.
    @Test func thePreviewBeforeARevealSaysWhatTheRegisterWillShow() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scored = try await workspace.writeScenario(in: assessment)
        let unscored = try await workspace.writeScenario(in: assessment, title: "Nobody scored this one")
        try await workspace.score(scored, as: workspace.assessor)
        try await workspace.moveRound(of: assessment, to: .closed)

        // act
        let preview = try await workspace.scoring.preview(assessment, to: .revealed, scope: workspace.managing)

        // check
        #expect(preview.scenarioCount == 2)
        #expect(preview.unscored == [.init(title: unscored.title, keptFromRound: nil)])
        #expect(preview.fewRatings == [.init(title: scored.title, ratings: 1)])
        await #expect(throws: AssessmentRuleViolation.roundTransition(from: .closed, to: .closed)) {
            try await workspace.scoring.preview(assessment, to: .closed, scope: workspace.managing)
        }
    }

    /// Issue 8, item 6: where each assessment stands for the viewer — the round, their own progress and what is next.
    @Test func theStandingSaysTheRoundTheViewersProgressAndTheNextScenario() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let first = try await workspace.writeScenario(in: assessment, title: "First")
        let second = try await workspace.writeScenario(in: assessment, title: "Second")
        try await workspace.score(first, as: workspace.assessor)

        // act
        let forAssessor = try await AssessmentStanding.read(
            workspace.scope(workspace.assessor, .viewAssessment), assessments: workspace.repositories, scoring: workspace.repositories,
            viewerScores: true)
        let forFacilitator = try await AssessmentStanding.read(
            workspace.scope(workspace.facilitator, .viewAssessment), assessments: workspace.repositories, scoring: workspace.repositories,
            viewerScores: false)

        // check
        #expect(forAssessor.map(\.summary) == ["Round 1 open · you 1/2"])
        #expect(forAssessor.first?.nextUnscored == second)
        #expect(forFacilitator.map(\.summary) == ["Round 1 open"])
        #expect(forFacilitator.first?.nextUnscored == nil && forFacilitator.first?.scenarioCount == 2)
    }

    @Test func aScoreOutsideTheScalesIsRefusedFieldByField() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        var draft = ScoreDraft.mock
        draft.fields["intent"] = "6"
        draft.fields["confidence"] = "certain"
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.score(scenario, as: workspace.assessor, draft)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["intent", "confidence"])
        #expect(try await workspace.repositories.submissionCounts(workspace.managing, assessmentID: assessment.id, round: 1).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    // MARK: advanceRound

    @Test func roundsMoveOpenClosedRevealedThenANewOneOpens() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()

        // act
        let closed = try await workspace.moveRound(of: assessment, to: .closed)
        let revealed = try await workspace.moveRound(of: assessment, to: .revealed)
        let next = try await workspace.moveRound(of: assessment, to: .open)

        // check
        #expect(closed == ScoringRound(number: 1, status: .closed))
        #expect(revealed == ScoringRound(number: 1, status: .revealed))
        #expect(next == ScoringRound(number: 2, status: .open))
        #expect(try await workspace.repositories.currentRound(workspace.managing, assessmentID: assessment.id) == next)
        #expect(try await workspace.revision(of: assessment) == 3)
        let events = workspace.repositories.audit.suffix(3)
        #expect(events.map(\.action) == ["round.closed", "round.revealed", "round.open"])
        #expect(events.map { $0.details["round"] } == ["1 closed", "1 revealed", "2 open"])
        #expect(events.allSatisfy { $0.entityType == "assessment" && $0.entityID == assessment.id && $0.stateID == workspace.state.id })
        #expect(events.allSatisfy { $0.actorID == workspace.facilitator.userID })
    }

    @Test(arguments: [
        ([ScoringRound.Status](), ScoringRound.Status.revealed, ScoringRound.Status.open),
        ([], .open, .open),
        ([.closed], .closed, .closed),
        ([.closed, .revealed], .closed, .revealed),
        ([.closed, .revealed], .revealed, .revealed),
    ])
    func aRoundCannotSkipOrGoBack(moves: [ScoringRound.Status], target: ScoringRound.Status, from: ScoringRound.Status) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        for move in moves { try await workspace.moveRound(of: assessment, to: move) }
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AssessmentRuleViolation.roundTransition(from: from, to: target)) {
            try await workspace.moveRound(of: assessment, to: target)
        }

        // check
        #expect(
            try await workspace.repositories.currentRound(workspace.managing, assessmentID: assessment.id) == ScoringRound(number: 1, status: from))
        #expect(workspace.repositories.audit.count == entries)
    }
}
