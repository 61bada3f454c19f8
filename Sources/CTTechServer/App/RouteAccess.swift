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
}
