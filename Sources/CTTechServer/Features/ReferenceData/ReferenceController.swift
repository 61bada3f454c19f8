import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// The reference lists of the current method version.
struct ReferenceController {
    let pages: PageRenderer
    let reference: ReferenceDataStore

    init(_ services: AppServices) {
        pages = services.pages
        reference = services.reference
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.reference, .signedIn) { _, _, _ in .seeOther(SiteURL.referenceList(kind: ReferenceKind.technologies.rawValue).path) }
        routes.get(.referenceList(kind: .parameter), .signedIn) { request, context, _ in
            guard let kind = context.parameters.get("kind").flatMap(ReferenceKind.init(rawValue:)),
                let method = try await self.reference.method()
            else { throw AppError.notFound }
            let layout = context.layout(context.localizer("reference.title"), tlp: .clear, path: request.uri.path)
            return .html(self.pages.render(ReferencePage.make(layout: layout, method: method, kind: kind)))
        }
    }
}
