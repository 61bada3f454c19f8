import CTTechCore
import Foundation
import SQLKit

/// Writes a checked import in one transaction (``AssessmentImportRepository``).
public struct AssessmentImportStore: AssessmentImportRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    /// Writes a checked import plan (``AssessmentImport/plan(stateID:method:assessors:makeID:)``) in one transaction with
    /// one audit entry: all of it, or — on any error — nothing.
    public func importAssessment(_ plan: AssessmentImport.Plan, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(plan.assessment.stateID == scope.stateID, "a scope for one state cannot import into another")
        let kind = persistence.kind
        let state = scope.stateID
        let assessmentID = plan.assessment.id
        try await persistence.write { tx in
            let now = epochMilliseconds()
            let a = plan.assessment
            try await tx.insert(into: "assessments")
                .model(
                    AssessmentStore.AssessmentRow(
                        id: a.id, stateId: state, title: a.title, period: a.period, horizonYears: a.horizonYears, methodVersion: a.methodVersion,
                        tlp: a.tlp.rawValue, status: a.status.rawValue, version: a.version, createdAt: now, updatedAt: now),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            try await Self.insert(
                "scoring_rounds",
                plan.rounds.map {
                    ScoringStore.RoundRow(
                        assessmentId: assessmentID, stateId: state, number: $0.number, status: $0.status.rawValue, changedAt: now,
                        numberingSalt: ScoreVisibility.newNumberingSalt())
                },
                on: tx)
            try await Self.insert(
                "agencies",
                plan.agencies.map {
                    InstitutionsStore.AgencyRow(
                        id: $0.id, assessmentId: assessmentID, stateId: state, name: $0.name, kind: $0.kind.rawValue, mandate: $0.mandate,
                        createdAt: now)
                }, on: tx)
            try await Self.insert(
                "raci_assignments",
                plan.raci.map {
                    InstitutionsStore.RaciRow(
                        assessmentId: assessmentID, stateId: state, activity: $0.activity.rawValue, agencyId: $0.agencyID, role: $0.role.rawValue)
                }, on: tx)
            try await Self.insert(
                "horizon_scan",
                plan.horizonScan.map {
                    HorizonScanStore.ScanRow(
                        assessmentId: assessmentID, stateId: state, technology: $0.technology, stage: $0.stage.rawValue, trend: $0.trend.rawValue,
                        notes: $0.notes, updatedAt: now)
                }, on: tx)
            // Creation times keep the file's order of scenarios.
            try await Self.insert(
                "scenarios", plan.scenarios.enumerated().map { ScoringStore.ScenarioRow($1, stateID: state, createdAt: now + Int64($0)) }, on: tx)
            try await Self.insert(
                "evidence_items",
                plan.evidence.enumerated().map {
                    EvidenceStore.EvidenceRow($1, assessmentID: assessmentID, stateID: state, createdAt: now + Int64($0))
                }, on: tx)
            try await Self.insert(
                "scenario_scores", try plan.scores.map { try ScoringStore.ScoreRow($0, assessmentID: assessmentID, stateID: state, createdAt: now) },
                on: tx)
            try await Self.insert(
                "other_risks",
                plan.otherRisks.enumerated().map {
                    OtherRiskStore.OtherRiskRow($1, assessmentID: assessmentID, stateID: state, createdAt: now + Int64($0))
                }, on: tx)
            var event = audit
            (event.entityType, event.entityID) = ("assessment", assessmentID)
            event.details["counts"] =
                "agencies \(plan.agencies.count), scan \(plan.horizonScan.count), scenarios \(plan.scenarios.count), "
                + "evidence \(plan.evidence.count), rounds \(plan.rounds.count), scores \(plan.scores.count), other risks \(plan.otherRisks.count)"
            try await AuditLogStore.append(event, on: tx, kind: kind)
        }
    }

    /// Multi-row inserts in batches small enough for SQLite's limit on bound parameters.
    static func insert<Row: Encodable>(_ table: String, _ rows: [Row], on tx: any SQLDatabase) async throws {
        var start = 0
        while start < rows.count {
            let batch = Array(rows[start..<min(start + 100, rows.count)])
            try await tx.insert(into: table).models(batch, keyEncodingStrategy: .convertToSnakeCase).run()
            start += batch.count
        }
    }
}
