import CTTechCore
import Foundation

/// Server-side SVG charts of the register, in the reader's language. Every text is XML-escaped; the SVG has no script and
/// is served as an image.
///
/// Right to left (Arabic): the plots keep their geometry — likelihood and rank grow to the right, impact upwards, as
/// numeric axes do in the region's official documents — while every text carries `direction="rtl"` and is anchored by
/// the edge it must keep: a label that ends against the plot starts there in Arabic (`text-anchor="start"` with
/// `direction="rtl"` puts its right edge at x). The heat map's colour legend is mirrored, read from the right. Titles
/// typed by people are isolated (U+2068…U+2069) so a Latin title in an Arabic chart, or the reverse, keeps its own order.
public enum RegisterChart {
    /// Draws one kind of chart of a register (live register and snapshots alike) in `localizer`'s language.
    public static func draw(_ kind: RegisterChartKind, _ register: RegisterDocument, localizer: Localizer) -> String {
        switch kind {
        case .scatter: scatter(register, localizer: localizer)
        case .heatMap: heatMap(register, localizer: localizer)
        case .ranks: rankChart(register, localizer: localizer)
        }
    }

    static let width = 720.0
    static let height = 420.0
    static let margin = (left: 60.0, right: 24.0, top: 20.0, bottom: 56.0)
    /// Every chart text is sans-serif at 14 px or more at its natural size (issue 8, item 10); pages show the charts at
    /// that size and let them scroll sideways on a narrow screen rather than shrink them below legibility.
    /// The system's interface face, which has Arabic, Chinese and Cyrillic glyphs on every current system.
    static let fontFamily = "system-ui, -apple-system, sans-serif"
    static let textSize = 14
    /// Likelihood axis: 0.1 % to 100 %, logarithmic like the likelihood bands.
    static let logMin = -3.0
    static let logMax = 0.0

    static func x(_ probability: Double) -> Double {
        let clamped = min(max(log10(max(probability, 1e-9)), logMin), logMax)
        return margin.left + (clamped - logMin) / (logMax - logMin) * (width - margin.left - margin.right)
    }

    static func y(_ impact: Double) -> Double {
        let clamped = min(max(impact, 1), 5)
        return height - margin.bottom - (clamped - 1) / 4 * (height - margin.top - margin.bottom)
    }

    /// Which edge of a text sits at its x, on the page whatever the script's direction.
    enum Edge {
        case left, middle, right
    }

    /// Writes the texts of one chart for one language's direction.
    struct Writer {
        let t: Localizer
        var rtl: Bool { t.language.isRightToLeft }

        /// A `<text>` element whose `edge` is at x: `text-anchor` names the start or the end of the text in its own
        /// direction, so the same edge needs `end` in English and `start` in Arabic. `content` is already escaped.
        func text(_ x: Double, _ y: Double, _ edge: Edge = .left, size: Int = textSize, attributes: String = "", _ content: String) -> String {
            let anchor: String
            switch (edge, rtl) {
            case (.middle, _): anchor = " text-anchor=\"middle\""
            case (.left, false): anchor = ""
            case (.right, false), (.left, true): anchor = " text-anchor=\"end\""
            case (.right, true): anchor = " text-anchor=\"start\""
            }
            let direction = rtl ? " direction=\"rtl\"" : ""
            return "<text x=\"\(fmt(x))\" y=\"\(fmt(y))\" font-size=\"\(size)\"\(anchor)\(attributes)\(direction)>\(content)</text>"
        }

        /// The opening of a chart: its size, language, accessible title and white background.
        func open(width: Double, height: Double, title: String) -> String {
            """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" \
            xml:lang="\(t.language.rawValue)" role="img" aria-labelledby="t" font-family="\(fontFamily)"><title id="t">\(escape(title))</title>
            <rect width="100%" height="100%" fill="#fff"/>
            """
        }

        /// "3. Title", the title isolated in its own direction.
        func rankLabel(_ rank: Int, _ title: String) -> String {
            t("register.chart.rank-label", ["rank": String(rank), "title": isolated(title)])
        }
    }

    /// Text typed by people, isolated from the direction around it (FSI … PDI).
    static func isolated(_ text: String) -> String { "\u{2068}" + text + "\u{2069}" }

