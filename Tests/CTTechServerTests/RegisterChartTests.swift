import CTTechCore
import CTTechWeb
import Testing

@Suite("Register charts")
struct RegisterChartTests {
    @Test func textIsEscapedAndPointsSitOnTheAxes() throws {
        let hostile = ThreatScenario(
            id: "s", assessmentID: "a", title: "<script>alert('x')</script> & \"quotes\"", narrative: "", actorType: "A1", technologies: ["T01"],
            purposes: ["P1"], targetSector: "", version: 1)
        let score = try ScoreDraft(
            fields: [
                "intent": "3", "actorCapability": "3", "technologyAccessibility": "3", "opportunity": "3", "likelihoodLow": "0.01",
                "likelihoodBest": "0.1", "likelihoodHigh": "1", "confidence": "low",
            ].merging(ImpactDimension.allCases.map { ("impact.\($0.rawValue)", "5") }) { $1 }
        ).validated(scenarioID: "s", round: 1, assessorID: "u")
        let svg = RegisterChart.scatter(RiskRegister.compute(scenarios: [hostile], scores: [score], round: 1, otherRisks: [], draws: 50))
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        // best likelihood 10 %: two thirds along the log axis from 0.1 % to 100 %, 56 + 648 × 2/3 = 488; impact 5: the top (16)
        #expect(svg.contains("<circle cx=\"488.0\" cy=\"16.0\""))
        #expect(RegisterChart.escape("a<b>&'\"") == "a&lt;b&gt;&amp;&#39;&quot;")
    }
}
