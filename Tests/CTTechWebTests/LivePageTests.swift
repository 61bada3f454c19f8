import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Issue 12 · Live workshop pages")
struct LivePageTests {
    let stateID = Valdoria.state.id
    let session = Valdoria.liveSession

    @Test func sessionsList() async throws {
        // act
        let html = HTML(try await Pages.html(LiveSessionsPage.mock))
        // check
        html.expectSound()
        #expect(html.contains("<code dir=\"ltr\">K7QR4M</code>"))
        #expect(html.contains("Regional workshop — Valdoria &lt;script&gt;"), "the title is escaped")
        #expect(!html.contains(Valdoria.markup))
        #expect(html.count("type=\"radio\" id=\"l-anonymity-") == 3, "three anonymity modes")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func sessionsFormRefusedKeepsWhatWasTyped() async throws {
        // act
        let html = HTML(try await Pages.html(LiveSessionsPage.refused))
        // check
        html.expectSound()
        #expect(html.contains("id=\"l-title\" name=\"title\" required maxlength=\"200\" value=\"\" dir=\"auto\" aria-invalid=\"true\""))
        #expect(html.contains("is not an assessment of this state"))
        #expect(html.contains("must be a number from 2 to 50"))
        #expect(html.contains("id=\"l-anonymity-named\" name=\"anonymity\" value=\"named\" checked"), "the mode chosen stays chosen")
        #expect(html.contains("name=\"attribute.sex\" value=\"on\" checked"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func controlRoomRunning() async throws {
        // act
        let html = HTML(try await Pages.html(LiveSessionPage.mock))
        // check
        html.expectSound()
        let qr = html.between("<figure class=\"qr\">", "</figure>")
        #expect(qr.count("<path") == 1 && qr.contains("role=\"img\""), "the QR code is one path with its label")
        #expect(html.contains("<code dir=\"ltr\">http://192.168.1.20:8080/join/K7QR4M</code>"))
        #expect(html.contains("4 participants admitted"), "participants 1–4 are in; 5 waits, 6 was turned away")
        #expect(html.count("name=\"participant.") == 1, "only the waiting one is listed to admit")
        #expect(html.contains("screen code <strong dir=\"ltr\">F6R</strong>"))
        #expect(html.contains("<td>Round 2: revealed</td><td>4 of 4 answered</td>"))
        #expect(html.contains("<td>Round 1: open</td><td>2 of 4 answered</td>"), "counts, never results, while a round is open")
        #expect(html.contains(">Open round 3</button>"), "a ranking runs more rounds once the last is revealed")
        #expect(html.contains(">Close round 1</button>"))
        #expect(!html.contains("Kendall"), "no results on the control room")
        #expect(html.contains("data-events=\"\(SiteURL.liveEvents(stateID, session: session.id).path)?after=42\""))
        assertSnapshot(of: html.text, as: .lines, named: "running")
    }

