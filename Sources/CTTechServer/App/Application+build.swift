import CTTechAPI
import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird
import Logging
import Metrics
import OpenAPIHummingbird
import Prometheus
import ServiceLifecycle

/// The composition root: opens the database, wires services, routes and middleware. `main` and the tests both call it;
/// tests may pass the services they seeded with, so that what the application caches is what they inspect.
public func buildApplication(
    configuration: AppConfiguration, persistence: Persistence? = nil, services given: AppServices? = nil, logger: Logger? = nil
) async throws
    -> some ApplicationProtocol
{
    let logger = logger ?? Logger(label: "cttech")
    let persistence = try persistence ?? Persistence(location: DatabaseLocation.parse(configuration.databaseURL), logger: logger)
    let services: AppServices
    let router: Router<AppRequestContext>
    do {
        // A failure before the server runs closes the database again, so start-up errors end with a message, not a crash.
        try await persistence.prepare()
        if let given {
            services = given
        } else {
            services = AppServices(configuration: configuration, persistence: persistence, pages: try await PageRenderer())
        }
        if configuration.demo {
            let logins = try await DemoData.seed(services)
            DemoData.announce(logins, configuration: configuration)
        } else if try await services.accounts.count() == 0 {
            print("No accounts yet. Create the first administrator with:\n  cttech user create --admin --email you@example.org --name \"Your Name\"")
        }
        router = try buildRouter(services: services).router
    } catch {
        await persistence.shutdown()
        throw error
    }
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cttech"),
        services: [
            PersistenceService(persistence), SessionCleanup(sessions: services.sessions, logger: logger),
            LiveListenerService(notifier: LiveNotifier(persistence, logger: logger), broadcaster: services.liveBroadcaster),
        ],
        onServerRunning: { channel in
            let metadata: Logger.Metadata = ["address": "\(channel.localAddress?.description ?? "?")", "database": "\(persistence.location)"]
            logger.info("cttech is listening", metadata: metadata)
        },
        logger: logger
    )
}

/// Builds the application and serves until SIGTERM or SIGINT (the `serve` command).
public func runServer(configuration: AppConfiguration) async throws {
    try await buildApplication(configuration: configuration).runService()
}

/// The router and the table of every web route with its access rule (the access-matrix test walks it).
public struct BuiltRouter {
    public let router: Router<AppRequestContext>
    public let routes: [RouteEntry]
}

public func buildRouter(services: AppServices) throws -> BuiltRouter {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: ResponseHeadersMiddleware(strictTransportSecurity: services.configuration.secureCookies))
    // Logs and metrics sit outside the error middleware, so they record the status the client got (404, 409…), not
    // every handled error as a 500.
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ErrorMiddleware(pages: services.pages))
    router.add(middleware: AuthenticationMiddleware(services))
    router.add(middleware: NoticeMiddleware())
    router.add(middleware: FormMiddleware(configuration: services.configuration))
    let routes = RouteTable(router: router)
    // One controller per feature; each takes from the wiring only what it uses.
    SystemController(services, metrics: MetricsBootstrap.registry).addRoutes(to: routes)
    AuthController(services).addRoutes(to: routes)
    AccountController(services).addRoutes(to: routes)
    LanguageController(services).addRoutes(to: routes)
    StateController(services).addRoutes(to: routes)
    AdminController(services).addRoutes(to: routes)
    ReferenceController(services).addRoutes(to: routes)
    AssessmentController(services).addRoutes(to: routes)
    InstitutionsController(services).addRoutes(to: routes)
    HorizonScanController(services).addRoutes(to: routes)
    ScoringController(services).addRoutes(to: routes)
    RegisterController(services).addRoutes(to: routes)
    ApprovalController(services).addRoutes(to: routes)
    PolicyController(services).addRoutes(to: routes)
    ReviewController(services).addRoutes(to: routes)
    MeasurementController(services).addRoutes(to: routes)
    PolicyViewsController(services).addRoutes(to: routes)
    CapabilityController(services).addRoutes(to: routes)
    PlanController(services).addRoutes(to: routes)
    RoadmapController(services).addRoutes(to: routes)
    FrameworkController(services).addRoutes(to: routes)
    LiveController(services).addRoutes(to: routes)
    ProgrammeController(services).addRoutes(to: routes)
    ProgrammeController(services).addExportRoutes(to: routes)
    ProgrammeAgendaController(services).addRoutes(to: routes, events: ProgrammeController(services))
    FollowUpController(services).addRoutes(to: routes)
    PracticeController(services).addRoutes(to: routes)
    ParticipantController(services).addRoutes(to: routes)
    APIRawRoutes(services).addRoutes(to: router)
    // Compact JSON: smaller on slow venue networks and cheaper to encode than the generator's pretty-printed default.
    try APIHandler(services: services).registerHandlers(
        on: router, serverURL: Servers.Server1.url(), configuration: .init(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes]))
    return BuiltRouter(router: router, routes: routes.entries)
}
