import CTTechCore
import CTTechWeb
import Hummingbird

/// Registers web routes together with their access rule, and enforces the rule before the handler runs.
final class RouteTable: @unchecked Sendable {
    // Only mutated while the router is built, before the server starts.
    private(set) var entries: [RouteEntry] = []
    let router: Router<AppRequestContext>

    init(router: Router<AppRequestContext>) {
        self.router = router
    }

    typealias Handler = @Sendable (Request, AppRequestContext, Granted) async throws -> Response

    /// Registers `url`'s pattern (its parameter values are ignored: pass `.parameter`).
    func get(_ url: SiteURL, _ access: RouteAccess, _ handler: @escaping Handler) { add(.get, url, access, handler) }
    func post(_ url: SiteURL, _ access: RouteAccess, _ handler: @escaping Handler) { add(.post, url, access, handler) }

    func add(_ method: HTTPRequest.Method, _ url: SiteURL, _ access: RouteAccess, _ handler: @escaping Handler) {
        let path = url.pattern
        entries.append(RouteEntry(method: method, path: path, access: access))
        router.on(RouterPath(path), method: method) { request, context in
            let granted = try Self.check(access, context: context)
            return try await handler(request, context, granted)
        }
        // Every page answers HEAD as its GET without the body (ResponseHeadersMiddleware drops the body); same access rule.
        if method == .get {
            router.on(RouterPath(path), method: .head) { request, context in
                let granted = try Self.check(access, context: context)
                return try await handler(request, context, granted)
            }
        }
    }

    static func check(_ access: RouteAccess, context: AppRequestContext) throws -> Granted {
        switch access {
        case .anonymous:
            return Granted(identity: context.identity, tenant: nil, admin: nil)
        case .signedIn:
            return Granted(identity: try context.requireIdentity(), tenant: nil, admin: nil)
        case .administrator:
            let identity = try context.requireIdentity()
            return Granted(identity: identity, tenant: nil, admin: try Authorizer.administrator(identity))
        case .state(let permission):
            let identity = try context.requireIdentity()
            guard let stateID = context.parameters.get("stateID"), Identifier.isValid(stateID) else { throw AppError.notFound }
            return Granted(identity: identity, tenant: try Authorizer.scope(identity, state: stateID, for: permission), admin: nil)
        case .programme(let permission):
            let identity = try context.requireIdentity()
            return Granted(identity: identity, tenant: nil, admin: nil, programme: try Authorizer.programme(identity, for: permission))
        }
    }
}

extension String {
    /// Stands for a route parameter when a route is registered from a ``SiteURL`` (links always pass real values).
    static var parameter: String { "" }
}

extension Int {
    /// Stands for a numeric route parameter when a route is registered.
    static var parameter: Int { 0 }
}
