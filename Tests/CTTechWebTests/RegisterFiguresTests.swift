import Testing

@testable import CTTechWeb

@Suite("Numbers and labels of the register (issue 8, item 10)")
struct RegisterFiguresTests {
    /// Two risks at the same spot once printed their rank numbers over each other.
    @Test func labelsOfPointsOnTheSameSpotDoNotOverlap() {
        var placed: [(x: Double, y: Double, w: Double)] = []
        let spots = (0..<6).map { _ in RegisterChart.labelPosition(near: (300, 200), width: 20, avoiding: &placed) }
        for (i, a) in spots.enumerated() {
            for b in spots[(i + 1)...] {
                #expect(!(abs(a.1 - b.1) < 15 && a.0 < b.0 + 20 && b.0 < a.0 + 20), "\(a) and \(b) overlap")
            }
        }
    }

    /// Every percentage with one decimal at most, and a tiny probability never shown as 0 %.
    @Test func percentagesHaveOneDecimal() {
        #expect(percent(0.425) == "42.5 %")
        #expect(percent(0.05) == "5 %")
        #expect(percent(0.0306) == "3.1 %")
        #expect(percent(0.99944) == "99.9 %")
        #expect(percent(1) == "100 %")
        #expect(percent(0) == "0 %")
        #expect(percent(0.0001) == "< 0.1 %")
    }
}
