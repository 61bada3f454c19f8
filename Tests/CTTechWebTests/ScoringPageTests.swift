import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Step 3 · A scenario and its scores")
struct ScoringPageTests {
    let stateID = Valdoria.state.id
    let assessmentID = Valdoria.assessment.id
    /// What would tell who gave a score: the names and ids of the other assessors.
    let peers = [Valdoria.focalPoint, Valdoria.secondAssessor].flatMap { [$0.displayName, $0.email, $0.userID] }

    @Test func scenario() async throws {
        // setup
        let page = ScenarioPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains(
                "<form method=\"post\" action=\"\(SiteURL.scores(stateID, assessmentID, scenario: Valdoria.drones.id).path)#errors\" class=\"form\" id=\"score-form\">"
            ))
        // every scale point with its meaning, nothing chosen (issue 8, item 2)
        #expect(html.contains(#"<input type="radio" id="f-intent-4" name="intent" value="4" required> <strong>4</strong> active pursuit</label>"#))
        #expect(html.count(#"type="radio""#) == 55 && !html.contains(" checked"))
        #expect(html.contains("Once submitted, your score is final for round 1"))
        #expect(html.contains("<td colspan=\"9\">Nothing to show yet.</td>"), "nobody's score shows before the viewer's own")
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; as a &quot;payload&quot; &amp; asking") && !html.contains("<script>"))
        // an assessor adds evidence but is not offered removal (issue 8, item 6)
        #expect(html.count("class=\"link\">Remove</button>") == 0 && !html.contains("Remove this scenario"))
        #expect(peers.allSatisfy { !html.contains($0) })
        #expect(html.contains("<span dir=\"auto\">Open-source forum archive</span></span>"))
        #expect(!html.contains("required value=\"3\"") && !html.contains("required value=\"0.05\""), "a form never pre-fills a judgement")
        // the assessor's own progress and the way on (issue 8, item 5)
        #expect(html.contains("You have scored <strong>0 of 4</strong> scenarios in round 1."))
        #expect(html.contains("href=\"\(SiteURL.scenario(stateID, assessmentID, scenario: Valdoria.cryptoFunding.id).path)\">Next unscored scenario"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func roundRevealConfirmation() async throws {
        // setup
        let page = RoundConfirmPage.reveal
        // act
        let html = HTML(try await Pages.html(page))
        // check: what the reveal will do, scenario by scenario, and a confirmation that repeats the move
        html.expectSound()
        #expect(html.contains("<h1>Reveal round 2?</h1>"))
        #expect(html.contains("Scenarios without a score in round 2: 2 of 4."))
        #expect(html.contains("the register keeps its values from round 1, marked as such"))
        #expect(html.contains("not in the register: it has never been scored in a revealed round"))
        #expect(html.contains("1 of at least 3 ratings: shown as “too few ratings” for consensus"))
        #expect(
            html.contains(
                #"<input type="hidden" name="to" value="revealed"><input type="hidden" name="confirm" value="yes"><button type="submit">Yes, reveal round 2</button>"#
            ))
        assertSnapshot(of: html.text, as: .lines, named: "reveal")
    }

    @Test func roundQuietCloseConfirmation() async throws {
        // setup
        let page = RoundConfirmPage.quietClose
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("Every scenario (4) has at least one score in round 1."))
        #expect(!html.contains("Scenarios without a score") && !html.contains("Scenarios with few ratings"))
        #expect(html.contains("You can reopen it before the reveal"))
        assertSnapshot(of: html.text, as: .lines, named: "quietClose")
    }

    @Test func scenarioRemovable() async throws {
        // setup
        let page = ScenarioPage.removable
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("action=\"\(SiteURL.scenarioRemove(stateID, assessmentID, scenario: Valdoria.deepfakes.id).path)\""))
        #expect(html.contains("Propaganda and radicalisation, Amplification and disinformation · horizon 1 year</p>"))
        #expect(html.contains("<p class=\"muted\">No evidence recorded yet.</p>"))
        assertSnapshot(of: html.text, as: .lines, named: "removable")
    }

    @Test func scenarioScored() async throws {
        // setup
        let page = ScenarioPage.scored
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<caption>Your own score (others stay hidden until the reveal)</caption>"))
        #expect(html.count("<tr><td>You</td>") == 1 && !html.contains("Assessor 1"))
        #expect(!html.contains(SiteURL.scores(stateID, assessmentID, scenario: Valdoria.drones.id).path), "one score per round")
        assertSnapshot(of: html.text, as: .lines, named: "scored")
    }

    @Test func scenarioRevealed() async throws {
        // setup
        let page = ScenarioPage.revealed
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p>Threat (I × C): median <strong>12</strong>"))
        #expect(html.contains("<tr><td>Assessor 1</td>") && html.contains("<tr><td>Assessor 2</td>") && html.contains("<tr><td>You</td>"))
        #expect(peers.allSatisfy { !html.contains($0) }, "peers' scores are shown without names or ids")
        #expect(html.contains("<td dir=\"auto\">Forum posts show &lt;script&gt;alert(&#39;drone&#39;)&lt;/script&gt; tutorials"))
        assertSnapshot(of: html.text, as: .lines, named: "revealed")
    }

    @Test func scenarioScoreRefused() async throws {
        // setup
        let page = ScenarioPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 4, "intent, accessibility, economic impact and the likelihood interval")
        // the summary links every problem to its field, in plain words (issue 8, item 4)
        #expect(html.errorSummary.contains(##"<li><a href="#f-intent">Intent: must be a whole number from 1 to 5</a></li>"##))
        #expect(html.errorSummary.contains(##"<a href="#i-economic">Impact: Economic"##))
        #expect(html.errorSummary.contains(##"<a href="#l-low">Likelihood: low must not exceed best</a>"##))
        #expect(!html.errorSummary.contains("technologyAccessibility:") && !html.errorSummary.contains("impact.economic"))
        // and each field says its problem beside it
        #expect(html.contains(#"<fieldset class="scale" id="f-technologyAccessibility" aria-describedby="f-technologyAccessibility-error">"#))
        #expect(html.contains(#"<p class="field-error" id="f-technologyAccessibility-error">must be a whole number from 1 to 5</p>"#))
        #expect(html.contains(#"<p class="field-error" id="likelihood-error">low must not exceed best</p>"#))
        #expect(
            html.contains(#"name="likelihoodLow" inputmode="decimal" required value="0.3" aria-invalid="true" aria-describedby="likelihood-error">"#))
        // what was chosen and typed is kept, selects and radios included
        #expect(html.contains(#"id="f-actorCapability-4" name="actorCapability" value="4" required checked"#))
        #expect(html.contains(#"id="i-fatalities-4" name="impact.fatalities" value="4" required checked"#))
        #expect(html.contains("id=\"l-low\" name=\"likelihoodLow\" inputmode=\"decimal\" required value=\"0.3\""))
        #expect(html.contains(">Seen &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</textarea>"))
        #expect(html.contains("<option value=\"high\" selected>"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    /// An interval problem marks the two inputs it concerns, not the third.
    @Test func scenarioIntervalProblemMarksItsTwoInputs() async throws {
        // setup
        let submitted = ["likelihoodLow": "0.01", "likelihoodBest": "0.5", "likelihoodHigh": "0.2"]
        let page = ScenarioPage.page(
            Valdoria.assessor, round: Valdoria.roundOneOpen, submitted: submitted,
            failure: ValidationFailure(field: "likelihood", "best must not exceed high"))
        // act
        let html = HTML(try await Pages.html(page))
        // check
        #expect(html.contains(#"name="likelihoodBest" inputmode="decimal" required value="0.5" aria-invalid="true""#))
        #expect(html.contains(#"name="likelihoodHigh" inputmode="decimal" required value="0.2" aria-invalid="true""#))
        #expect(html.contains(#"name="likelihoodLow" inputmode="decimal" required value="0.01">"#))
    }

    @Test func scenarioEvidenceRefused() async throws {
        // setup
        let page = ScenarioPage.evidenceRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<details open><summary>Add evidence with its source grading</summary>"), "the refused form stays open")
        #expect(html.between("<h3>Please correct the following</h3>", "</div>").count("<li>") == 3)
        #expect(html.contains("id=\"e-source\" name=\"source\" required maxlength=\"500\" value=\"Informant\""))
        #expect(html.contains("<option value=\"B\" selected>") && html.contains("value=\"2026-02-30\""))
        assertSnapshot(of: html.text, as: .lines, named: "evidenceRefused")
    }

    @Test func scenarioReadOnly() async throws {
        // setup
        let page = ScenarioPage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1, "only the log-out form")
        #expect(!html.contains("<details") && !html.contains("Your score for round"))
        #expect(html.count("<tr><td>Assessor ") == 3, "someone who did not score sees every score anonymised")
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func scenarioInArabic() async throws {
        // setup
        let page = ScenarioPage.arabic
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1 dir=\"auto\">حملة تجنيد عبر الرسائل المشفرة</h1>"))
        #expect(html.contains("<p class=\"prose\" dir=\"auto\">شبكة تستخدم تطبيقات المراسلة المشفرة"))
        #expect(html.contains("<td dir=\"auto\">رسائل مرصودة في ثلاث قنوات.</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    @Test func scenarioFrozen() async throws {
        // setup
        let page = ScenarioPage.frozen
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1, "only the log-out form")
        #expect(html.contains("<h2>Round 2 (revealed)</h2>") && html.count("<tr><td>") == 3)
        assertSnapshot(of: html.text, as: .lines, named: "frozen")
    }

    /// The score form in Arabic: every label, scale meaning and hint from the catalog, the layout right to left.
    @Test func scenarioFormInArabic() async throws {
        // setup
        let page = ScenarioPage.arabicForm
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\""))
        #expect(html.contains("<h2>تقديرك للجولة 1</h2>") && html.contains("<h2>الجولة 1 (مفتوحة)</h2>"))
        #expect(html.contains(#"<legend>النية <span class="hint">1–5</span></legend>"#))
        #expect(html.contains(#"name="intent" value="4" required> <strong>4</strong> سعي فعلي</label>"#))
        #expect(html.contains(#"name="impact.fatalities" value="5" required> <strong>5</strong> كارثي</label>"#))
        #expect(html.contains("لقد قدّرت <strong>0 من أصل 4</strong> من السيناريوهات في الجولة 1."))
        #expect(html.contains("الأفق الزمني: سنتان"), "Arabic dual: two years")
        #expect(html.contains("<option value=\"\" selected>اختر…</option>"))
        #expect(html.contains("<button type=\"submit\">إرسال تقديري للجولة 1</button>"))
        #expect(html.count(#"type="radio""#) == 55 && !html.contains(" checked"))
        for english in ["Your score", "Intent", "active pursuit", "Likelihood", "choose…", "Submit", "horizon", "Nothing to show"] {
            #expect(!html.contains(english), "\(english) left in English")
        }
        assertSnapshot(of: html.text, as: .lines, named: "arabicForm")
    }
}
