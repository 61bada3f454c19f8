/// The account lockout rule: after `threshold` consecutive failed passwords the account is locked for
/// `baseLockMilliseconds`, doubling with each further failure up to `maximumLockMilliseconds`.
public struct LockoutPolicy: Sendable, Hashable {
    public var threshold: Int
    public var baseLockMilliseconds: Int64
    public var maximumLockMilliseconds: Int64

    public init(threshold: Int = 5, baseLockMilliseconds: Int64 = 15 * 60 * 1000, maximumLockMilliseconds: Int64 = 24 * 3600 * 1000) {
        self.threshold = threshold
        self.baseLockMilliseconds = baseLockMilliseconds
        self.maximumLockMilliseconds = maximumLockMilliseconds
    }

    /// Whether a login attempt at `now` must be refused without even checking the password.
    public func isLocked(_ account: UserAccount, now: Int64) -> Bool {
        if let until = account.lockedUntil, until > now { return true }
        return false
    }

    /// The lock to set after a failed attempt that brought the count to `failures`, or nil while under the threshold.
    public func lockUntil(afterFailures failures: Int, now: Int64) -> Int64? {
        guard failures >= threshold else { return nil }
        let doublings = min(failures - threshold, 20)
        let duration = min(baseLockMilliseconds << Int64(doublings), maximumLockMilliseconds)
        return now + duration
    }
}
