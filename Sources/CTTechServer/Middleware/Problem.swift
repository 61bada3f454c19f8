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

    /// `title`, `detail` and each problem's `message` are in the localizer's language (named in `Content-Language`); the
    /// field names and the status stay as they are, for programs.
    static func response(
        status: HTTPResponse.Status, title: String, detail: String, issues: [FieldIssue], localizer: Localizer, instance: String
    ) -> Response {
        let errors = issues.map { FieldIssue(field: $0.field, message: $0.text(localizer)) }
        let body = Body(title: title, status: Int(status.code), detail: detail, instance: instance, errors: errors.isEmpty ? nil : errors)
        let data = (try? JSONEncoder().encode(body)) ?? Data("{\"title\":\"error\"}".utf8)
        return Response(
            status: status, headers: [.contentType: "application/problem+json", .contentLanguage: localizer.language.rawValue],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
