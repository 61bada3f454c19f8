import CTTechCore
import SnapshotTesting
import Testing

@testable import CTTechWeb

@Suite("Step 4 · The national risk register")
struct RegisterPageTests {
    let stateID = Valdoria.state.id
    let assessmentID = Valdoria.assessment.id

    @Test func registerBody() async throws {
        // setup
        let fragment = RegisterBody.mock
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        #expect(html.count("<tr><td>") == Valdoria.roundOneRegister.entries.count, "one row per risk")
        #expect(html.contains("<td dir=\"auto\">حملة تجنيد عبر الرسائل المشفرة <span class=\"muted small\">scenario</span></td>"))
        #expect(html.contains("Agreement between assessors: Kendall&#39;s W = "))
        for chart in RegisterChartKind.allCases {
            #expect(html.contains("<img src=\"\(SiteURL.registerChart(stateID, assessmentID, chart).path)\""))
        }
        #expect(html.contains("(seed \(RegisterComputation.seed))"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func registerBodyWithResidualRisk() async throws {
        // setup
        let fragment = RegisterBody.withResidual
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        let residual = html.between("<section id=\"register-residual\">", "</section>")
        #expect(residual.count("<tr><td>") == Valdoria.residualRegister.entries.count, "every entry, inherent beside residual")
        #expect(html.contains("<li><a href=\"#register-residual\">Inherent and residual risk</a></li>"))
        #expect(residual.contains("<a href=\"\(SiteURL.responses(stateID).path)\">Policy responses</a>"))
        for entry in Valdoria.residualRegister.entries {
            #expect(residual.contains("<a href=\"\(SiteURL.residualTrace(stateID, assessmentID, risk: entry.id).path)\">how</a>"))
        }
        // the risks no counting response addresses keep their figures
        #expect(residual.count(") · <a href=") == 4, "crowdfunding, ransomware, the Arabic scenario and deepfakes are reduced")
        #expect(residual.count("<td>— · <a href=") == 3, "the others: a dash, then the links, always apart")
        // ransomware: the licensing's likelihood effect, 15 % × (1 − 20 %) = 12 %; R₀ = 0.45, R₁ = 0.36
        #expect(residual.contains("<td>15 % → 12 %</td><td>3 → 3</td><td>20 % ("))
        // the flooding: no response addresses it
        #expect(residual.contains("<td>35 % → 35 %</td><td>4 → 4</td><td>—"))
        assertSnapshot(of: html.text, as: .lines, named: "withResidual")
    }

    @Test func registerBodyWithOtherRisksOnly() async throws {
        // setup
        let fragment = RegisterBody.otherRisksOnly
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        #expect(html.contains("No round has been revealed yet: scenarios join the register once one is"))
        #expect(html.count("<span class=\"muted small\">other risk</span>") == 3 && !html.contains("Impact by dimension"))
        assertSnapshot(of: html.text, as: .lines, named: "otherRisksOnly")
    }

