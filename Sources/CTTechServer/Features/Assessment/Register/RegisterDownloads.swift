import CTTechCore
import CTTechWeb
import HTTPTypes
import Hummingbird
import NIOCore

enum Downloads {
    /// The register's bytes, as a named download (`attachment`) or as an API body; `If-None-Match` with the current ETag
    /// answers 304 without a body.
    static func register(
        _ built: BuiltRegister, format: RegisterExportFormat, assessment: Assessment, request: Request?, attachment: Bool = true
    ) -> Response {
        var headers: HTTPFields = [.eTag: built.etag]
        if let request, request.headers[.ifNoneMatch] == built.etag { return Response(status: .notModified, headers: headers) }
        if attachment {
            let name = "register-\(assessment.tlp.rawValue.replacingOccurrences(of: "+", with: "-"))-\(assessment.id.prefix(8)).\(format.rawValue)"
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        }
        switch format {
        case .json:
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: built.json))
        case .csv:
            headers[.contentType] = "text/csv; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: built.csv))
        }
    }
}
