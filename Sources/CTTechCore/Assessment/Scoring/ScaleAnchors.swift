/// What each point of the 1–5 scales means (DOMAIN.md §4), shown beside every choice so that assessors score against
/// the same anchors rather than against a default (issue 8, item 2).
public enum ScaleAnchors {
    /// The five meanings of a threat factor's points, 1 first; nil for a name that is not a factor.
    public static func factor(_ name: String) -> [String]? {
        switch name {
        case "intent": ["none", "aspirational", "stated", "active pursuit", "demonstrated"]
        case "actorCapability": ["none", "rudimentary", "moderate", "substantial", "advanced, proven"]
        case "technologyAccessibility": ["not accessible", "hard to obtain", "obtainable with effort", "readily available", "off the shelf"]
        case "opportunity": ["none: well protected", "limited", "some gaps", "significant gaps", "wide open"]
        default: nil
        }
    }

    /// The five meanings of an impact point, 1 first, the same on every dimension.
    public static let impact = ["negligible", "minor", "moderate", "major", "catastrophic"]
}

/// Reads a probability as people type it: "0.05", "0,05", "5 %" or "5%" all mean 0.05 (issue 8, item 2). Nil when it is
/// not a finite number from 0 to 1.
public enum ProbabilityText {
    public static func parse(_ text: String?) -> Double? {
        guard var t = text?.trimmingWhitespace(), !t.isEmpty else { return nil }
        var scale = 1.0
        if t.hasSuffix("%") {
            t = String(t.dropLast()).trimmingWhitespace()
            scale = 100
        }
        if !t.contains(".") { t = String(t.map { $0 == "," ? "." : $0 }) }
        guard let value = Double(t), value.isFinite else { return nil }
        let probability = value / scale
        return (0...1).contains(probability) ? probability : nil
    }
}
