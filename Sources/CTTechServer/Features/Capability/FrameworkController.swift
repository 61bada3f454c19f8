import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird

/// The capability framework versions (reference data): anyone signed in reads them and downloads their JSON;
/// administrators publish a new version.
struct FrameworkController {
    let assessing: CapabilityAssessing
    let capability: CapabilityStore
    let reference: ReferenceDataStore
    let pages: PageRenderer

    init(_ services: AppServices) {
        assessing = services.capabilityAssessing
        capability = services.capability
        reference = services.reference
        pages = services.pages
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.frameworks, .signedIn) { request, context, granted in
            try await list(request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.frameworks, .administrator) { request, context, granted in
            let json = context.form["framework"] ?? ""
            do {
                let framework = try await assessing.publish(json: Data(json.utf8), by: try granted.actor())
                return .seeOther(SiteURL.framework(framework.id).path, notice: .frameworkPublished)
            } catch let failure as ValidationFailure {
                return try await list(request, context, granted, submitted: json, failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate {
                return try await list(
                    request, context, granted, submitted: json,
                    failure: ValidationFailure(field: "framework", "validation.capability.framework-id-taken"),
                    status: .conflict)
            }
        }
        routes.get(.framework(.parameter), .signedIn) { request, context, _ in
            let framework = try await framework(context)
            let page = FrameworkPage.make(
                layout: context.layout(framework.title, tlp: .clear, path: request.uri.path, state: nil), framework: framework,
                method: try await reference.method() ?? .ctTechDefault)
            return .html(pages.render(page))
        }
        routes.get(.frameworkDownload(.parameter), .signedIn) { _, context, _ in
            let framework = try await framework(context)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let data = try encoder.encode(framework)
            return Response(
                status: .ok,
                headers: [.contentType: "application/json", .contentDisposition: "attachment; filename=\"\(framework.id).json\""],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    private func framework(_ context: AppRequestContext) async throws -> CapabilityFramework {
        guard let id = context.parameters.get("frameworkID"), let framework = try await capability.framework(id: id) else { throw AppError.notFound }
        return framework
    }

    private func list(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: String?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let identity = try granted.requireIdentity()
        let page = FrameworksPage.make(
            layout: context.layout(context.localizer("capability.frameworks.title"), tlp: .clear, path: request.uri.path, state: nil),
            frameworks: try await capability.frameworks(), canPublish: (try? Authorizer.administrator(identity)) != nil,
            csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }
}
