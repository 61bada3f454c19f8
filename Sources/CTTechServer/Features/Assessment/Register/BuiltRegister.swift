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
    let charts: [RegisterChartKind: ByteBuffer]
    /// A strong validator for conditional requests: the assessment and its revision.
    let etag: String

    /// Encodes and draws everything served from `document` (off the request path, in the register's computation).
    init(key: RegisterCache.Key, document: RegisterDocument, etag: String) throws {
        self.key = key
        self.document = document
        self.json = ByteBuffer(bytes: try document.json())
        self.csv = ByteBuffer(string: document.csv())
        self.charts = Dictionary(uniqueKeysWithValues: RegisterChartKind.allCases.map { ($0, ByteBuffer(string: RegisterChart.draw($0, document))) })
        self.etag = etag
    }
}
