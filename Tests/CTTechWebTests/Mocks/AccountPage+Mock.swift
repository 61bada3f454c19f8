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
            newSecretURL: secretURL, failure: nil)
    }

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
