import CTTechCore
import Foundation
import SQLKit

/// Knowledge products, event agendas and the links of events to national work (issue 13, ``ProgrammeAgendaRepository``;
/// M0015). An agenda or a link is read through its event (the scope reaches it) and written only when the scope governs
/// the event, checked in the write's transaction.
public struct ProgrammeAgendaStore: ProgrammeAgendaRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct ProductRow: Codable {
        var id: String
        var title: String
        var kind: String
        var languages: String
        var year: Int
        var audience: String
        var topics: String
        var link: String
        var summary: String
        var createdBy: String
        var createdAt: Int64
    }

    struct SessionRow: Codable {
        var id: String
        var eventId: String
        var day: String
        var starts: String
        var title: String
        var presenter: String
        var steps: String
        var createdAt: Int64
    }

    struct SessionProductRow: Codable {
        var sessionId: String
        var productId: String
        var position: Int
    }

    struct LinkRow: Codable {
        var eventId: String
        var stateId: String
        var kind: String
        var targetId: String
        var role: String
        var createdAt: Int64
    }

    public func knowledgeProducts(_ scope: ProgrammeScope) async throws -> [KnowledgeProduct] {
        try await persistence.sql.raw("SELECT * FROM knowledge_products ORDER BY title, id LIMIT \(literal: ProgrammeLimits.products)")
            .all(decoding: ProductRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
                guard let kind = KnowledgeProduct.Kind(rawValue: row.kind) else { throw StoreError.corrupt("product \(row.id) has an unknown kind") }
                return KnowledgeProduct(
                    id: row.id, title: row.title, kind: kind, languages: try LiveStore.decode([String].self, row.languages), year: row.year,
                    audience: row.audience, topics: try LiveStore.decode([String].self, row.topics), link: row.link, summary: row.summary)
            }
    }

    public func addKnowledgeProduct(_ product: KnowledgeProduct, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.permission == .manageProgramme else { throw StoreConflict.missing }
        let row = ProductRow(
            id: product.id, title: product.title, kind: product.kind.rawValue, languages: try LiveStore.json(product.languages), year: product.year,
            audience: product.audience, topics: try LiveStore.json(product.topics), link: product.link, summary: product.summary,
            createdBy: scope.userID, createdAt: epochMilliseconds())
        let kind = persistence.kind
        try await persistence.write { tx in
            try await tx.insert(into: "knowledge_products").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Sessions with their products, by day and time.
    static func sessions(_ rows: [SessionRow], on sql: any SQLDatabase) async throws -> [AgendaSession] {
        guard !rows.isEmpty else { return [] }
        var products: [String: [String]] = [:]
        for start in stride(from: 0, to: rows.count, by: 500) {
            let chunk = rows[start..<min(start + 500, rows.count)].map(\.id)
            for row in try await sql.raw(
                "SELECT * FROM programme_agenda_products WHERE session_id IN (\(binds: chunk)) ORDER BY position"
            ).all(decoding: SessionProductRow.self, keyDecodingStrategy: .convertFromSnakeCase) {
                products[row.sessionId, default: []].append(row.productId)
            }
        }
        return try rows.map { row in
            guard let day = CalendarDate(row.day) else { throw StoreError.corrupt("agenda session \(row.id) has an invalid day") }
            return AgendaSession(
                id: row.id, eventID: row.eventId, day: day, starts: row.starts, title: row.title, presenter: row.presenter,
                productIDs: products[row.id] ?? [], steps: try LiveStore.decode([Int].self, row.steps))
        }
    }

    public func agenda(_ scope: ProgrammeScope, eventID: String) async throws -> [AgendaSession] {
        let sql = persistence.sql
        let rows = try await sql.raw(
            """
            SELECT a.* FROM programme_agenda a WHERE a.event_id = \(bind: eventID) AND \(ProgrammeStore.reaches("a.event_id", scope))
            ORDER BY a.day, CASE WHEN a.starts = '' THEN 1 ELSE 0 END, a.starts, a.created_at, a.id LIMIT 500
            """
        ).all(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await Self.sessions(rows, on: sql)
    }

    public func addAgendaSession(_ session: AgendaSession, scope: ProgrammeScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let event = try await ProgrammeStore.event(session.eventID, scope: scope, on: tx), scope.governs(event) else {
                throw StoreConflict.missing
            }
            try await tx.insert(into: "programme_agenda").model(
                SessionRow(
                    id: session.id, eventId: session.eventID, day: session.day.description, starts: session.starts, title: session.title,
                    presenter: session.presenter, steps: try LiveStore.json(session.steps), createdAt: epochMilliseconds()),
                keyEncodingStrategy: .convertToSnakeCase
            ).run()
            if !session.productIDs.isEmpty {
                try await tx.insert(into: "programme_agenda_products").models(
                    session.productIDs.enumerated().map { SessionProductRow(sessionId: session.id, productId: $1, position: $0 + 1) },
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func presentations(_ scope: ProgrammeScope, productID: String) async throws -> [AgendaSession] {
        let sql = persistence.sql
        let rows = try await sql.raw(
            """
            SELECT a.* FROM programme_agenda a JOIN programme_agenda_products ap ON ap.session_id = a.id
            WHERE ap.product_id = \(bind: productID) AND \(ProgrammeStore.reaches("a.event_id", scope))
            ORDER BY a.day DESC, a.starts, a.id LIMIT 500
            """
        ).all(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await Self.sessions(rows, on: sql)
    }

    public func eventLinks(_ scope: ProgrammeScope, eventID: String) async throws -> [EventLink] {
        try await persistence.sql.raw(
            """
            SELECT * FROM programme_event_links WHERE event_id = \(bind: eventID) AND \(ProgrammeStore.within("state_id", scope))
            ORDER BY created_at, kind, target_id LIMIT 200
            """
        ).all(decoding: LinkRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap { row in
            guard let kind = EventLink.Kind(rawValue: row.kind), let role = EventLink.Role(rawValue: row.role) else { return nil }
            return EventLink(eventID: row.eventId, stateID: row.stateId, kind: kind, targetID: row.targetId, role: role)
        }
    }

    public func addEventLink(_ link: EventLink, scope: ProgrammeScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let event = try await ProgrammeStore.event(link.eventID, scope: scope, on: tx), scope.governs(event),
                event.stateIDs.contains(link.stateID)
            else { throw StoreConflict.missing }
            let exists = try await tx.raw(
                """
                SELECT event_id, state_id, kind, target_id, role, created_at FROM programme_event_links
                WHERE event_id = \(bind: link.eventID) AND kind = \(bind: link.kind.rawValue) AND target_id = \(bind: link.targetID)
                AND role = \(bind: link.role.rawValue)
                """
            ).first(decoding: LinkRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard exists == nil else { throw StoreConflict.duplicate(field: "target") }
            try await tx.insert(into: "programme_event_links").model(
                LinkRow(
                    eventId: link.eventID, stateId: link.stateID, kind: link.kind.rawValue, targetId: link.targetID, role: link.role.rawValue,
                    createdAt: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase
            ).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func removeAgendaSession(eventID: String, sessionID: String, scope: ProgrammeScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let event = try await ProgrammeStore.event(eventID, scope: scope, on: tx), scope.governs(event) else {
                throw StoreConflict.missing
            }
            let found = try await tx.raw(
                "SELECT * FROM programme_agenda WHERE id = \(bind: sessionID) AND event_id = \(bind: eventID)"
            ).first(decoding: SessionRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard found != nil else { throw StoreConflict.missing }
            try await tx.delete(from: "programme_agenda_products").where("session_id", .equal, SQLBind(sessionID)).run()
            try await tx.delete(from: "programme_agenda").where("id", .equal, SQLBind(sessionID)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func removeEventLink(_ link: EventLink, scope: ProgrammeScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let event = try await ProgrammeStore.event(link.eventID, scope: scope, on: tx), scope.governs(event) else {
                throw StoreConflict.missing
            }
            let found = try await tx.raw(
                """
                SELECT event_id, state_id, kind, target_id, role, created_at FROM programme_event_links
                WHERE event_id = \(bind: link.eventID) AND kind = \(bind: link.kind.rawValue) AND target_id = \(bind: link.targetID)
                AND role = \(bind: link.role.rawValue)
                """
            ).first(decoding: LinkRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard found != nil else { throw StoreConflict.missing }
            try await tx.delete(from: "programme_event_links").where("event_id", .equal, SQLBind(link.eventID))
                .where("kind", .equal, SQLBind(link.kind.rawValue)).where("target_id", .equal, SQLBind(link.targetID))
                .where("role", .equal, SQLBind(link.role.rawValue)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }
}
