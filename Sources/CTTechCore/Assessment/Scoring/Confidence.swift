/// Analytic confidence of an estimate.
public enum Confidence: String, Sendable, Codable, CaseIterable {
    case low, moderate, high
}
