/// What can be removed from an assessment while it is not approved.
public enum RemovableRecord: String, Sendable, CaseIterable {
    case agency, evidence, otherRisk = "other-risk", scenario

    /// The audit action of removing a record of this kind.
    public var auditAction: AuditAction {
        switch self {
        case .agency: .agencyDelete
        case .evidence: .evidenceDelete
        case .otherRisk: .otherRiskDelete
        case .scenario: .scenarioDelete
        }
    }
}
