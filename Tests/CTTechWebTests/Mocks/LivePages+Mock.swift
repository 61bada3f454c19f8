import CTTechCore

@testable import CTTechWeb

/// Issue 12: a live workshop on Valdoria's assessment — a pseudonymous session that asks sex and agency type, six
/// participants (one still waiting, one turned away), a ranking revealed in two rounds, an idea board, a survey open.
extension Valdoria {
    static let liveSession = LiveSession(
        id: id(1201), stateID: state.id, assessmentID: assessment.id, title: "Regional workshop — Valdoria " + markup, code: "K7QR4M",
        anonymity: .pseudonymous, askedAttributes: [.sex, .agencyType], minimumGroupSize: 2, status: .running, createdBy: facilitator.userID,
        createdAt: now - day, startedAt: now - 3_600_000, version: 2)

    static let liveParticipants: [LiveParticipant] = (1...6).map { n in
        LiveParticipant(
            id: id(1210 + n), sessionID: liveSession.id, number: n, name: nil, checkCode: ["A3F", "C4K", "D7M", "E9P", "F6R", "H3T"][n - 1],
            attributes: LiveAttributes(n <= 3 ? [.sex: "female", .agencyType: "law-enforcement"] : n == 4 ? [.sex: "male"] : [:]),
            status: n == 5 ? .waiting : n == 6 ? .refused : .admitted, joinedAt: now - 3_000_000 + Int64(n) * 60_000,
            admittedAt: n < 5 ? now - 2_900_000 : nil)
    }

    static let liveRanking = LiveActivity(
        id: id(1221), sessionID: liveSession.id, kind: .ranking, title: "Which threats matter most?", position: 1,
        items: scenarios.map { LiveItem(key: $0.id, label: $0.title) }, createdAt: now - 3_500_000)
    static let liveIdeas = LiveActivity(
        id: id(1222), sessionID: liveSession.id, kind: .ideas, title: "What should the next workshop cover?", position: 2, items: [], limit: 2,
        createdAt: now - 3_400_000)
    static let liveSurvey = LiveActivity(
        id: id(1223), sessionID: liveSession.id, kind: .survey, title: "Your view of the day", position: 3,
        items: [LiveItem(key: "i1", label: "The workshop was useful"), LiveItem(key: "i2", label: "The pace was right " + markup)],
        createdAt: now - 3_300_000)
    static let liveActivities = [liveRanking, liveIdeas, liveSurvey]

    static let liveRounds = [
        LiveRound(activityID: liveRanking.id, number: 1, status: .revealed, openedAt: now - 2_800_000, revealedAt: now - 2_500_000),
        LiveRound(activityID: liveRanking.id, number: 2, status: .revealed, openedAt: now - 2_400_000, revealedAt: now - 2_100_000),
        LiveRound(activityID: liveIdeas.id, number: 1, status: .revealed, openedAt: now - 2_000_000, revealedAt: now - 1_800_000),
        LiveRound(activityID: liveSurvey.id, number: 1, status: .open, openedAt: now - 600_000),
    ]

    /// Rankings of the four scenarios by participants 1–4 in two rounds (round 2 closer together), a tie in round 1.
    static let liveSubmissions: [LiveSubmission] = {
        let keys = scenarios.map(\.id)
        let round1 = [[1, 2, 3, 4], [2, 1, 3, 4], [1, 1, 3, 4], [4, 3, 2, 1]]
        let round2 = [[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 4, 3], [2, 1, 3, 4]]
        var all: [LiveSubmission] = []
        for (round, ranks) in [(1, round1), (2, round2)] {
            for (p, row) in ranks.enumerated() {
                all.append(
                    LiveSubmission(
                        activityID: liveRanking.id, round: round, participantID: liveParticipants[p].id, itemKey: "",
                        answer: .ranking(Dictionary(uniqueKeysWithValues: zip(keys, row))), submittedAt: now - 2_600_000))
            }
        }
        return all
    }()

