/// Who did something, as the audit log names them: a user (id and e-mail), the command line or the demo seed.
public struct AuditActor: Sendable, Hashable {
    public let id: String
    public let label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}
