import CTTechCore
import CTTechWeb
import Testing

@Suite("Register charts")
struct RegisterChartTests {
    @Test func textIsEscapedAndPointsSitOnTheAxes() throws {
        let hostile = ThreatScenario(
            id: "s", assessmentID: "a", title: "<script>alert('x')</script> & \"quotes\"", narrative: "", actorType: "A1", technologies: ["T01"],
            purposes: ["P1"], targetSector: "", horizonYears: 2, version: 1)
        let score = try ScoreDraft(
            fields: [
                "intent": "3", "actorCapability": "3", "technologyAccessibility": "3", "opportunity": "3", "likelihoodLow": "0.01",
                "likelihoodBest": "0.1", "likelihoodHigh": "1", "confidence": "low",
            ].merging(ImpactDimension.allCases.map { ("impact.\($0.rawValue)", "5") }) { $1 }
        ).validated(scenarioID: "s", round: 1, assessorID: "u")
        let assessment = Assessment(
            id: "a", stateID: "st", title: "t", period: "p", horizonYears: 2, methodVersion: "m", tlp: .amber, status: .draft, version: 1)
        let document = RegisterDocument(
            assessment: assessment, register: RiskRegister.compute(scenarios: [hostile], scores: [score], round: 1, otherRisks: [], draws: 50),
            basisRound: 1, draws: 50, seed: 1)
        let svg = RegisterChart.scatter(document)
        for chart in [svg, RegisterChart.rankChart(document)] {
            #expect(!chart.contains("<script"))
            #expect(chart.contains("&lt;script&gt;"))
        }
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        // best likelihood 10 %: two thirds along the log axis from 0.1 % to 100 %, 60 + 636 × 2/3 = 484; impact 5: the top (20)
        #expect(svg.contains("<circle cx=\"484.0\" cy=\"20.0\""))
        // legible anywhere (issue 8, item 10): sans-serif, no text under 14 px
        #expect(svg.contains("font-family=\"system-ui") && svg.contains("sans-serif"))
        for chart in [svg, RegisterChart.rankChart(document), RegisterChart.heatMap(document)] {
            let sizes = chart.matches(of: /font-size="(\d+)"/).compactMap { Int($0.1) }
            #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 14 })
        }
        #expect(RegisterChart.escape("a<b>&'\"") == "a&lt;b&gt;&amp;&#39;&quot;")
        // in every language: escaped, legible, the points where they are in English
        for language in Language.allCases {
            let t = Localizer(language)
            for kind in RegisterChartKind.allCases {
                let chart = RegisterChart.draw(kind, document, localizer: t)
                #expect(!chart.contains("<script"), "\(language) \(kind)")
                let sizes = chart.matches(of: /font-size="(\d+)"/).compactMap { Int($0.1) }
                #expect(!sizes.isEmpty && sizes.allSatisfy { $0 >= 14 }, "\(language) \(kind)")
            }
            #expect(RegisterChart.scatter(document, localizer: t).contains("<circle cx=\"484.0\" cy=\"20.0\""), "\(language)")
        }
    }

    /// Hand-counted: best likelihoods 0.001 (band <0.2 %), 0.03 (1–5 %), 0.03 (1–5 %), 0.5 (>25 %) with impacts 1, 3.4, 3.6, 5
    /// (rounded to 1, 3, 4, 5) fill four cells: (0,1)=1, (2,3)=1, (2,4)=1, (4,5)=1.
    @Test func heatMapCountsEachRiskInOneCell() throws {
        let assessment = Assessment(
            id: "a", stateID: "st", title: "t", period: "p", horizonYears: 2, methodVersion: "m", tlp: .amber, status: .draft, version: 1)
        let risks = try [(0.001, 1.0), (0.03, 3.4), (0.03, 3.6), (0.5, 5.0)].enumerated().map { i, pair in
            OtherRisk(
                id: "r\(i)", title: "Risk \(i)", family: "f",
                likelihood: try UncertainEstimate(low: pair.0, best: pair.0, high: pair.0, within: 0...1),
                impact: try UncertainEstimate(low: pair.1, best: pair.1, high: pair.1, within: 1...5), confidence: .moderate)
        }
        let document = RegisterDocument(
            assessment: assessment, register: RiskRegister.compute(scenarios: [], scores: [], round: 0, otherRisks: risks, draws: 20),
            basisRound: nil,
            draws: 20, seed: 1)
        let counts = RegisterChart.heatCounts(document)
        #expect(counts[0] == [1, 0, 0, 0, 0])
        #expect(counts[1] == [0, 0, 0, 0, 0])
        #expect(counts[2] == [0, 0, 1, 1, 0])
        #expect(counts[4] == [0, 0, 0, 0, 1])
        #expect(counts.joined().reduce(0, +) == risks.count)
        // The summary matrix the heat map colours by passes the consistency check.
        try RiskScale.validateMatrix(levels: RiskScale.defaultMatrix, colours: RiskScale.defaultColours)
        #expect(RegisterChart.heatMap(document).contains(">1</text>"))
    }
}
