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

    struct TokenRow: Sendable {
        let label: String
        let created: String
        let expires: String
        let state: String
        let revokeAction: String?
    }

    public init(
        layout: LayoutModel, csrf: String, account: UserAccount, newSecret: String, newSecretBase32: String, newSecretURL: String,
        failure: ValidationFailure?, tokens: [APITokenSummary] = [], now: Int64 = 0
    ) {
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
            return TokenRow(
                label: $0.label, created: utcTimestamp($0.createdAt), expires: $0.expiresAt.map(utcTimestamp) ?? "never",
                state: $0.revoked ? "revoked" : live ? "live" : "expired", revokeAction: live ? SiteURL.accountTokenRevoke($0.id).path : nil)
        }
        self.errors = FormErrors(
            layout.localizer,
            failure, fields: [FormField("current", "Current password", id: "current"), FormField("new", "New password", id: "new")])
    }
}
