import CTTechCore
import Foundation
import SQLKit

/// Steps 1–2, evidence, approval and snapshots. Same rules as the rest of the store: every query names the scope's
/// state, every change writes its audit entry and bumps the assessment's revision in one transaction, and an approved
/// assessment refuses changes.
extension AssessmentStore {
    struct AgencyRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var name: String
        var kind: String
        var mandate: String
        var createdAt: Int64

        var agency: Agency { Agency(id: id, name: name, kind: Agency.Kind(rawValue: kind) ?? .other, mandate: mandate) }
    }

    struct RaciRow: Codable {
        var assessmentId: String
        var stateId: String
        var activity: String
        var agencyId: String
        var role: String

        var assignment: RaciAssignment? {
            guard let activity = AssessmentActivity(rawValue: activity), let role = RaciRole(rawValue: role) else { return nil }
            return RaciAssignment(activity: activity, agencyID: agencyId, role: role)
        }
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

    struct EvidenceRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var subjectKind: String
        var subjectRef: String
        var summary: String
        var source: String
        var reliability: String
        var credibility: Int
        var observedOn: String
        var createdAt: Int64

        init(_ item: EvidenceItem, assessmentID: String, stateID: String, createdAt: Int64) {
            id = item.id
            assessmentId = assessmentID
            stateId = stateID
            subjectKind = item.subject.kind
            subjectRef = item.subject.reference
            summary = item.summary
            source = item.source
            reliability = item.reliability.rawValue
            credibility = item.credibility.rawValue
            observedOn = item.observedOn
            self.createdAt = createdAt
        }

        var item: EvidenceItem? {
            guard let subject = EvidenceSubject(kind: subjectKind, reference: subjectRef), let reliability = SourceReliability(rawValue: reliability),
                let credibility = InformationCredibility(rawValue: credibility)
            else { return nil }
            return EvidenceItem(
                id: id, subject: subject, summary: summary, source: source, reliability: reliability, credibility: credibility, observedOn: observedOn
            )
        }
    }

    struct SnapshotRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var number: Int
        var approvedBy: String
        var approvedAt: Int64
        var sha256: String
        var content: String
    }

    /// Runs `body` in a write transaction on an editable assessment of the scope's state, then bumps its revision and
    /// appends the audit entry, all in the same transaction.
    func change(
        _ scope: TenantScope, assessmentID: String, audit: AuditEvent, _ body: @escaping @Sendable (any SQLDatabase) async throws -> Void
    ) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await Self.requireEditable(assessmentID, stateID: scope.stateID, on: tx)
            try await body(tx)
            try await Self.bumpRevision(assessmentID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    private func rows<Row: Decodable>(
        _ table: String, _ scope: TenantScope, _ assessmentID: String, order: String, as type: Row.Type
    ) async throws -> [Row] {
        try await persistence.sql.select().column("*").from(table).where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy(order).limit(5_000)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
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

    // MARK: Step 1

    public func addAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await tx.insert(into: "agencies")
                .model(
                    AgencyRow(
                        id: agency.id, assessmentId: assessmentID, stateId: scope.stateID, name: agency.name, kind: agency.kind.rawValue,
                        mandate: agency.mandate, createdAt: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase
                ).run()
        }
    }

    /// Corrects an agency's name, type or mandate; its RACI roles stay.
    public func updateAgency(_ agency: Agency, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await Self.requireRow("agencies", id: agency.id, assessmentID: assessmentID, stateID: scope.stateID, on: tx)
            try await tx.update("agencies").set("name", to: SQLBind(agency.name)).set("kind", to: SQLBind(agency.kind.rawValue))
                .set("mandate", to: SQLBind(agency.mandate)).where("id", .equal, SQLBind(agency.id)).where("state_id", .equal, SQLBind(scope.stateID))
                .run()
        }
    }

    /// Corrects another national risk's description or estimates.
    public func updateOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await Self.requireRow("other_risks", id: risk.id, assessmentID: assessmentID, stateID: scope.stateID, on: tx)
            try await tx.update("other_risks").set("title", to: SQLBind(risk.title)).set("family", to: SQLBind(risk.family))
                .set("likelihood_low", to: SQLBind(risk.likelihood.low)).set("likelihood_best", to: SQLBind(risk.likelihood.best))
                .set("likelihood_high", to: SQLBind(risk.likelihood.high)).set("impact_low", to: SQLBind(risk.impact.low))
                .set("impact_best", to: SQLBind(risk.impact.best)).set("impact_high", to: SQLBind(risk.impact.high))
                .set("confidence", to: SQLBind(risk.confidence.rawValue)).where("id", .equal, SQLBind(risk.id))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
        }
    }

    /// Inside a write: the row exists in this assessment of this state.
    static func requireRow(_ table: String, id: String, assessmentID: String, stateID: String, on tx: any SQLDatabase) async throws {
        guard
            try await tx.select().column("id").from(table).where("id", .equal, SQLBind(id)).where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).first() != nil
        else { throw StoreConflict.missing }
    }

    public func agencies(_ scope: TenantScope, assessmentID: String) async throws -> [Agency] {
        try await rows("agencies", scope, assessmentID, order: "created_at", as: AgencyRow.self).map(\.agency)
    }

    /// Replaces the whole RACI matrix after checking it against ``RaciMatrix`` and the assessment's agencies.
    public func setRaci(_ assignments: [RaciAssignment], assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        let known = Set(try await agencies(scope, assessmentID: assessmentID).map(\.id))
        try RaciMatrix.check(assignments, agencies: known)
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await tx.delete(from: "raci_assignments").where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            guard !assignments.isEmpty else { return }
            try await tx.insert(into: "raci_assignments")
                .models(
                    assignments.map {
                        RaciRow(
                            assessmentId: assessmentID, stateId: scope.stateID, activity: $0.activity.rawValue, agencyId: $0.agencyID,
                            role: $0.role.rawValue)
                    }, keyEncodingStrategy: .convertToSnakeCase
                ).run()
        }
    }

    public func raci(_ scope: TenantScope, assessmentID: String) async throws -> [RaciAssignment] {
        try await rows("raci_assignments", scope, assessmentID, order: "activity", as: RaciRow.self).compactMap(\.assignment)
    }

    // MARK: Step 2

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

    // MARK: Evidence

    /// Adds an evidence item; a scenario it names must belong to the same assessment.
    public func addEvidence(_ item: EvidenceItem, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            if case .scenario(let id) = item.subject {
                guard
                    try await tx.select().column("id").from("scenarios").where("id", .equal, SQLBind(id))
                        .where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID)).first() != nil
                else { throw StoreConflict.missing }
            }
            try await tx.insert(into: "evidence_items")
                .model(
                    EvidenceRow(item, assessmentID: assessmentID, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                )
                .run()
        }
    }

    /// The assessment's evidence items, or only those about one scenario or technology.
    public func evidence(_ scope: TenantScope, assessmentID: String, about subject: EvidenceSubject? = nil) async throws -> [EvidenceItem] {
        guard let subject else {
            return try await rows("evidence_items", scope, assessmentID, order: "created_at", as: EvidenceRow.self).compactMap(\.item)
        }
        return try await persistence.sql.select().column("*").from("evidence_items").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("subject_kind", .equal, SQLBind(subject.kind))
            .where("subject_ref", .equal, SQLBind(subject.reference)).orderBy("created_at")
            .all(decoding: EvidenceRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.item)
    }

    /// One evidence item of the assessment, or nil.
    public func evidenceItem(_ scope: TenantScope, assessmentID: String, id: String) async throws -> EvidenceItem? {
        try await persistence.sql.select().column("*").from("evidence_items").where("id", .equal, SQLBind(id))
            .where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID))
            .first(decoding: EvidenceRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.item
    }

    // MARK: Removal

    /// What can be removed from an assessment while it is not approved.
    public enum Removable: String, Sendable, CaseIterable {
        case agency, evidence, otherRisk = "other-risk", scenario
    }

    /// Removes one agency (with its RACI cells), evidence item, other risk or unscored scenario (with its evidence).
    /// Refused when the assessment is approved, and for a scenario anyone has scored (every input is kept).
    public func remove(_ kind: Removable, id: String, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            let table =
                switch kind {
                case .agency: "agencies"
                case .evidence: "evidence_items"
                case .otherRisk: "other_risks"
                case .scenario: "scenarios"
                }
            try await Self.requireRow(table, id: id, assessmentID: assessmentID, stateID: scope.stateID, on: tx)
            switch kind {
            case .agency:
                try await tx.delete(from: "raci_assignments").where("agency_id", .equal, SQLBind(id)).where(
                    "state_id", .equal, SQLBind(scope.stateID)
                )
                .run()
            case .scenario:
                if try await tx.select().column("round").from("scenario_scores").where("scenario_id", .equal, SQLBind(id)).first() != nil {
                    throw AssessmentRuleViolation.scenarioScored
                }
                try await tx.delete(from: "evidence_items").where("subject_kind", .equal, SQLBind("scenario")).where(
                    "subject_ref", .equal, SQLBind(id)
                )
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            case .evidence, .otherRisk: break
            }
            try await tx.delete(from: table).where("id", .equal, SQLBind(id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
        }
    }

    // MARK: Status and snapshots

    /// Moves the assessment draft → in review → approved (or back to draft). Approving stores `snapshot` — built by the
    /// caller from the assessment at `revision` — and is refused if anything changed since that revision.
    public func changeStatus(
        _ scope: TenantScope, assessmentID: String, to target: Assessment.Status, snapshot: (content: SnapshotContent, revision: Int64)?,
        audit: AuditEvent
    ) async throws {
        let kind = persistence.kind
        let encoded = try snapshot.map { try JSONEncoder.sorted.encode($0.content) }
        try await persistence.write { tx in
            struct Row: Codable {
                var status: String
                var revision: Int64
            }
            guard
                let row = try await tx.select().column("status").column("revision").from("assessments").where("id", .equal, SQLBind(assessmentID))
                    .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: Row.self)
            else { throw StoreConflict.missing }
            let current = Assessment.Status(rawValue: row.status) ?? .draft
            guard current.canMove(to: target) else { throw AssessmentRuleViolation.statusTransition(from: current, to: target) }
            var event = audit
            if target == .approved {
                guard let snapshot, let encoded, snapshot.revision == row.revision else { throw AssessmentRuleViolation.changedDuringApproval }
                struct Count: Codable { var n: Int }
                let number =
                    (try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("assessment_snapshots")
                        .where("assessment_id", .equal, SQLBind(assessmentID)).first(decoding: Count.self)?.n ?? 0) + 1
                let text = String(decoding: encoded, as: UTF8.self)
                let id = Identifier.make()
                try await tx.insert(into: "assessment_snapshots")
                    .model(
                        SnapshotRow(
                            id: id, assessmentId: assessmentID, stateId: scope.stateID, number: number, approvedBy: scope.userID,
                            approvedAt: epochMilliseconds(), sha256: Identifier.sha256Hex(text), content: text),
                        keyEncodingStrategy: .convertToSnakeCase
                    ).run()
                event.details["snapshot"] = "\(number)"
                event.details["sha256"] = Identifier.sha256Hex(text)
            }
            try await tx.update("assessments").set("status", to: SQLBind(target.rawValue)).set(SQLIdentifier("version"), to: SQLRaw("version + 1"))
                .where("id", .equal, SQLBind(assessmentID)).run()
            try await Self.bumpRevision(assessmentID, on: tx)
            event.details["status"] = "\(current.rawValue) → \(target.rawValue)"
            try await AuditLogStore.append(event, on: tx, kind: kind)
        }
    }

    /// The assessment's snapshots, oldest first. A snapshot whose content no longer matches its hash is not returned.
    public func snapshots(_ scope: TenantScope, assessmentID: String) async throws -> [AssessmentSnapshot] {
        try await rows("assessment_snapshots", scope, assessmentID, order: "number", as: SnapshotRow.self).compactMap(Self.snapshot)
    }

    /// The numbers of the assessment's snapshots, oldest first, without reading their content (for lists and links).
    public func snapshotNumbers(_ scope: TenantScope, assessmentID: String) async throws -> [Int] {
        struct Row: Codable { var number: Int }
        return try await persistence.sql.select().column("number").from("assessment_snapshots").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("number").all(decoding: Row.self).map(\.number)
    }

    public func snapshot(_ scope: TenantScope, assessmentID: String, number: Int) async throws -> AssessmentSnapshot? {
        try await persistence.sql.select().column("*").from("assessment_snapshots").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("number", .equal, SQLBind(number))
            .first(decoding: SnapshotRow.self, keyDecodingStrategy: .convertFromSnakeCase).flatMap(Self.snapshot)
    }

    static func snapshot(_ row: SnapshotRow) -> AssessmentSnapshot? {
        guard Identifier.sha256Hex(row.content) == row.sha256,
            let content = try? JSONDecoder().decode(SnapshotContent.self, from: Data(row.content.utf8))
        else { return nil }
        return AssessmentSnapshot(
            id: row.id, assessmentID: row.assessmentId, number: row.number, approvedBy: row.approvedBy, approvedAt: row.approvedAt,
            sha256: row.sha256, content: content)
    }
}