    static let liveIdeaList = [
        LiveIdea(
            id: id(1231), activityID: liveIdeas.id, participantID: liveParticipants[0].id, text: "Drones over stadiums", createdAt: now - 1_900_000),
        LiveIdea(
            id: id(1232), activityID: liveIdeas.id, participantID: liveParticipants[1].id, text: "Stadium drones", mergedInto: id(1231),
            createdAt: now - 1_900_000),
        LiveIdea(
            id: id(1233), activityID: liveIdeas.id, participantID: liveParticipants[2].id, text: markup, hidden: true, createdAt: now - 1_900_000),
    ]

    static func liveLayout(_ title: String, identity: Identity?, at url: SiteURL, language: Language = .english) -> LayoutModel {
        guard let identity else { return LayoutModel(title: title, tlp: .clear, identity: nil, csrf: nil, path: url.path, language: language) }
        var steps = [(Localizer(language)("nav.state-overview"), SiteURL.state(state.id).path)]
        steps.append((Localizer(language)("nav.live"), SiteURL.liveSessions(state.id).path))
        return LayoutModel(
            title: title, tlp: state.defaultTLP, identity: identity, csrf: csrf, path: url.path, stateName: state.name, stateSteps: steps,
            language: language)
    }

    static let liveJoinURL = "http://192.168.1.20:8080/join/K7QR4M"
}

extension LiveSessionsPage {
    /// A facilitator: the session and the form that opens another.
    static var mock: Self {
        .make(
            layout: Valdoria.liveLayout("Live sessions", identity: Valdoria.facilitator, at: .liveSessions(Valdoria.state.id)),
            stateID: Valdoria.state.id,
            sessions: [Valdoria.liveSession], assessments: [Valdoria.assessment], canRun: true, csrf: Valdoria.csrf)
    }

    /// The form refused: no title, an assessment of another state, a group of 1.
    static var refused: Self {
        let fields = ["title": "", "assessment": Valdoria.id(9999), "anonymity": "named", "minimum-group": "1", "attribute.sex": "on"]
        return .make(
            layout: Valdoria.liveLayout("Live sessions", identity: Valdoria.facilitator, at: .liveSessions(Valdoria.state.id)),
            stateID: Valdoria.state.id,
            sessions: [], assessments: [Valdoria.assessment], canRun: true, csrf: Valdoria.csrf, submitted: fields,
            failure: Valdoria.refusal { try LiveSessionDraft(fields: fields).validated(assessments: [Valdoria.assessment.id]) })
    }
}

extension LiveSessionPage {
    static func page(_ session: LiveSession = Valdoria.liveSession, rounds: [LiveRound] = Valdoria.liveRounds, canRun: Bool = true) -> Self {
        .make(
            layout: Valdoria.liveLayout(session.title, identity: Valdoria.facilitator, at: .liveSession(Valdoria.state.id, session: session.id)),
            session: session, joinURL: Valdoria.liveJoinURL, participants: Valdoria.liveParticipants, activities: Valdoria.liveActivities,
            rounds: rounds,
            counts: [Valdoria.liveRanking.id: [1: 4, 2: 4], Valdoria.liveSurvey.id: [1: 2]],
            scenarios: Valdoria.scenarios.map { ($0.id, $0.title) }, canRun: canRun, csrf: Valdoria.csrf, lastEvent: 42,
            assessments: [Valdoria.assessment])
    }

    /// Running: the QR code, one person waiting, the ranking revealed twice, the survey's round open with 2 of 4 answers.
    static var mock: Self { page() }

    /// In set-up: the start button, no lobby.
    static var setup: Self { page(with(Valdoria.liveSession) { $0.status = .setup }, rounds: []) }

    /// The survey's round closed: reveal sits behind a confirmation.
    static var closed: Self {
        page(rounds: Valdoria.liveRounds.map { $0.activityID == Valdoria.liveSurvey.id ? with($0) { $0.status = .closed } : $0 })
    }
}

