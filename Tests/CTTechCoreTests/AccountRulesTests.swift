import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Accounts: passwords, lockout, input validation")
struct AccountRulesTests {
    @Test func passwordNeedsTwelveCharacters() throws {
        #expect(throws: ValidationFailure.self) { try PasswordPolicy.check("elevenchars") }
        try PasswordPolicy.check("twelve chars")
        try PasswordPolicy.check("пароль-длинный")
        #expect(throws: ValidationFailure.self) { try PasswordPolicy.check(String(repeating: "x", count: 257)) }
    }

    @Test func lockoutStartsAtFiveFailuresAndDoubles() {
        let policy = LockoutPolicy(threshold: 5, baseLockMilliseconds: 900_000, maximumLockMilliseconds: 3_600_000)
        #expect(policy.lockUntil(afterFailures: 4, now: 0) == nil)
        #expect(policy.lockUntil(afterFailures: 5, now: 1_000) == 901_000)  // 15 min
        #expect(policy.lockUntil(afterFailures: 6, now: 0) == 1_800_000)  // 30 min
        #expect(policy.lockUntil(afterFailures: 7, now: 0) == 3_600_000)  // 60 min, the cap
        #expect(policy.lockUntil(afterFailures: 40, now: 0) == 3_600_000)
    }

    /// Law: the lock never shrinks as failures grow, and never exceeds the cap.
    @Test func lockIsMonotoneAndBounded() async {
        let policy = LockoutPolicy()
        await propertyCheck(input: Gen.int(in: 0...200)) { failures in
            let a = policy.lockUntil(afterFailures: failures, now: 0) ?? 0
            let b = policy.lockUntil(afterFailures: failures + 1, now: 0) ?? 0
            #expect(a <= b)
            #expect(b <= policy.maximumLockMilliseconds)
        }
    }

    @Test func lockedAccountIsRefusedUntilItExpires() {
        let account = UserAccount(
            id: "u", email: "a@b.org", displayName: "A", passwordHash: "", totpSecret: nil, isActive: true, failedLogins: 5, lockedUntil: 10_000,
            version: 1)
        #expect(LockoutPolicy().isLocked(account, now: 9_999))
        #expect(!LockoutPolicy().isLocked(account, now: 10_000))
    }

    @Test func userDraftAcceptsArabicAndCyrillicNames() throws {
        let arabic = try UserDraft(email: "Layla@Example.ORG", displayName: "  ليلى حداد ").validated()
        #expect(arabic.email == "layla@example.org")
        #expect(arabic.displayName == "ليلى حداد")
        let cyrillic = try UserDraft(email: "f@example.org", displayName: "Фарида Назарова").validated()
        #expect(cyrillic.displayName == "Фарида Назарова")
    }

    @Test func userDraftReportsEveryProblemAtOnce() {
        #expect(
            throws: ValidationFailure([
                FieldIssue(field: "email", message: "is not an e-mail address"), FieldIssue(field: "displayName", message: "is required"),
            ])
        ) {
            try UserDraft(email: "not-an-email", displayName: " ").validated()
        }
    }

    @Test func controlCharactersAndHugeTextAreRefused() {
        var v = Validator()
        #expect(v.text("bell\u{07}", field: "name", maxLength: 10) == nil)
        #expect(v.text(String(repeating: "я", count: 11), field: "name", maxLength: 10) == nil)
        #expect(v.text("line\nbreak ok", field: "profile", maxLength: 100) == "line\nbreak ok")
        #expect(v.issues.map(\.message) == ["must not contain control characters", "must be at most 10 characters"])
    }

    @Test func stateDraftValidation() throws {
        let clean = try PartnerStateDraft(code: "vld", name: "Republic of Valdoria", region: "other", defaultTLP: "AMBER+STRICT", profile: nil)
            .validated()
        #expect(clean.code == "VLD")
        #expect(clean.tlp == .amberStrict)
        #expect(clean.profile == "")
        let failure = #expect(throws: ValidationFailure.self) {
            try PartnerStateDraft(code: "V!", name: "", region: "mars", defaultTLP: "PURPLE", profile: nil).validated()
        }
        #expect(failure?.issues.map(\.field) == ["code", "name", "region", "defaultTLP"])
    }
}
