import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Steps 7–8 · Capability and roadmap")
struct CapabilityPageTests {
    let stateID = Valdoria.state.id
    let selfID = Valdoria.selfAssessment.id
    let validatedID = Valdoria.validatedAssessment.id

    // MARK: The list of assessments

    @Test func capability() async throws {
        // setup
        let page = CapabilityPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.main.count("<tr><td><a href=") == Valdoria.capabilityAssessments.count, "one row per assessment")
        #expect(html.contains("<a href=\"\(SiteURL.capabilityNew(stateID, validated: false).path)\">Open a self-assessment</a>"))
        #expect(!html.contains("Enter a validated assessment"), "a focal point does not validate")
        #expect(html.contains("validates National capability self-assessment 2026"))
        #expect(html.contains("follow-up of National capability self-assessment 2026"))
        #expect(html.contains("Police OSINT unit follow-up &lt;script&gt;"), "the title is escaped")
        #expect(!html.contains(Valdoria.markup))
        #expect(html.contains("<td><span class=\"badge\">Validated</span></td>"))
        #expect(html.contains("<p>4 roadmap items, 3 open · <a href=\"\(SiteURL.roadmap(stateID).path)\">Open the roadmap</a></p>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func capabilityAsFacilitator() async throws {
        // setup
        let page = CapabilityPage.facilitator
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<a href=\"\(SiteURL.capabilityNew(stateID, validated: true).path)\">Enter a validated assessment</a>"))
        #expect(!html.contains("Open a self-assessment"), "a facilitator validates; the state assesses itself")
        assertSnapshot(of: html.text, as: .lines, named: "facilitator")
    }

    @Test func capabilityEmpty() async throws {
        // setup
        let page = CapabilityPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<tr><td colspan=\"6\">No capability assessment yet.</td></tr>"))
        #expect(html.contains("<p>0 roadmap items, 0 open · "))
        #expect(!html.contains("Open a self-assessment") && !html.contains("Enter a validated assessment"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    // MARK: Opening an assessment

    @Test func capabilityFormSelf() async throws {
        // setup
        let page = CapabilityFormPage.newSelf
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.capability(stateID).path)#errors\" class=\"stack\">"))
        #expect(html.contains("<input type=\"hidden\" name=\"kind\" value=\"self\">"))
        #expect(html.contains("name=\"conductedOn\" type=\"date\" required value=\"2026-09-14\""), "today")
        #expect(html.count("type=\"checkbox\"") == 2 && html.count("value=\"on\" checked>") == 2, "every area of the framework ticked")
        #expect(html.contains("<option value=\"\(Valdoria.assessment.id)\" selected>National threat assessment 2026</option>"))
        #expect(html.contains("<option value=\"\" selected>National (all agencies)</option>"))
        #expect(!html.contains("name=\"validates\""), "a self-assessment validates nothing")
        assertSnapshot(of: html.text, as: .lines, named: "self")
    }

    @Test func capabilityFormValidated() async throws {
        // setup
        let page = CapabilityFormPage.newValidated
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<input type=\"hidden\" name=\"kind\" value=\"validated\">"))
        #expect(html.contains("<select id=\"c-validates\" name=\"validates\" required>"))
        // only self-assessments can be validated
        #expect(html.contains("<option value=\"\(Valdoria.selfAssessment.id)\">National capability self-assessment 2026 (2026-06-15)</option>"))
        #expect(!html.between("<select id=\"c-validates\"", "</select>").contains("value=\"\(validatedID)\""))
        #expect(!html.main.contains(" checked>"), "no area ticked: the self-assessment's areas are taken")
        #expect(html.contains("<option value=\"\" selected>Same as the self-assessment</option>"))
        assertSnapshot(of: html.text, as: .lines, named: "validated")
    }

    @Test func capabilityFormRefused() async throws {
        // setup
        let page = CapabilityFormPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        html.expectSummaryLinksLeadToControls()
        #expect(html.errorSummary.count("<li>") == 6, "title, agency, date, baseline and two about the areas")
        for id in ["c-title", "c-agency", "c-conducted", "c-baseline", "c-areas"] {
            #expect(html.contains("<p class=\"field-error\" id=\"\(id)-error\">"), "\(id) has its message")
        }
        #expect(html.contains("<fieldset id=\"c-areas\" aria-describedby=\"c-areas-error\">"))
        #expect(html.contains("value=\"2026-13-45\" aria-invalid=\"true\""), "what was typed is kept")
        #expect(!html.main.contains(" checked>"), "the unknown area cannot be shown ticked, and no other is")
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    // MARK: One assessment: the grid

    @Test func capabilityAssessmentGrid() async throws {
        // setup
        let page = CapabilityAssessmentPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        // the table beside the chart: F01 at 2, 1, 4 with progress; F02 at 1, 0, 0
        let table = html.between("<table class=\"grid\">", "</table>")
        #expect(table.count("<td class=\"lvl-") == 6)
        #expect(table.contains("<td class=\"lvl-2\" title=\"F01 · E1: level 2\">2 (→3: 0 %)</td>"))
        #expect(table.contains("<td class=\"lvl-1\" title=\"F01 · E4: level 1\">1 (→2: 50 %)</td>"))
        #expect(table.contains("<td class=\"lvl-4\" title=\"F01 · E8: level 4\">4 (→5: 0 %)</td>"))
        #expect(table.contains("<td class=\"lvl-0\" title=\"F02 · E4: level 0\">0 (→1: 0 %)</td>"))
        #expect(table.contains("<td class=\"small\">11 of 17</td>") && table.contains("<td class=\"small\">3 of 18</td>"))
        // the chart: one cell per area and enabler, the unanswered ones outlined
        let chart = html.between("<svg", "</svg>")
        #expect(chart.count("<g><title>") == 6)
        #expect(chart.count("stroke-dasharray=\"3 3\"") == 2, "F02 · E4 and F02 · E8 have no answer yet")
        // links: each area, the plan, the comparisons, the CSV
        #expect(html.contains("<a href=\"\(SiteURL.capabilityArea(stateID, capability: selfID, area: "F01").path)\">F01</a>"))
        #expect(html.contains("<a href=\"\(SiteURL.capabilityPlan(stateID, capability: selfID).path)\">Targets and priorities</a>"))
        #expect(
            html.contains(
                "<a href=\"\(SiteURL.capabilityCompare(stateID, capability: selfID, other: validatedID).path)\">Compare with the validated assessment Validated at the Kessel workshop</a>"
            ))
        #expect(html.contains("Compare with the follow-up Police OSINT unit follow-up &lt;script&gt;"))
        #expect(html.contains("<a href=\"\(SiteURL.capabilityCSV(stateID, capability: selfID).path)\" download>"))
        // evidence, escaped, with how often it is cited
        #expect(html.contains("<td>B2</td><td>2026-03-10</td><td>by 3 answers</td>"))
        #expect(html.contains("<td>C3</td><td>—</td><td>by 2 answers</td>"))
        #expect(html.contains("four OSINT investigators certified &lt;script&gt;"))
        #expect(!html.contains(Valdoria.markup))
        #expect(html.contains("action=\"\(SiteURL.capabilityEvidence(stateID, capability: selfID).path)#evidence\""))
        #expect(html.contains("<details><summary>Add evidence</summary>"), "closed while nothing is refused")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func capabilityAssessmentEmptyGrid() async throws {
        // setup
        let page = CapabilityAssessmentPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        let table = html.between("<table class=\"grid\">", "</table>")
        #expect(table.count("<td class=\"lvl-0\"") == 3, "one area, three enablers, all at 0")
        #expect(table.contains("<td class=\"small\">0 of 18</td>"))
        #expect(html.between("<svg", "</svg>").count("stroke-dasharray=\"3 3\"") == 3)
        #expect(html.contains("<tr><td colspan=\"6\">No evidence yet.</td></tr>"))
        #expect(!html.contains("Add evidence"), "a policy maker adds no evidence")
        #expect(html.contains("Compare with the baseline National capability self-assessment 2026"))
        #expect(html.contains("National Police — Counter-Terrorism Directorate"), "the agency assessed")
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func capabilityAssessmentValidated() async throws {
        // setup
        let page = CapabilityAssessmentPage.validated
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains(
                "<a href=\"\(SiteURL.capabilityCompare(stateID, capability: validatedID, other: selfID).path)\">Compare with the self-assessment National capability self-assessment 2026</a>"
            ))
        #expect(html.contains("Add evidence"), "the facilitator adds evidence to the validated assessment")
        assertSnapshot(of: html.text, as: .lines, named: "validated")
    }

    @Test func capabilityAssessmentEvidenceRefused() async throws {
        // setup
        let page = CapabilityAssessmentPage.evidenceRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        html.expectSummaryLinksLeadToControls()
        #expect(html.contains("<details open><summary>Add evidence</summary>"), "the refused form is open")
        #expect(html.contains("value=\"Police academy\""), "what was typed is kept")
        assertSnapshot(of: html.text, as: .lines, named: "evidenceRefused")
    }

    // MARK: Answering an area

    @Test func areaEditable() async throws {
        // setup
        let page = AreaAnswersPage.editable
        let criteria = Valdoria.capabilityFramework.criteria(area: "F01")
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(
            html.contains(
                "<form method=\"post\" action=\"\(SiteURL.capabilityArea(stateID, capability: selfID, area: "F01").path)#errors\" class=\"criteria\" id=\"answers\">"
            ))
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"6\">"))
        #expect(html.count("<fieldset class=\"criterion\"") == criteria.count, "every criterion of F01, generic and specific")
        #expect(html.count("<span class=\"badge\">specific to this area</span>") == 2)
        // stored answers, confidences, evidence numbers and notes
        #expect(html.contains("<option value=\"fully\" selected>Fully implemented</option>"))
        #expect(html.contains("name=\"evidenceNumbers.E1.1.a\" maxlength=\"100\" value=\"1\""))
        #expect(html.contains("name=\"evidenceNumbers.E8.2.a\" maxlength=\"100\" value=\"2\""))
        #expect(html.contains("value=\"Preservation orders only; no production orders yet.\""))
        #expect(html.contains("<option value=\"not-applicable\" selected>N/A</option>"))
        #expect(html.contains("<option value=\"high\" selected>"), "E1.1.a's high confidence")
        // unanswered: F01.E4.3.a, E1.4.a and E1.5.a, E4.3.a–E4.5.a
        #expect(html.count("<option value=\"\" selected>Not answered yet</option>") == criteria.count - 11)
        // each enabler's level, with progress
        #expect(html.contains("<p class=\"muted\">Level: 2 Formative · (→3: 0 %)</p>"))
        #expect(html.contains("<p class=\"muted\">Level: 4 Strategic · (→5: 0 %)</p>"))
        // the evidence list, by number, escaped
        #expect(html.contains("<li value=\"2\"><span class=\"badge\">C3</span>"))
        #expect(!html.contains(Valdoria.markup))
        // the other areas
        #expect(html.contains("<option value=\"F01\" selected>F01 "))
        assertSnapshot(of: html.text, as: .lines, named: "editable")
    }

    @Test func areaReadOnly() async throws {
        // setup
        let page = AreaAnswersPage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1, "a policy maker answers nothing: only the log-out form")
        #expect(html.contains("<li><strong>E1.1.a</strong> <span dir=\"auto\">"))
        #expect(html.contains("— Fully implemented</li>") && html.contains("— Not answered yet</li>"))
        #expect(html.contains("<form method=\"get\" action=\"\(SiteURL.capabilityAssessment(stateID, capability: selfID).path)\""))
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func areaRefused() async throws {
        // setup
        let page = AreaAnswersPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        let summary = html.errorSummary
        #expect(summary.count("<li>") == 4, "the unknown criterion, the answer, the evidence number and the note")
        #expect(summary.contains("<a href=\"#cr-E1-3-a\">E1.3.a: must be one of: fully, largely, partially, not-implemented, not-applicable</a>"))
        #expect(summary.contains("<a href=\"#cr-E1-1-a-evidence\">E1.1.a Evidence numbers: there is no evidence number 7 (the list has 2)</a>"))
        #expect(summary.contains("<a href=\"#cr-E4-1-a-note\">E4.1.a Note: must be at most 1000 characters</a>"))
        #expect(summary.contains("criterion X9.9.z is not in this assessment&#39;s framework version for this area"))
        html.expectSummaryLinksLeadToControls()
        // beside each criterion, in its fieldset
        #expect(html.contains("<fieldset class=\"criterion\" id=\"cr-E1-3-a-set\" aria-describedby=\"cr-E1-3-a-error\">"))
        #expect(html.contains("<p class=\"field-error\" id=\"cr-E1-1-a-error\">there is no evidence number 7 (the list has 2)</p>"))
        // what was typed is kept
        #expect(html.contains("name=\"evidenceNumbers.E1.1.a\" maxlength=\"100\" value=\"1, 7\""))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func areaConflict() async throws {
        // setup
        let page = AreaAnswersPage.conflict
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<div class=\"errors\" role=\"alert\"><p>"))
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"7\">"), "the stored version, to save over it knowingly")
        #expect(html.contains("value=\"Production orders adopted in August.\""), "what was typed is kept")
        #expect(html.errorSummary.text.isEmpty, "nothing was wrong with the input")
        assertSnapshot(of: html.text, as: .lines, named: "conflict")
    }

    @Test func areaValidatedWithSelfAnswers() async throws {
        // setup
        let page = AreaAnswersPage.validatedWithSelfAnswers
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"3\">"))
        // every answered criterion of the self-assessment's F01 is shown above the form's own
        #expect(html.count("<p class=\"muted small\" dir=\"auto\">Self-assessed: ") == 11)
        #expect(html.contains("Self-assessed: Largely implemented"))
        #expect(html.contains("Self-assessed: N/A · No intrusive measure in foresight work."))
        #expect(html.contains("<option value=\"partially\" selected>Partially implemented</option>"))
        assertSnapshot(of: html.text, as: .lines, named: "validatedWithSelfAnswers")
    }

    // MARK: Targets and priorities

    @Test func plan() async throws {
        // setup
        let page = CapabilityPlanPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("From the register of National threat assessment 2026."))
        #expect(html.contains("action=\"\(SiteURL.capabilityPropose(stateID, capability: selfID).path)\""))
        // relevance rows for both areas, with the scenarios that justify them
        let relevance = html.between("<h2>Threat relevance</h2>", "</table>")
        #expect(relevance.count("<tr><td>F0") == 2)
        // the gaps: four with a gap (F01 · E8 is at its target already)
        let gaps = html.between("<caption>Gaps ranked by priority, highest first</caption>", "</table>")
        #expect(gaps.count("<tr><td>") == 4)
        #expect(!gaps.contains("E8 Human-rights safeguards and oversight</td><td>4 → 4"))
        // F02 · E1 to 3 is what the approved legal guidance closes: a link to it, not a second item
        #expect(gaps.count("Add to roadmap") == 3)
        #expect(gaps.contains("<a href=\"\(SiteURL.roadmapItem(stateID, item: Valdoria.legalGuidance.id).path)\">On the roadmap</a>"))
        #expect(
            html.contains(
                SiteURL.roadmapNew(stateID, gap: .init(capability: selfID, area: "F01", enabler: "E1", stage: 3)).path
                    .replacingOccurrences(of: "&", with: "&amp;")))
        #expect(html.contains("proposed from the register") && html.contains("set by hand"))
        // one target form per area, closed
        #expect(html.count("<details id=\"tg-F0") == 2 && !html.contains("<details id=\"tg-F01-form-box\" open>"))
        #expect(html.contains("<option value=\"3\" selected>3 Established</option>"))
        // a target cannot be set below the level reached: F01 · E8 at 4 offers 4 and 5 only
        let e8 = html.between("<select id=\"tg-F01-E8\"", "</select>")
        #expect(e8.count("<option") == 3, "no target, 4 and 5")
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func planWithoutRegister() async throws {
        // setup
        let page = CapabilityPlanPage.withoutRegister
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("No risk register is named for this assessment"))
        #expect(!html.contains(SiteURL.capabilityPropose(stateID, capability: selfID).path), "nothing to propose from")
        #expect(
            !html.contains(
                "<h2>Threat relevance</h2>\n<p class=\"muted\" dir=\"auto\">No risk register is named for this assessment: every area counts as fully relevant and no target can be proposed.</p>\n<div"
            ))
        #expect(html.postForms.count == 1, "a reviewer sets no target: only the log-out form")
        #expect(!html.contains("Add to roadmap"))
        #expect(html.contains("<td>100 %</td>"), "every area fully relevant")
        assertSnapshot(of: html.text, as: .lines, named: "withoutRegister")
    }

    @Test func planTargetRefused() async throws {
        // setup
        let page = CapabilityPlanPage.targetRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<details id=\"tg-F01-form-box\" open>"), "the refused area's form is open")
        #expect(!html.contains("<details id=\"tg-F02-form-box\" open>"))
        html.expectSummaryLinksLeadToControls()
        #expect(html.errorSummary.count("<li>") == 3)
        #expect(html.contains("<p class=\"field-error\" id=\"tg-F01-E1-error\">is below the level already reached (2)</p>"))
        #expect(html.contains("<p class=\"field-error\" id=\"tg-F01-E4-error\">must be a stage from 1 to 5</p>"))
        #expect(html.contains("<select id=\"tg-F01-cost\" name=\"cost\" aria-invalid=\"true\" aria-describedby=\"tg-F01-cost-error\">"))
        #expect(html.contains("action=\"\(SiteURL.capabilityTargets(stateID, capability: selfID, area: "F01").path)#tg-F01-form-box\""))
        assertSnapshot(of: html.text, as: .lines, named: "targetRefused")
    }

    // MARK: Comparison

    @Test func compare() async throws {
        // setup
        let page = CapabilityComparePage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p>Area × enabler cells compared: 3; rose: 1; fell: 1; criteria answered differently: 2.</p>"))
        #expect(html.contains("<td>2</td><td>1</td><td><strong class=\"down\">-1</strong></td>"))
        #expect(html.contains("<td>1</td><td>2</td><td><strong class=\"up\">+1</strong></td>"))
        // each changed criterion with both evidences
        #expect(html.contains("[B2] Legal opinion of the Ministry of Justice on online investigations."))
        #expect(html.contains("[A1] The legal opinion was read at the workshop: it covers online research only."))
        #expect(html.contains("<td>Validated lower</td>") && html.contains("<td>Validated higher</td>"), "a validation is not a change over time")
        #expect(html.contains("<th scope=\"col\">Self-assessed</th><th scope=\"col\">Validated</th>"))
        #expect(html.contains("<dd dir=\"auto\">National capability self-assessment 2026 (Self-assessed, 2026-06-15)</dd>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    // MARK: The roadmap

    @Test func roadmap() async throws {
        // setup
        let page = RoadmapPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<a href=\"\(SiteURL.roadmapNew(stateID).path)\">Add an item</a>"))
        // the critical path: the guidance, the training, the platform
        #expect(
            html.contains(
                "<strong class=\"critical\">Critical path:</strong> <span dir=\"auto\">Legal guidance for online investigations → OSINT investigator training programme → AI-assisted open-source analysis platform ("
            ))
        #expect(html.count("<span class=\"badge warn\">critical path</span>") == 3)
        // dependency order: each item after its prerequisites
        let table = html.between("<tbody>", "</tbody>").text
        let order = ["Threat foresight cell", "Legal guidance", "OSINT investigator training", "AI-assisted open-source"].map {
            table.range(of: "dir=\"auto\">" + $0)?.lowerBound
        }
        #expect(order.allSatisfy { $0 != nil })
        #expect(zip(order, order.dropFirst()).allSatisfy { a, b in a.map { a in b.map { a < $0 } ?? false } ?? false })
        // the undated training is scheduled after the guidance; the platform starts before it ends
        #expect(html.count("<span class=\"muted small\">no dates of its own: placed after its prerequisites, for its horizon</span>") == 1)
        #expect(html.count("<span class=\"badge warn\">starts before a prerequisite ends</span>") == 1)
        #expect(html.contains("<td>2027-04-01 – "), "the training starts the day after the guidance ends")
        // the timeline: a bar per item, the critical ones in red, the undated hatched
        let chart = html.between("<svg", "</svg>")
        #expect(chart.count("<rect x=") == 4)
        #expect(chart.count("stroke=\"#c92a2a\" stroke-width=\"2\"") == 3)
        #expect(chart.count("fill=\"url(#hatch)\"") == 1)
        #expect(html.contains("<td>120,000–150,000 EUR</td>") && html.contains("<td>Donor</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func roadmapEmpty() async throws {
        // setup
        let page = RoadmapPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<tr><td colspan=\"10\">No roadmap item yet.</td></tr>"))
        #expect(!html.contains("Add an item") && !html.contains("Critical path"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func roadmapWithCycle() async throws {
        // setup
        let page = RoadmapPage.withCycle
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<div class=\"errors\" role=\"alert\"><p>These items require each other in a cycle:"))
        #expect(!html.contains("Critical path"))
        assertSnapshot(of: html.text, as: .lines, named: "withCycle")
    }

    // MARK: The roadmap form

    @Test func roadmapFormNew() async throws {
        // setup
        let page = RoadmapFormPage.new
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.roadmap(stateID).path)#errors\" class=\"stack\">"))
        #expect(!html.contains("name=\"version\""), "a new item has no version yet")
        #expect(html.contains("<option value=\"development\" selected>Capability development</option>"))
        #expect(html.contains("<option value=\"medium\" selected>Medium term (1–3 years)</option>"))
        #expect(html.count("type=\"checkbox\" id=\"rm-pre-") == Valdoria.roadmap.count, "every item may be a prerequisite")
        #expect(html.count("<div class=\"milestone\">") == RoadmapItemDraft.milestoneRows)
        #expect(html.count("<select id=\"rm-ready-") == Valdoria.capabilityFramework.readiness.count)
        #expect(!html.main.contains(" checked>"), "nothing ticked")
        assertSnapshot(of: html.text, as: .lines, named: "new")
    }

    @Test func roadmapFormFromGap() async throws {
        // setup
        let page = RoadmapFormPage.fromGap
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<option value=\"F01\" selected>") && html.contains("<option value=\"E1\" selected>"))
        #expect(html.contains("<option value=\"3\" selected>3 Established</option>"))
        #expect(html.contains("value=\"Close the gap F01 · E1 → 3\""))
        assertSnapshot(of: html.text, as: .lines, named: "fromGap")
    }

    @Test func roadmapFormEdit() async throws {
        // setup
        let page = RoadmapFormPage.edit
        let item = Valdoria.osintTraining
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("action=\"\(SiteURL.roadmapItem(stateID, item: item.id).path)#errors\""))
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"1\">"))
        #expect(html.count("type=\"checkbox\" id=\"rm-pre-") == Valdoria.roadmap.count - 1, "not itself")
        #expect(html.contains("id=\"rm-pre-\(Valdoria.legalGuidance.id)\" name=\"prerequisite.\(Valdoria.legalGuidance.id)\" value=\"on\" checked>"))
        #expect(html.contains("value=\"Curriculum agreed with the academy\"") && html.contains("value=\"2026-08-31\""))
        #expect(html.contains("<option value=\"\(Valdoria.police.id)\" selected>"))
        #expect(html.contains("name=\"costLow\" inputmode=\"decimal\" size=\"12\" value=\"120000.0\""))
        assertSnapshot(of: html.text, as: .lines, named: "edit")
    }

    @Test func roadmapFormRefused() async throws {
        // setup
        let page = RoadmapFormPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        html.expectSummaryLinksLeadToControls()
        for id in ["rm-title", "rm-technology", "rm-stage", "rm-end", "rm-currency", "rm-prerequisites", "rm-ms-1", "rm-ready-skills"] {
            #expect(html.contains("<p class=\"field-error\" id=\"\(id)-error\">"), "\(id) has its message")
        }
        #expect(html.contains("<option value=\"adoption\" selected>Technology adoption</option>"), "what was chosen is kept")
        #expect(html.contains("value=\"soon\" aria-invalid=\"true\""))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func roadmapFormConflict() async throws {
        // setup
        let page = RoadmapFormPage.conflict
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<div class=\"errors\" role=\"alert\"><p>"))
        #expect(html.contains("<input type=\"hidden\" name=\"version\" value=\"2\">"))
        #expect(html.contains("value=\"OSINT and dark-web investigator training\""))
        #expect(html.contains("<option value=\"short\" selected>"))
        assertSnapshot(of: html.text, as: .lines, named: "conflict")
    }

    // MARK: One roadmap item

    @Test func roadmapItemAdoptionBlocked() async throws {
        // setup
        let page = RoadmapItemPage.adoptionBlocked
        let id = Valdoria.analysisPlatform.id
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<h1 dir=\"auto\">AI-assisted open-source analysis platform</h1>"))
        #expect(html.contains("<a href=\"\(SiteURL.roadmapItemEdit(stateID, item: id).path)\">"))
        // the gate: H09 Not met, the adoption checks H12, H13 and the rest unreviewed for this version
        #expect(html.contains("<p class=\"muted\">Approval waits on "))
        for code in ["H09", "H12", "H13"] { #expect(html.between("Approval waits on", "</p>").contains(code)) }
        #expect(!html.between("Approval waits on", "</p>").contains("H06"), "H06 is met")
        // a policy maker moves it but does not approve it
        #expect(!html.contains(SiteURL.roadmapApprove(stateID, item: id).path))
        #expect(html.contains("action=\"\(SiteURL.roadmapStatus(stateID, item: id).path)#errors\""))
        // the readiness profile, each dimension on its own
        #expect(html.contains("<span class=\"badge ready-not-ready\">Not ready</span>"))
        #expect(html.contains("<span class=\"badge ready-partly-ready\">Partly ready</span>"))
        #expect(html.contains("<span class=\"badge ready-ready\">Ready</span>"))
        #expect(html.contains("flags likely recruitment content for an analyst to review &lt;script&gt;"))
        #expect(!html.contains(Valdoria.markup))
        #expect(!html.contains("type=\"radio\""), "a policy maker reviews nothing")
        assertSnapshot(of: html.text, as: .lines, named: "adoptionBlocked")
    }

    @Test func roadmapItemApprovalRefused() async throws {
        // setup
        let page = RoadmapItemPage.approvalRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<div class=\"errors\" role=\"alert\" tabindex=\"-1\" id=\"errors\"><p>The adoption cannot be approved: "))
        #expect(html.count("id=\"errors\"") == 1)
        #expect(html.contains("action=\"\(SiteURL.roadmapApprove(stateID, item: Valdoria.analysisPlatform.id).path)#errors\""))
        assertSnapshot(of: html.text, as: .lines, named: "approvalRefused")
    }

    @Test func roadmapItemAdoptionClear() async throws {
        // setup
        let page = RoadmapItemPage.adoptionClear
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<p class=\"muted\">The mandatory checks are met for this version: the adoption can be approved.</p>"))
        #expect(
            html.contains(
                "<form method=\"post\" action=\"\(SiteURL.roadmapApprove(stateID, item: Valdoria.analysisPlatform.id).path)#errors\" class=\"inline\">"
            ))
        #expect(html.contains("<button type=\"submit\">Approve</button>"))
        assertSnapshot(of: html.text, as: .lines, named: "adoptionClear")
    }

    @Test func roadmapItemAsReviewer() async throws {
        // setup
        let page = RoadmapItemPage.reviewer
        let id = Valdoria.analysisPlatform.id
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        for kind in ReviewKind.allCases {
            #expect(html.contains("action=\"\(SiteURL.roadmapReview(stateID, item: id, kind).path)#errors\""))
        }
        #expect(!html.main.contains(" checked>"), "no answer pre-filled")
        #expect(html.contains("Answered for version 1: Partly met (does not count for this version)"))
        #expect(!html.contains(SiteURL.roadmapItemEdit(stateID, item: id).path) && !html.contains("name=\"status\""))
        assertSnapshot(of: html.text, as: .lines, named: "reviewer")
    }

    @Test func roadmapItemOfItsOwnReviewer() async throws {
        // setup
        let page = RoadmapItemPage.ownItem
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(!html.contains("type=\"radio\""), "no review form for the item's author")
        #expect(html.count("<p class=\"muted\">You wrote this") == 2, "under each review")
        assertSnapshot(of: html.text, as: .lines, named: "ownItem")
    }

    @Test func roadmapItemReviewRefused() async throws {
        // setup
        let page = RoadmapItemPage.reviewRefused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        html.expectSummaryLinksLeadToControls()
        #expect(html.contains("The vendor was not vetted &lt;script&gt;"), "what was typed is kept, escaped")
        assertSnapshot(of: html.text, as: .lines, named: "reviewRefused")
    }

    @Test func roadmapItemDevelopment() async throws {
        // setup
        let page = RoadmapItemPage.development
        let id = Valdoria.legalGuidance.id
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(!html.contains("Readiness to adopt") && !html.contains("Approval waits on"))
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.roadmapMilestones(stateID, item: id).path)\" class=\"stack\">"))
        #expect(html.count("type=\"checkbox\" id=\"ms-") == 2)
        #expect(html.contains("<h2>Items waiting on it</h2>"))
        #expect(html.contains("<a href=\"\(SiteURL.roadmapItem(stateID, item: Valdoria.osintTraining.id).path)\" dir=\"auto\">"))
        assertSnapshot(of: html.text, as: .lines, named: "development")
    }

    // MARK: Framework versions

    @Test func frameworksAsAdministrator() async throws {
        // setup
        let page = FrameworksPage.administrator
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.frameworks.path)#errors\" class=\"stack\">"))
        #expect(html.count("<tr><td><a href=") == 2)
        #expect(html.count("<span class=\"badge\">current</span>") == 1)
        #expect(html.contains("<a href=\"\(SiteURL.frameworkDownload(Valdoria.capabilityFramework.id).path)\" download>"))
        assertSnapshot(of: html.text, as: .lines, named: "administrator")
    }

    @Test func frameworksAsNonAdministrator() async throws {
        // setup
        let page = FrameworksPage.nonAdministrator
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1 && !html.contains("Publish a new version"), "only the log-out form")
        #expect(html.count("<tr><td><a href=") == 2)
        assertSnapshot(of: html.text, as: .lines, named: "nonAdministrator")
    }

    @Test func frameworksRefused() async throws {
        // setup
        let page = FrameworksPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        html.expectSummaryLinksLeadToControls()
        #expect(html.contains("<p class=\"field-error\" id=\"fw-json-error\">is not a capability framework in JSON</p>"))
        #expect(html.contains("&lt;b&gt;New&lt;/b&gt;"), "what was pasted is kept, escaped")
        #expect(html.contains("aria-invalid=\"true\" aria-describedby=\"fw-json-error\""))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func framework() async throws {
        // setup
        let page = FrameworkPage.mock
        let framework = Valdoria.capabilityFramework
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.count("<section id=\"fw-") == framework.enablers.count)
        #expect(html.main.count("<li><strong>E") == framework.criteria.filter { $0.area == nil }.count, "each generic criterion once")
        #expect(html.main.count("<li><strong>F0") == 2 + 5, "two areas and five specific criteria")
        #expect(html.contains("Counters: every technology and purpose"), "F01 counters everything")
        #expect(html.contains("Counters: T01 "), "F02 names its technologies")
        #expect(html.contains("H06, H09, H12, H13"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }
}

