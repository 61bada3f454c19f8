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

    public init(
        layout: LayoutModel, csrf: String, account: UserAccount, newSecret: String, newSecretBase32: String, newSecretURL: String,
        failure: ValidationFailure?
    ) {
        self.layout = layout
        self.csrf = csrf
        self.displayName = account.displayName
        self.email = account.email
        self.totpEnabled = account.hasTOTP
        self.newSecret = newSecret
        self.newSecretBase32 = newSecretBase32
        self.newSecretURL = newSecretURL
        self.errors = FormErrors(
            failure, fields: [FormField("current", "Current password", id: "current"), FormField("new", "New password", id: "new")])
    }
}
