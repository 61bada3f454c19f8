/// The activities of an assessment that step 1 assigns (the rows of the RACI matrix).
public enum AssessmentActivity: String, Sendable, Hashable, Codable, CaseIterable {
    case scoping
    case horizonScan = "horizon-scan"
    case scenarioWriting = "scenario-writing"
    case scoring
    case facilitation
    case riskComparison = "risk-comparison"
    case approval

    public var label: String {
        switch self {
        case .scoping: "Scope and plan the assessment"
        case .horizonScan: "Scan new technologies"
        case .scenarioWriting: "Write threat scenarios"
        case .scoring: "Score scenarios"
        case .facilitation: "Facilitate scoring rounds"
        case .riskComparison: "Compare with other national risks"
        case .approval: "Approve the assessment"
        }
    }
}