// MARK: - The charts

@Suite("Steps 7–8 · Capability charts")
struct CapabilityChartTests {
    static let hostile = "<b>\"F&1\"</b>"

    /// A framework whose area and enabler codes are markup.
    static let framework = with(Valdoria.capabilityFramework) { f in
        f.areas = [ReferenceItem(hostile, "Hostile area"), ReferenceItem("F02", "Second")]
        f.enablers.append(ReferenceItem("<E9>", "Hostile enabler"))
        f.criteria += CapabilityFramework.stageRange.map {
            CapabilityFramework.Criterion(code: "E9.\($0)", enabler: "<E9>", stage: $0, text: "Hostile criterion")
        }
    }

    static var grid: MaturityGrid {
        MaturityGrid(
            framework: framework, areas: [hostile, "F02"],
            records: [
                CriterionRecord(
                    assessmentID: "a", area: hostile, criterion: "E1.1.a", answer: .fully, confidence: .high, answeredBy: "u", answeredAt: 0)
            ])
    }

    @Test func gridEscapesEveryTextAndDrawsOneRectPerCell() {
        for language in Language.allCases {
            // act
            let svg = CapabilityChart.grid(Self.grid, framework: Self.framework, localizer: Localizer(language))
            // check
            #expect(!svg.contains("<b>") && !svg.contains("<E9>"), "\(language): markup in codes is escaped")
            #expect(svg.contains("&lt;b&gt;&quot;F&amp;1&quot;&lt;/b&gt;") && svg.contains("&lt;E9&gt;"))
            #expect(svg.contains("xml:lang=\"\(language.rawValue)\""))
            let cells = 2 * Self.framework.enablers.count
            #expect(svg.count(of: "<g><title>") == cells, "one group per area and enabler")
            #expect(svg.count(of: "<rect x=") == cells + 6, "one rect per cell, and the six of the legend")
            #expect(svg.count(of: "stroke-dasharray") == cells - 1, "only the answered cell has no dashed outline")
        }
    }

