import CTTechCore
import Foundation

/// Server-side SVG charts of the register. Every text is XML-escaped; the SVG has no script and is served as an image.
public enum RegisterChart {
    static let width = 720.0
    static let height = 420.0
    static let margin = (left: 56.0, right: 16.0, top: 16.0, bottom: 48.0)
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
    public static func scatter(_ register: RiskRegister) -> String {
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(width)) \(Int(height))" width="\(Int(width))" height="\(Int(height))" \
            role="img" aria-labelledby="t"><title id="t">Likelihood × impact of \(register.entries.count) risks</title>
            <rect width="100%" height="100%" fill="#fff"/>
            """
        for (label, p) in [("0.1 %", 0.001), ("0.2 %", 0.002), ("1 %", 0.01), ("5 %", 0.05), ("25 %", 0.25), ("100 %", 1.0)] {
            let px = fmt(x(p))
            svg += "<line x1=\"\(px)\" y1=\"\(fmt(margin.top))\" x2=\"\(px)\" y2=\"\(fmt(height - margin.bottom))\" stroke=\"#d0d7de\"/>"
            svg +=
                "<text x=\"\(px)\" y=\"\(fmt(height - margin.bottom + 16))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#57606a\">\(label)</text>"
        }
        for impact in 1...5 {
            let py = fmt(y(Double(impact)))
            svg += "<line x1=\"\(fmt(margin.left))\" y1=\"\(py)\" x2=\"\(fmt(width - margin.right))\" y2=\"\(py)\" stroke=\"#d0d7de\"/>"
            svg +=
                "<text x=\"\(fmt(margin.left - 8))\" y=\"\(py)\" font-size=\"11\" text-anchor=\"end\" dominant-baseline=\"middle\" fill=\"#57606a\">\(impact)</text>"
        }
        svg +=
            "<text x=\"\(fmt(width / 2))\" y=\"\(fmt(height - 8))\" font-size=\"12\" text-anchor=\"middle\">Likelihood over the horizon (log scale)</text>"
        svg +=
            "<text x=\"14\" y=\"\(fmt(height / 2))\" font-size=\"12\" text-anchor=\"middle\" transform=\"rotate(-90 14 \(fmt(height / 2)))\">Impact (1–5)</text>"
        for entry in register.entries {
            let colour = entry.kind == .scenario ? "#0b5cad" : "#8250df"
            let (cx, cy) = (x(entry.likelihood.best), y(entry.impact.best))
            svg += "<g><title>\(escape("\(entry.rank.medianRank). \(entry.title)"))</title>"
            svg +=
                "<line x1=\"\(fmt(x(entry.likelihood.low)))\" y1=\"\(fmt(cy))\" x2=\"\(fmt(x(entry.likelihood.high)))\" y2=\"\(fmt(cy))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\"/>"
            svg +=
                "<line x1=\"\(fmt(cx))\" y1=\"\(fmt(y(entry.impact.low)))\" x2=\"\(fmt(cx))\" y2=\"\(fmt(y(entry.impact.high)))\" stroke=\"\(colour)\" stroke-opacity=\"0.5\"/>"
            svg += "<circle cx=\"\(fmt(cx))\" cy=\"\(fmt(cy))\" r=\"5\" fill=\"\(colour)\"/>"
            svg += "<text x=\"\(fmt(cx + 7))\" y=\"\(fmt(cy - 7))\" font-size=\"11\">\(entry.rank.medianRank)</text></g>"
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
