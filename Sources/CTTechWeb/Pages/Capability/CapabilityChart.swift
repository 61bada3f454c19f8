import CTTechCore
import Foundation

/// Server-side SVG charts of steps 7–8, in the reader's language: the maturity grid (areas × enablers, colour and number
/// per cell), the gaps by priority, and the roadmap timeline. Every text is XML-escaped; each chart has a table beside it on
/// its page. They are inlined in the page (no script, no external reference).
public enum CapabilityChart {
    static let fontFamily = RegisterChart.fontFamily
    static let textSize = 14

    static func escape(_ text: String) -> String { RegisterChart.escape(text) }
    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func open(width: Double, height: Double, title: String, id: String, t: Localizer) -> String {
        """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" \
        xml:lang="\(t.language.rawValue)" role="img" aria-labelledby="\(id)" font-family="\(fontFamily)"><title id="\(id)">\(escape(title))</title>\
        <rect width="100%" height="100%" fill="#fff"/>
        """
    }

    /// `text`, cut with an ellipsis to fit `width` at the chart's text size.
    static func fitted(_ text: String, width: Double) -> String {
        if RegisterChart.estimatedWidth(text) <= width { return text }
        var cut = text
        while !cut.isEmpty && RegisterChart.estimatedWidth(cut + "…") > width { cut.removeLast() }
        return cut + "…"
    }

    /// `text` as a bidirectional isolate (FSI … PDI): it takes the direction of its first strong letter, so codes and
    /// titles in one script keep their order inside a label of the other direction.
    static func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// x of a left-to-right position in a right-to-left chart.
    static func mirror(_ x: Double, width: Double, rtl: Bool) -> Double { rtl ? width - x : x }

