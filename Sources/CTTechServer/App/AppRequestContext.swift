import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird
import NIOCore

/// The one request context: who is asking, through which session, with which CSRF token and form.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by ``AuthenticationMiddleware`` when a session or bearer token is valid.
    public var identity: Identity?
    public var session: LoginSession?
    /// The token the session's forms must carry.
    public var csrfToken: String?
    /// True when the request authenticated with a bearer token (no cookie, so no CSRF check).
    public var viaBearerToken = false
    /// URL-encoded form fields, parsed once by ``FormMiddleware`` for form posts.
    public var form: FormData = FormData()
    /// The one-time confirmation of the form post that redirected here (``NoticeMiddleware``).
    public var notice: Notice?
    /// The interface language of this request (``RequestLanguage``), set once who is asking is known.
    public var language: Language = .english
    /// This request's words and number formats.
    public var localizer: Localizer { Localizer(language) }
    public let remoteAddress: String

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "local"
    }

    /// The import routes (web upload and API) take a whole assessment file, or a participant list (issue 13); every other
    /// route takes 1 MiB at most.
    static func isImport(path: String) -> Bool {
        path.hasSuffix("/assessment-import") || path.hasSuffix("/assessments/import") || isParticipantImport(path: path)
    }

    /// `/programme/events/{id}/participants`: a participant list (CSV, at most ``ParticipantImport/maximumRows`` lines).
    static func isParticipantImport(path: String) -> Bool { path.hasPrefix("/programme/events/") && path.hasSuffix("/participants") }

    /// The body limit of one request (bigger bodies get 413): an import by someone who may manage the state's
    /// assessments gets the import limit plus room for the form's envelope; everything else, and anyone else, 1 MiB — so
    /// a signed-in user without the right cannot make the server buffer 16 MiB before the route refuses (issue 8, item 17).
    static func bodyLimit(path: String, identity: Identity?) -> Int {
        if isParticipantImport(path: path), let identity, Authorizer.allowsProgramme(identity, .manageProgramme) { return 4 * 1024 * 1024 }
        guard isImport(path: path), let identity, let stateID = importState(path: path),
            Authorizer.allows(identity, state: stateID, .manageAssessment)
        else { return 1024 * 1024 }
        return AssessmentImport.maxBytes + 64 * 1024
    }

    /// The state of an import path: `/states/{id}/assessment-import` or `/api/v1/states/{id}/assessments/import`.
    static func importState(path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard let index = parts.firstIndex(of: "states"), index + 1 < parts.count, Identifier.isValid(parts[index + 1]) else { return nil }
        return parts[index + 1]
    }

    /// The identity, or `unauthenticated`.
    public func requireIdentity() throws -> Identity {
        guard let identity else { throw AppError.unauthenticated }
        return identity
    }
}
