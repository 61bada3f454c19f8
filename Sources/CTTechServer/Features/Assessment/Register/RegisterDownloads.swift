import CTTechCore
import CTTechWeb
import HTTPTypes
import Hummingbird
import NIOCore

enum Downloads {
    /// The register's bytes, as a named download (`attachment`) or as an API body; `If-None-Match` with the current ETag
    /// answers 304 without a body. With a `language`, the CSV for people in that language (``RegisterDocument/csv(in:)``),
    /// with its own ETag and file name; without, the stable CSV of column keys and English values.
    static func register(
        _ built: BuiltRegister, format: RegisterExportFormat, assessment: Assessment, request: Request?, attachment: Bool = true,
        language: Language? = nil
    ) -> Response {
        let etag = language.map { String(built.etag.dropLast()) + "-" + $0.rawValue + "\"" } ?? built.etag
        var headers: HTTPFields = [.eTag: etag]
        if let request, request.headers[.ifNoneMatch] == etag { return Response(status: .notModified, headers: headers) }
        if attachment {
            let marking = assessment.tlp.rawValue.replacingOccurrences(of: "+", with: "-")
            let name = "register-\(marking)-\(assessment.id.prefix(8))" + (language.map { "-" + $0.rawValue } ?? "") + "." + format.rawValue
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        }
        switch format {
        case .json:
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: built.json))
        case .csv:
            headers[.contentType] = "text/csv; charset=utf-8"
            guard let language else { return Response(status: .ok, headers: headers, body: .init(byteBuffer: built.csv)) }
            headers[.contentLanguage] = language.rawValue
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: built.document.csv(in: Localizer(language)))))
        }
    }

    /// The `language` query parameter of a download: nil when absent, one of the six languages' codes, or a 400 naming
    /// the codes it accepts.
    static func language(_ request: Request) throws -> Language? {
        guard let code = request.uri.queryParameters.get("language") else { return nil }
        guard let language = Language(rawValue: code) else {
            throw AppError.badRequest(
                Message(
                    "register.download.unknown-language",
                    ["language": String(code.prefix(20)), "languages": Language.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        return language
    }
}
