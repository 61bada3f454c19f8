import CTTechCore
import CTTechWeb
import Hummingbird

/// One registered web route, kept so that tests can walk every route (the access matrix grows with each new route).
public struct RouteEntry: Sendable, Hashable {
    public let method: HTTPRequest.Method
    public let path: String
    public let access: RouteAccess
}
