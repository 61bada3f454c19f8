import CTTechCore

@testable import CTTechWeb

extension ErrorPage {
    /// A record that does not exist (or is not the viewer's to see), for a signed-in user.
    static var mock: Self {
        ErrorPage(
            layout: LayoutModel(title: "Not found", tlp: .clear, identity: Valdoria.focalPoint, csrf: Valdoria.csrf, path: "/states/x"), status: 404,
            title: "Not found",
            detail: "There is no such page, or it is not yours to see.", issues: [], requestID: "req-0001", signedIn: true)
    }

    /// Input refused by the API's form route, for someone signed out; one issue quotes markup.
    static var refused: Self {
        ErrorPage(
            layout: LayoutModel(title: "Please correct the input", tlp: .clear, identity: nil, csrf: nil, path: ""), status: 422,
            title: "Please correct the input", detail: "Nothing was saved.",
            issues: ["title: is required", "narrative: must not contain " + Valdoria.markup], requestID: "req-0002", signedIn: false)
    }
}
