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
    /// Reads the names and contacts of the programme's participants (issue 13): a right given apart from every other.
    case personalDataOfficer = "personal-data-officer"

    /// Whether a grant of this role needs a partner state. Administrators, programme officers, personal-data officers and
    /// donor viewers may work across the programme (the last two on programme records only: ``Authorizer/programme(_:for:)``);
    /// every other role acts for one state, and a programme-wide grant of it would open nothing.
    public var isForOneState: Bool {
        switch self {
        case .administrator, .programmeOfficer, .personalDataOfficer, .donorViewer: false
        case .facilitator, .focalPoint, .assessor, .policyMaker, .reviewer: true
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
        case .personalDataOfficer: "Personal-data officer"
        }
    }
}
