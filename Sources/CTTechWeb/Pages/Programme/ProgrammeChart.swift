import CTTechCore
import Foundation

/// The programme dashboards' chart (issue 13): the share of women among participants against the 30 % target, one bar per
/// year and one for all years, drawn only from published counts (a year whose women or declared total is suppressed has
/// no bar, and says so). Every text is XML-escaped; the page shows the same figures in a table beside it.
enum ProgrammeChart {
    struct Bar: Sendable {
        let label: String
        /// nil: not published (a count behind it is suppressed).
        let share: Double?
    }

    static func womenShare(_ bars: [Bar], target: Double, localizer t: Localizer) -> String {
        let rtl = t.language.isRightToLeft
        let labelWidth = 120.0
        let plot = 360.0
        let row = 30.0
        let top = 30.0
        let width = labelWidth + plot + 70
        let height = top + row * Double(bars.count) + 30
        var svg = CapabilityChart.open(width: width, height: height, title: t("programme.chart.women-title"), id: "women-title", t: t)
        func x(_ share: Double) -> Double { labelWidth + plot * min(max(share, 0), 1) }
        let dir = rtl ? " direction=\"rtl\"" : ""
        for (index, bar) in bars.enumerated() {
            let y = top + row * Double(index)
            let lx = CapabilityChart.mirror(labelWidth - 8, width: width, rtl: rtl)
            svg += "<text x=\"\(CapabilityChart.fmt(lx))\" y=\"\(CapabilityChart.fmt(y + 19))\" font-size=\"14\" text-anchor=\"end\"\(dir)>"
            svg += CapabilityChart.escape(CapabilityChart.fitted(bar.label, width: labelWidth - 12)) + "</text>"
            if let share = bar.share {
                let x0 = rtl ? width - x(share) : labelWidth
                let barWidth = x(share) - labelWidth
                let colour = share >= target ? "#2b8a3e" : "#c92a2a"
                svg +=
                    "<rect x=\"\(CapabilityChart.fmt(x0))\" y=\"\(CapabilityChart.fmt(y + 5))\" width=\"\(CapabilityChart.fmt(barWidth))\" height=\"20\" fill=\"\(colour)\"/>"
                let tx = CapabilityChart.mirror(x(share) + 6, width: width, rtl: rtl)
                svg +=
                    "<text x=\"\(CapabilityChart.fmt(tx))\" y=\"\(CapabilityChart.fmt(y + 19))\" font-size=\"14\"\(dir)>\(CapabilityChart.escape(t.percent(share)))</text>"
            } else {
                let tx = CapabilityChart.mirror(labelWidth + 6, width: width, rtl: rtl)
                svg += "<text x=\"\(CapabilityChart.fmt(tx))\" y=\"\(CapabilityChart.fmt(y + 19))\" font-size=\"13\" fill=\"#495057\"\(dir)>"
                svg += CapabilityChart.escape(t("programme.chart.suppressed")) + "</text>"
            }
        }
        let tx = CapabilityChart.mirror(x(target), width: width, rtl: rtl)
        let bottom = top + row * Double(bars.count)
        svg +=
            "<line x1=\"\(CapabilityChart.fmt(tx))\" y1=\"\(CapabilityChart.fmt(top - 4))\" x2=\"\(CapabilityChart.fmt(tx))\" y2=\"\(CapabilityChart.fmt(bottom + 4))\" stroke=\"#1c7ed6\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>"
        svg +=
            "<text x=\"\(CapabilityChart.fmt(tx))\" y=\"\(CapabilityChart.fmt(bottom + 20))\" font-size=\"13\" text-anchor=\"middle\" fill=\"#1864ab\">"
        svg += CapabilityChart.escape(t("programme.chart.target", ["share": t.percent(target)])) + "</text></svg>"
        return svg
    }
}