    @Test func revealIsConfirmedAndSetupHasNoLobby() async throws {
        // act
        let closed = HTML(try await Pages.html(LiveSessionPage.closed))
        let setup = HTML(try await Pages.html(LiveSessionPage.setup))
        // check
        closed.expectSound()
        setup.expectSound()
        #expect(closed.contains("<details class=\"confirm\"><summary>Reveal round 1…</summary>"))
        #expect(
            closed.contains("<input type=\"hidden\" name=\"to\" value=\"revealed\"><button type=\"submit\" class=\"link\">Yes, reveal the results"))
        #expect(setup.contains(">Start the session</button>"))
        #expect(!setup.contains("id=\"lobby\""), "nobody can join before the start")
        #expect(!setup.contains("Open round"), "rounds open only in a running session")
        assertSnapshot(of: closed.text, as: .lines, named: "closed")
        assertSnapshot(of: setup.text, as: .lines, named: "setup")
    }

    @Test func rankingResultsGiveKendallsWForEveryRound() async throws {
        // act
        let html = HTML(try await Pages.html(LiveResultsPage.mock))
        // check
        html.expectSound()
        // Round 2: rank sums 5, 7, 13, 15 (mean 10), S = 25 + 9 + 9 + 25 = 68, W = 12 · 68 / (4² · (4³ − 4)) = 816 / 960 = 0.85.
        #expect(html.contains("Kendall&#39;s W, ties corrected): 0.85 over 4 rankings"))
        // Round 1 with one tie (1.5, 1.5 for participant 3, T = 2³ − 2 = 6): rank sums 8.5, 7.5, 11, 13, S = 18.5,
        // W = 12 · 18.5 / (16 · 60 − 4 · 6) = 222 / 936 = 0.237.
        #expect(html.contains("Kendall&#39;s W, ties corrected): 0.237 over 4 rankings"))
        #expect(html.text.range(of: "0.85")!.lowerBound < html.text.range(of: "0.237")!.lowerBound, "the latest round first")
        #expect(html.count("<svg") == 2, "one ranking chart per round")
        // Round 1 → 2: participant 1 kept [1, 2, 3, 4]; 2 ([2, 1, 3, 4]), 3 (the tie) and 4 (reversed) changed.
        #expect(html.contains("Since the round before, when W was 0.237: 3 of the 4 who ranked in both rounds changed their ranking."))
        #expect(html.contains("<td dir=\"auto\">Drone attack on a stadium crowd</td><td>1.3</td>") || html.contains("Mean rank"))
        assertSnapshot(of: html.text, as: .lines, named: "ranking")
    }

    @Test func revealedRoundsBecomeWorkshopInputToTheAssessment() async throws {
        // setup: round 1 of the ranking was added to the assessment's round 2, which is open
        let ranking = Valdoria.liveRanking
        let added = WorkshopSource(
            source: ranking.id, label: "\(Valdoria.liveSession.code) · \(ranking.title) · 1", round: 2, scores: 0, rankings: 4,
            addedAt: 1_764_676_800_000)

        // act
        let html = HTML(try await Pages.html(LiveResultsPage.page(ranking, feed: (ScoringRound(number: 2, status: .open), [added]))))
        let closed = HTML(try await Pages.html(LiveResultsPage.page(ranking, feed: (ScoringRound(number: 2, status: .closed), []))))
        let watching = HTML(try await Pages.html(LiveResultsPage.mock))

        // check: one form per revealed round, the one already added says so; a closed round offers no form
        html.expectSound()
        #expect(html.count("<input type=\"hidden\" name=\"round\"") == 2 && html.contains("Add to the assessment’s round 2"))
        #expect(html.contains("Round 1 — added to the assessment’s round 2 on") && html.contains("0 scores, 4 rankings"))
        #expect(closed.contains("The assessment has no open scoring round") && !closed.contains("name=\"round\""))
        #expect(!watching.contains("Workshop input to the assessment"), "only for someone who also manages the assessment")
        assertSnapshot(of: html.text, as: .lines, named: "workshop-input")
    }

    @Test func ideaBoardShowsVotableIdeasAndModeration() async throws {
        // act
        let html = HTML(try await Pages.html(LiveResultsPage.ideas))
        // check
        html.expectSound()
        #expect(html.contains("(1 duplicate merged in)"))
        #expect(html.contains("<td dir=\"auto\">&lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</td><td>hidden</td>"), "hidden, escaped")
        #expect(html.contains("name=\"hidden\" value=\"no\""), "a hidden idea can be shown again")
        let draft = SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path + "?from-idea=Drones%20over%20stadiums#add-scenario"
        #expect(html.contains("<a href=\"\(draft)\">Draft a scenario from it</a>"), "a votable idea becomes a draft scenario")
        #expect(html.count("Draft a scenario from it") == 1, "not the hidden or the merged one")
        #expect(!html.contains(Valdoria.markup))
        assertSnapshot(of: html.text, as: .lines, named: "ideas")
    }

    @Test func anIdeaBoardIsFinalOnceItsVotesAreRevealed() async throws {
        // setup: the board's voting round is revealed too
        let ideas = Valdoria.liveIdeas
        let rounds = Valdoria.liveRounds + [LiveRound(activityID: ideas.id, number: 2, status: .revealed, openedAt: 1, revealedAt: 2)]

        // act
        let html = HTML(try await Pages.html(LiveResultsPage.page(ideas, rounds: rounds)))

        // check: no moderation form any more, the statuses and the way to a draft scenario stay
        html.expectSound()
        #expect(html.contains("The votes are revealed: the board is final"))
        #expect(!html.contains("name=\"hidden\"") && !html.contains("name=\"merge\""))
        #expect(html.contains("<td>hidden</td>") && html.count("Draft a scenario from it") == 1)
    }

    @Test func arabicResultsAreRightToLeft() async throws {
        // act
        let html = HTML(try await Pages.html(LiveResultsPage.arabic))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("direction=\"rtl\""), "chart labels anchored for right to left")
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    @Test func presenterShowsResultsOnlyOnceRevealed() async throws {
        // act
        let revealed = HTML(try await Pages.html(LivePresenterPage.mock))
        let counting = HTML(try await Pages.html(LivePresenterPage.counting))
        // check
        revealed.expectSound()
        counting.expectSound()
        #expect(revealed.contains("K7QR4M") && revealed.contains("Kendall&#39;s W"))
        #expect(counting.contains("Round 1: open · 2 of 4 answered"))
        #expect(!counting.contains("Kendall") && !counting.contains("<table"), "a running round shows counts only")
        #expect(counting.contains("4 participants admitted · 1 waiting in the lobby"))
        assertSnapshot(of: revealed.text, as: .lines, named: "revealed")
        assertSnapshot(of: counting.text, as: .lines, named: "counting")
    }

    @Test func joinPages() async throws {
        // act
        let form = HTML(try await Pages.html(LiveJoinPage.mock))
        let unknown = HTML(try await Pages.html(LiveJoinPage.unknownCode))
        let join = HTML(try await Pages.html(LiveJoinPage.session))
        // check
        for html in [form, unknown, join] { html.expectSound() }
        #expect(form.contains("<form method=\"get\" action=\"/join\""))
        #expect(unknown.contains("No running session has this code"))
        #expect(join.contains("Your answers are shown as those of a numbered participant, never with your name."))
        #expect(join.count("<option value=\"\" selected>Prefer not to say</option>") == 2)
        #expect(!join.contains("id=\"j-name\""), "a pseudonymous session asks no name")
        assertSnapshot(of: form.text, as: .lines, named: "code")
        assertSnapshot(of: join.text, as: .lines, named: "session")
    }

    @Test func participantPhoneIsLightAndSaysWhereThingsStand() async throws {
        // act
        let question = HTML(try await Pages.html(LiveParticipantPage.mock))
        let lobby = HTML(try await Pages.html(LiveParticipantPage.lobby))
        let waiting = HTML(try await Pages.html(LiveParticipantPage.waiting))
        let submitted = HTML(try await Pages.html(LiveParticipantPage.submitted))
        let ranking = HTML(try await Pages.html(LiveParticipantPage.ranking))
        // check
        for html in [question, lobby, waiting, submitted, ranking] {
            html.expectSound()
            #expect(html.text.utf8.count < 30_000, "a 3G-class page")
        }
        #expect(question.contains("<h2 dir=\"auto\">The workshop was useful</h2>"))
        #expect(question.count("type=\"radio\"") == 5)
        #expect(lobby.contains("screen code <strong dir=\"ltr\">F6R</strong>"))
        #expect(waiting.contains("The next question appears here when the facilitator opens it."))
        #expect(submitted.contains("Submitted. You can change an answer until the facilitator closes the round."))
        #expect(!submitted.contains("<form method=\"post\" action=\"/live/answer\""), "nothing left to answer")
        #expect(ranking.count("name=\"rank.") == 4)
        #expect(question.contains("You are offline: your answer will be sent when you reconnect."))
        assertSnapshot(of: question.text, as: .lines, named: "question")
        assertSnapshot(of: lobby.text, as: .lines, named: "lobby")
        assertSnapshot(of: submitted.text, as: .lines, named: "submitted")
        assertSnapshot(of: ranking.text, as: .lines, named: "ranking")
    }
}

