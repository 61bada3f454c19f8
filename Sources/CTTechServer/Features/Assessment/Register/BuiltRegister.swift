import CTTechCore
import CTTechWeb
import Foundation
import NIOCore

/// A register computed once per revision of its assessment, with its JSON, CSV and charts already made: pages, charts,
/// downloads and the API serve bytes without recomputing, re-encoding or redrawing.
struct BuiltRegister: Sendable {
    let key: RegisterCache.Key
    let document: RegisterDocument
    let json: ByteBuffer
    let csv: ByteBuffer
    /// The charts in English; other languages are drawn when first asked for (``Registers/chart(_:of:language:)``).
    let charts: [RegisterChartKind: ByteBuffer]
    /// A strong validator for conditional requests: the SHA-256 of the register's JSON, so it changes only when what
    /// the viewer sees changes — not when someone scores in a private round (issue 8, item 17), which bumps the revision.
    let etag: String

    /// Encodes and draws everything served from `document` (off the request path, in the register's computation).
    init(key: RegisterCache.Key, document: RegisterDocument) throws {
        self.key = key
        self.document = document
        let json = try document.json()
        self.json = ByteBuffer(bytes: json)
        self.etag = "\"" + Identifier.sha256Hex(String(decoding: json, as: UTF8.self)) + "\""
        self.csv = ByteBuffer(string: document.csv())
        self.charts = Dictionary(
            uniqueKeysWithValues: RegisterChartKind.allCases.map { ($0, ByteBuffer(string: RegisterChart.draw($0, document, localizer: .english))) })
    }
}
