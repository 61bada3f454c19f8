import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Finds who is asking: a bearer token (API) or the session cookie. Never rejects by itself; routes decide what they need.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let accounts: AccountStore
    let configuration: AppConfiguration
    let sessions: SessionStore
    let tokens: APITokenStore

    init(_ services: AppServices) {
        accounts = services.accounts
        configuration = services.configuration
        sessions = services.sessions
        tokens = services.tokens
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        // /metrics checks its own scraper token (``SystemController``); it is not an account's token.
        if request.uri.path == SiteURL.metrics.path { return try await next(request, context) }
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
        do {
            return try await RequestIdentity.$current.withValue(context.identity) {
                try await RequestIdentity.$session.withValue(context.session) {
                    try await next(request, context)
                }
            }
        } catch {
            // The error page, rendered further out, keeps the person's navigation and log-out form.
            throw SignedInFailure(underlying: error, identity: context.identity, csrfToken: context.csrfToken)
        }
    }
}

/// An error thrown while serving a signed-in request, with who was signed in: ``ErrorMiddleware`` sits outside the
/// authentication and would otherwise render the 403 or 404 page as if nobody were (issue 8, item 8).
struct SignedInFailure: Error {
    let underlying: any Error
    let identity: Identity?
    let csrfToken: String?
}
