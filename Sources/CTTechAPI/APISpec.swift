// The generated types and server protocol come from openapi.yaml via the OpenAPIGenerator plugin.
import Foundation
import OpenAPIRuntime

/// The OpenAPI document this target was generated from, as shipped in the bundle.
public enum APISpec {
    public static var url: URL? { Bundle.module.url(forResource: "openapi", withExtension: "yaml") }
}
