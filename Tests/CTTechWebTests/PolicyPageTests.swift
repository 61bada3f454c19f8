import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Steps 5–6 · Policy responses")
struct PolicyPageTests {
    let stateID = Valdoria.state.id
    let assessmentID = Valdoria.assessment.id

    // MARK: The response register

    @Test func responses() async throws {
        // setup
        let page = ResponsesPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.main.count("<tr><td><a href=") == Valdoria.responses.count, "one row per response")
        for response in Valdoria.responses {
            #expect(html.contains("<a href=\"\(SiteURL.response(stateID, response: response.id).path)\" dir=\"auto\">"))
        }
        #expect(html.contains("<a href=\"\(SiteURL.responseNew(stateID).path)\">Add a response</a>"))
        #expect(html.contains("<p>6 responses, 2 approved or further along"))
        // blocked: the counter-drone response, by H04 only
        #expect(html.contains("<td>Not met: H04 <span class=\"badge warn\">approval blocked</span></td>"))
        // overridden: the licensing, approved over the unreviewed gender checks
        #expect(html.contains("<td>3 mandatory checks to review <span class=\"badge warn\">overridden</span></td>"))
        // clear: the counter-narratives
        #expect(html.count("<td>no mandatory check blocks</td>") == 1)
        #expect(html.count("<span class=\"badge warn\">approval blocked</span>") == 1, "only the counter-drone response")
        #expect(html.contains("<td>11 mandatory checks to review</td>"), "the draft, not yet sent for review")
        #expect(html.contains("<td>1,200,000–1,800,000 EUR</td>") && html.contains("<td>300,000 EUR</td>"))
        // an idea and a withdrawn response are not in review
        #expect(html.count("<td>—</td></tr>") == 2)
        #expect(html.contains("<td dir=\"auto\">وحدة الاستخبارات المالية</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func responsesEmpty() async throws {
        // setup
        let page = ResponsesPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<tr><td colspan=\"7\">No responses yet.</td></tr>"))
        #expect(html.contains("<p>0 responses, 0 approved or further along"))
        #expect(!html.contains(SiteURL.responseNew(stateID).path), "a reviewer adds no response")
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    // MARK: The response form

    @Test func responseFormNew() async throws {
        // setup
        let page = ResponseFormPage.new
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1 dir=\"auto\">New policy response</h1>"))
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.responses(stateID).path)#errors\" class=\"stack\">"))
        #expect(!html.contains("name=\"version\""), "a new response has no version yet")
        #expect(html.contains("<option value=\"\" selected>choose…</option>"), "no type is pre-filled")
        #expect(html.contains("<option value=\"AMBER\" selected>TLP:AMBER</option>"), "the state's default marking")
        #expect(!html.main.contains(" checked"), "no risk, partner or effect chosen")
        #expect(html.count("<fieldset class=\"effect\"") == PolicyResponseDraft.effectRows)
        #expect(html.count("type=\"checkbox\" id=\"r-target-") == Valdoria.addressableRisks.count)
        #expect(html.count("type=\"checkbox\" id=\"r-partner-") == Valdoria.agencies.count)
        assertSnapshot(of: html.text, as: .lines, named: "new")
    }

    @Test func responseFormWithNothingToLink() async throws {
        // setup
        let page = ResponseFormPage.nothingToLink
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p>No scenarios or other national risks yet: a response can be recorded now and linked to risks later.</p>"))
        #expect(html.contains("<p>No agencies yet: add them in step 1 (institutions) of an assessment.</p>"))
        #expect(!html.contains("type=\"checkbox\""))
        assertSnapshot(of: html.text, as: .lines, named: "nothingToLink")
    }

    @Test func responseFormEditing() async throws {
        // setup
        let page = ResponseFormPage.editing
        let response = Valdoria.counterDrone
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.response(stateID, response: response.id).path)#errors\" class=\"stack\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"2\">"))
        #expect(html.contains("value=\"Counter-drone detection and jamming at mass gatherings\""))
        #expect(html.contains("<option value=\"R05\" selected>"))
        #expect(html.contains("id=\"r-target-\(Valdoria.drones.id)\" name=\"target.\(Valdoria.drones.id)\" value=\"on\" checked>"))
        #expect(html.contains("id=\"r-partner-\(Valdoria.interior.id)\" name=\"partner.\(Valdoria.interior.id)\" value=\"on\" checked>"))
        #expect(html.count(" checked>") == 2, "one target, one partner")
        #expect(html.contains("<option value=\"opportunity\" selected>Opportunity / vulnerability</option>"))
        #expect(html.contains("<option value=\"fatalities\" selected>"))
        #expect(html.contains("name=\"effect.1.best\" inputmode=\"decimal\" size=\"5\" value=\"35\">"))
        #expect(html.contains("name=\"effect.2.high\" inputmode=\"decimal\" size=\"5\" value=\"30\">"))
        #expect(html.contains("name=\"costLow\" inputmode=\"decimal\" value=\"250000\""))
        #expect(html.contains("name=\"start\" type=\"date\" value=\"2026-10-01\""))
        #expect(html.contains("<option value=\"\(Valdoria.police.id)\" selected>"))
        assertSnapshot(of: html.text, as: .lines, named: "editing")
    }

    @Test func responseFormRefused() async throws {
        // setup
        let page = ResponseFormPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        let summary = html.errorSummary
        #expect(summary.count("<li>") == 5, "the unknown risk, the two reductions, the order and the currency")
        #expect(summary.contains("<a href=\"#r-effect-1-best\">Effect 1, best %: must be a percentage from 0 to 100</a>"))
        #expect(summary.contains("<a href=\"#r-effect-2-low\">Effect 2, low %: low must not exceed best</a>"))
        #expect(summary.contains("<a href=\"#r-targets\">"))
        #expect(summary.contains("<a href=\"#r-effect-1-best\">") && summary.contains("<a href=\"#r-effect-1-high\">"))
        #expect(summary.contains("<a href=\"#r-effect-2-low\">") && summary.contains("<a href=\"#r-currency\">"))
        // beside the fields
        #expect(html.contains("<p class=\"field-error\" id=\"r-targets-error\">"))
        #expect(html.contains("<fieldset id=\"r-targets\" aria-describedby=\"r-targets-error\">"))
        // an effect row's message names the part of the interval it is about
        #expect(
            html.contains(
                "<p class=\"field-error\" id=\"r-effect-1-error\">best %: must be a percentage from 0 to 100 high %: must be a percentage from 0 to 100</p>"
            ))
        #expect(html.contains("<p class=\"field-error\" id=\"r-effect-2-error\">low %: low must not exceed best</p>"))
        #expect(html.contains("<fieldset class=\"effect\" id=\"r-effect-1\" aria-describedby=\"r-effect-1-error\">"))
        #expect(html.count("aria-describedby=\"r-effect-2-error\"") == 4, "the row and its three numbers")
        // a field's message comes right after its control
        #expect(
            html.contains(
                "value=\"euro\" aria-invalid=\"true\" aria-describedby=\"r-currency-error\">\n<p class=\"field-error\" id=\"r-currency-error\">must be a three-letter currency code such as EUR or USD</p>"
            ))
        // what was typed is kept, escaped
        #expect(html.contains("value=\"Counter-drone patrols &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;\""))
        #expect(html.contains("name=\"effect.1.best\" inputmode=\"decimal\" size=\"5\" value=\"150\" aria-invalid=\"true\""))
        #expect(html.contains("name=\"target.\(Valdoria.drones.id)\" value=\"on\" checked>"))
        #expect(html.contains("name=\"currency\" maxlength=\"3\" size=\"4\" value=\"euro\""))
        html.expectSummaryLinksLeadToControls()
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func responseFormRefusedOtherFields() async throws {
        // setup
        let page = ResponseFormPage.refusedOtherFields
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 4, "the description, the lead agency, the legal basis and the marking")
        html.expectSummaryLinksLeadToControls()
        // each message right after its control, which names it
        for (id, name) in [("r-description", "description"), ("r-legal", "legal basis")] {
            #expect(
                html.contains("dir=\"auto\" aria-invalid=\"true\" aria-describedby=\"\(id)-error\">"), "the \(name) is marked invalid")
            #expect(html.contains("</textarea>\n<p class=\"field-error\" id=\"\(id)-error\">"), "the \(name)'s message after it")
        }
        #expect(html.contains("<select id=\"r-lead\" name=\"leadAgency\" aria-invalid=\"true\" aria-describedby=\"r-lead-error\">"))
        #expect(html.contains("</select>\n<p class=\"field-error\" id=\"r-lead-error\">"))
        #expect(html.contains("<select id=\"r-tlp\" name=\"tlp\" aria-invalid=\"true\" aria-describedby=\"r-tlp-error\">"))
        #expect(html.contains("</select>\n<p class=\"field-error\" id=\"r-tlp-error\">"))
        #expect(html.count("aria-invalid=\"true\"") == 4, "nothing else is marked")
        assertSnapshot(of: html.text, as: .lines, named: "refusedOtherFields")
    }

    @Test func responseFormConflict() async throws {
        // setup
        let page = ResponseFormPage.conflict
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<div class=\"errors\" role=\"alert\"><p>Someone saved this response while you were editing it."))
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"3\">"), "the stored version, to save over it knowingly")
        #expect(html.contains("value=\"Counter-drone detection at mass gatherings\""), "what was typed is kept")
        #expect(html.contains("name=\"effect.1.best\" inputmode=\"decimal\" size=\"5\" value=\"30\">"))
        #expect(html.errorSummary.text.isEmpty, "nothing was wrong with the input")
        assertSnapshot(of: html.text, as: .lines, named: "conflict")
    }

    // MARK: One response

    @Test func responseAsPolicyMaker() async throws {
        // setup
        let page = ResponsePage.policyMaker
        let id = Valdoria.counterDrone.id
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1 dir=\"auto\">Counter-drone detection and jamming at mass gatherings</h1>"))
        #expect(html.contains("<a href=\"\(SiteURL.responseEdit(stateID, response: id).path)\">Change the response</a>"))
        #expect(html.contains("action=\"\(SiteURL.responseApprove(stateID, response: id).path)#errors\""), "policy makers may approve")
        #expect(html.count("action=\"\(SiteURL.responseStatus(stateID, response: id).path)#errors\"") == 2, "back to drafted, withdraw")
        #expect(html.contains("<input type=\"hidden\" name=\"status\" value=\"approved\"><button type=\"submit\">Approve</button>"))
        #expect(
            html.contains(
                "<input type=\"hidden\" name=\"status\" value=\"drafted\"><button type=\"submit\" class=\"secondary\">Mark as drafted</button>"))
        #expect(
            html.contains(
                "<p class=\"warning\" role=\"status\">Approval is blocked: mandatory check H04 is unreviewed or Not met for this version.</p>"))
        #expect(!html.contains("Review these checks") && !html.contains("Record an override"))
        #expect(html.contains("action=\"\(SiteURL.responseIndicators(stateID, response: id).path)#errors\""))
        #expect(html.contains("<tr><td>Opportunity / vulnerability</td><td>20 % – 35 % – 50 %</td></tr>"))
        #expect(html.contains("<a href=\"\(SiteURL.residualTrace(stateID, assessmentID, risk: Valdoria.drones.id).path)\">how</a>"))
        #expect(
            html.contains("<dd dir=\"auto\">250,000–400,000 EUR</dd>") && html.contains("<dd dir=\"auto\">1 October 2026 – 30 September 2028</dd>"))
        #expect(html.contains("<p class=\"muted\">Met 6 · Partly met 1 · Not met 1 · N/A 0 · not reviewed 5</p>"))
        #expect(html.contains("<tr class=\"blocks\"><td><strong>H04</strong> Proportionality / least intrusive means"))
        #expect(html.count("<tr class=\"blocks\">") == 1, "only H04 blocks")
        #expect(html.contains("<span class=\"check-met\">Met · marker 1</span>"))
        // a check without a description shows none (not the response's own, found further up the context)
        #expect(
            html.contains("<td><strong>H02</strong> Legitimate aim</td>")
                && html.contains("<td><strong>G01</strong> Sex- and age-disaggregated data</td>"))
        #expect(html.count(Valdoria.counterDrone.description) == 1, "the description once, under its heading")
        assertSnapshot(of: html.text, as: .lines, named: "policyMaker")
    }

    @Test func responseApprovalRefused() async throws {
        // setup
        let page = ResponsePage.approvalRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains(
                "<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><p>Approval is refused: mandatory check H04 is unreviewed or Not met"
            ))
        #expect(html.count("id=\"errors\"") == 1)
        // the moves come back to the explanation
        #expect(html.contains("action=\"\(SiteURL.responseApprove(stateID, response: Valdoria.counterDrone.id).path)#errors\""))
        assertSnapshot(of: html.text, as: .lines, named: "approvalRefused")
    }

    @Test func responseAsReviewer() async throws {
        // setup
        let page = ResponsePage.reviewer
        let id = Valdoria.counterDrone.id
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        for kind in ReviewKind.allCases {
            #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.responseReview(stateID, response: id, kind).path)#errors\""))
        }
        #expect(html.count("type=\"radio\"") == 4 * (13 + 10), "four answers for each check of both reviews")
        #expect(html.count("<fieldset class=\"answer\"><legend class=\"visually-hidden\">") == 13 + 10, "each check's answers grouped")
        // the forms start empty: not the answers recorded (H04 Not met, marker 1), which are another reviewer's
        #expect(html.contains("id=\"rv-human-rights-H04-not-met\" name=\"check.H04.status\" value=\"not-met\">"))
        #expect(!html.main.contains(" checked>"), "no answer pre-filled")
        #expect(html.contains("<select id=\"rv-gender-G08-marker\" name=\"genderMarker\"><option value=\"\" selected>choose…</option>"))
        #expect(html.count("dir=\"auto\"></textarea>") == 13 + 10, "no reasoning pre-filled")
        #expect(html.count("<span class=\"check-not-met\">Not met</span>") == 1, "the recorded answers are shown in the table")
        #expect(!html.contains("Change the response") && !html.contains("name=\"status\"") && !html.contains("Add an indicator"))
        #expect(!html.contains("You wrote this response"))
        // the answer to the older version is shown, and does not count
        #expect(html.contains("Answered for version 1: Partly met (does not count for this version)"))
        assertSnapshot(of: html.text, as: .lines, named: "reviewer")
    }

    @Test func responseOfItsOwnReviewer() async throws {
        // setup
        let page = ResponsePage.ownResponse
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<p class=\"muted\">You wrote this response, so another reviewer must review it.</p>") == 2, "under each review")
        #expect(!html.contains("Review these checks") && !html.contains("type=\"radio\""))
        #expect(html.contains("Change the response"), "they may still change it as its policy maker")
        #expect(html.contains("<p class=\"muted\">Met 0 · Partly met 0 · Not met 0 · N/A 0 · not reviewed 13</p>"))
        assertSnapshot(of: html.text, as: .lines, named: "ownResponse")
    }

    @Test func responseAsFocalPointWithBlockingChecks() async throws {
        // setup
        let page = ResponsePage.focalPoint
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<summary>Record an override…</summary>"))
        #expect(
            html.contains(
                "<form method=\"post\" action=\"\(SiteURL.responseOverride(stateID, response: Valdoria.counterDrone.id).path)#errors\" class=\"stack\">"
            ))
        #expect(html.contains("although these mandatory checks are unreviewed or Not met: <strong>H04</strong></p>"))
        #expect(html.contains("<textarea id=\"ov-justification\" name=\"justification\" rows=\"4\" required"))
        #expect(!html.contains("<details class=\"confirm\" open>"), "nothing refused: every disclosure closed")
        assertSnapshot(of: html.text, as: .lines, named: "focalPoint")
    }

    @Test func responseWithRecordedOverride() async throws {
        // setup
        let page = ResponsePage.overridden
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h3>Overrides</h3>"))
        #expect(html.contains("<li>Amira Haddad overrode G03, G08, G09 for version 3 on"))
        #expect(html.contains("(for an older version: it no longer counts)"))
        #expect(html.main.count("<blockquote dir=\"auto\">") == 2)
        #expect(!html.contains("Record an override"), "approved: nothing left to override")
        #expect(!html.contains("class=\"warning\""), "an approved response shows no blocking note")
        assertSnapshot(of: html.text, as: .lines, named: "overridden")
    }

    @Test func responseReviewRefused() async throws {
        // setup
        let page = ResponsePage.reviewRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<details class=\"confirm\" open><summary>Review these checks…</summary>"))
        #expect(html.count("<details class=\"confirm\" open>") == 1, "only the refused review opens")
        let summary = html.errorSummary
        #expect(summary.count("<li>") == 3, "H03 without reasoning, H04 without an answer, H07 with an unknown one")
        #expect(summary.contains("<a href=\"#rv-human-rights-H03-reasoning\">") && summary.contains("<a href=\"#rv-human-rights-H04\">"))
        #expect(html.contains("<fieldset id=\"rv-human-rights-H04\" aria-describedby=\"rv-human-rights-H04-error\">"))
        #expect(html.contains("Detection alone would do &lt;script&gt;"), "the reasoning typed is kept, escaped")
        #expect(
            !html.contains("id=\"rv-human-rights-H04-not-met\" name=\"check.H04.status\" value=\"not-met\" checked>"),
            "what was typed, not what is stored")
        html.expectSummaryLinksLeadToControls()
        assertSnapshot(of: html.text, as: .lines, named: "reviewRefused")
    }

    @Test func responseGenderReviewRefused() async throws {
        // setup
        let page = ResponsePage.genderReviewRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<details class=\"confirm\" open><summary>Review these checks…</summary>"))
        #expect(html.count("<details class=\"confirm\" open>") == 1, "only the refused review opens")
        #expect(html.errorSummary.count("<li>") == 1)
        #expect(html.errorSummary.contains("UN Gender Equality Marker: choose a gender marker from 0 to 3"))
        #expect(html.contains("<p class=\"field-error\" id=\"rv-gender-G08-error\">choose a gender marker from 0 to 3</p>"))
        html.expectSummaryLinksLeadToControls()
        assertSnapshot(of: html.text, as: .lines, named: "genderReviewRefused")
    }

    @Test func responseOverrideRefused() async throws {
        // setup
        let page = ResponsePage.overrideRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<details class=\"confirm\" open><summary>Record an override…</summary>"))
        #expect(html.errorSummary.contains("<a href=\"#ov-justification\">"))
        #expect(
            html.contains(
                "<p class=\"field-error\" id=\"ov-justification-error\">must explain the decision in at least a sentence (6 words or more)</p>"))
        #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"ov-justification-error\">Urgent.</textarea>"))
        html.expectSummaryLinksLeadToControls()
        assertSnapshot(of: html.text, as: .lines, named: "overrideRefused")
    }

    @Test func responseWithIndicators() async throws {
        // setup
        let page = ResponsePage.indicators
        let refusedID = Valdoria.id(911)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<article class=\"indicator\"") == 3)
        #expect(html.contains("<article class=\"indicator\" id=\"indicator-\(refusedID)\">"))
        #expect(html.count("<span class=\"badge warn\">stale: 441 days old</span>") == 1, "only the value of 2025-06-30 is stale")
        #expect(html.contains("<dd>42 %</dd>"), "2 100 of 5 000 people")
        // (50 − 35) / (80 − 35) = 33.3 %, its weight 0.5^((441 − 365) / 365) = 0.866: credited 28.9 %
        #expect(html.contains("<dd>33.3 %, credited 28.9 % <span class=\"badge warn\">stale: 441 days old</span></dd>"))
        // (42 % + 28.9 % + 0) / 3
        #expect(html.contains("<p>Indicator progress: 23.6 % on average over 3 indicators"))
        #expect(html.contains("<dt>Latest value</dt><dd>—</dd><dt>Progress toward the target</dt><dd>—</dd>"), "the helpline is not measured yet")
        #expect(html.contains("Platform transparency report &lt;script&gt;"))
        #expect(html.contains("<span class=\"badge\">disaggregated by sex and age</span>"))
        // the refused value: its own form opens with its errors
        #expect(html.count("<details class=\"confirm\" open><summary>Record a value</summary>") == 1)
        #expect(html.errorSummary.count("<li>") == 4)
        #expect(html.errorSummary.contains("<a href=\"#ac-\(refusedID)-value\">Value: must be a number</a>"))
        #expect(html.errorSummary.contains("Date measured: must not be in the future"))
        html.expectSummaryLinksLeadToControls()
        #expect(
            html.contains(
                "id=\"ac-\(refusedID)-value\" name=\"value\" inputmode=\"decimal\" required value=\"about 2500\" aria-invalid=\"true\" aria-describedby=\"ac-\(refusedID)-value-error\">\n<p class=\"field-error\" id=\"ac-\(refusedID)-value-error\">must be a number</p>"
            ))
        #expect(
            html.contains(
                "action=\"\(SiteURL.indicatorActuals(stateID, response: Valdoria.counterNarratives.id, indicator: refusedID).path)#errors\""))
        // observed after the follow-up: R₀ = 4 % × 3 = 0.12 in round 1, R₁ = 2 % × 3 = 0.06 in round 2; the Arabic
        // scenario was not scored again
        #expect(html.contains("<td>50 % (round 1 → round 2)</td><td>round 1</td>"))
        #expect(html.contains("how</a></td><td>—</td><td>round 1</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "indicators")
    }

    @Test func responseIndicatorRefused() async throws {
        // setup
        let page = ResponsePage.indicatorRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<details class=\"confirm\" open><summary>Add an indicator</summary>"))
        #expect(html.errorSummary.count("<li>") == 2, "the target below the baseline, the target date before it")
        #expect(html.errorSummary.contains("<a href=\"#in-target\">") && html.errorSummary.contains("<a href=\"#in-target-date\">"))
        #expect(html.contains("id=\"in-name\" name=\"name\" required maxlength=\"300\" value=\"Officers trained\""))
        #expect(html.contains("<option value=\"increase\" selected>increases</option>"))
        html.expectSummaryLinksLeadToControls()
        assertSnapshot(of: html.text, as: .lines, named: "indicatorRefused")
    }

    /// A response in Arabic: every word from the catalog, the page right to left, the titles as written.
    @Test func responseInArabic() async throws {
        // setup
        let page = ResponsePage.arabic
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\""))
        #expect(html.contains("<h1 dir=\"auto\">Counter-drone detection and jamming at mass gatherings</h1>"))
        #expect(
            html.contains("<p><a href=\"\(SiteURL.responses(stateID).path)\">→ الاستجابات السياساتية</a></p>"), "the arrow points back, to the right")
        #expect(html.contains("<h3>مراجعة حقوق الإنسان</h3>") && html.contains("<h3>المراجعة الجنسانية</h3>"))
        #expect(html.contains("<summary>تسجيل استثناء…</summary>"))
        #expect(html.contains("<tr><td>الفرصة / مواطن الضعف</td><td>20% – 35% – 50%</td></tr>"))
        #expect(html.contains("المعيار الإلزامي ⁦H04⁩"), "the check's code isolated in the Arabic sentence")
        for english in ["Human-rights review", "Gender review", "Record an override", "Indicators", "Planned effectiveness", "choose…", "Approve"] {
            #expect(!html.contains(english), "\(english) left in English")
        }
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    // MARK: The residual trace

    @Test func residualTrace() async throws {
        // setup
        let page = ResidualTracePage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<a href=\"\(SiteURL.register(stateID, assessmentID).path)\">"))
        #expect(html.count("<td>applied</td>") == 2, "both effects of the licensing")
        #expect(html.contains("<a href=\"\(SiteURL.response(stateID, response: Valdoria.assetLicensing.id).path)\" dir=\"auto\">"))
        #expect(html.contains("<h2>Scored and reduced factors</h2>"))
        #expect(html.contains("<th scope=\"row\">Technology accessibility</th><td>1</td><td>0.7</td>"), "1 − 30 % kept")
        #expect(html.contains("<th scope=\"row\">Likelihood (directly)</th><td>1</td><td>0.8</td>"), "1 − 20 % kept")
        // technology accessibility 5 → 1 + 4 × 0.7 = 3.8; threat 4 × min(4, 5) = 16 → 4 × min(4, 3.8) = 15.2
        #expect(html.contains("<th scope=\"row\">Technology accessibility</th><td>5</td><td>3.8</td>"))
        #expect(html.contains("<th scope=\"row\">Threat T</th><td>16</td><td>15.2</td>"))
        // R₀ = 25 % × 2 = 0.5
        #expect(html.contains("<th scope=\"row\">Risk R = L × I (best)</th><td>0.5</td><td>0.36</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func residualTraceOfAnotherRisk() async throws {
        // setup
        let page = ResidualTracePage.otherRisk
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<td>applied</td>") == 1, "the likelihood effect")
        #expect(html.contains("<td>not applied: another national risk has only a likelihood and one impact</td>"))
        #expect(!html.contains("Scored and reduced factors"), "another risk has no factors")
        // L′ = 15 % × 0.8 = 12 % (5 % × 0.7 and 30 % × 0.9 at the ends); R₀ = 15 % × 3 = 0.45, R₁ = 0.36: 20 %
        #expect(html.contains("<th scope=\"row\">Likelihood</th><td>5 %–15 %–30 %</td><td>3.5 %–12 %–27 %</td>"))
        #expect(html.contains("planned effectiveness (R₀ − R₁) / R₀ = 20 % (10 % at the low reductions, 30 % at the high ones)"))
        assertSnapshot(of: html.text, as: .lines, named: "otherRisk")
    }

    @Test func residualTraceAfterFollowUp() async throws {
        // setup
        let page = ResidualTracePage.followUp
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains(
                "<td>not applied: the scores come from a follow-up round after its approval and already reflect it</td>"))
        #expect(!html.contains("<td>applied</td>"))
        #expect(html.contains("<th scope=\"row\">Risk R = L × I (best)</th><td>0.06</td><td>0.06</td>"), "residual equals inherent")
        assertSnapshot(of: html.text, as: .lines, named: "followUp")
    }

    @Test func residualTraceWithoutResidual() async throws {
        // setup
        let page = ResidualTracePage.withoutResidual
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p>No approved response addresses this register yet, so its residual risk equals its inherent risk.</p>"))
        #expect(!html.contains("<table>"))
        assertSnapshot(of: html.text, as: .lines, named: "withoutResidual")
    }
}

