/// One cell of the RACI matrix: an agency's role in an activity.
public struct RaciAssignment: Sendable, Hashable, Codable {
    public var activity: AssessmentActivity
    public var agencyID: String
    public var role: RaciRole

    public init(activity: AssessmentActivity, agencyID: String, role: RaciRole) {
        self.activity = activity
        self.agencyID = agencyID
        self.role = role
    }
}
