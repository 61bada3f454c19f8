import CTTechCore
import CTTechStore
import Hummingbird

/// The identity of the request in flight, for the generated OpenAPI handlers, which do not see the request context.
enum RequestIdentity {
    @TaskLocal static var current: Identity?
    @TaskLocal static var session: LoginSession?
}