// MARK: Options, portfolio, compliance and the policy document

extension PolicyPageTests {
    @Test func options() async throws {
        // setup
        let page = OptionsPage.mock
        let options = OptionsPage.options(Valdoria.entry(Valdoria.drones.id), candidates: Valdoria.droneCandidates)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        // R₀ = L × I at the best values: 6 % × 4
        #expect(html.contains("<p>Inherent risk R₀ = L × I = 0.24 (best values)."))
        #expect(html.main.count("<tr><td>") == 4, "the four candidates; the withdrawn biometric gates left out")
        #expect(!html.contains(Valdoria.biometricGates.title))
        // the two costed in euros first, by risk removed per euro; then the dollars and the uncosted, by risk removed
        let ranked = [Valdoria.geofencing, Valdoria.counterDrone, Valdoria.droneStewards, Valdoria.radarSharing]
        #expect(options.options.map(\.response.id) == ranked.map(\.id))
        #expect(options.currency == "EUR")
        #expect(html.contains("<p class=\"muted\">Cost-effectiveness compares responses costed in EUR (the middle of each cost range)"))
        for (rank, response) in ranked.enumerated() {
            #expect(html.contains("<tr><td>\(rank + 1)</td><td><a href=\"\(SiteURL.response(stateID, response: response.id).path)\" dir=\"auto\">"))
        }
        // per million: the middle of 80,000–120,000 EUR is 100,000, so the geofencing removes 10 × its mean per million
        let geofencing = options.options[0]
        #expect(abs((geofencing.perCost ?? 0) * 1_000_000 - geofencing.removed * 10) < 1e-12)
        #expect(html.contains("<td>0.06 (0.027–0.101)</td><td>80,000–120,000 EUR</td><td>0.604</td></tr>"), "0.0604 × 10")
        // the counter-drone response: the middle of 250,000–400,000 EUR is 325,000
        #expect(abs((options.options[1].perCost ?? 0) - options.options[1].removed / 325_000) < 1e-15)
        // the dollars and the response without a cost are not compared per cost
        #expect(options.options[2].perCost == nil && options.options[3].perCost == nil)
        #expect(html.contains("<td>—</td><td>—</td></tr>") && html.contains("<td>150,000 USD</td><td>—</td></tr>"))
        // the radar sharing reduces the likelihood directly: it plans to remove exactly its reductions
        #expect(html.contains("<td>Idea</td><td>10 % (5 %–20 %)</td>"))
        // which removes more: the two shares of a pair add up to at most 1 (a tie counts for neither)
        for a in options.options {
            for b in options.options where a.response.id != b.response.id {
                let ab = options.pairwise[a.response.id + ">" + b.response.id]
                let ba = options.pairwise[b.response.id + ">" + a.response.id]
                #expect(ab != nil && ba != nil && (ab ?? 0) + (ba ?? 0) <= 1 + 1e-12)
            }
        }
        // the counter-drone response cuts opportunity by at least 20 %, the stewards by at most 15 %, and it also cuts
        // fatalities: it removes more in every draw
        #expect(options.pairwise[Valdoria.counterDrone.id + ">" + Valdoria.droneStewards.id] == 1)
        #expect(html.main.count("<th scope=\"row\" dir=\"auto\">") == 4 && html.main.count("<td>—</td><td>") >= 3)
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func optionsEmpty() async throws {
        // setup
        let page = OptionsPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<tr><td colspan=\"7\">No response addresses this risk yet.</td></tr>"))
        // R₀ = 35 % × 4
        #expect(html.contains("<p>Inherent risk R₀ = L × I = 1.4 (best values)."))
        #expect(!html.contains("Which removes more?") && !html.contains("Cost-effectiveness compares"), "nothing to compare")
        #expect(html.contains("<a href=\"\(SiteURL.residualTrace(stateID, assessmentID, risk: Valdoria.flooding.id).path)\">"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func portfolio() async throws {
        // setup
        let page = PortfolioPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"get\" action=\"\(SiteURL.portfolio(stateID, assessmentID).path)#portfolio-result\" class=\"stack\">"))
        #expect(html.count("type=\"checkbox\" id=\"pf-") == PortfolioPage.candidates.count)
        #expect(!html.main.contains(" checked>"), "nothing ticked")
        #expect(!html.contains(Valdoria.biometricGates.title), "withdrawn: not a candidate")
        #expect(html.contains("<span class=\"muted small\">Approved · 1,200,000–1,800,000 EUR</span>"))
        #expect(!html.contains("id=\"portfolio-result\""), "no result before a choice")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func portfolioOverBudget() async throws {
        // setup
        let page = PortfolioPage.overBudget
        let whatIf = PortfolioPage.whatIf
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        for response in PortfolioPage.chosen {
            #expect(html.contains("name=\"include.\(response.id)\" value=\"on\" checked>"))
        }
        #expect(html.main.count(" checked>") == PortfolioPage.chosen.count)
        // 250,000 + 80,000 = 330,000 and 400,000 + 120,000 = 520,000 euros; the dollars apart
        #expect(html.contains("<p>Cost of the chosen responses: 330,000–520,000 EUR · 150,000 USD</p>"))
        #expect(html.contains("<p class=\"warning\" role=\"status\">The chosen responses may cost more than the budget of 500,000.</p>"))
        let result = html.between("<section id=\"portfolio-result\">", "</section>")
        #expect(result.count("<tr><td>") + result.count("<tr class=\"moved\"><td>") == whatIf.entries.count)
        // the three responses address the drone scenario alone: only it moves
        #expect(result.count("<tr class=\"moved\">") == 1)
        #expect(result.contains("<tr class=\"moved\"><td><span dir=\"auto\">\(Valdoria.drones.title)</span>"))
        // adding responses never lowers the planned effectiveness of any risk
        let now = Dictionary(uniqueKeysWithValues: Valdoria.residualRegister.entries.map { ($0.id, $0) })
        for entry in whatIf.entries {
            let before = now[entry.id]?.residual?.plannedEffectiveness ?? 0
            #expect((entry.residual?.plannedEffectiveness ?? 0) >= before - 1e-12, "\(entry.title)")
        }
        #expect(result.count("<li>Total") == 3)
        assertSnapshot(of: html.text, as: .lines, named: "overBudget")
    }

    @Test func portfolioBudgetRefused() async throws {
        // setup
        let page = PortfolioPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.contains("<li><a href=\"#pf-budget\">Budget: must be an amount of 0 or more</a></li>"))
        #expect(html.contains("<p class=\"field-error\" id=\"pf-budget-error\">must be an amount of 0 or more</p>"))
        #expect(html.contains("value=\"abc\" aria-invalid=\"true\" aria-describedby=\"pf-budget-error\">"), "what was typed is kept")
        #expect(html.main.count(" checked>") == PortfolioPage.chosen.count, "the choice is kept")
        #expect(!html.contains("id=\"portfolio-result\""), "nothing computed on a refused budget")
        html.expectSummaryLinksLeadToControls()
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func compliance() async throws {
        // setup
        let page = CompliancePage.mock
        let summary = ComplianceSummary(
            responses: Valdoria.responses, reviews: Valdoria.reviews, overrides: Valdoria.overrides, method: Valdoria.method)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        // the draft, the counter-drone, the licensing and the counter-narratives; not the idea, not the withdrawn one
        #expect(html.contains("It counts 4 responses at their current versions"))
        for row in summary.rows {
            #expect(row.counts.values.reduce(0, +) + row.unreviewed == 4, "\(row.check.code) accounts for every response")
        }
        // H04: met on the licensing and the counter-narratives, Not met on the counter-drone, unreviewed on the draft
        #expect(
            html.contains(
                "<tr class=\"blocks\"><th scope=\"row\"><strong>H04</strong> Proportionality / least intrusive means</th><td><strong>mandatory</strong></td><td>2</td><td>0</td><td>1</td><td>0</td><td>1</td></tr>"
            ))
        #expect(html.count("<tr class=\"blocks\">") == 1, "only a mandatory check Not met raises the alarm")
        // H07 was answered for version 1 of the counter-drone response only: unreviewed on all four
        #expect(
            html.contains(
                "<strong>H07</strong> Expression, association, assembly, religion</th><td>advisory</td><td>0</td><td>0</td><td>0</td><td>0</td><td>4</td></tr>"
            ))
        // H09 does not apply to the counter-narratives
        #expect(
            html.contains(
                "<strong>H09</strong> Prior authorisation and independent oversight</th><td><strong>mandatory</strong></td><td>2</td><td>0</td><td>0</td><td>1</td><td>1</td></tr>"
            ))
        let blocked = html.between("<section id=\"compliance-blocked\">", "</section>")
        #expect(blocked.count("<li>") == 2)
        #expect(blocked.contains("\(Valdoria.deepfakeDesk.title)</a>: H01, H02, H03, H04, H05, H06, H09, H11, G03, G08, G09</li>"))
        #expect(blocked.contains("\(Valdoria.counterDrone.title)</a>: H04</li>"))
        #expect(!blocked.contains("overridden"), "the overrides are the licensing's, which is approved")
        let overrides = html.between("<section id=\"compliance-overrides\">", "</section>").text
        #expect(overrides.components(separatedBy: "<blockquote dir=\"auto\">").count == 3)
        let newest = overrides.range(of: "G03, G08, G09 for version 3 on 9 September 2026:")
        let oldest = overrides.range(of: "G03, G08, G09, H06 for version 2 on 15 August 2026:")
        #expect(newest != nil && oldest != nil && newest!.lowerBound < oldest!.lowerBound, "newest first")
        // markers: 1 on the counter-drone response, 2 on the counter-narratives
        #expect(
            html.contains(
                "<tr><th scope=\"row\">0 – no contribution</th><td>0</td></tr><tr><th scope=\"row\">1 – limited contribution</th><td>1</td></tr><tr><th scope=\"row\">2 – significant contribution</th><td>1</td></tr><tr><th scope=\"row\">3 – principal objective</th><td>0</td></tr>"
            ))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func complianceEmpty() async throws {
        // setup
        let page = CompliancePage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("It counts 0 responses"))
        #expect(html.contains("<p>No response is blocked.</p>") && html.contains("<p>No override has been recorded.</p>"))
        #expect(html.count("<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>") == 13 + 10, "every check, nothing counted")
        #expect(!html.contains("class=\"blocks\"") && !html.contains("<blockquote"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func policyDocument() async throws {
        // setup
        let page = PolicyDocumentPage.mock
        let included = [Valdoria.assetLicensing, Valdoria.counterNarratives]
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.main.count("<section class=\"response-section\"") == included.count)
        for response in included {
            #expect(html.contains("<li><a href=\"#response-\(response.id)\" dir=\"auto\">\(response.title)</a></li>"))
            #expect(html.contains("<section class=\"response-section\" id=\"response-\(response.id)\">"))
            #expect(html.count(response.description) == 1, "the description once, not under the checks without one")
        }
        for response in [Valdoria.dataRetention, Valdoria.deepfakeDesk, Valdoria.counterDrone, Valdoria.biometricGates] {
            #expect(!html.contains(response.title), "\(response.status): not in the document")
        }
        #expect(html.count("<p class=\"marking\"><strong>TLP:AMBER</strong></p>") == 2, "marked at the top and the bottom")
        #expect(!html.main.contains("<form"), "a document to print: the reviews read only")
        // the licensing: its likelihood effect alone reaches the ransomware, 20 % (10 %–30 %)
        #expect(html.contains("<td>20 % (10 %–30 %)</td><td>—</td></tr>"))
        #expect(html.contains("<p class=\"muted\">Met 8 · Partly met 0 · Not met 0 · N/A 0 · not reviewed 5</p>"))
        #expect(html.contains("<li>Amira Haddad overrode G03, G08, G09 for version 3 on 9 September 2026:"))
        #expect(html.contains("<p>No indicators yet.</p>"), "the licensing has none")
        // the counter-narratives: the same figures as on the response's page, (42 % + 28.9 % + 0) / 3
        #expect(html.contains("<p>Indicator progress: 23.6 % on average over 3 indicators"))
        #expect(html.contains("Progress toward the target: 33.3 %, credited 28.9 % <span class=\"badge warn\">stale: 441 days old</span>"))
        #expect(html.contains("<td>10.9 % (5.6 %–18.2 %)</td><td>50 % (round 1 → round 2)</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func policyDocumentEmpty() async throws {
        // setup
        let page = PolicyDocumentPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p>No response is approved yet.</p>"))
        #expect(!html.contains("class=\"toc\"") && !html.contains("response-section"))
        #expect(html.count("<p class=\"marking\"><strong>TLP:AMBER</strong></p>") == 2, "the state's default marking")
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }
}

extension HTML {
    /// Every link of the error summary leads to an element of the page (the control or group the problem is about).
    func expectSummaryLinksLeadToControls(sourceLocation: SourceLocation = #_sourceLocation) {
        let links = errorSummary.text.matches(of: /href="#([^"]+)"/).map { String($0.1) }
        #expect(!links.isEmpty, "a refused form lists its problems", sourceLocation: sourceLocation)
        for id in links {
            #expect(contains(" id=\"\(id)\""), "the summary links to #\(id), which is not on the page", sourceLocation: sourceLocation)
        }
    }
}
