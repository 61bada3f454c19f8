import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// What the suites that drive one module through the JSON API share: decoding answers and problems, bearer headers and
/// the audit head that tells whether anything was written.
protocol JSONAPITest {}

/// ISO 8601 dates, as the API writes them.
let jsonAPITestDecoder: JSONDecoder = {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
}()

extension JSONAPITest {
    func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try jsonAPITestDecoder.decode(type, from: Data(buffer: response.body))
    }

    func problem(_ response: TestResponse) throws -> Components.Schemas.Problem {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try decode(Components.Schemas.Problem.self, response)
    }

    /// The fields a problem names, in its order.
    func fields(_ response: TestResponse) throws -> [String] {
        try problem(response).errors?.map(\.field) ?? []
    }

    func auth(_ world: TestWorld, _ role: Role) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await world.bearer(role))"]
    }

    /// The sequence number of the newest audit entry: unchanged when nothing was written.
    func auditHead(_ world: TestWorld) async throws -> Int64? {
        try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
    }
}
