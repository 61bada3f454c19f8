import CTTechCore
import Foundation
import SQLKit

/// Writes a checked import in one transaction (``AssessmentImportRepository``).
public struct AssessmentImportStore: AssessmentImportRepository {
    let persistence: Persistence
    /// The source of workshop input that came in a file.
    static let importSource = "import"

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    /// Writes a checked import plan (``AssessmentImport/plan(stateID:method:assessors:reviewers:focalPoints:importer:now:makeID:)``)
    /// in one transaction with one audit entry: all of it, or — on any error — nothing.
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
            // Workshop participants' scores and rankings are kept apart, as ``ScoringStore/addWorkshopInput`` keeps them.
            let (workshop, accounts) = (
                plan.scores.filter { WorkshopInput.isWorkshop($0.assessorID) }, plan.scores.filter { !WorkshopInput.isWorkshop($0.assessorID) }
            )
            try await Self.insert(
                "scenario_scores", try accounts.map { try ScoringStore.ScoreRow($0, assessmentID: assessmentID, stateID: state, createdAt: now) },
                on: tx)
            try await Self.insert(
                "workshop_scores",
                try workshop.map {
                    try ScoringStore.ScoreRow($0, assessmentID: assessmentID, stateID: state, createdAt: now, source: Self.importSource)
                }, on: tx)
            try await Self.insert(
                "workshop_rankings",
                try plan.rankings.map {
                    ScoringStore.RankingRow(
                        assessmentId: assessmentID, stateId: state, round: $0.round, ranker: $0.ranker,
                        ranks: String(decoding: try JSONEncoder.sorted.encode($0.ranks), as: UTF8.self), topK: $0.limit, source: Self.importSource,
                        createdAt: now)
                }, on: tx)
            try await Self.insert(
                "workshop_sources",
                Set(workshop.map(\.round) + plan.rankings.map(\.round)).sorted().map {
                    ScoringStore.SourceRow(
                        assessmentId: assessmentID, stateId: state, round: $0, source: Self.importSource, label: Self.importSource, addedAt: now)
                }, on: tx)
            try await Self.insert(
                "other_risks",
                plan.otherRisks.enumerated().map {
                    OtherRiskStore.OtherRiskRow($1, assessmentID: assessmentID, stateID: state, createdAt: now + Int64($0))
                }, on: tx)
            try await Self.insertResponses(plan, stateID: state, now: now, on: tx)
            try await Self.insertCapability(plan.capability, stateID: state, now: now, on: tx)
            var event = audit
            (event.entityType, event.entityID) = ("assessment", assessmentID)
            event.details["counts"] = plan.counts
            try await AuditLogStore.append(event, on: tx, kind: kind)
        }
    }

    /// The plan's policy responses with their targets, effects and partners, answers, overrides, indicators and actuals, in
    /// the tables of ``PolicyStore`` (M0010) and with its rows. They address only the new assessment's risks, whose register
    /// is new, so no other register is renewed.
    static func insertResponses(_ plan: AssessmentImport.Plan, stateID: String, now: Int64, on tx: any SQLDatabase) async throws {
        guard !plan.responses.isEmpty else { return }
        let held =
            try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("policy_responses")
            .where("state_id", .equal, SQLBind(stateID)).first(decoding: PolicyStore.CountRow.self)?.n ?? 0
        guard held + plan.responses.count <= PolicyLimits.responses else { throw StoreConflict.duplicate(field: "responses") }
        // Creation times keep the file's order of responses.
        try await insert(
            "policy_responses", plan.responses.enumerated().map { PolicyStore.ResponseRow($1, stateID: stateID, createdAt: now + Int64($0)) },
            on: tx, nils: .asNil)
        for response in plan.responses { try await PolicyStore.writeChildren(of: response, stateID: stateID, on: tx) }
        try await insert(
            "response_reviews", plan.reviews.map { PolicyStore.ReviewRow($0, responseID: $0.responseID, stateID: stateID) }, on: tx, nils: .asNil)
        try await insert("response_overrides", plan.overrides.map { PolicyStore.OverrideRow($0, stateID: stateID) }, on: tx)
        var positions: [String: Int] = [:]
        var indicatorRows: [PolicyStore.IndicatorRow] = []
        for indicator in plan.indicators {
            let position = positions[indicator.responseID, default: 0]
            positions[indicator.responseID] = position + 1
            indicatorRows.append(PolicyStore.IndicatorRow(indicator, stateID: stateID, position: position, createdAt: now))
        }
        try await insert("response_indicators", indicatorRows, on: tx)
        try await insert(
            "indicator_actuals",
            plan.indicators.flatMap { indicator in
                indicator.actuals.map { PolicyStore.ActualRow($0, responseID: indicator.responseID, stateID: stateID, createdAt: now) }
            }, on: tx)
    }

    /// The plan's capability assessments with their evidence, answers and targets, in the tables of ``CapabilityStore``
    /// (M0011) and with its rows; more assessments than ``CapabilityLimits/assessments`` in the state are refused.
    static func insertCapability(_ plan: AssessmentImport.CapabilityPlan, stateID: String, now: Int64, on tx: any SQLDatabase) async throws {
        guard !plan.assessments.isEmpty else { return }
        let held =
            try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("capability_assessments")
            .where("state_id", .equal, SQLBind(stateID)).first(decoding: CapabilityStore.CountRow.self)?.n ?? 0
        guard held + plan.assessments.count <= CapabilityLimits.assessments else { throw StoreConflict.duplicate(field: "assessments") }
        try await insert(
            "capability_assessments", try plan.assessments.map { try CapabilityStore.AssessmentRow($0, stateID: stateID) }, on: tx, nils: .asNil)
        var positions: [String: Int] = [:]
        var evidenceRows: [CapabilityStore.EvidenceRow] = []
        for evidence in plan.evidence {
            let position = positions[evidence.assessmentID, default: 0]
            positions[evidence.assessmentID] = position + 1
            evidenceRows.append(CapabilityStore.EvidenceRow(evidence, stateID: stateID, position: position, createdAt: now + Int64(position)))
        }
        try await insert("capability_evidence", evidenceRows, on: tx, nils: .asNil)
        try await insert("capability_answers", try plan.answers.map { try CapabilityStore.AnswerRow($0, stateID: stateID) }, on: tx)
        try await insert("capability_targets", plan.targets.map { CapabilityStore.TargetRow($0, stateID: stateID) }, on: tx)
    }

    /// Active accounts with a grant, for the scope's state, of a role that carries `permission`.
    public func people(_ scope: TenantScope, holding permission: Permission) async throws -> [String: String] {
        struct Row: Codable {
            var id: String
            var email: String
        }
        let roles = permission.stateRoles.map(\.rawValue).sorted()
        guard !roles.isEmpty else { return [:] }
        let rows = try await persistence.sql.select().column(SQLColumn("id", table: "users")).column(SQLColumn("email", table: "users"))
            .from("users").join("role_grants", on: SQLColumn("user_id", table: "role_grants"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("state_id", table: "role_grants"), .equal, SQLBind(scope.stateID))
            .where(SQLColumn("role", table: "role_grants"), .in, SQLBind.group(roles))
            .where(SQLColumn("is_active", table: "users"), .equal, SQLBind(true))
            .limit(10_000)
            .all(decoding: Row.self)
        return Dictionary(rows.map { ($0.email.lowercased(), $0.id) }, uniquingKeysWith: { a, _ in a })
    }

    /// Multi-row inserts in batches small enough for SQLite's limit on bound parameters. Rows with optional values need
    /// `nils: .asNil`, so every row of a batch names the same columns.
    static func insert<Row: Encodable>(
        _ table: String, _ rows: [Row], on tx: any SQLDatabase, nils: SQLQueryEncoder.NilEncodingStrategy = .default
    ) async throws {
        var start = 0
        while start < rows.count {
            let batch = Array(rows[start..<min(start + 100, rows.count)])
            try await tx.insert(into: table).models(batch, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: nils).run()
            start += batch.count
        }
    }
}