    /// The maturity grid: one row per area, one column per enabler, each cell coloured by level with the level written
    /// in it (and an outline where the cell has no answer yet).
    public static func grid(_ grid: MaturityGrid, framework: CapabilityFramework, localizer t: Localizer) -> String {
        let rtl = t.language.isRightToLeft
        let cell = 44.0
        let labelWidth = 88.0
        let top = 44.0
        let width = labelWidth + cell * Double(grid.enablers.count) + 8
        let height = top + cell * Double(grid.areas.count) + 40
        var svg = open(width: width, height: height, title: t("capability.chart.grid-title"), id: "grid-title", t: t)
        // Labels sit against the plot: their end is the side next to it, in either direction (with `direction="rtl"` the end
        // of a text is its left edge).
        let anchorEnd = "end"
        let dir = rtl ? " direction=\"rtl\"" : ""
        for (c, enabler) in grid.enablers.enumerated() {
            let x = mirror(labelWidth + cell * Double(c) + cell / 2, width: width, rtl: rtl)
            svg += "<text x=\"\(fmt(x))\" y=\"\(fmt(top - 14))\" font-size=\"\(textSize)\" text-anchor=\"middle\">\(escape(enabler))</text>"
        }
        for (r, area) in grid.areas.enumerated() {
            let y = top + cell * Double(r)
            let lx = mirror(labelWidth - 10, width: width, rtl: rtl)
            svg +=
                "<text x=\"\(fmt(lx))\" y=\"\(fmt(y + cell / 2 + 5))\" font-size=\"\(textSize)\" text-anchor=\"\(anchorEnd)\"\(dir)>\(escape(area))</text>"
            for (c, enabler) in grid.enablers.enumerated() {
                guard let level = grid.level(area, enabler) else { continue }
                let x0 = labelWidth + cell * Double(c)
                let x = rtl ? width - x0 - cell : x0
                let fill = CapabilityWords.levelColours[min(max(level.level, 0), 5)]
                let ink = CapabilityWords.levelInk[min(max(level.level, 0), 5)]
                let stroke = level.answered == 0 ? " stroke=\"#868e96\" stroke-dasharray=\"3 3\"" : " stroke=\"#fff\""
                let name = t(
                    "capability.chart.cell", ["area": area, "enabler": enabler, "level": String(level.level)])
                svg +=
                    "<g><title>\(escape(name))</title><rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(cell))\" height=\"\(fmt(cell))\" fill=\"\(fill)\"\(stroke)/>"
                svg +=
                    "<text x=\"\(fmt(x + cell / 2))\" y=\"\(fmt(y + cell / 2 + 5))\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"\(ink)\">\(level.level)</text></g>"
            }
        }
        // Legend: levels 0–5.
        let ly = top + cell * Double(grid.areas.count) + 12
        for level in 0...5 {
            let x0 = labelWidth + Double(level) * 36
            let x = rtl ? width - x0 - 20 : x0
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(ly))\" width=\"20\" height=\"20\" fill=\"\(CapabilityWords.levelColours[level])\" stroke=\"#adb5bd\"/>"
            svg +=
                "<text x=\"\(fmt(x + 10))\" y=\"\(fmt(ly + 15))\" font-size=\"14\" text-anchor=\"middle\" fill=\"\(CapabilityWords.levelInk[level])\">\(level)</text>"
        }
        return svg + "</svg>"
    }

    /// The gaps by priority: one bar per gap (the first `limit`), length by priority, labelled "F05 · E5 2→4".
    public static func gaps(_ priorities: [DevelopmentPriority], localizer t: Localizer, limit: Int = 15) -> String {
        let rtl = t.language.isRightToLeft
        let rows = Array(priorities.filter { $0.gap > 0 }.prefix(limit))
        let rowHeight = 26.0
        let labelWidth = 150.0
        let plot = 440.0
        let width = labelWidth + plot + 70
        let height = max(60, 20 + rowHeight * Double(rows.count) + 30)
        var svg = open(width: width, height: height, title: t("capability.chart.gaps-title"), id: "gaps-title", t: t)
        let top = rows.map(\.priority).max() ?? 1
        let dir = rtl ? " direction=\"rtl\"" : ""
        if rows.isEmpty {
            svg +=
                "<text x=\"\(fmt(width / 2))\" y=\"36\" font-size=\"\(textSize)\" text-anchor=\"middle\"\(dir)>\(escape(t("capability.chart.no-gaps")))</text>"
        }
        for (i, row) in rows.enumerated() {
            let y = 16 + rowHeight * Double(i)
            let length = top > 0 ? row.priority / top * plot : 0
            let label = isolated("\(row.area) · \(row.enabler) \(row.current)→\(row.target)")
            let lx = mirror(labelWidth - 8, width: width, rtl: rtl)
            svg +=
                "<text x=\"\(fmt(lx))\" y=\"\(fmt(y + 16))\" font-size=\"\(textSize)\" text-anchor=\"end\"\(dir)>\(escape(label))</text>"
            let x = rtl ? width - labelWidth - length : labelWidth
            svg += "<rect x=\"\(fmt(x))\" y=\"\(fmt(y + 3))\" width=\"\(fmt(max(length, 1)))\" height=\"18\" fill=\"#5c7cfa\"/>"
            let vx = rtl ? x - 6 : x + length + 6
            svg +=
                "<text x=\"\(fmt(vx))\" y=\"\(fmt(y + 16))\" font-size=\"\(textSize)\" text-anchor=\"\(rtl ? "end" : "start")\">\(escape(t.number(row.priority)))</text>"
        }
        return svg + "</svg>"
    }

    /// One bar of the timeline.
    public struct Bar: Sendable, Hashable {
        public let label: String
        public let start: CalendarDate
        public let end: CalendarDate
        public let critical: Bool
        public let dated: Bool

        public init(label: String, start: CalendarDate, end: CalendarDate, critical: Bool, dated: Bool) {
            self.label = label
            self.start = start
            self.end = end
            self.critical = critical
            self.dated = dated
        }
    }

    /// The roadmap timeline (a Gantt chart): one bar per item in dependency order from its start to its end, the critical
    /// path in a darker colour, scheduled (undated) items hatched, and a mark per year.
    public static func timeline(_ bars: [Bar], localizer t: Localizer) -> String {
        let rtl = t.language.isRightToLeft
        let rowHeight = 26.0
        let labelWidth = 290.0
        let plot = 540.0
        let width = labelWidth + plot + 20
        let height = max(70, 40 + rowHeight * Double(bars.count) + 10)
        var svg = open(width: width, height: height, title: t("roadmap.chart.timeline-title"), id: "timeline-title", t: t)
        svg +=
            "<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"3\" height=\"6\" fill=\"#adb5bd\"/></pattern></defs>"
        guard let first = bars.map(\.start).min(), let last = bars.map(\.end).max() else {
            return svg
                + "<text x=\"\(fmt(width / 2))\" y=\"40\" font-size=\"\(textSize)\" text-anchor=\"middle\">\(escape(t("roadmap.empty")))</text></svg>"
        }
        let span = Double(max(last.daysSinceEpoch - first.daysSinceEpoch + 1, 1))
        func x(_ date: CalendarDate) -> Double {
            let offset = labelWidth + Double(date.daysSinceEpoch - first.daysSinceEpoch) / span * plot
            return mirror(offset, width: width, rtl: rtl)
        }
        let dir = rtl ? " direction=\"rtl\"" : ""
        // The first year is named at the start of the axis when its 1 January is before the first item.
        if let january = CalendarDate(String(format: "%04d-01-01", first.year + 1)),
            abs(x(january) - x(first)) > 48 || first.month == 1 && first.day == 1
        {
            svg += "<text x=\"\(fmt(x(first)))\" y=\"18\" font-size=\"\(textSize)\" text-anchor=\"start\"\(dir)>\(first.year)</text>"
        }
        for year in (first.year + 1)...(last.year + 1) {
            guard let mark = CalendarDate(String(format: "%04d-01-01", year)), mark >= first, mark <= last else { continue }
            let mx = x(mark)
            svg += "<line x1=\"\(fmt(mx))\" y1=\"24\" x2=\"\(fmt(mx))\" y2=\"\(fmt(height - 6))\" stroke=\"#dee2e6\"/>"
            svg += "<text x=\"\(fmt(mx))\" y=\"18\" font-size=\"\(textSize)\" text-anchor=\"middle\">\(year)</text>"
        }
        for (i, bar) in bars.enumerated() {
            let y = 30 + rowHeight * Double(i)
            let lx = mirror(labelWidth - 8, width: width, rtl: rtl)
            // The width is estimated and runs short of what a browser draws: leave a fifth spare so no label runs off the
            // chart's edge. The label is isolated so a title in the other direction keeps its number beside it.
            let label = isolated(fitted(bar.label, width: (labelWidth - 16) * 0.8))
            svg +=
                "<text x=\"\(fmt(lx))\" y=\"\(fmt(y + 16))\" font-size=\"\(textSize)\" text-anchor=\"end\"\(dir)>\(escape(label))</text>"
            let a = x(bar.start)
            let b = x(CalendarDate(epochMilliseconds: bar.end.epochMilliseconds + 86_400_000))
            let fill = bar.dated ? (bar.critical ? "#c92a2a" : "#5c7cfa") : "url(#hatch)"
            let stroke = bar.critical ? " stroke=\"#c92a2a\" stroke-width=\"2\"" : ""
            svg +=
                "<rect x=\"\(fmt(min(a, b)))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(max(abs(b - a), 2)))\" height=\"16\" fill=\"\(fill)\"\(stroke)><title>\(escape(bar.label + ": " + bar.start.description + " – " + bar.end.description))</title></rect>"
        }
        return svg + "</svg>"
    }
}
