import CTTechCore
import CTTechWeb
import Hummingbird

/// The reference lists of the current method version.
struct ReferenceController {
    let services: AppServices

    func addRoutes(to routes: RouteTable) {
        routes.get("/reference", .signedIn) { _, _, _ in .seeOther(SiteURL.reference(ReferenceKind.technologies.rawValue)) }
        routes.get("/reference/{kind}", .signedIn) { request, context, _ in
            guard let kind = context.parameters.get("kind").flatMap(ReferenceKind.init(rawValue:)),
                let method = try await services.reference.method()
            else { throw AppError.notFound }
            let layout = context.layout("Reference data", tlp: .clear, path: request.uri.path)
            return .html(services.pages.render(ReferencePage.make(layout: layout, method: method, kind: kind)))
        }
    }
}
