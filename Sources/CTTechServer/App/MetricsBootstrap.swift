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

/// Process-wide metrics: bootstrapped once, whatever number of applications a test process builds.
enum MetricsBootstrap {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}
