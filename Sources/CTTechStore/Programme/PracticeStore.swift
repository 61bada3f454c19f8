import CTTechCore
import Foundation
import SQLKit

/// Good practices shared between partner states (issue 13, ``PracticeRepository``; M0015). The SQL keeps to what the
/// viewing state may see, and every row read is checked again against ``PracticeSharing/isVisible(_:to:)``, the one
/// statement of the rule: a query that drifted from it would hide a practice, never show one.
public struct PracticeStore: PracticeRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct PracticeRow: Codable {
        var id: String
        var stateId: String
        var kind: String
        var title: String
        var body: String
        var tlp: String
        var scopeKind: String
        var region: String?
        var sharedOn: String
        var withdrawnOn: String?
        var createdBy: String
        var createdAt: Int64
    }

    struct RecipientRow: Codable {
        var practiceId: String
        var stateId: String
    }

    struct CommentRow: Codable {
        var id: String
        var practiceId: String
        var stateId: String
        var kind: String
        var body: String
        var postedOn: String
        var authorId: String
        var createdAt: Int64
    }

    struct StateRow: Codable {
        var id: String
        var code: String
        var name: String
        var region: String
    }

    /// The rows the state may see: its own, and the others' not withdrawn whose scope reaches it (a RED practice only
    /// through its named recipients).
    static func visible(to stateID: String, region: String) -> SQLQueryString {
        """
        (p.state_id = \(bind: stateID) OR (p.withdrawn_on IS NULL AND (
          (p.scope_kind = 'all' AND p.tlp <> 'RED')
          OR (p.scope_kind = 'region' AND p.tlp <> 'RED' AND p.region = \(bind: region))
          OR (p.scope_kind = 'states' AND EXISTS (
            SELECT 1 FROM practice_recipients r WHERE r.practice_id = p.id AND r.state_id = \(bind: stateID))))))
        """
    }

    /// The viewing state as the rule needs it (id and region).
    static func viewer(_ scope: TenantScope, on sql: any SQLDatabase) async throws -> PartnerState? {
        try await sql.raw("SELECT id, code, name, region FROM partner_states WHERE id = \(bind: scope.stateID)")
            .first(decoding: StateRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .flatMap { row in
                Region(rawValue: row.region).map {
                    PartnerState(id: row.id, code: row.code, name: row.name, region: $0, defaultTLP: .amber, profile: "", version: 1)
                }
            }
    }

    static func read(_ scope: TenantScope, id: String?, on sql: any SQLDatabase, lock: Bool = false) async throws -> [SharedPractice] {
        guard let viewer = try await viewer(scope, on: sql) else { return [] }
        let only: SQLQueryString = id.map { " AND p.id = \(bind: $0)" } ?? ""
        let forUpdate: SQLQueryString = lock ? " FOR UPDATE OF p" : ""
        let rows = try await sql.raw(
            """
            SELECT p.* FROM practices p WHERE \(visible(to: viewer.id, region: viewer.region.rawValue))\(only)
            ORDER BY p.shared_on DESC, p.id LIMIT \(literal: ProgrammeLimits.practices)\(forUpdate)
            """
        ).all(decoding: PracticeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        var recipients: [String: [String]] = [:]
        let named = rows.filter { $0.scopeKind == "states" }.map(\.id)
        for start in stride(from: 0, to: named.count, by: 500) {
            let chunk = Array(named[start..<min(start + 500, named.count)])
            for row in try await sql.raw(
                "SELECT practice_id, state_id FROM practice_recipients WHERE practice_id IN (\(binds: chunk)) ORDER BY state_id"
            ).all(decoding: RecipientRow.self, keyDecodingStrategy: .convertFromSnakeCase) {
                recipients[row.practiceId, default: []].append(row.stateId)
            }
        }
        return try rows.map { row in try practice(row, recipients: recipients[row.id] ?? []) }.filter { PracticeSharing.isVisible($0, to: viewer) }
    }

    static func practice(_ row: PracticeRow, recipients: [String]) throws -> SharedPractice {
        let scope: SharedPractice.Scope? =
            switch row.scopeKind {
            case "states": .states(recipients)
            case "region": row.region.flatMap(Region.init(rawValue:)).map { .region($0) }
            case "all": .allPartners
            default: nil
            }
        guard let scope, let kind = SharedPractice.Kind(rawValue: row.kind), let tlp = TLP(rawValue: row.tlp),
            let shared = CalendarDate(row.sharedOn)
        else { throw StoreError.corrupt("practice \(row.id) has an unknown kind, marking, scope or date") }
        return SharedPractice(
            id: row.id, stateID: row.stateId, kind: kind, title: row.title, body: row.body, tlp: tlp, scope: scope, sharedOn: shared,
            withdrawnOn: row.withdrawnOn.flatMap(CalendarDate.init))
    }

    public func practices(_ scope: TenantScope) async throws -> [SharedPractice] {
        try await Self.read(scope, id: nil, on: persistence.sql)
    }

    public func practice(_ scope: TenantScope, id: String) async throws -> SharedPractice? {
        try await Self.read(scope, id: id, on: persistence.sql).first
    }

    public func sharePractice(_ practice: SharedPractice, scope: TenantScope, audit: AuditEvent) async throws {
        guard practice.stateID == scope.stateID else { throw StoreConflict.missing }
        let region: String? = if case .region(let region) = practice.scope { region.rawValue } else { nil }
        let row = PracticeRow(
            id: practice.id, stateId: practice.stateID, kind: practice.kind.rawValue, title: practice.title, body: practice.body,
            tlp: practice.tlp.rawValue, scopeKind: practice.scope.kind, region: region, sharedOn: practice.sharedOn.description,
            withdrawnOn: practice.withdrawnOn?.description, createdBy: scope.userID, createdAt: epochMilliseconds())
        let kind = persistence.kind
        try await persistence.write { tx in
            try await tx.insert(into: "practices").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            if case .states(let ids) = practice.scope, !ids.isEmpty {
                try await tx.insert(into: "practice_recipients").models(
                    ids.map { RecipientRow(practiceId: practice.id, stateId: $0) }, keyEncodingStrategy: .convertToSnakeCase
                ).run()
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func withdrawPractice(_ scope: TenantScope, id: String, on day: CalendarDate, audit: AuditEvent) async throws -> SharedPractice {
        let kind = persistence.kind
        return try await persistence.write { tx in
            guard var practice = try await Self.read(scope, id: id, on: tx, lock: kind == .postgres).first, practice.stateID == scope.stateID,
                !practice.withdrawn
            else { throw StoreConflict.missing }
            practice.withdrawnOn = day
            try await tx.update("practices").set("withdrawn_on", to: day.description).where("id", .equal, SQLBind(id)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return practice
        }
    }

    public func practiceComments(_ scope: TenantScope, practiceID: String) async throws -> [PracticeComment] {
        let sql = persistence.sql
        guard try await Self.read(scope, id: practiceID, on: sql).first != nil else { return [] }
        return try await sql.raw(
            """
            SELECT * FROM practice_comments WHERE practice_id = \(bind: practiceID)
            ORDER BY posted_on, created_at, id LIMIT \(literal: ProgrammeLimits.comments)
            """
        ).all(decoding: CommentRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            guard let kind = PracticeComment.Kind(rawValue: row.kind), let posted = CalendarDate(row.postedOn) else { return nil }
            return PracticeComment(id: row.id, practiceID: row.practiceId, stateID: row.stateId, kind: kind, body: row.body, postedOn: posted)
        }
    }

    public func addPracticeComment(_ comment: PracticeComment, scope: TenantScope, audit: AuditEvent) async throws {
        guard comment.stateID == scope.stateID else { throw StoreConflict.missing }
        let kind = persistence.kind
        try await persistence.write { tx in
            // Read with the row locked on PostgreSQL: a withdrawal racing the comment waits, and the comment lands only
            // on a practice still shared with this state.
            guard let practice = try await Self.read(scope, id: comment.practiceID, on: tx, lock: kind == .postgres).first, !practice.withdrawn
            else { throw StoreConflict.missing }
            try await tx.insert(into: "practice_comments").model(
                CommentRow(
                    id: comment.id, practiceId: comment.practiceID, stateId: comment.stateID, kind: comment.kind.rawValue, body: comment.body,
                    postedOn: comment.postedOn.description, authorId: scope.userID, createdAt: epochMilliseconds()),
                keyEncodingStrategy: .convertToSnakeCase
            ).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }
}