    /// NRR-style likelihood × impact scatter: a point at the best estimates, whiskers from low to high on both axes,
    /// labelled with the median rank.
    public static func scatter(_ register: RegisterDocument, localizer t: Localizer = .english) -> String {
        let w = Writer(t: t)
        var svg = w.open(width: width, height: height, title: t("register.chart.scatter-title", count: register.entries.count))
        for p in [0.001, 0.002, 0.01, 0.05, 0.25, 1.0] {
            let px = fmt(x(p))
            svg += "<line x1=\"\(px)\" y1=\"\(fmt(margin.top))\" x2=\"\(px)\" y2=\"\(fmt(height - margin.bottom))\" stroke=\"#d0d7de\"/>"
            svg += w.text(x(p), height - margin.bottom + 16, .middle, attributes: " fill=\"#57606a\"", escape(t.percent(p)))
        }
        for impact in 1...5 {
            let py = fmt(y(Double(impact)))
            svg += "<line x1=\"\(fmt(margin.left))\" y1=\"\(py)\" x2=\"\(fmt(width - margin.right))\" y2=\"\(py)\" stroke=\"#d0d7de\"/>"
            svg += w.text(
                margin.left - 8, y(Double(impact)), .right, attributes: " dominant-baseline=\"middle\" fill=\"#57606a\"", t.number(Double(impact)))
        }
        svg += w.text(width / 2, height - 8, .middle, escape(t("register.chart.likelihood-axis")))
        svg += w.text(
            14, height / 2, .middle, attributes: " transform=\"rotate(-90 14 \(fmt(height / 2)))\"", escape(t("register.chart.impact-axis")))
        var placed: [(x: Double, y: Double, w: Double)] = []
        for entry in register.entries {
            let colour = entry.kind == RiskRegister.Kind.scenario.rawValue ? "#0b5cad" : "#8250df"
            let (cx, cy) = (x(entry.likelihood.best), y(entry.impact.best))
            svg += "<g><title>\(escape(w.rankLabel(entry.medianRank, entry.title)))</title>"
            svg +=
                "<line x1=\"\(fmt(x(entry.likelihood.low)))\" y1=\"\(fmt(cy))\" x2=\"\(fmt(x(entry.likelihood.high)))\" y2=\"\(fmt(cy))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\"/>"
            svg +=
                "<line x1=\"\(fmt(cx))\" y1=\"\(fmt(y(entry.impact.low)))\" x2=\"\(fmt(cx))\" y2=\"\(fmt(y(entry.impact.high)))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\"/>"
            svg += shape("circle", ["cx": fmt(cx), "cy": fmt(cy), "r": "5", "fill": colour])
            let label = "\(entry.medianRank)"
            let (lx, ly) = labelPosition(near: (cx, cy), width: Double(label.count) * 9 + 2, avoiding: &placed)
            svg += w.text(lx, ly, .left, attributes: " font-weight=\"bold\"", label) + "</g>"
        }
        return svg + "</svg>"
    }

    /// Where a point's rank label goes: the first of eight places around the point whose box does not overlap a label
    /// already placed (labels of points on the same spot stack instead of printing over each other). The place is the
    /// label's left edge, in every language.
    static func labelPosition(
        near point: (Double, Double), width: Double, avoiding placed: inout [(x: Double, y: Double, w: Double)]
    ) -> (
        Double, Double
    ) {
        let (cx, cy) = point
        let candidates = [
            (7.0, -7.0), (7.0, 17.0), (-7.0 - width, -7.0), (-7.0 - width, 17.0), (7.0, -23.0), (7.0, 33.0), (-7.0 - width, -23.0),
            (-7.0 - width, 33.0),
        ]
        func overlaps(_ x: Double, _ y: Double) -> Bool {
            placed.contains { abs($0.y - y) < 15 && x < $0.x + $0.w && $0.x < x + width }
        }
        let chosen = candidates.map { (cx + $0.0, cy + $0.1) }.first { !overlaps($0.0, $0.1) } ?? (cx + 7, cy - 7 - 16 * Double(placed.count % 4))
        placed.append((chosen.0, chosen.1, width))
        return chosen
    }

