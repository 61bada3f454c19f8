import CTTechCore
import Foundation
import Mustache

/// What every page shows around its content: title, TLP marking, the signed-in user, navigation and the CSRF token.
public struct LayoutModel: Sendable {
    public struct Marking: Sendable {
        let label: String
        let cssClass: String
        let audience: String
    }

    public struct NavItem: Sendable {
        let label: String
        let href: String
        let current: Bool
    }

    public struct UserBadge: Sendable {
        let displayName: String
        let nav: [NavItem]
    }

    let title: String
    let tlp: Marking
    let user: UserBadge?
    let csrf: String
    let flash: String?
    let stateNav: [NavItem]
    let stateName: String
    let hasStateNav: Bool

    /// - Parameters:
    ///   - path: the request path, to mark the current navigation entry.
    ///   - stateSteps: the method steps that work for the partner state in view (label, href); empty elsewhere.
    public init(
        title: String, tlp: TLP, identity: Identity?, csrf: String?, path: String, flash: String? = nil, stateName: String = "",
        stateSteps: [(String, String)] = []
    ) {
        self.title = title
        self.tlp = Marking(label: tlp.label, cssClass: tlp.cssClass, audience: tlp.audience)
        self.csrf = csrf ?? ""
        self.flash = flash
        self.stateName = stateName
        self.stateNav = stateSteps.map { NavItem(label: $0.0, href: $0.1, current: path == $0.1) }
        self.hasStateNav = !stateSteps.isEmpty
        if let identity {
            var items: [(String, String)] = [("Partner states", "/home"), ("Reference data", "/reference")]
            if identity.isAdministrator {
                items += [("Accounts", "/admin/users"), ("States", "/admin/states"), ("Audit log", "/audit")]
            }
            let nav = items.map { NavItem(label: $0.0, href: $0.1, current: path == $0.1 || path.hasPrefix($0.1 + "/")) }
            self.user = UserBadge(displayName: identity.displayName, nav: nav)
        } else {
            self.user = nil
        }
    }
}

/// A page: a template name and the model it renders.
public protocol WebPage: Sendable {
    static var template: String { get }
    var layout: LayoutModel { get }
}

/// An option of a `<select>`.
public struct Choice: Sendable {
    let value: String
    let label: String
    let selected: Bool

    public init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}

/// Renders pages from the templates shipped in this module's bundle. Templates are parsed once at start.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    public init() async throws {
        guard let directory = Bundle.module.resourceURL?.appendingPathComponent("Templates").path else {
            throw CocoaError(.fileNoSuchFile)
        }
        self.library = try await MustacheLibrary(directory: directory)
    }

    public func render<Page: WebPage>(_ page: Page) -> String {
        library.render(page, withTemplate: Page.template) ?? "<!doctype html><title>Error</title><p>Template \(Page.template) is missing.</p>"
    }

    public func errorPage(status: Int, title: String, detail: String, issues: [String], requestID: String, signedIn: Bool) -> String {
        render(
            ErrorPage(
                layout: LayoutModel(title: title, tlp: .clear, identity: nil, csrf: nil, path: ""), status: status, title: title, detail: detail,
                issues: issues, requestID: requestID, signedIn: signedIn))
    }

    /// The stylesheet and other static files, read once.
    public static func staticAsset(named name: String) -> (bytes: [UInt8], contentType: String)? {
        let allowed = ["app.css": "text/css; charset=utf-8"]
        guard let type = allowed[name], let url = Bundle.module.resourceURL?.appendingPathComponent("Static").appendingPathComponent(name),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return ([UInt8](data), type)
    }
}

struct ErrorPage: WebPage {
    static let template = "error"
    let layout: LayoutModel
    let status: Int
    let title: String
    let detail: String
    let issues: [String]
    let requestID: String
    let signedIn: Bool
    let hasIssues: Bool

    init(layout: LayoutModel, status: Int, title: String, detail: String, issues: [String], requestID: String, signedIn: Bool) {
        self.layout = layout
        self.status = status
        self.title = title
        self.detail = detail
        self.issues = issues
        self.requestID = requestID
        self.signedIn = signedIn
        self.hasIssues = !issues.isEmpty
    }
}

/// Formats epoch milliseconds as `2026-11-24 06:15:02` in UTC, for tables.
public func utcTimestamp(_ milliseconds: Int64) -> String {
    let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(identifier: "UTC")
    formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
    return formatter.string(from: date)
}
