import CTTechCore

@testable import CTTechWeb

extension AccountPage {
    static let secret = "c2VjcmV0LWZvci1zbmFwc2hvdHM"
    static let secretBase32 = "ONSWG4TFOQWWM33SFVZW4YLQONUG65DT"
    static let secretURL = "otpauth://totp/CT%20TECH:irina@valdoria.example?secret=ONSWG4TFOQWWM33SFVZW4YLQONUG65DT&issuer=CT%20TECH"

    /// An assessor whose name is written in Cyrillic, TOTP off, offered a new key.
    static var mock: Self {
        AccountPage(
            layout: Valdoria.layout("Your account", identity: Valdoria.assessor, path: SiteURL.account.path, tlp: .amberStrict),
            csrf: Valdoria.csrf, account: Valdoria.account(Valdoria.assessor), newSecret: secret, newSecretBase32: secretBase32,
            newSecretURL: secretURL, failure: nil, tokens: tokens, now: 1_767_225_600_000)
    }

    /// A live token with a label holding markup, an expired one and a revoked one (now: 2026-01-01).
    static let tokens = [
        APITokenSummary(
            id: "00000000-0000-4000-8000-000000000901", userID: Valdoria.assessor.userID, label: "nightly <script>export</script>",
            createdAt: 1_764_547_200_000, expiresAt: 1_772_323_200_000, revoked: false),
        APITokenSummary(
            id: "00000000-0000-4000-8000-000000000902", userID: Valdoria.assessor.userID, label: "old laptop", createdAt: 1_756_684_800_000,
            expiresAt: 1_759_276_800_000, revoked: false),
        APITokenSummary(
            id: "00000000-0000-4000-8000-000000000903", userID: Valdoria.assessor.userID, label: "lost phone", createdAt: 1_756_684_800_000,
            expiresAt: 1_780_000_000_000, revoked: true),
    ]

    /// TOTP on: the page offers to turn it off and shows no key.
    static var totpOn: Self {
        AccountPage(
            layout: Valdoria.layout(
                "Your account", identity: Valdoria.focalPoint, path: SiteURL.account.path, tlp: .amberStrict,
                flash: "Two-factor authentication is on."),
            csrf: Valdoria.csrf, account: Valdoria.account(Valdoria.focalPoint, totp: true), newSecret: "", newSecretBase32: "", newSecretURL: "",
            failure: nil)
    }

    /// A new password refused for being too short.
    static var passwordRefused: Self {
        AccountPage(
            layout: Valdoria.layout("Your account", identity: Valdoria.assessor, path: SiteURL.account.path, tlp: .amberStrict),
            csrf: Valdoria.csrf, account: Valdoria.account(Valdoria.assessor), newSecret: secret, newSecretBase32: secretBase32,
            newSecretURL: secretURL, failure: Valdoria.refusal { try PasswordPolicy.check("short", field: "new") })
    }
}
