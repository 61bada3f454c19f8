/// An approved, immutable snapshot. `sha256` is the hash of the stored content; reading checks it.
public struct AssessmentSnapshot: Sendable, Hashable {
    public var id: String
    public var assessmentID: String
    public var number: Int
    public var approvedBy: String
    public var approvedAt: Int64
    public var sha256: String
    public var content: SnapshotContent

    public init(id: String, assessmentID: String, number: Int, approvedBy: String, approvedAt: Int64, sha256: String, content: SnapshotContent) {
        self.id = id
        self.assessmentID = assessmentID
        self.number = number
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.sha256 = sha256
        self.content = content
    }
}
