import CTTechCore
import CTTechWeb
import Foundation
import Hummingbird
import Logging
import OpenAPIRuntime

/// RFC 9457 problem details.
enum Problem {
    struct Body: Encodable {
        var type = "about:blank"
        var title: String
        var status: Int
        var detail: String
        var instance: String
        var errors: [FieldIssue]?
    }

    static func response(status: HTTPResponse.Status, title: String, detail: String, issues: [FieldIssue], instance: String) -> Response {
        let body = Body(title: title, status: Int(status.code), detail: detail, instance: instance, errors: issues.isEmpty ? nil : issues)
        let data = (try? JSONEncoder().encode(body)) ?? Data("{\"title\":\"error\"}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/problem+json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
