import CTTechCore
import Foundation

/// The second-factor form after a correct password. `message` is in the page's language.
public struct TOTPPage: WebPage {
    public static let template = "totp"
    public let layout: LayoutModel
    let csrf: String
    let next: String
    let message: String?

    public init(layout: LayoutModel, csrf: String, next: String, message: String?) {
        self.layout = layout
        self.csrf = csrf
        self.next = next
        self.message = message
    }
}
