import CTTechCore
import CTTechStore

/// Issue 12 in the fictional Valdoria demo, through the same use cases as the pages: a finished national workshop on the
/// assessment (a ranking of its scenarios in two rounds, an idea board with a duplicate merged and an entry hidden, a
/// satisfaction survey), and an open session a newcomer can join from a second browser with its code.
enum DemoLive {
    /// The open session's join code, fixed so that the demo's instructions can name it.
    static let openCode = "VDR794"

    static func seed(_ services: AppServices, stateID: String, assessmentID: String) async throws {
        let seedScope = SystemAuthority.tenant(stateID, actorID: "demo-seed", permission: .runLiveSession)
        guard try await services.live.liveSessions(seedScope).isEmpty,
            let facilitator = try await services.accounts.account(email: "facilitator@demo.cttech.example")
        else { return }
        let actor = AuditActor(id: facilitator.id, label: facilitator.email)
        let run = SystemAuthority.tenant(stateID, actorID: facilitator.id, permission: .runLiveSession)
        let facilitation = services.liveFacilitation
        let participation = services.liveParticipation

        // The finished workshop: 12 participants (pseudonymous), sex and agency type asked.
        var session = try await facilitation.create(
            LiveSessionDraft(
                title: "National workshop — prioritising new-technology threats", assessmentID: assessmentID, anonymity: "pseudonymous",
                attributes: ["sex", "agency-type"], minimumGroupSize: 5), by: actor, scope: run)
        let ranking = try await facilitation.addActivity(
            LiveActivityDraft(kind: "ranking", title: "Which threats should Valdoria address first?", items: [], scenarios: [], limit: 0),
            to: session,
            by: actor, scope: run)
        let ideas = try await facilitation.addActivity(
            LiveActivityDraft(kind: "ideas", title: "What capability is missing most?", items: [], scenarios: [], limit: 3), to: session, by: actor,
            scope: run)
        let survey = try await facilitation.addActivity(
            LiveActivityDraft(
                kind: "survey", title: "Your view of the workshop",
                items: ["The workshop was useful for my work", "The method is clear enough to use again", "The pace was right"], scenarios: [],
                limit: nil), to: session, by: actor, scope: run)
        session = try await facilitation.move(session, to: .running, expectedVersion: session.version, by: actor, scope: run)
        let declared: [[String: String]] = [
            ["sex": "female", "agency-type": "law-enforcement"], ["sex": "male", "agency-type": "law-enforcement"],
            ["sex": "female", "agency-type": "intelligence"], ["sex": "male", "agency-type": "justice"],
            ["sex": "female", "agency-type": "ministry"],
            ["sex": "male", "agency-type": "law-enforcement"], ["sex": "female", "agency-type": "law-enforcement"], ["sex": "male"],
            ["sex": "female", "agency-type": "regulator"], ["agency-type": "law-enforcement"], ["sex": "male", "agency-type": "intelligence"],
            ["sex": "female", "agency-type": "law-enforcement"],
        ]
        var phones: [(ParticipantPass, LiveParticipant)] = []
        for fields in declared {
            let (participant, token) = try await participation.join(session, with: LiveJoinDraft(fields: fields))
            _ = try await facilitation.admit([participant.id], .admitted, in: session, by: actor, scope: run)
            if let (pass, admitted, _) = try await participation.pass(token: token) { phones.append((pass, admitted)) }
        }
        session = try await services.live.liveSession(run, id: session.id) ?? session

        // Ranking, two rounds: the second closer to agreement after the discussion of round 1.
        let keys = ranking.items.map(\.key)
        for round in 1...2 {
            let open = try await facilitation.openRound(ranking, in: session, by: actor, scope: run)
            for (index, (pass, participant)) in phones.enumerated() {
                var order = keys
                // Deterministic, different views: round 1 shifts each view by the participant's index, round 2 only by one place.
                let shift = round == 1 ? index % max(keys.count, 1) : (index % 3 == 0 ? 1 : 0)
                if !order.isEmpty { order = Array(order[shift...] + order[..<shift]) }
                var fields: [String: String] = [:]
                for (rank, key) in order.enumerated() { fields["rank.\(key)"] = String(rank + 1) }
                try await participation.answer(
                    LiveAnswerDraft(fields: fields), to: ranking, item: "", round: open, pass: pass, participant: participant, session: session)
            }
            _ = try await facilitation.advanceRound(ranking, in: session, to: .closed, by: actor, scope: run)
            _ = try await facilitation.advanceRound(ranking, in: session, to: .revealed, by: actor, scope: run)
        }

        // Idea board: entries, a duplicate merged and an off-topic entry hidden, then votes.
        let entry = try await facilitation.openRound(ideas, in: session, by: actor, scope: run)
        let texts = [
            "Blockchain analytics licence for the financial intelligence unit", "Crypto tracing tools for the FIU",
            "Counter-drone detection at stadiums",
            "Training on deepfake detection for investigators", "Legal basis for seizing virtual assets", "Lunch was too short",
            "Liaison with platforms on terrorist content",
        ]
        for (index, text) in texts.enumerated() {
            let (pass, participant) = phones[index % phones.count]
            try await participation.answer(
                LiveAnswerDraft(fields: ["idea": text]), to: ideas, item: "", round: entry, pass: pass, participant: participant, session: session)
        }
        _ = try await facilitation.advanceRound(ideas, in: session, to: .closed, by: actor, scope: run)
        _ = try await facilitation.advanceRound(ideas, in: session, to: .revealed, by: actor, scope: run)
        let board = try await services.live.liveIdeas(run, sessionID: session.id, activityID: ideas.id)
        if let duplicate = board.first(where: { $0.text.hasPrefix("Crypto tracing") }),
            let into = board.first(where: { $0.text.hasPrefix("Blockchain") })
        {
            _ = try await facilitation.moderate(duplicate, mergeInto: into.id, in: session, by: actor, scope: run)
        }
        if let offTopic = board.first(where: { $0.text.hasPrefix("Lunch") }) {
            _ = try await facilitation.moderate(offTopic, hidden: true, in: session, by: actor, scope: run)
        }
        let votable = try await services.live.liveIdeas(run, sessionID: session.id, activityID: ideas.id).filter(\.isVotable)
        let voting = try await facilitation.openRound(ideas, in: session, by: actor, scope: run)
        for (index, (pass, participant)) in phones.enumerated() where !votable.isEmpty {
            let chosen = [votable[index % votable.count], votable[(index * 2 + 1) % votable.count], votable[0]]
            var fields: [String: String] = [:]
            for idea in chosen { fields["vote.\(idea.id)"] = "on" }
            try await participation.answer(
                LiveAnswerDraft(fields: fields), to: ideas, item: "", round: voting, pass: pass, participant: participant, session: session)
        }
        _ = try await facilitation.advanceRound(ideas, in: session, to: .closed, by: actor, scope: run)
        _ = try await facilitation.advanceRound(ideas, in: session, to: .revealed, by: actor, scope: run)

        // Survey: everyone answers every statement.
        let asked = try await facilitation.openRound(survey, in: session, by: actor, scope: run)
        for (index, (pass, participant)) in phones.enumerated() {
            for (position, item) in survey.items.enumerated() {
                let rating = [5, 4, 4, 5, 3, 4][(index + position) % 6] - (position == 2 && index % 4 == 0 ? 2 : 0)
                try await participation.answer(
                    LiveAnswerDraft(fields: ["rating": String(rating), "comment": index == 2 && position == 0 ? "Very practical exercises." : ""]),
                    to: survey, item: item.key, round: asked, pass: pass, participant: participant, session: session)
            }
        }
        _ = try await facilitation.advanceRound(survey, in: session, to: .closed, by: actor, scope: run)
        _ = try await facilitation.advanceRound(survey, in: session, to: .revealed, by: actor, scope: run)
        _ = try await facilitation.move(session, to: .ended, expectedVersion: session.version, by: actor, scope: run)

        // The open session: started, with a quiz ready; a newcomer joins at /join with its code and waits in the lobby.
        let open = try await facilitation.create(
            LiveSessionDraft(
                title: "Follow-up workshop — try joining from a second browser", assessmentID: assessmentID, anonymity: "anonymous",
                attributes: ["sex"],
                minimumGroupSize: 5), by: actor, scope: run, code: openCode)
        _ = try await facilitation.addActivity(
            LiveActivityDraft(
                kind: "quiz", title: "What do you remember?",
                items: [
                    "Which factor is multiplied by intent to give the threat? | Opportunity | *Capability (the lower of actor capability and technology accessibility) | Impact",
                    "What does a narrow interquartile range of scores show? | *Agreement | Disagreement | A high threat",
                ], scenarios: [], limit: nil), to: open, by: actor, scope: run)
        _ = try await facilitation.addActivity(
            LiveActivityDraft(kind: "ranking", title: "Rank the threats again", items: [], scenarios: [], limit: 3), to: open, by: actor, scope: run)
        _ = try await facilitation.move(open, to: .running, expectedVersion: open.version, by: actor, scope: run)
    }
}
