import CTTechCore
import Foundation
import SQLKit

/// Assessments of one partner state (``AssessmentRepository``): every method takes a ``TenantScope`` and filters on its
/// state, so a scope for one state can never read or write another's rows.
public struct AssessmentStore: AssessmentRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct AssessmentRow: Codable {
        var id: String
        var stateId: String
        var title: String
        var period: String
        var horizonYears: Int
        var methodVersion: String
        var tlp: String
        var status: String
        var version: Int
        var createdAt: Int64
        var updatedAt: Int64

        var assessment: Assessment {
            Assessment(
                id: id, stateID: stateId, title: title, period: period, horizonYears: horizonYears, methodVersion: methodVersion,
                tlp: TLP(rawValue: tlp) ?? .amber, status: Assessment.Status(rawValue: status) ?? .draft, version: version)
        }
    }

    // MARK: Assessments

    /// Opens an assessment with round 1 open for scoring.
    public func create(_ assessment: Assessment, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(assessment.stateID == scope.stateID, "a scope for one state cannot write another's assessment")
        let kind = persistence.kind
        try await persistence.write { tx in
            let now = epochMilliseconds()
            try await tx.insert(into: "assessments")
                .model(
                    AssessmentRow(
                        id: assessment.id, stateId: scope.stateID, title: assessment.title, period: assessment.period,
                        horizonYears: assessment.horizonYears, methodVersion: assessment.methodVersion, tlp: assessment.tlp.rawValue,
                        status: assessment.status.rawValue, version: assessment.version, createdAt: now, updatedAt: now),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            try await tx.insert(into: "scoring_rounds")
                .model(
                    ScoringStore.RoundRow(
                        assessmentId: assessment.id, stateId: scope.stateID, number: 1, status: "open", changedAt: now,
                        numberingSalt: ScoreVisibility.newNumberingSalt()),
                    keyEncodingStrategy: .convertToSnakeCase
                )
                .run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// The state's assessments, newest first.
    public func list(_ scope: TenantScope) async throws -> [Assessment] {
        try await persistence.sql.select().column("*").from("assessments").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("created_at", .descending).limit(500)
            .all(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.assessment)
    }

    /// One assessment of the scope's state, or nil (also when it belongs to another state).
    public func find(_ scope: TenantScope, id: String) async throws -> Assessment? {
        try await persistence.sql.select().column("*").from("assessments").where("id", .equal, SQLBind(id))
            .where("state_id", .equal, SQLBind(scope.stateID))
            .first(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.assessment
    }

    /// The state an assessment belongs to, if `visible` includes it (for the command line, which names assessments by id).
    public func stateID(ofAssessment id: String, visible: StateVisibility) async throws -> String? {
        struct Row: Codable { var stateId: String }
        guard
            let row = try await persistence.sql.select().column("state_id").from("assessments").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase), visible.includes(row.stateId)
        else { return nil }
        return row.stateId
    }

    // MARK: Revision

    /// The assessment's revision: it changes with every write to its scenarios, rounds or scores.
    public func revision(_ scope: TenantScope, assessmentID: String) async throws -> Int64? {
        struct Row: Codable { var revision: Int64 }
        return try await persistence.sql.select().column("revision").from("assessments").where("id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: Row.self)?.revision
    }

    /// How far each step has come, for the assessment's overview (six counts).
    public func progress(_ scope: TenantScope, assessmentID: String) async throws -> AssessmentProgress {
        struct Row: Codable {
            var agencies: Int
            var accountable: Int
            var scanned: Int
            var scenarios: Int
            var evidence: Int
            var otherRisks: Int
        }
        func count(_ table: String, accountableOnly: Bool = false) -> SQLQueryString {
            let role: SQLQueryString = accountableOnly ? " AND role = \(bind: RaciRole.accountable.rawValue)" : ""
            return "(SELECT COUNT(*) FROM \(ident: table) WHERE assessment_id = \(bind: assessmentID) AND state_id = \(bind: scope.stateID)\(role))"
        }
        // One round trip for the six counts of the overview.
        let query: SQLQueryString = """
            SELECT \(count("agencies")) AS agencies, \(count("raci_assignments", accountableOnly: true)) AS accountable, \
            \(count("horizon_scan")) AS scanned, \(count("scenarios")) AS scenarios, \(count("evidence_items")) AS evidence, \
            \(count("other_risks")) AS other_risks
            """
        guard let row = try await persistence.sql.raw(query).first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase) else {
            return AssessmentProgress()
        }
        var progress = AssessmentProgress()
        (progress.agencies, progress.activitiesAssigned, progress.technologiesScanned) = (row.agencies, row.accountable, row.scanned)
        (progress.scenarios, progress.evidence, progress.otherRisks) = (row.scenarios, row.evidence, row.otherRisks)
        return progress
    }

    // MARK: Removal

    /// Refused when the assessment is approved, and for a scenario anyone has scored (every input is kept).
    public func remove(_ kind: RemovableRecord, id: String, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            let table =
                switch kind {
                case .agency: "agencies"
                case .evidence: "evidence_items"
                case .otherRisk: "other_risks"
                case .scenario: "scenarios"
                }
            try await AssessmentWrites.requireRow(table, id: id, assessmentID: assessmentID, stateID: scope.stateID, on: tx)
            switch kind {
            case .agency:
                try await tx.delete(from: "raci_assignments").where("agency_id", .equal, SQLBind(id)).where(
                    "state_id", .equal, SQLBind(scope.stateID)
                )
                .run()
            case .scenario:
                // Workshop input counts as scoring too: a scenario scored or ranked by a workshop is kept (issue 12).
                let ranked =
                    try await tx.select().column("round").from("workshop_rankings").where("assessment_id", .equal, SQLBind(assessmentID))
                    .where("state_id", .equal, SQLBind(scope.stateID)).where("ranks", .like, SQLBind("%\"\(id)\"%")).first() != nil
                var scored = ranked
                for table in ["scenario_scores", "workshop_scores"] where !scored {
                    scored = try await tx.select().column("round").from(table).where("scenario_id", .equal, SQLBind(id)).first() != nil
                }
                try AssessmentRuleViolation.checkScenarioRemoval(scored: scored)
                try await tx.delete(from: "evidence_items").where("subject_kind", .equal, SQLBind("scenario")).where(
                    "subject_ref", .equal, SQLBind(id)
                )
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            case .evidence, .otherRisk: break
            }
            try await tx.delete(from: table).where("id", .equal, SQLBind(id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
        }
    }
}
