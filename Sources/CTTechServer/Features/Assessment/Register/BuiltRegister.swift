import CTTechCore
import CTTechWeb
import Foundation
import NIOCore

/// A register computed once per revision of its assessment, with its JSON already encoded: pages, charts, downloads and
/// the API serve it without recomputing or re-encoding.
struct BuiltRegister: Sendable {
    let key: RegisterCache.Key
    let document: RegisterDocument
    let json: ByteBuffer
    /// A strong validator for conditional requests: the assessment and its revision.
    let etag: String
}