    @Test func registerBodyEmpty() async throws {
        // setup
        let fragment = RegisterBody.empty
        // act
        let html = HTML(try await Pages.html(fragment))
        // check
        html.expectSound(page: false)
        #expect(html.contains("<td colspan=\"9\">No revealed round with scores yet.</td>") && !html.contains("<img"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func register() async throws {
        // setup
        let page = try await RegisterPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(try await Pages.html(RegisterBody.mock)), "the body sits in its slot, as its own template rendered it")
        #expect(html.contains("<form method=\"post\" action=\"\(SiteURL.otherRisks(stateID, assessmentID).path)#errors\" class=\"form\">"))
        #expect(html.contains("<a href=\"\(SiteURL.registerExport(stateID, assessmentID, .csv).path)\" download>CSV</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func registerReadOnly() async throws {
        // setup
        let page = try await RegisterPage.readOnly
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1 && !html.contains("Add another national security risk"))
        assertSnapshot(of: html.text, as: .lines, named: "readOnly")
    }

    @Test func registerOtherRiskRefused() async throws {
        // setup
        let page = try await RegisterPage.refused
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.errorSummary.count("<li>") == 3, "family, best likelihood and high impact")
        #expect(html.contains("name=\"likelihoodBest\" inputmode=\"decimal\" required value=\"1.2\"") && html.contains("value=\"6\""))
        #expect(html.contains("value=\"Grid collapse &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;\""))
        #expect(html.contains("<option value=\"low\" selected>low</option>"))
        assertSnapshot(of: html.text, as: .lines, named: "refused")
    }

    @Test func otherRisks() async throws {
        // setup
        let page = OtherRisksPage.mock
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        for risk in Valdoria.otherRisks {
            #expect(html.contains("<a href=\"\(SiteURL.otherRiskEdit(stateID, assessmentID, risk: risk.id).path)\">Correct</a>"))
            #expect(html.contains("action=\"\(SiteURL.otherRiskRemove(stateID, assessmentID, risk: risk.id).path)\""))
        }
        #expect(html.contains("<td>20 %–35 %–50 %</td><td>3–4–5</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "mock")
    }

    @Test func otherRisksEmpty() async throws {
        // setup
        let page = OtherRisksPage.empty
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains(">None yet. Add them on the register page.</td>"))
        #expect(html.contains("<a href=\"\(SiteURL.register(stateID, assessmentID).path)\">← National risk register</a>"))
        assertSnapshot(of: html.text, as: .lines, named: "empty")
    }

    @Test func otherRisksFrozen() async throws {
        // setup
        let page = OtherRisksPage.frozen
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.postForms.count == 1 && !html.contains(">Correct</a>"))
        #expect(html.contains("<td dir=\"auto\">Pandemic influenza &lt;script&gt;alert(&#39;Valdoria&#39;)&lt;/script&gt;</td>"))
        assertSnapshot(of: html.text, as: .lines, named: "frozen")
    }

    /// The register in Arabic: every word from the catalog, right to left, the figures as written in Arabic documents.
    @Test func registerInArabic() async throws {
        // setup
        let page = try await RegisterPage.mock(in: .arabic)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ar\" dir=\"rtl\""))
        #expect(html.contains("<h1>السجل الوطني للمخاطر</h1>") && html.contains("<h2>السجل المرتَّب</h2>"))
        #expect(html.contains("<span class=\"muted small\">سيناريو</span>") && html.contains("<span class=\"muted small\">خطر آخر</span>"))
        #expect(html.contains("<td>12 كبير</td>") && html.contains("<td>10%–25%–42.5% <span class=\"muted small\">5–25%</span></td>"))
        #expect(html.contains("<th scope=\"row\">أقل من 0.2%</th>"))
        #expect(html.contains("register.csv?language=ar\" download>CSV بالعربية</a>"))
        #expect(html.contains("<option value=\"moderate\">متوسطة</option>"))
        for english in ["Ranked register", "Heat map", "Downloads", "scenario</span>", "Substantial", "Confidence", "choose…"] {
            #expect(!html.contains(english), "\(english) left in English")
        }
        assertSnapshot(of: html.text, as: .lines, named: "arabic")
    }

    /// The register in Russian: decimal commas, Russian plural forms, the same structure.
    @Test func registerInRussian() async throws {
        // setup
        let page = try await RegisterPage.mock(in: .russian)
        // act
        let html = HTML(try await Pages.html(page))
        // check
        html.expectSound()
        #expect(html.contains("<html lang=\"ru\" dir=\"ltr\""))
        #expect(html.contains("<h1>Национальный реестр рисков</h1>"))
        #expect(html.contains("выполненному 2 экспертами"), "Russian instrumental plural of the assessors")
        #expect(html.contains("по ранжированию 4 сценариев"))
        #expect(html.contains("10 %–25 %–42,5 %") && html.contains("<th scope=\"row\">0,2–1 %</th>"))
        #expect(html.contains("<td>слишком мало оценок (2)</td>"))
        for english in ["Ranked register", "Heat map", "Downloads", "Substantial", "Confidence", "choose…"] {
            #expect(!html.contains(english), "\(english) left in English")
        }
        assertSnapshot(of: html.text, as: .lines, named: "russian")
    }

    /// The charts in Arabic: every text right to left and anchored by the edge it keeps against the plot; the legend read
    /// from the right; the numeric axes as in English.
    @Test func chartsInArabic() throws {
        // setup
        let register = Valdoria.roundOneRegister
        let arabic = Localizer(.arabic)
        for kind in RegisterChartKind.allCases {
            // act
            let svg = RegisterChart.draw(kind, register, localizer: arabic)
            let english = RegisterChart.draw(kind, register, localizer: .english)
            // check
            let texts = svg.matches(of: /<text [^>]*>/).map { String($0.0) }
            #expect(!texts.isEmpty && texts.allSatisfy { $0.contains("direction=\"rtl\"") }, "\(kind): every text reads right to left")
            #expect(!english.contains("direction="), "\(kind): English stays left to right")
            #expect(svg.contains("xml:lang=\"ar\"") && english.contains("xml:lang=\"en\""))
            #expect(svg.components(separatedBy: "<circle").count == english.components(separatedBy: "<circle").count)
            #expect(!svg.contains("Likelihood") && !svg.contains("rank ") && !svg.contains("Level"))
            assertSnapshot(of: svg, as: .lines, named: "\(kind)")
        }
        // the points sit where they sit in English: the plot's geometry does not mirror
        let circles = { (svg: String) in svg.matches(of: /<circle [^>]*>/).map { String($0.0) } }
        #expect(circles(RegisterChart.scatter(register, localizer: arabic)) == circles(RegisterChart.scatter(register)))
        // the band labels end against the grid: their right edge at x, which is the start of right-to-left text
        let heat = RegisterChart.heatMap(register, localizer: arabic)
        #expect(heat.contains(#"font-size="14" text-anchor="start" dominant-baseline="middle" direction="rtl">أقل من 0.2%</text>"#))
        // the legend starts at the right: "المستوى:" ends 8 px from the right edge
        #expect(
            heat.contains(#"<text x="552.0" y="417.0" font-size="14" text-anchor="start" dominant-baseline="middle" direction="rtl">المستوى:</text>"#)
        )
    }

    /// In every language the heat map's legend stays inside the chart, on more lines if its words need them, and the
    /// page's image has the chart's size.
    @Test func heatMapLegendFitsInEveryLanguage() throws {
        for language in Language.allCases {
            let t = Localizer(language)
            let layout = RegisterChart.HeatMapLayout(t)
            for entry in layout.entries {
                #expect(entry.x + 18 + RegisterChart.estimatedWidth(entry.name) <= layout.width - 8, "\(language) \(entry.name)")
            }
            let svg = RegisterChart.heatMap(Valdoria.roundOneRegister, localizer: t)
            let size = RegisterChart.heatMapSize(t)
            #expect(svg.contains("width=\"\(size.width)\" height=\"\(size.height)\""))
        }
        #expect(RegisterChart.heatMapSize(.english) == (560, 432), "English keeps its size")
    }
}
