import CTTechAPI
import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird
import Prometheus

/// Health, metrics, static assets and the API description.
struct SystemController {
    let persistence: Persistence
    let metrics: PrometheusCollectorRegistry
    let metricsToken: String?

    init(_ services: AppServices, metrics: PrometheusCollectorRegistry) {
        persistence = services.persistence
        self.metrics = metrics
        metricsToken = services.configuration.metricsToken
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.healthz, .anonymous) { _, _, _ in
            do {
                try await self.persistence.ping()
                return Self.json(#"{"status":"ok","database":"ok"}"#, status: .ok)
            } catch {
                return Self.json(#"{"status":"degraded","database":"unavailable"}"#, status: .serviceUnavailable)
            }
        }
        // Request counters would tell anyone that somebody scored during a private round (issue 8, item 17): /metrics
        // answers only a scraper holding the configured token, and does not exist without one.
        routes.get(.metrics, .anonymous) { request, _, _ in
            guard let metricsToken else { throw AppError.notFound }
            let presented = request.headers[.authorization].map { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : "" } ?? ""
            guard Identifier.sha256Hex(presented) == Identifier.sha256Hex(metricsToken) else {
                return Response(status: .unauthorized, headers: [.wwwAuthenticate: #"Bearer realm="metrics""#])
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        // The stylesheet and the one script (progressive: every page works without it), read once.
        let assets = Dictionary(
            uniqueKeysWithValues: ["app.css", "score.js", "live.js"].compactMap { name in PageRenderer.staticAsset(named: name).map { (name, $0) } })
        routes.get(.staticFile(name: .parameter), .anonymous) { _, context, _ in
            guard let name = context.parameters.get("name"), let asset = assets[name] else { throw AppError.notFound }
            return Response(status: .ok, headers: [.contentType: asset.contentType], body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
        let spec = APISpec.url.flatMap { try? Data(contentsOf: $0) }
        routes.get(.openAPISpec, .anonymous) { _, _, _ in
            guard let spec else { throw AppError.notFound }
            return Response(status: .ok, headers: [.contentType: "application/yaml"], body: .init(byteBuffer: ByteBuffer(bytes: spec)))
        }
    }

    static func json(_ text: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