extension LiveResultsPage {
    static func page(
        _ activity: LiveActivity, language: Language = .english, feed: (assessmentRound: ScoringRound?, sources: [WorkshopSource])? = nil,
        rounds: [LiveRound] = Valdoria.liveRounds
    ) -> Self {
        let session = Valdoria.liveSession
        let results = [1, 2].compactMap { round -> LiveResults? in
            guard Valdoria.liveRounds.contains(where: { $0.activityID == activity.id && $0.number == round && $0.status == .revealed }) else {
                return nil
            }
            return LiveResults.compute(
                activity: activity, round: round, submissions: Valdoria.liveSubmissions.filter { $0.activityID == activity.id && $0.round <= round },
                ideas: Valdoria.liveIdeaList, participants: Valdoria.liveParticipants, minimumGroupSize: session.minimumGroupSize)
        }
        return .make(
            layout: Valdoria.liveLayout(
                activity.title, identity: Valdoria.facilitator, at: .liveResults(Valdoria.state.id, session: session.id, activity: activity.id),
                language: language),
            session: session, activity: activity, results: results, rounds: rounds, participants: Valdoria.liveParticipants,
            ideas: activity.kind == .ideas ? Valdoria.liveIdeaList : [], canRun: true, csrf: Valdoria.csrf, lastEvent: 42, canWriteScenario: true,
            feed: feed)
    }

    /// Two revealed rounds of a ranking: W, the bars, the convergence of round 2.
    static var mock: Self { page(Valdoria.liveRanking) }

    /// The idea board with its moderation.
    static var ideas: Self { page(Valdoria.liveIdeas) }

    /// Arabic: right to left.
    static var arabic: Self { page(Valdoria.liveRanking, language: .arabic) }
}

extension LivePresenterPage {
    static var mock: Self {
        let session = Valdoria.liveSession
        let results = LiveResults.compute(
            activity: Valdoria.liveRanking, round: 2, submissions: Valdoria.liveSubmissions, ideas: [], participants: Valdoria.liveParticipants,
            minimumGroupSize: session.minimumGroupSize)
        return .make(
            layout: Valdoria.liveLayout(session.title, identity: Valdoria.facilitator, at: .livePresenter(Valdoria.state.id, session: session.id)),
            session: session, joinURL: Valdoria.liveJoinURL, participants: Valdoria.liveParticipants,
            current: (Valdoria.liveRanking, Valdoria.liveRounds[1], results), answered: 4, csrf: Valdoria.csrf, lastEvent: 42)
    }

    /// A round open: counts only, no results.
    static var counting: Self {
        let session = Valdoria.liveSession
        return .make(
            layout: Valdoria.liveLayout(session.title, identity: Valdoria.facilitator, at: .livePresenter(Valdoria.state.id, session: session.id)),
            session: session, joinURL: Valdoria.liveJoinURL, participants: Valdoria.liveParticipants,
            current: (Valdoria.liveSurvey, Valdoria.liveRounds[3], nil), answered: 2, csrf: Valdoria.csrf, lastEvent: 42)
    }
}

extension LiveJoinPage {
    static var mock: Self {
        .make(layout: Valdoria.liveLayout("Join", identity: nil, at: .join), code: "", session: nil, codeUnknown: false, csrf: Valdoria.csrf)
    }

    static var unknownCode: Self {
        .make(layout: Valdoria.liveLayout("Join", identity: nil, at: .join), code: "ZZZZZZ", session: nil, codeUnknown: true, csrf: Valdoria.csrf)
    }

    /// The session's form: the anonymity note and the two attributes with "prefer not to say".
    static var session: Self {
        .make(
            layout: Valdoria.liveLayout("Join", identity: nil, at: .joinSession(code: "K7QR4M")), code: "K7QR4M", session: Valdoria.liveSession,
            codeUnknown: false, csrf: Valdoria.csrf)
    }
}

