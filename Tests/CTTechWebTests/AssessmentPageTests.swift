import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Assessments and their overview")
struct AssessmentPageTests {
    let stateID = Valdoria.state.id
    let assessmentID = Valdoria.assessment.id

    @Test func assessments() async throws {
        // setup
        let page = AssessmentsPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<td>Draft</td><td>1 open</td><td>1 of 4 scored</td>"), "status, round and the viewer's own progress")
        #expect(
            html.contains(
                "<td dir=\"auto\"><a href=\"\(SiteURL.assessment(stateID, Valdoria.arabicAssessment.id).path)\">تقييم وطني للتهديدات ٢٠٢٦</a></td>"))
        #expect(
            html.contains("action=\"\(SiteURL.assessments(stateID).path)#errors\"")
                && html.contains("action=\"\(SiteURL.assessmentImport(stateID).path)#import-errors\""))
        #expect(html.contains("at most 16 MB"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func assessmentsEmpty() async throws {
        // setup
        let page = AssessmentsPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains("<td colspan=\"7\">No assessment yet. Open one below: you will start with step 1, the agencies involved.</td>")
                && html.contains("<h2>Open an assessment</h2>"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func assessmentsReadOnly() async throws {
        // setup
        let page = AssessmentsPage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1, "only the log-out form")
        #expect(!html.contains("Open an assessment") && !html.contains("Import an assessment"))
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func assessmentsRefused() async throws {
        // setup
        let page = AssessmentsPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 2, "title and horizon are listed")
        #expect(
            html.contains("<option value=\"RED\" selected>")
                && html.contains("id=\"horizonYears\" name=\"horizonYears\" inputmode=\"numeric\" required value=\"40\""))
        #expect(html.contains("value=\"&lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;\""), "the period typed is kept, escaped")
        #expect(html.between("id=\"import-errors\">", "</div>").count("<li>") == 2)
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func assessment() async throws {
        // setup
        let page = AssessmentPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<button type=\"submit\">Submit for review</button>") && !html.contains("Approve and freeze"))
        #expect(html.contains("<input type=\"hidden\" name=\"to\" value=\"closed\"><button type=\"submit\">Close round 1…</button>"))
        #expect(html.count("<td dir=\"auto\"><a href=\"/states/") == Valdoria.scenarios.count)
        #expect(html.contains("<td>scored</td>") && html.contains("Add a scenario"))
        #expect(html.contains("4 agencies · 4 of 7 activities with an accountable agency"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    /// Issue 8, item 1: a closed round can be reopened before the reveal.
    @Test func assessmentClosedRound() async throws {
        // setup
        let page = AssessmentPage.closedRound
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<input type=\"hidden\" name=\"to\" value=\"revealed\"><button type=\"submit\">Reveal round 1…</button>"))
        #expect(html.contains("<input type=\"hidden\" name=\"to\" value=\"open\"><button type=\"submit\">Reopen round 1 for scoring</button>"))
        assertSnapshot(of: html.text, as: .lines, named: "closedRound")
    }

    @Test func assessmentRevealed() async throws {
        // setup
        let page = AssessmentPage.revealed
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains("<th scope=\"col\">Assessors who scored</th>") && html.count("<td>3 of 3</td>") == 3 && html.contains("<td>2 of 3</td>"))
        #expect(html.contains("<button type=\"submit\">Open round 2</button>"))
        #expect(html.contains("<a href=\"\(SiteURL.snapshot(stateID, assessmentID, number: 1).path)\">Snapshot 1</a>") && !html.contains("Compare"))
        assertSnapshot(of: html.text, as: .lines, named: "revealed")
    }

    @Test func assessmentApproved() async throws {
        // setup
        let page = AssessmentPage.approved
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"notice\">Approved and frozen"))
        #expect(html.postForms.count == 2, "log out and reopen only")
        #expect(html.contains("<button type=\"submit\">Reopen as draft (the snapshot stays)</button>"))
        #expect(!html.contains("Add a scenario") && !html.contains(SiteURL.assessmentRound(stateID, assessmentID).path))
        #expect(html.contains("<a href=\"\(SiteURL.compare(stateID, assessmentID).path)\">Compare snapshots side by side</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "approved")
    }

    @Test func assessmentReadOnly() async throws {
        // setup
        let page = AssessmentPage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1, "only the log-out form")
        #expect(!html.contains("<h2>Status</h2>") && !html.contains("Add a scenario"))
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func assessmentScenarioRefused() async throws {
        // setup
        let page = AssessmentPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 3, "title, purposes and horizon are listed")
        #expect(html.contains("<option value=\"A4\" selected>State-sponsored proxy</option>"), "the actor chosen is kept")
        #expect(html.contains("name=\"technology.T09\" value=\"on\" checked") && html.contains("name=\"technology.T16\" value=\"on\" checked"))
        #expect(html.contains("Hijacked drones &lt;script&gt;") && !html.contains("<script>"))
        #expect(html.contains("value=\"30\"") && html.contains("value=\"Transport\""))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func assessmentInArabic() async throws {
        // setup
        let page = AssessmentPage.arabic
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1 dir=\"auto\">تقييم وطني للتهديدات ٢٠٢٦</h1>"))
        #expect(html.contains("<title>تقييم وطني للتهديدات ٢٠٢٦ · CT TECH toolkit</title>"))
        #expect(
            html.contains(
                "<td dir=\"auto\"><a href=\"\(SiteURL.scenario(stateID, Valdoria.arabicAssessment.id, scenario: Valdoria.recruitment.id).path)\">"))
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    /// Issue 9: the whole page in Arabic, right to left; what people typed keeps its own direction.
    @Test func assessmentInArabicInterface() async throws {
        // setup
        let page = AssessmentPage.arabicInterface
        let t = Localizer(.arabic)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\">"))
        #expect(html.contains("<h1 dir=\"auto\">تقييم وطني للتهديدات ٢٠٢٦</h1>"))
        #expect(
            html.contains(
                "<td dir=\"auto\"><a href=\"\(SiteURL.scenario(stateID, Valdoria.arabicAssessment.id, scenario: Valdoria.drones.id).path)\">"))
        #expect(html.contains("<h2>\(t("assessment.round.heading", ["round": "1", "status": t("assessment.round-status.open")]))</h2>"))
        #expect(html.contains("<td>2 من 3</td>") && html.contains("<td>0 من 3</td>"), "the submissions, in Arabic")
        #expect(html.contains("<bdi>2026–2027</bdi> · الأفق الزمني سنتان"), "two years in the dual")
        #expect(!html.main.contains("Scoring round") && !html.main.contains("Add a scenario"), "no English left in the page's own text")
        assertSnapshot(of: html.text, as: .lines, named: "arabicInterface")
    }

    /// Issue 9: the whole page in Russian, its counts in the right case.
    @Test func assessmentInRussian() async throws {
        // setup
        let page = AssessmentPage.russian
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ru\" dir=\"ltr\">"))
        #expect(html.contains("Вы оценили 1 из 4 сценариев в туре 1."))
        #expect(html.contains("4 ведомства · подотчетное ведомство назначено по 4 из 7 направлений работы"))
        #expect(html.contains("<td>оценен</td>") && html.contains("<summary>Предложить новый сценарий</summary>"))
        #expect(html.contains("горизонт 2 года · методика"))
        assertSnapshot(of: html.text, as: .lines, named: "russian")
    }

    @Test func editAgency() async throws {
        // setup
        let page = EditRecordPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        let agency = Valdoria.financialIntelligence
        #expect(
            html.contains("<form method=\"post\" action=\"\(SiteURL.agency(stateID, assessmentID, agency: agency.id).path)#errors\" class=\"form\">"))
        #expect(html.contains("value=\"وحدة الاستخبارات المالية\"") && html.contains("<option value=\"financial-intelligence\" selected>"))
        #expect(html.contains(">Traces terrorist financing, virtual assets included.</textarea>"), "the current mandate is loaded")
        #expect(!html.contains("o-title"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func editAgencyRefused() async throws {
        // setup
        let page = EditRecordPage.agencyRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 2, "name and type are listed")
        #expect(html.contains("value=\"\"") && html.contains(">&lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</textarea>"))
        assertSnapshot(of: html.text, as: .lines, named: "agencyRefused")
    }

    @Test func editOtherRisk() async throws {
        // setup
        let page = EditRecordPage.otherRisk
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("value=\"Ransomware on the national grid operator\"") && html.contains("<option value=\"low\" selected>low</option>"))
        #expect(html.contains("name=\"likelihoodBest\" inputmode=\"decimal\" required value=\"0.15\""), "the current estimates are loaded")
        #expect(html.contains("<a href=\"\(SiteURL.otherRisks(stateID, assessmentID).path)\">← Other national security risks</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "otherRisk")
    }
}
