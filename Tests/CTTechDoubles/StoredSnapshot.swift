import CTTechCore
import Foundation

/// A snapshot as the SQL store keeps it: the content as sorted-key JSON text and the SHA-256 of that text, checked on
/// every read.
struct StoredSnapshot: Sendable {
    var id: String
    var number: Int
    var approvedBy: String
    var approvedAt: Int64
    var sha256: String
    var content: String

    /// The snapshot, or nil when its content no longer matches its hash (as the SQL store leaves such a row out).
    func snapshot(assessmentID: String) -> AssessmentSnapshot? {
        guard Identifier.sha256Hex(content) == sha256, let decoded = try? JSONDecoder().decode(SnapshotContent.self, from: Data(content.utf8))
        else { return nil }
        return AssessmentSnapshot(
            id: id, assessmentID: assessmentID, number: number, approvedBy: approvedBy, approvedAt: approvedAt, sha256: sha256, content: decoded)
    }
}