    /// A rough width of a text at `size` px in a sans-serif face, to lay out labels and legends without measuring: wide
    /// enough for Chinese (one em a character), Cyrillic, Arabic and Latin.
    static func estimatedWidth(_ text: String, size: Double = Double(textSize)) -> Double {
        let narrow = Set("iljtfrI.,:;!|' ()".unicodeScalars)
        return text.unicodeScalars.reduce(0) { total, scalar in
            let em: Double
            if scalar.value >= 0x2E80 && scalar.value < 0xFE00 || scalar.value >= 0xFF00 && scalar.value < 0xFFF0 {
                em = 1
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.isDefaultIgnorableCodePoint {
                em = 0
            } else if narrow.contains(scalar) {
                em = 0.3
            } else if scalar.properties.isUppercase || "mwMW%".unicodeScalars.contains(scalar) {
                em = 0.65
            } else {
                em = 0.52
            }
            return total + em * size
        }
    }

    /// The heat map's measures in one language: the band labels' column and the legend's lines decide its size.
    struct HeatMapLayout {
        static let cell = 64.0
        static let top = 16.0
        let left: Double
        let width: Double
        let height: Double
        /// The legend's first line, and each entry's swatch x and line (left to right, before any mirroring).
        let legendY: Double
        let levelLabel: String
        let entries: [(name: String, x: Double, line: Int)]

        init(_ t: Localizer) {
            let labels = LikelihoodBand.allCases.map { RegisterWords.likelihoodBand($0, t) }
            left = max(150, (labels.map { estimatedWidth($0) }.max() ?? 0) + 24)
            width = max(left + Self.cell * 5 + 16, 560)
            levelLabel = t("register.chart.level")
            let first = max(60, 8 + estimatedWidth(levelLabel) + 12)
            var placed: [(name: String, x: Double, line: Int)] = []
            var (x, line) = (first, 0)
            for band in ThreatBand.allCases {
                let name = RegisterWords.threatBand(band, t)
                let needed = 18 + estimatedWidth(name)
                if x > first && x + needed > width - 8 { (x, line) = (first, line + 1) }
                placed.append((name, x, line))
                x += max(98, needed + 8)
            }
            entries = placed
            let lines = (placed.last?.line ?? 0) + 1
            height = Self.top + Self.cell * 5 + 96 + 24 * Double(lines - 1)
            legendY = Self.top + Self.cell * 5 + 74
        }
    }

    /// The heat map's width and height in `localizer`'s language, for the page's `<img>`.
    public static func heatMapSize(_ localizer: Localizer) -> (width: Int, height: Int) {
        let layout = HeatMapLayout(localizer)
        return (Int(layout.width), Int(layout.height))
    }

    /// The heat map (a summary only, DOMAIN.md §4): how many risks fall in each likelihood band × impact cell, coloured by
    /// the default matrix's level. Impact is the best estimate rounded to the nearest whole level.
    public static func heatMap(_ register: RegisterDocument, localizer t: Localizer = .english) -> String {
        let counts = heatCounts(register)
        let layout = HeatMapLayout(t)
        let (cell, top, left, w) = (HeatMapLayout.cell, HeatMapLayout.top, layout.left, layout.width)
        let writer = Writer(t: t)
        var svg = writer.open(width: w, height: layout.height, title: t("register.chart.heat-map-title"))
        for (row, band) in LikelihoodBand.allCases.enumerated() {
            let y = top + cell * Double(4 - row)
            svg += writer.text(
                left - 8, y + cell / 2, .right, attributes: " dominant-baseline=\"middle\"", escape(RegisterWords.likelihoodBand(band, t)))
            for impact in 1...5 {
                let x = left + cell * Double(impact - 1)
                let level = RiskScale.defaultMatrix[row][impact - 1]
                let n = counts[row][impact - 1]
                svg += shape(
                    "rect",
                    ["x": fmt(x), "y": fmt(y), "width": fmt(cell - 2), "height": fmt(cell - 2), "fill": RiskScale.defaultColours[level] ?? "#fff"])
                if n > 0 {
                    svg += writer.text(
                        x + cell / 2 - 1, y + cell / 2, .middle, size: 16, attributes: " font-weight=\"bold\" dominant-baseline=\"middle\"",
                        t.number(Double(n)))
                }
            }
        }
        for impact in 1...5 {
            svg += writer.text(left + cell * (Double(impact) - 0.5) - 1, top + cell * 5 + 16, .middle, t.number(Double(impact)))
        }
        svg += writer.text(left + cell * 2.5, top + cell * 5 + 40, .middle, escape(t("register.chart.heat-map-impact")))
        // The colour legend: each level with its name, lowest first, read from the left — or from the right in Arabic.
        let rtl = writer.rtl
        func mirrored(_ x: Double) -> Double { rtl ? w - x : x }
        svg += writer.text(
            mirrored(8), layout.legendY + 7, rtl ? .right : .left, attributes: " dominant-baseline=\"middle\"", escape(layout.levelLabel))
        for (index, entry) in layout.entries.enumerated() {
            let y = layout.legendY + 24 * Double(entry.line)
            let swatch = rtl ? w - entry.x - 14 : entry.x
            svg += shape(
                "rect",
                [
                    "x": fmt(swatch), "y": fmt(y), "width": "14", "height": "14", "fill": RiskScale.defaultColours[index + 1] ?? "#fff",
                    "stroke": "#57606a",
                ])
            svg += writer.text(mirrored(entry.x + 18), y + 7, rtl ? .right : .left, attributes: " dominant-baseline=\"middle\"", escape(entry.name))
        }
        return svg + "</svg>"
    }

    /// counts[likelihood band][impact − 1].
    public static func heatCounts(_ register: RegisterDocument) -> [[Int]] {
        var counts = Array(repeating: Array(repeating: 0, count: 5), count: 5)
        for entry in register.entries {
            let row = LikelihoodBand.allCases.firstIndex(of: LikelihoodBand.band(for: entry.likelihood.best)) ?? 0
            let column = min(max(Int(entry.impact.best.rounded()), 1), 5) - 1
            counts[row][column] += 1
        }
        return counts
    }

    /// Rank chart: one line per risk from its 10th to its 90th percentile rank, a dot at the median rank. The risks'
    /// names end against the plot in every language.
    public static func rankChart(_ register: RegisterDocument, localizer t: Localizer = .english) -> String {
        let n = max(register.entries.count, 1)
        let rowHeight = 22.0
        let (left, right, top) = (300.0, 24.0, 30.0)
        let w = 720.0
        let h = top + rowHeight * Double(register.entries.count) + 16
        func x(_ rank: Int) -> Double { left + (Double(rank) - 1) / Double(max(n - 1, 1)) * (w - left - right) }
        let writer = Writer(t: t)
        var svg = writer.open(width: w, height: h, title: t("register.chart.ranks-title"))
        for rank in Set([1, (n + 1) / 2, n]).sorted() {
            svg += writer.text(x(rank), 14, .middle, attributes: " fill=\"#57606a\"", escape(t("register.chart.rank-tick", ["rank": String(rank)])))
            svg += "<line x1=\"\(fmt(x(rank)))\" y1=\"20\" x2=\"\(fmt(x(rank)))\" y2=\"\(fmt(h - 8))\" stroke=\"#d0d7de\"/>"
        }
        for (i, entry) in register.entries.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            let colour = entry.kind == RiskRegister.Kind.scenario.rawValue ? "#0b5cad" : "#8250df"
            let short = entry.title.count > 34 ? String(entry.title.prefix(33)) + "…" : entry.title
            let tooltip = t(
                "register.chart.rank-tooltip",
                ["title": isolated(entry.title), "median": String(entry.medianRank), "low": String(entry.rankLow), "high": String(entry.rankHigh)])
            svg += "<g><title>\(escape(tooltip))</title>"
            svg += writer.text(left - 8, y, .right, attributes: " dominant-baseline=\"middle\"", escape(writer.rankLabel(entry.medianRank, short)))
            svg +=
                "<line x1=\"\(fmt(x(entry.rankLow)))\" y1=\"\(fmt(y))\" x2=\"\(fmt(x(entry.rankHigh)))\" y2=\"\(fmt(y))\" stroke=\"\(colour)\" stroke-width=\"3\" stroke-opacity=\"0.5\"/>"
            svg += shape("circle", ["cx": fmt(x(entry.medianRank)), "cy": fmt(y), "r": "4", "fill": colour]) + "</g>"
        }
        return svg + "</svg>"
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    /// An empty SVG element with its attributes in order: `<circle cx="1.0" …/>`.
    static func shape(_ name: String, _ attributes: KeyValuePairs<String, String>) -> String {
        "<" + name + attributes.map { " \($0.key)=\"\(escape($0.value))\"" }.joined() + "/>"
    }

    /// XML escaping for text and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