@Suite("Issue 12 · Every round, factor by factor")
struct RoundStatisticsPageTests {
    @Test func everyRevealedRoundOfEveryScenario() async throws {
        // act
        let html = HTML(try await Pages.html(RoundStatisticsPage.mock))
        let none = HTML(try await Pages.html(RoundStatisticsPage.none))
        // check
        html.expectSound()
        none.expectSound()
        #expect(html.contains("The figures of all 2 revealed rounds"))
        #expect(html.count("<h3>Round 1</h3>") >= 3 && html.count("<h3>Round 2</h3>") >= 3)
        #expect(html.count("<th scope=\"row\">Impact: Human rights and social cohesion</th>") == html.count("<h3>Round "), "every impact dimension")
        #expect(html.contains("<a href=\"\(SiteURL.roundStatisticsCSV(Valdoria.state.id, Valdoria.assessment.id).path)\">"))
        #expect(none.contains("No round has been revealed yet") && !none.contains("<table"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func workshopInputIsMarkedAndItsRankingsComeFirst() async throws {
        // act
        let html = HTML(try await Pages.html(RoundStatisticsPage.workshop))
        // check
        html.expectSound()
        #expect(html.count("Includes 2 workshop participants (workshop input from a live session).") == 1, "only the first scenario's round")
        // By hand: rank sums 4 and 5 over three rankings of two scenarios, S = 0.5, W = 12 · 0.5 / (3² · 6) = 1/9 = 0.11.
        #expect(html.contains("Kendall’s W = 0.11 over 3 rankings"))
        #expect(html.text.range(of: "Workshop rankings")!.lowerBound < html.text.range(of: "<h2 dir=\"auto\">")!.lowerBound, "rankings first")
        assertSnapshot(of: html.text, as: .lines, named: "workshop")
    }
}
