import Configuration
import Foundation

/// Everything the server needs to start. Command-line flags win over environment variables, which win over defaults.
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// `CTTECH_DATABASE_URL`: a PostgreSQL URL or an SQLite file path (default `./cttech.sqlite`).
    public var databaseURL: String
    /// Load the fictional demo partner state and its accounts on start.
    public var demo: Bool
    /// Cookies get the `__Host-` prefix and `Secure`. Off only for plain http on a loopback address (see docs/security.md).
    public var secureCookies: Bool
    /// bcrypt cost; 12 in production, lower only in tests.
    public var bcryptCost: UInt8
    public var sessionLifetimeSeconds: Int
    /// `json` (production) or `text`.
    public var logFormat: String
    public var logLevel: String
    /// Login attempts allowed per account and client address in five minutes (`CTTECH_LOGIN_LIMIT`, default 10): a workshop
    /// room behind one venue connection is not locked out by one another's typos.
    public var loginLimitPerAccount: Int
    /// Login attempts allowed per client address in five minutes, whatever the account (`CTTECH_LOGIN_ADDRESS_LIMIT`,
    /// default 300): a ceiling on password spraying from one address.
    public var loginLimitPerAddress: Int
    /// The bearer token `/metrics` asks for (`CTTECH_METRICS_TOKEN`). Without one `/metrics` answers 404: request counters
    /// would tell an anonymous visitor that someone is scoring during a private round.
    public var metricsToken: String?
    /// Joins to live sessions allowed per client address in a minute (`CTTECH_LIVE_JOIN_LIMIT`, default 300: a venue's
    /// phones may all come through one address), and answers per participant device in a minute
    /// (`CTTECH_LIVE_ANSWER_LIMIT`, default 120).
    public var liveJoinLimitPerAddress: Int
    public var liveAnswerLimitPerDevice: Int
    /// The address phones reach this server at (`CTTECH_PUBLIC_URL`, e.g. `https://cttech.example.org`), for the join link
    /// and QR code of live sessions behind a proxy or load balancer; unset, the address the facilitator's browser used.
    /// Only an `http` or `https` URL without a path, query or space is taken.
    public var publicURL: String?
    /// The smallest group of people a programme dashboard or export publishes (`CTTECH_MINIMUM_CELL`, default 5; 1 publishes
    /// every count): smaller counts are suppressed, and others with them so they cannot be worked out (issue 13).
    public var minimumCell: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, databaseURL: String = "cttech.sqlite", demo: Bool = false, secureCookies: Bool? = nil,
        bcryptCost: UInt8 = 12, sessionLifetimeSeconds: Int = 8 * 3600, logFormat: String = "json", logLevel: String = "info",
        loginLimitPerAccount: Int = 10, loginLimitPerAddress: Int = 300, metricsToken: String? = nil, liveJoinLimitPerAddress: Int = 300,
        liveAnswerLimitPerDevice: Int = 120, publicURL: String? = nil, minimumCell: Int = 5
    ) {
        self.host = host
        self.port = port
        self.databaseURL = databaseURL
        self.demo = demo
        self.secureCookies = secureCookies ?? !Self.isLoopback(host)
        self.bcryptCost = bcryptCost
        self.sessionLifetimeSeconds = sessionLifetimeSeconds
        self.logFormat = logFormat
        self.logLevel = logLevel
        self.loginLimitPerAccount = max(1, loginLimitPerAccount)
        self.loginLimitPerAddress = max(1, loginLimitPerAddress)
        self.metricsToken = metricsToken.flatMap { $0.isEmpty ? nil : $0 }
        self.liveJoinLimitPerAddress = max(1, liveJoinLimitPerAddress)
        self.liveAnswerLimitPerDevice = max(1, liveAnswerLimitPerDevice)
        self.publicURL = publicURL.flatMap(Self.origin)
        self.minimumCell = min(max(1, minimumCell), 100)
    }

    /// `url` without its trailing slash when it is a bare http(s) origin, else nil.
    static func origin(_ url: String) -> String? {
        let trimmed = url.hasSuffix("/") ? String(url.dropLast()) : url
        guard let components = URLComponents(string: trimmed), ["http", "https"].contains(components.scheme ?? ""),
            let host = components.host, !host.isEmpty, components.path.isEmpty, components.query == nil, components.fragment == nil,
            components.user == nil, !trimmed.contains(" ")
        else { return nil }
        return trimmed
    }

    /// Reads `CTTECH_*` environment variables under the given flag values.
    public static func load(host: String? = nil, port: Int? = nil, demo: Bool = false, environment: ConfigReader? = nil) -> AppConfiguration {
        let config = environment ?? ConfigReader(provider: EnvironmentVariablesProvider())
        let resolvedHost = host ?? config.string(forKey: "cttech.host", default: "127.0.0.1")
        let secure = config.string(forKey: "cttech.secure.cookies").map { ["1", "true", "yes"].contains($0.lowercased()) }
        return AppConfiguration(
            host: resolvedHost,
            port: port ?? config.int(forKey: "cttech.port", default: 8080),
            databaseURL: config.string(forKey: "cttech.database.url", default: "cttech.sqlite"),
            demo: demo || config.bool(forKey: "cttech.demo", default: false),
            secureCookies: secure,
            bcryptCost: UInt8(clamping: config.int(forKey: "cttech.bcrypt.cost", default: 12)),
            sessionLifetimeSeconds: config.int(forKey: "cttech.session.hours", default: 8) * 3600,
            logFormat: config.string(forKey: "cttech.log.format", default: "json"),
            logLevel: config.string(forKey: "cttech.log.level", default: "info"),
            loginLimitPerAccount: config.int(forKey: "cttech.login.limit", default: 10),
            loginLimitPerAddress: config.int(forKey: "cttech.login.address.limit", default: 300),
            metricsToken: config.string(forKey: "cttech.metrics.token"),
            liveJoinLimitPerAddress: config.int(forKey: "cttech.live.join.limit", default: 300),
            liveAnswerLimitPerDevice: config.int(forKey: "cttech.live.answer.limit", default: 120),
            publicURL: config.string(forKey: "cttech.public.url"),
            minimumCell: config.int(forKey: "cttech.minimum.cell", default: 5)
        )
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }

    var sessionCookieName: String { secureCookies ? "__Host-cttech_session" : "cttech_session" }
    var loginCSRFCookieName: String { secureCookies ? "__Host-cttech_login" : "cttech_login" }
    /// The live participant's device token (issue 12).
    var liveDeviceCookieName: String { secureCookies ? "__Host-cttech_live" : "cttech_live" }
}
