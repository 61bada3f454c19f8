import CTTechCore
import SQLKit

/// The append-only audit log. Entries are appended inside the caller's transaction, so a change and its entry commit together.
public struct AuditLogStore: Sendable {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct HeadRow: Codable { var seq: Int64; var hash: String }

    /// Seals `event` after the current head and writes it with the new head, on the transaction `tx`.
    /// On PostgreSQL the head row is locked first so concurrent instances append one after another.
    @discardableResult
    static func append(_ event: AuditEvent, on tx: any SQLDatabase, kind: DatabaseKind, at: Int64 = epochMilliseconds()) async throws -> AuditEntry {
        let lock = kind == .postgres ? " FOR UPDATE" : ""
        guard let head = try await tx.raw("SELECT seq, hash FROM audit_head WHERE id = 1\(unsafeRaw: lock)").first(decoding: HeadRow.self) else {
            throw StoreError.corrupt("the audit head row is missing")
        }
        let entry = AuditChain.seal(event, after: head.seq == 0 ? nil : (head.seq, head.hash), at: at)
        try await tx.insert(into: "audit_log").model(AuditRow(entry), keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        try await tx.update("audit_head").set("seq", to: SQLBind(entry.seq)).set("hash", to: SQLBind(entry.hash)).where("id", .equal, SQLBind(1))
            .run()
        return entry
    }

    /// The newest entries first, for administrators.
    /// Appends one event on its own (for events that are not part of a change, such as repeated refusals).
    public func record(_ event: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in _ = try await Self.append(event, on: tx, kind: kind) }
    }

    public func list(_ scope: AdministratorScope, page: PageRequest) async throws -> [AuditEntry] {
        try await query(stateID: nil, page: page)
    }

    /// The newest entries about one partner state first.
    public func list(_ scope: TenantScope, page: PageRequest) async throws -> [AuditEntry] {
        try await query(stateID: scope.stateID, page: page)
    }

    private func query(stateID: String?, page: PageRequest) async throws -> [AuditEntry] {
        var select = persistence.sql.select().column("*").from("audit_log")
        if let stateID { select = select.where("state_id", .equal, SQLBind(stateID)) }
        if let before = page.before { select = select.where("seq", .lessThan, SQLBind(before)) }
        return try await select.orderBy("seq", .descending).limit(page.limit)
            .all(decoding: AuditRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.entry)
    }

    /// Walks the whole log in pages of 1,000 and checks the chain and the recorded head (``AuditChain/verify``).
    public func verify() async throws -> AuditChain.Verification {
        var verifier = AuditChain.Verifier()
        var after: Int64 = 0
        while true {
            let rows = try await persistence.sql.select().column("*").from("audit_log").where("seq", .greaterThan, SQLBind(after))
                .orderBy("seq", .ascending).limit(1000).all(decoding: AuditRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            if rows.isEmpty { break }
            for row in rows {
                if let broken = verifier.consume(row.entry) { return broken }
            }
            after = rows[rows.count - 1].seq
        }
        let head = try await persistence.sql.raw("SELECT seq, hash FROM audit_head WHERE id = 1").first(decoding: HeadRow.self)
        return verifier.finish(recordedHead: head.map { ($0.seq, $0.hash) })
    }
}

struct AuditRow: Codable {
    var seq: Int64
    var at: Int64
    var actorId: String
    var actorLabel: String
    var action: String
    var entityType: String
    var entityId: String
    var stateId: String?
    var details: String
    var prevHash: String
    var hash: String

    init(_ e: AuditEntry) {
        seq = e.seq
        at = e.at
        actorId = e.actorID
        actorLabel = e.actorLabel
        action = e.action
        entityType = e.entityType
        entityId = e.entityID
        stateId = e.stateID
        details = e.details
        prevHash = e.prevHash
        hash = e.hash
    }

    var entry: AuditEntry {
        AuditEntry(
            seq: seq, at: at, actorID: actorId, actorLabel: actorLabel, action: action, entityType: entityType, entityID: entityId,
            stateID: stateId, details: details, prevHash: prevHash, hash: hash)
    }
}
