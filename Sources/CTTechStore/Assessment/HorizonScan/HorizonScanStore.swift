import CTTechCore
import Foundation
import SQLKit

/// Step 2's horizon scan (``HorizonScanRepository``).
public struct HorizonScanStore: HorizonScanRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct ScanRow: Codable {
        var assessmentId: String
        var stateId: String
        var technology: String
        var stage: String
        var trend: String
        var notes: String
        var updatedAt: Int64

        var entry: HorizonScanEntry? {
            guard let stage = DiffusionStage(rawValue: stage), let trend = Trend(rawValue: trend) else { return nil }
            return HorizonScanEntry(technology: technology, stage: stage, trend: trend, notes: notes)
        }
    }

    /// Records or replaces one technology's line of the scan.
    public func setScanEntry(_ entry: HorizonScanEntry, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await tx.delete(from: "horizon_scan").where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(scope.stateID)).where("technology", .equal, SQLBind(entry.technology)).run()
            try await tx.insert(into: "horizon_scan")
                .model(
                    ScanRow(
                        assessmentId: assessmentID, stateId: scope.stateID, technology: entry.technology, stage: entry.stage.rawValue,
                        trend: entry.trend.rawValue, notes: entry.notes, updatedAt: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase
                ).run()
        }
    }

    public func horizonScan(_ scope: TenantScope, assessmentID: String) async throws -> [HorizonScanEntry] {
        try await rows("horizon_scan", scope, assessmentID, order: "technology", as: ScanRow.self).compactMap(\.entry)
    }
}
