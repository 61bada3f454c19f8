import CTTechCore
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

    /// Every percentage with one decimal at most, and a tiny probability never shown as 0 %; the same rule in every
    /// language, with its own decimal separator.
    @Test func percentagesHaveOneDecimal() {
        let t = Localizer.english
        #expect(t.percent(0.425) == "42.5 %")
        #expect(t.percent(0.05) == "5 %")
        #expect(t.percent(0.0306) == "3.1 %")
        #expect(t.percent(0.99944) == "99.9 %")
        #expect(t.percent(1) == "100 %")
        #expect(t.percent(0) == "0 %")
        #expect(t.percent(0.0001) == "< 0.1 %")
        #expect(Localizer(.french).percent(0.425) == "42,5 %" && Localizer(.arabic).percent(0.425) == "42.5%")
    }

    /// A text anchored by its right edge is `end` in English and `start` in Arabic (where the start of the text is its
    /// right edge); a text anchored by its left edge the other way round; a centred text is centred in both.
    @Test func chartTextsAreAnchoredByTheEdgeTheyKeep() {
        let english = RegisterChart.Writer(t: .english)
        let arabic = RegisterChart.Writer(t: Localizer(.arabic))
        #expect(english.text(10, 20, .right, "x") == #"<text x="10.0" y="20.0" font-size="14" text-anchor="end">x</text>"#)
        #expect(arabic.text(10, 20, .right, "x") == #"<text x="10.0" y="20.0" font-size="14" text-anchor="start" direction="rtl">x</text>"#)
        #expect(english.text(10, 20, .left, "x") == #"<text x="10.0" y="20.0" font-size="14">x</text>"#)
        #expect(arabic.text(10, 20, .left, "x") == #"<text x="10.0" y="20.0" font-size="14" text-anchor="end" direction="rtl">x</text>"#)
        #expect(arabic.text(10, 20, .middle, "x").contains(#"text-anchor="middle" direction="rtl""#))
    }

    /// A title typed by a person keeps its own direction inside a chart of the other direction.
    @Test func titlesAreIsolatedInCharts() {
        let label = RegisterChart.Writer(t: Localizer(.arabic)).rankLabel(3, "Drone swarm 2026")
        #expect(label == "3. \u{2068}Drone swarm 2026\u{2069}")
    }
}
