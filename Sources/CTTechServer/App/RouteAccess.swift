import CTTechCore
import CTTechWeb
import Hummingbird

/// What a route requires before its handler runs.
public enum RouteAccess: Sendable, Hashable {
    /// Anyone, signed in or not (login page, health, static files).
    case anonymous
    /// Any signed-in user.
    case signedIn
    /// Programme-wide administrators.
    case administrator
    /// A user allowed `permission` on the partner state named by the `{stateID}` path parameter.
    case state(Permission)
    /// A user allowed `permission` on the programme's records of at least one state (issue 13); the handler gets the
    /// ``ProgrammeScope`` of every state where they are.
    case programme(Permission)
}