    @Test func gridAnchorsItsLabelsForTheDirection() {
        // act
        let english = CapabilityChart.grid(Self.grid, framework: Self.framework, localizer: .english)
        let arabic = CapabilityChart.grid(Self.grid, framework: Self.framework, localizer: Localizer(.arabic))
        // check: area labels end at the grid in either direction (right of them in English, left in Arabic)
        #expect(english.contains("text-anchor=\"end\">F02</text>"))
        #expect(arabic.contains("text-anchor=\"end\" direction=\"rtl\">F02</text>"))
        // the first enabler's column is on the left in English, on the right in Arabic
        let firstHeader = { (svg: String) -> Double? in
            svg.firstMatch(of: /<text x="([0-9.]+)" y="30.0" font-size="14" text-anchor="middle">E1<\/text>/).flatMap { Double($0.1) }
        }
        let lastHeader = { (svg: String) -> Double? in
            svg.firstMatch(of: /<text x="([0-9.]+)" y="30.0" font-size="14" text-anchor="middle">&lt;E9&gt;<\/text>/).flatMap { Double($0.1) }
        }
        #expect((firstHeader(english) ?? 0) < (lastHeader(english) ?? 0))
        #expect((firstHeader(arabic) ?? 0) > (lastHeader(arabic) ?? 0))
    }

