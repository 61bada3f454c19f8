import CTTechStore
import Foundation

/// Login attempts per client address in a sliding window (in memory; the per-account lockout is in the database and
/// therefore shared by every instance).
actor LoginRateLimiter {
    let limit: Int
    let windowSeconds: Double
    private var attempts: [String: [Double]] = [:]

    init(limit: Int, windowSeconds: Double) {
        self.limit = limit
        self.windowSeconds = windowSeconds
    }

    /// Records an attempt; returns the seconds to wait when over the limit, nil when allowed.
    func attempt(from address: String, now: Double = Date().timeIntervalSince1970) -> Int? {
        var recent = (attempts[address] ?? []).filter { $0 > now - windowSeconds }
        if recent.count >= limit {
            attempts[address] = recent
            return Int((recent[0] + windowSeconds - now).rounded(.up))
        }
        recent.append(now)
        attempts[address] = recent
        if attempts.count > 10_000 { attempts = attempts.filter { !$0.value.isEmpty && $0.value.last! > now - windowSeconds } }
        return nil
    }
}
