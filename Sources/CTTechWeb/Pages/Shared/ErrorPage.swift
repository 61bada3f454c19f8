import CTTechCore
import Foundation
import Mustache

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
    let statusLine: String

    init(layout: LayoutModel, status: Int, title: String, detail: String, issues: [String], requestID: String, signedIn: Bool) {
        self.layout = layout
        self.status = status
        self.title = title
        self.detail = detail
        self.issues = issues
        self.requestID = requestID
        self.signedIn = signedIn
        self.hasIssues = !issues.isEmpty
        self.statusLine = layout.localizer("error.page.status", ["status": String(status), "request": requestID])
    }
}
