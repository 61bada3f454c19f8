import CTTechCore
import Foundation

/// The signed-in user's own account: password and TOTP.
public struct AccountPage: WebPage {
    public static let template = "account"
    public let layout: LayoutModel
    let csrf: String
    let displayName: String
    let email: String
    let totpEnabled: Bool
    let newSecret: String
    let newSecretBase32: String
    let newSecretURL: String
    let errors: FormErrors
    /// The person's own API tokens, each with its revoke form while it is live.
    let tokens: [TokenRow]

    struct TokenRow: Sendable, TemplateModel {
        let label: String
        let created: String
        let expires: String
        let state: String
        let revokeAction: String?
        /// "Revoke “label”": plain text, the quotation marks set the label apart.
        let revoke: String
    }

    public init(
        layout: LayoutModel, csrf: String, account: UserAccount, newSecret: String, newSecretBase32: String, newSecretURL: String,
        failure: ValidationFailure?, tokens: [APITokenSummary] = [], now: Int64 = 0
    ) {
        let t = layout.localizer
        self.layout = layout
        self.csrf = csrf
        self.displayName = account.displayName
        self.email = account.email
        self.totpEnabled = account.hasTOTP
        self.newSecret = newSecret
        self.newSecretBase32 = newSecretBase32
        self.newSecretURL = newSecretURL
        self.tokens = tokens.map {
            let live = $0.isLive(now: now)
            let state = $0.revoked ? "revoked" : live ? "live" : "expired"
            return TokenRow(
                label: $0.label, created: utcTimestamp($0.createdAt), expires: $0.expiresAt.map(utcTimestamp) ?? t("account.tokens.never"),
                state: t("account.tokens.\(state)"), revokeAction: live ? SiteURL.accountTokenRevoke($0.id).path : nil,
                revoke: t("account.tokens.revoke", ["name": $0.label]))
        }
        self.errors = FormErrors(
            t, failure,
            fields: [
                FormField("current", "account.password.current", id: "current"), FormField("new", "account.password.new", id: "new"),
            ])
    }
}
