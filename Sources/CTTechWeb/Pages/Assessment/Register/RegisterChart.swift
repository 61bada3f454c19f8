import CTTechCore
import Foundation

/// Server-side SVG charts of the register. Every text is XML-escaped; the SVG has no script and is served as an image.
public enum RegisterChart {
    /// Draws one kind of chart of a register (live register and snapshots alike).
    public static func draw(_ kind: RegisterChartKind, _ register: RegisterDocument) -> String {
        switch kind {
        case .scatter: scatter(register)
        case .heatMap: heatMap(register)
        case .ranks: rankChart(register)
        }
    }

    static let width = 720.0
    static let height = 420.0
    static let margin = (left: 60.0, right: 24.0, top: 20.0, bottom: 56.0)
    /// Every chart text is sans-serif at 14 px or more at its natural size (issue 8, item 10); pages show the charts at
    /// that size and let them scroll sideways on a narrow screen rather than shrink them below legibility.
    static let fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif"
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

    /// NRR-style likelihood × impact scatter: a point at the best estimates, whiskers from low to high on both axes,
    /// labelled with the median rank.
    public static func scatter(_ register: RegisterDocument) -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" \
            role="img" aria-labelledby="t" font-family="\(fontFamily)"><title id="t">Likelihood × impact of \(register.entries.count) risks</title>
            <rect width="100%" height="100%" fill="#fff"/>
            """
        for (label, p) in [("0.1 %", 0.001), ("0.2 %", 0.002), ("1 %", 0.01), ("5 %", 0.05), ("25 %", 0.25), ("100 %", 1.0)] {
            let px = fmt(x(p))
            svg += "<line x1=\"\(px)\" y1=\"\(fmt(margin.top))\" x2=\"\(px)\" y2=\"\(fmt(height - margin.bottom))\" stroke=\"#d0d7de\"/>"
            svg +=
                "<text x=\"\(px)\" y=\"\(fmt(height - margin.bottom + 16))\" font-size=\"\(textSize)\" text-anchor=\"middle\" fill=\"#57606a\">\(label)</text>"
        }
        for impact in 1...5 {
            let py = fmt(y(Double(impact)))
            svg += "<line x1=\"\(fmt(margin.left))\" y1=\"\(py)\" x2=\"\(fmt(width - margin.right))\" y2=\"\(py)\" stroke=\"#d0d7de\"/>"
            svg +=
                "<text x=\"\(fmt(margin.left - 8))\" y=\"\(py)\" font-size=\"\(textSize)\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#57606a\">\(impact)</text>"
        }
        svg +=
            "<text x=\"\(fmt(width / 2))\" y=\"\(fmt(height - 8))\" font-size=\"\(textSize)\" text-anchor=\"middle\">Likelihood over the horizon (log scale)</text>"
        svg +=
            "<text x=\"14\" y=\"\(fmt(height / 2))\" font-size=\"\(textSize)\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(fmt(height / 2)))\">Impact (1–5)</text>"
        var placed: [(x: Double, y: Double, w: Double)] = []
        for entry in register.entries {
            let colour = entry.kind == RiskRegister.Kind.scenario.rawValue ? "#0b5cad" : "#8250df"
            let (cx, cy) = (x(entry.likelihood.best), y(entry.impact.best))
            svg += "<g><title>\(escape("\(entry.medianRank). \(entry.title)"))</title>"
            svg +=
                "<line x1=\"\(fmt(x(entry.likelihood.low)))\" y1=\"\(fmt(cy))\" x2=\"\(fmt(x(entry.likelihood.high)))\" y2=\"\(fmt(cy))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\"/>"
            svg +=
                "<line x1=\"\(fmt(cx))\" y1=\"\(fmt(y(entry.impact.low)))\" x2=\"\(fmt(cx))\" y2=\"\(fmt(y(entry.impact.high)))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\"/>"
            svg += "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" r=\"5\" fill=\"\(colour)\"/>"
            let label = "\(entry.medianRank)"
            let (lx, ly) = labelPosition(near: (cx, cy), width: Double(label.count) * 9 + 2, avoiding: &placed)
            svg += "<text x=\"\(fmt(lx))\" y=\"\(fmt(ly))\" font-size=\"\(textSize)\" font-weight=\"bold\">\(label)</text></g>"
        }
        return svg + "</svg>"
    }

    /// Where a point's rank label goes: the first of eight places around the point whose box does not overlap a label
    /// already placed (labels of points on the same spot stack instead of printing over each other).
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

    /// The heat map (a summary only, DOMAIN.md §4): how many risks fall in each likelihood band × impact cell, coloured by
    /// the default matrix's level. Impact is the best estimate rounded to the nearest whole level.
    public static func heatMap(_ register: RegisterDocument) -> String {
        let counts = heatCounts(register)
        let cell = 64.0
        let (left, top) = (150.0, 16.0)
        let w = max(left + cell * 5 + 16, 560)
        let h = top + cell * 5 + 96
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(w)) \(Int(h))" width="\(Int(w))" height="\(Int(h))" role="img" \
            aria-labelledby="t" font-family="\(fontFamily)"><title id="t">Heat map: number of risks per likelihood band and impact level</title>
            <rect width="100%" height="100%" fill="#fff"/>
            """
        for (row, band) in LikelihoodBand.allCases.enumerated() {
            let y = top + cell * Double(4 - row)
            svg +=
                "<text x=\"\(fmt(left - 8))\" y=\"\(fmt(y + cell / 2))\" font-size=\"\(textSize)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escape(band.rawValue))</text>"
            for impact in 1...5 {
                let x = left + cell * Double(impact - 1)
                let level = RiskScale.defaultMatrix[row][impact - 1]
                let n = counts[row][impact - 1]
                svg +=
                    "<rect x=\"\(fmt(x))\" y=\"\(fmt(y))\" width=\"\(fmt(cell - 2))\" height=\"\(fmt(cell - 2))\" fill=\"\(RiskScale.defaultColours[level] ?? "#fff")\"/>"
                if n > 0 {
                    svg +=
                        "<text x=\"\(fmt(x + cell / 2 - 1))\" y=\"\(fmt(y + cell / 2))\" font-size=\"16\" font-weight=\"bold\" text-anchor=\"middle\" dominant-baseline=\"middle\">\(n)</text>"
                }
            }
        }
        for impact in 1...5 {
            svg +=
                "<text x=\"\(fmt(left + cell * (Double(impact) - 0.5) - 1))\" y=\"\(fmt(top + cell * 5 + 16))\" font-size=\"\(textSize)\" text-anchor=\"middle\">\(impact)</text>"
        }
        svg +=
            "<text x=\"\(fmt(left + cell * 2.5))\" y=\"\(fmt(top + cell * 5 + 40))\" font-size=\"\(textSize)\" text-anchor=\"middle\">Impact (best estimate)</text>"
        // The colour legend: each level with its name, lowest first.
        let legendY = h - 22
        svg += "<text x=\"8\" y=\"\(fmt(legendY + 7))\" font-size=\"\(textSize)\" dominant-baseline=\"middle\">Level:</text>"
        for (index, band) in ThreatBand.allCases.enumerated() {
            let x = 60.0 + Double(index) * 98
            svg +=
                "<rect x=\"\(fmt(x))\" y=\"\(fmt(legendY))\" width=\"14\" height=\"14\" fill=\"\(RiskScale.defaultColours[index + 1] ?? "#fff")\" stroke=\"#57606a\"/>"
            svg +=
                "<text x=\"\(fmt(x + 18))\" y=\"\(fmt(legendY + 7))\" font-size=\"\(textSize)\" dominant-baseline=\"middle\">\(escape(band.rawValue))</text>"
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

    /// Rank chart: one line per risk from its 10th to its 90th percentile rank, a dot at the median rank.
    public static func rankChart(_ register: RegisterDocument) -> String {
        let n = max(register.entries.count, 1)
        let rowHeight = 22.0
        let (left, right, top) = (300.0, 24.0, 30.0)
        let w = 720.0
        let h = top + rowHeight * Double(register.entries.count) + 16
        func x(_ rank: Int) -> Double { left + (Double(rank) - 1) / Double(max(n - 1, 1)) * (w - left - right) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(w)) \(Int(h))" width="\(Int(w))" height="\(Int(h))" role="img" \
            aria-labelledby="t" font-family="\(fontFamily)"><title id="t">Rank of each risk with its 80 % interval</title>
            <rect width="100%" height="100%" fill="#fff"/>
            """
        for rank in Set([1, (n + 1) / 2, n]).sorted() {
            svg += "<text x=\"\(fmt(x(rank)))\" y=\"14\" font-size=\"\(textSize)\" text-anchor=\"middle\" fill=\"#57606a\">rank \(rank)</text>"
            svg += "<line x1=\"\(fmt(x(rank)))\" y1=\"20\" x2=\"\(fmt(x(rank)))\" y2=\"\(fmt(h - 8))\" stroke=\"#d0d7de\"/>"
        }
        for (i, entry) in register.entries.enumerated() {
            let y = top + rowHeight * (Double(i) + 0.5)
            let colour = entry.kind == RiskRegister.Kind.scenario.rawValue ? "#0b5cad" : "#8250df"
            let label = "\(entry.medianRank). " + (entry.title.count > 34 ? String(entry.title.prefix(33)) + "…" : entry.title)
            svg += "<g><title>\(escape("\(entry.title): median rank \(entry.medianRank), 80 % interval \(entry.rankLow)–\(entry.rankHigh)"))</title>"
            svg +=
                "<text x=\"\(fmt(left - 8))\" y=\"\(fmt(y))\" font-size=\"\(textSize)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(escape(label))</text>"
            svg +=
                "<line x1=\"\(fmt(x(entry.rankLow)))\" y1=\"\(fmt(y))\" x2=\"\(fmt(x(entry.rankHigh)))\" y2=\"\(fmt(y))\" stroke=\"\(colour)\" stroke-width=\"3\" stroke-opacity=\"0.5\"/>"
            svg += "<circle cx=\"\(fmt(x(entry.medianRank)))\" cy=\"\(fmt(y))\" r=\"4\" fill=\"\(colour)\"/></g>"
        }
        return svg + "</svg>"
    }

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

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
