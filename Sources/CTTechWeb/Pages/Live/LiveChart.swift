import CTTechCore
import Foundation

/// Server-side SVG charts of live results (issue 12), in the reader's language: the spread of one item's answers as a
/// dot plot with its interquartile box and median, a ranking's bars by mean rank, and the 2 × 2 of likelihood × impact
/// with each item's median and interquartile whiskers. Every text is XML-escaped; the page puts a table beside each.
public enum LiveChart {
    static let textSize = 14

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }
    static func escape(_ text: String) -> String { RegisterChart.escape(text) }
    static func isolated(_ text: String) -> String { CapabilityChart.isolated(text) }
    static func mirror(_ x: Double, width: Double, rtl: Bool) -> Double { CapabilityChart.mirror(x, width: width, rtl: rtl) }

    /// The answers to one item on a scale from `range`: one dot per answer (equal answers stacked), the interquartile
    /// range as a box and the median as a line; the scale's end points and middle are labelled.
    public static func dotPlot(
        values: [Double], summary: RatingSummary?, range: ClosedRange<Double>, title: String, id: String, t: Localizer
    ) -> String {
        let rtl = t.language.isRightToLeft
        let width = 480.0
        let left = 24.0
        let right = width - 24
        var counts: [Double: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        let tallest = counts.values.max() ?? 1
        let dot = 10.0
        let plotTop = 30.0
        let base = plotTop + Double(min(tallest, 12)) * dot + 8
        let height = base + 40
        func x(_ value: Double) -> Double {
            let span = max(range.upperBound - range.lowerBound, 1e-9)
            return mirror(left + (value - range.lowerBound) / span * (right - left), width: width, rtl: rtl)
        }
        var svg = open(width: width, height: height, title: title, id: id, t: t)
        if let summary {
            let a = x(summary.lowerQuartile)
            let b = x(summary.upperQuartile)
            svg +=
                "<rect x=\"\(fmt(min(a, b)))\" y=\"\(fmt(plotTop - 6))\" width=\"\(fmt(max(abs(b - a), 2)))\" height=\"\(fmt(base - plotTop + 6))\" "
            svg += "fill=\"#dbe7f3\" stroke=\"#1f4e79\"/>"
            let m = x(summary.median)
            svg += "<line x1=\"\(fmt(m))\" x2=\"\(fmt(m))\" y1=\"\(fmt(plotTop - 10))\" y2=\"\(fmt(base))\" stroke=\"#1f4e79\" stroke-width=\"3\"/>"
        }
        svg += "<line x1=\"\(fmt(x(range.lowerBound)))\" x2=\"\(fmt(x(range.upperBound)))\" y1=\"\(fmt(base))\" y2=\"\(fmt(base))\" stroke=\"#333\"/>"
        for (value, count) in counts.sorted(by: { $0.key < $1.key }) {
            for k in 0..<min(count, 12) {
                svg += "<circle r=\"4.5\" cx=\"\(fmt(x(value)))\" cy=\"\(fmt(base - 6 - Double(k) * dot))\" fill=\"#333\"/>"
            }
            if count > 12 {
                svg +=
                    "<text x=\"\(fmt(x(value)))\" y=\"\(fmt(plotTop - 12))\" font-size=\"\(textSize)\" text-anchor=\"middle\">+\(count - 12)</text>"
            }
        }
        for tick in [range.lowerBound, (range.lowerBound + range.upperBound) / 2, range.upperBound] {
            svg +=
                "<text x=\"\(fmt(x(tick)))\" y=\"\(fmt(base + 22))\" font-size=\"\(textSize)\" text-anchor=\"middle\">\(escape(t.number(tick, fractionDigits: tick == tick.rounded() ? 0 : 1)))</text>"
        }
        return svg + "</svg>"
    }

    /// A ranking: one bar per item, longer for a better (lower) mean rank, with the mean rank written at its end.
    public static func ranking(_ ranking: LiveRanking, labels: [String: String], id: String, t: Localizer) -> String {
        let rtl = t.language.isRightToLeft
        let width = 560.0
        let labelWidth = 220.0
        let row = 30.0
        let height = 24 + row * Double(ranking.items.count) + 8
        let worst = Double(max(ranking.items.count, 1) + 1)
        let span = width - labelWidth - 70
        var svg = open(width: width, height: height, title: t("live.chart.ranking-title"), id: id, t: t)
        let dir = rtl ? " direction=\"rtl\"" : ""
        for (i, item) in ranking.items.enumerated() {
            let y = 16 + row * Double(i)
            let length = max(2, (worst - item.meanRank) / max(worst - 1, 1) * span)
            let x0 = labelWidth
            let bx = rtl ? width - x0 - length : x0
            svg += "<rect x=\"\(fmt(bx))\" y=\"\(fmt(y))\" width=\"\(fmt(length))\" height=\"20\" fill=\"#1f4e79\"/>"
            // The width estimate runs short on some fonts: leave a margin so a label never leaves the chart.
            let label = fitted(labels[item.key] ?? item.key, width: (labelWidth - 16) * 0.78)
            svg +=
                "<text x=\"\(fmt(mirror(labelWidth - 8, width: width, rtl: rtl)))\" y=\"\(fmt(y + 15))\" font-size=\"\(textSize)\" text-anchor=\"end\"\(dir)>"
            svg += escape(isolated(label)) + "</text>"
            let valueX = mirror(labelWidth + length + 6, width: width, rtl: rtl)
            svg += "<text x=\"\(fmt(valueX))\" y=\"\(fmt(y + 15))\" font-size=\"\(textSize)\" text-anchor=\"start\"\(dir)>"
            svg += escape(t.number(item.meanRank, fractionDigits: 1)) + "</text>"
        }
        return svg + "</svg>"
    }

    /// The 2 × 2: likelihood across, impact up, split at 50; each item is its median point with whiskers over its
    /// interquartile ranges, numbered as in the table beside it.
    public static func matrix(_ items: [(number: Int, likelihood: RatingSummary, impact: RatingSummary)], id: String, t: Localizer) -> String {
        let rtl = t.language.isRightToLeft
        let size = 360.0
        let pad = 40.0
        let plot = size - 2 * pad
        func x(_ v: Double) -> Double { mirror(pad + v / 100 * plot, width: size, rtl: rtl) }
        func y(_ v: Double) -> Double { size - pad - v / 100 * plot }
        var svg = open(width: size, height: size, title: t("live.chart.matrix-title"), id: id, t: t)
        svg += "<rect x=\"\(fmt(pad))\" y=\"\(fmt(pad))\" width=\"\(fmt(plot))\" height=\"\(fmt(plot))\" fill=\"none\" stroke=\"#333\"/>"
        svg +=
            "<line x1=\"\(fmt(x(50)))\" x2=\"\(fmt(x(50)))\" y1=\"\(fmt(pad))\" y2=\"\(fmt(size - pad))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
        svg +=
            "<line x1=\"\(fmt(pad))\" x2=\"\(fmt(size - pad))\" y1=\"\(fmt(y(50)))\" y2=\"\(fmt(y(50)))\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>"
        svg +=
            "<text x=\"\(fmt(size / 2))\" y=\"\(fmt(size - 10))\" font-size=\"\(textSize)\" text-anchor=\"middle\">\(escape(t("live.chart.likelihood")))</text>"
        svg += "<text x=\"14\" y=\"\(fmt(size / 2))\" font-size=\"\(textSize)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(fmt(size / 2)))\">"
        svg += escape(t("live.chart.impact")) + "</text>"
        for item in items {
            let cx = x(item.likelihood.median)
            let cy = y(item.impact.median)
            svg +=
                "<line x1=\"\(fmt(x(item.likelihood.lowerQuartile)))\" x2=\"\(fmt(x(item.likelihood.upperQuartile)))\" y1=\"\(fmt(cy))\" y2=\"\(fmt(cy))\" stroke=\"#1f4e79\"/>"
            svg +=
                "<line x1=\"\(fmt(cx))\" x2=\"\(fmt(cx))\" y1=\"\(fmt(y(item.impact.lowerQuartile)))\" y2=\"\(fmt(y(item.impact.upperQuartile)))\" stroke=\"#1f4e79\"/>"
            svg += "<circle r=\"11\" cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" fill=\"#1f4e79\"/>"
            svg += "<text x=\"\(fmt(cx))\" y=\"\(fmt(cy + 5))\" font-size=\"\(textSize)\" text-anchor=\"middle\" fill=\"#fff\">\(item.number)</text>"
        }
        return svg + "</svg>"
    }

    static func open(width: Double, height: Double, title: String, id: String, t: Localizer) -> String {
        CapabilityChart.open(width: width, height: height, title: title, id: id, t: t)
    }

    static func fitted(_ text: String, width: Double) -> String { CapabilityChart.fitted(text, width: width) }
}