    static let priorities = [
        DevelopmentPriority(
            area: hostile, enabler: "E1", current: 1, target: 3, relevance: 0.8, feasibility: 0.5, scenarios: [], source: .hand),
        DevelopmentPriority(area: "F02", enabler: "E4", current: 0, target: 2, relevance: 0.5, feasibility: 1, scenarios: [], source: .proposed),
        DevelopmentPriority(area: "F02", enabler: "E8", current: 3, target: 3, relevance: 1, feasibility: 1, scenarios: [], source: .hand),
    ]

    @Test func gapsEscapeLabelsAndDrawOneBarPerGap() {
        for language in Language.allCases {
            // act
            let svg = CapabilityChart.gaps(Self.priorities, localizer: Localizer(language))
            // check
            #expect(!svg.contains("<b>"))
            #expect(svg.contains("&lt;b&gt;&quot;F&amp;1&quot;&lt;/b&gt; · E1 1→3"))
            #expect(svg.count(of: "fill=\"#5c7cfa\"") == 2, "the zero gap has no bar")
            let anchor = language.isRightToLeft ? "text-anchor=\"end\" direction=\"rtl\"" : "text-anchor=\"end\""
            #expect(svg.contains("\(anchor)>\u{2068}F02 · E4 0→2\u{2069}</text>"), "\(language): labels anchored for the direction")
        }
        let none = CapabilityChart.gaps([], localizer: .english)
        #expect(none.contains("No gap: set targets to see priorities."))
    }

