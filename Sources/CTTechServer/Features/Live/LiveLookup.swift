import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Finds what a live route names — the state, the session, the activity — inside the granted state (404 otherwise), and
/// the address participants join at.
struct LiveLookup: Sendable {
    let live: LiveStore
    let states: PartnerStateStore
    let secure: Bool
    let publicURL: String?

    init(_ services: AppServices) {
        live = services.live
        states = services.states
        secure = services.configuration.secureCookies
        publicURL = services.configuration.publicURL
    }

    func state(_ scope: TenantScope) async throws -> PartnerState {
        guard let state = try await states.find(scope) else { throw AppError.notFound }
        return state
    }

    /// The session named by `{sessionID}` in the granted state.
    func session(_ context: AppRequestContext, _ scope: TenantScope) async throws -> LiveSession {
        guard let id = context.parameters.get("sessionID"), Identifier.isValid(id), let session = try await live.liveSession(scope, id: id)
        else { throw AppError.notFound }
        return session
    }

    /// The activity named by `{activityID}` in the session.
    func activity(_ context: AppRequestContext, _ scope: TenantScope, session: LiveSession) async throws -> LiveActivity {
        guard let id = context.parameters.get("activityID"), Identifier.isValid(id),
            let activity = try await live.liveActivities(scope, sessionID: session.id).first(where: { $0.id == id })
        else { throw AppError.notFound }
        return activity
    }

    /// The address the QR code and the page show: `CTTECH_PUBLIC_URL` when set (a server behind a proxy), else this server
    /// as the facilitator's browser reached it, with the code. Phones in the room reach the same address (the
    /// facilitator's laptop on the venue network, or the central server).
    func joinURL(_ request: Request, _ session: LiveSession) -> String {
        if let publicURL { return publicURL + SiteURL.joinSession(code: session.code).path }
        let host = request.head.authority ?? "localhost"
        let safe = host.allSatisfy { $0.isLetter || $0.isNumber || ".:-[]".contains($0) } ? host : "localhost"
        return (secure ? "https://" : "http://") + safe + SiteURL.joinSession(code: session.code).path
    }

    func layout(_ title: String, state: PartnerState, _ request: Request, _ context: AppRequestContext) -> LayoutModel {
        context.layout(title, tlp: state.defaultTLP, path: request.pathAndQuery, state: state)
    }
}