extension LiveParticipantPage {
    static func page(
        _ participant: LiveParticipant, activity: LiveActivity?, round: LiveRound?, own: [LiveSubmission] = [], item: String? = nil
    )
        -> Self
    {
        let screen = LiveParticipation.Screen(
            session: Valdoria.liveSession, participant: participant, activity: activity, round: round, ownAnswers: own, ideas: [])
        return .make(
            layout: Valdoria.liveLayout(Valdoria.liveSession.title, identity: nil, at: .participate), screen: screen, item: item, csrf: Valdoria.csrf)
    }

    /// The survey's first statement, on a phone.
    static var mock: Self { page(Valdoria.liveParticipants[0], activity: Valdoria.liveSurvey, round: Valdoria.liveRounds[3]) }

    /// Waiting in the lobby with the screen code.
    static var lobby: Self { page(Valdoria.liveParticipants[4], activity: nil, round: nil) }

    /// Admitted, no round open.
    static var waiting: Self { page(Valdoria.liveParticipants[0], activity: nil, round: nil) }

    /// Both statements answered.
    static var submitted: Self {
        let own = ["i1", "i2"].map {
            LiveSubmission(
                activityID: Valdoria.liveSurvey.id, round: 1, participantID: Valdoria.liveParticipants[0].id, itemKey: $0,
                answer: .rating(4, comment: ""), submittedAt: Valdoria.now)
        }
        return page(Valdoria.liveParticipants[0], activity: Valdoria.liveSurvey, round: Valdoria.liveRounds[3], own: own)
    }

    /// The ranking form.
    static var ranking: Self {
        page(
            Valdoria.liveParticipants[0], activity: Valdoria.liveRanking,
            round: LiveRound(activityID: Valdoria.liveRanking.id, number: 3, status: .open, openedAt: Valdoria.now))
    }
}

extension RoundStatisticsPage {
    /// Valdoria's two revealed rounds, factor by factor.
    static var mock: Self {
        let assessment = Valdoria.assessment
        return .make(
            layout: Valdoria.layout("Every round", identity: Valdoria.assessor, at: .roundStatistics(Valdoria.state.id, assessment.id)),
            assessment: assessment,
            statistics: RoundStatistics(
                scenarios: Valdoria.scenarios, scores: Valdoria.roundOneScores + Valdoria.roundTwoScores, throughRound: 2, minimumForConsensus: 3),
            revealedThrough: 2)
    }

    /// Round 2 with two workshop participants' scores of the first scenario and three workshop rankings of the first
    /// two scenarios (drone first twice, crypto first once).
    static var workshop: Self {
        let assessment = Valdoria.assessment
        let first = Valdoria.roundTwoScores.filter { $0.scenarioID == Valdoria.scenarios[0].id }.prefix(2)
        let workshop = first.enumerated().map { index, score in with(score) { $0.assessorID = "workshop:K7QR4M-\(index + 1)" } }
        let (a, b) = (Valdoria.scenarios[0].id, Valdoria.scenarios[1].id)
        let rankings = [[a: 1, b: 2], [a: 1, b: 2], [a: 2, b: 1]].enumerated().map {
            WorkshopRanking(round: 2, ranker: "workshop:K7QR4M-\($0.offset + 1)", ranks: $0.element, limit: 0)
        }
        return .make(
            layout: Valdoria.layout("Every round", identity: Valdoria.assessor, at: .roundStatistics(Valdoria.state.id, assessment.id)),
            assessment: assessment,
            statistics: RoundStatistics(
                scenarios: Array(Valdoria.scenarios.prefix(2)), scores: Valdoria.roundTwoScores + workshop, throughRound: 2, minimumForConsensus: 3,
                rankings: rankings),
            revealedThrough: 2)
    }

    static var none: Self {
        .make(
            layout: Valdoria.layout("Every round", identity: Valdoria.assessor, at: .roundStatistics(Valdoria.state.id, Valdoria.assessment.id)),
            assessment: Valdoria.assessment,
            statistics: RoundStatistics(scenarios: Valdoria.scenarios, scores: [], throughRound: 0, minimumForConsensus: 3),
            revealedThrough: 0)
    }
}
