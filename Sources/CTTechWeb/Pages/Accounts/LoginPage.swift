import CTTechCore
import Foundation

/// The login form. `message` is the one generic reason a login failed, in the page's language.
public struct LoginPage: WebPage {
    public static let template = "login"
    public let layout: LayoutModel
    let csrf: String
    let next: String
    let email: String
    let message: String?
    let noAccounts: Bool

    public init(layout: LayoutModel, csrf: String, next: String, email: String, message: String?, noAccounts: Bool) {
        self.layout = layout
        self.csrf = csrf
        self.next = next
        self.email = email
        self.message = message
        self.noAccounts = noAccounts
    }
}
