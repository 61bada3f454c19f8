/// Proof that the caller is a programme-wide administrator; required by account and grant management.
public struct AdministratorScope: Sendable, Hashable {
    public let userID: String

    init(userID: String) {
        self.userID = userID
    }
}
