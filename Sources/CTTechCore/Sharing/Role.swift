/// The personas of DOMAIN.md §1, as granted to a user per partner state or globally.
public enum Role: String, Sendable, Codable, CaseIterable, Hashable {
    case administrator
    case programmeOfficer = "programme-officer"
    case facilitator
    case focalPoint = "focal-point"
    case assessor
    case policyMaker = "policy-maker"
    case reviewer
    case donorViewer = "donor-viewer"

    /// Whether a grant of this role needs a partner state. Only administrators and programme officers work across the
    /// programme; every other role acts for one state, and a programme-wide grant of it would open nothing.
    public var isForOneState: Bool {
        switch self {
        case .administrator, .programmeOfficer: false
        case .facilitator, .focalPoint, .assessor, .policyMaker, .reviewer, .donorViewer: true
        }
    }

    public var title: String {
        switch self {
        case .administrator: "Administrator"
        case .programmeOfficer: "Programme officer"
        case .facilitator: "Facilitator"
        case .focalPoint: "National focal point"
        case .assessor: "Analyst / assessor"
        case .policyMaker: "Policy maker"
        case .reviewer: "Human-rights / gender reviewer"
        case .donorViewer: "Donor / partner viewer"
        }
    }
}
