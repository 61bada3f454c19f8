/// The five log bands in which likelihood over the horizon is shown (DOMAIN.md §4).
public enum LikelihoodBand: String, Sendable, CaseIterable, Codable {
    case remote = "<0.2 %"
    case unlikely = "0.2–1 %"
    case possible = "1–5 %"
    case likely = "5–25 %"
    case veryLikely = ">25 %"

    /// A probability's band; a value on a boundary belongs to the band below it.
    public static func band(for probability: Double) -> LikelihoodBand {
        switch probability {
        case ...0.002: .remote
        case ...0.01: .unlikely
        case ...0.05: .possible
        case ...0.25: .likely
        default: .veryLikely
        }
    }
}
