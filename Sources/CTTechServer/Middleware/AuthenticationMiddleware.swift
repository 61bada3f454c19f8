import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird
import OpenAPIRuntime

/// Finds who is asking: a bearer token (API) or the session cookie. Never rejects by itself; routes decide what they need.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: AccountStore
    let configuration: AppConfiguration
    let sessions: SessionStore
    let tokens: APITokenStore
    let audit: AuditLogStore
    let refusals: RefusalWatch

    /// `/metrics`, worked out once rather than on every request.
    static let metricsPath = SiteURL.metrics.path

    init(_ services: AppServices) {
        audit = services.audit
        refusals = services.refusals
        accounts = services.accounts
        configuration = services.configuration
        sessions = services.sessions
        tokens = services.tokens
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // /metrics checks its own scraper token (``SystemController``); it is not an account's token.
        if request.uri.path == Self.metricsPath { return try await next(request, context) }
        if let authorization = request.headers[.authorization] {
            guard authorization.hasPrefix("Bearer "),
                let userID = try await self.tokens.userID(forToken: String(authorization.dropFirst(7))),
                let identity = try await self.accounts.identity(userID: userID)
            else { throw AppError.unauthenticated }
            context.identity = identity
            context.viaBearerToken = true
        } else if let token = request.cookies[self.configuration.sessionCookieName]?.value, token.utf8.count <= 100,
            let session = try await self.sessions.find(token: token)
        {
            context.session = session
            context.csrfToken = session.csrfToken
            if !session.awaitingTOTP {
                context.identity = try await self.accounts.identity(userID: session.userID)
            }
        }
        context.language = RequestLanguage.of(request, identity: context.identity)
        do {
            return try await RequestIdentity.$current.withValue(context.identity) {
                try await RequestIdentity.$session.withValue(context.session) {
                    try await next(request, context)
                }
            }
        } catch {
            let underlying = (error as? ServerError)?.underlyingError ?? error
            if let identity = context.identity, case .forbidden = AppError.from(underlying), let count = await refusals.refused(identity.userID) {
                // Repeated refusals are audited, tied to the person (issue 8, item 17); each one is also logged.
                try? await audit.record(
                    AuditEvent(
                        .accessRefused, by: identity.actor, entity: identity.userID, state: nil,
                        ["refusals": "\(count) in \(RefusalWatch.windowMinutes) minutes", "last": request.uri.path]))
            }
            // The error page, rendered further out, keeps the person's navigation and log-out form.
            throw SignedInFailure(underlying: error, identity: context.identity, csrfToken: context.csrfToken, language: context.language)
        }
    }
}

/// An error thrown while serving a signed-in request, with who was signed in: ``ErrorMiddleware`` sits outside the
/// authentication and would otherwise render the 403 or 404 page as if nobody were (issue 8, item 8).
struct SignedInFailure: Error {
    let underlying: any Error
    let identity: Identity?
    let csrfToken: String?
    let language: Language
}

/// Counts refused requests per user in fixed ten-minute windows and says, once per window, when they reach the
/// threshold: repeated refusals leave one audit entry per user and window, whatever the rate. In memory, per instance.
actor RefusalWatch {
    static let windowMinutes = 10
    let threshold: Int
    private var windows: [String: (start: Double, count: Int)] = [:]

    init(threshold: Int = 10) {
        self.threshold = threshold
    }

    /// Records a refusal; returns the count when it reaches the threshold in the current window (once per window).
    func refused(_ userID: String, now: Double = Date().timeIntervalSince1970) -> Int? {
        let window = Double(Self.windowMinutes * 60)
        var current = windows[userID] ?? (now, 0)
        if now - current.start >= window { current = (now, 0) }
        current.count += 1
        windows[userID] = current
        if windows.count > 10_000 { windows = windows.filter { now - $0.value.start < window } }
        return current.count == threshold ? current.count : nil
    }
}