    static let bars = [
        CapabilityChart.Bar(
            label: "1. " + hostile, start: Valdoria.date("2026-10-01"), end: Valdoria.date("2027-03-31"), critical: true, dated: true),
        CapabilityChart.Bar(label: "2. Training", start: Valdoria.date("2027-04-01"), end: Valdoria.date("2029-03-30"), critical: true, dated: false),
        CapabilityChart.Bar(label: "3. Cell", start: Valdoria.date("2026-01-01"), end: Valdoria.date("2026-06-30"), critical: false, dated: true),
    ]

    @Test func timelineEscapesLabelsAndMarksTheCriticalPath() {
        for language in Language.allCases {
            // act
            let svg = CapabilityChart.timeline(Self.bars, localizer: Localizer(language))
            // check
            #expect(!svg.contains("<b>"))
            #expect(svg.contains("<title>1. &lt;b&gt;&quot;F&amp;1&quot;&lt;/b&gt;: 2026-10-01 – 2027-03-31</title>"))
            #expect(svg.count(of: "<rect x=") == 3, "one bar per item")
            #expect(svg.count(of: "stroke=\"#c92a2a\" stroke-width=\"2\"") == 2, "the two critical bars are marked")
            #expect(svg.count(of: "fill=\"#c92a2a\" stroke=") == 1, "a dated critical bar is red")
            #expect(svg.count(of: "fill=\"url(#hatch)\"") == 1, "the undated bar is hatched")
            #expect(svg.contains("fill=\"#5c7cfa\">"), "the rest in blue, unmarked")
            for year in 2027...2029 { #expect(svg.contains(">\(year)</text>"), "a mark per year") }
            let anchor = language.isRightToLeft ? "text-anchor=\"end\" direction=\"rtl\"" : "text-anchor=\"end\""
            #expect(svg.contains("\(anchor)>\u{2068}3. Cell\u{2069}</text>"), "\(language): labels anchored for the direction")
        }
        #expect(CapabilityChart.timeline([], localizer: .english).contains("No roadmap item yet."))
    }

    /// Legible anywhere (issue 8, item 10): no text under 14 px, as the register's charts.
    @Test func chartTextIsAtLeast14Pixels() {
        let charts = [
            CapabilityChart.grid(Self.grid, framework: Self.framework, localizer: .english),
            CapabilityChart.gaps(Self.priorities, localizer: .english), CapabilityChart.timeline(Self.bars, localizer: .english),
        ]
        for chart in charts {
            let sizes = chart.matches(of: /font-size="(\d+)"/).compactMap { Int($0.1) }
            #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 14 })
        }
    }
}

extension String {
    fileprivate func count(of fragment: String) -> Int { components(separatedBy: fragment).count - 1 }
}
