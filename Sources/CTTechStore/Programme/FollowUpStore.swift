import CTTechCore
import Foundation
import SQLKit

/// Requests for assistance and recommendations with their action items (issue 13, ``FollowUpRepository``; M0014). Every
/// query is bounded by the scope's states; a move or a progress record reads the stored row in its transaction and
/// applies the Core rule to it.
public struct FollowUpStore: FollowUpRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct RequestRow: Codable {
        var id: String
        var stateId: String
        var askedBy: String
        var eventId: String?
        var topics: String
        var summary: String
        var status: String
        var receivedOn: String
        var changedOn: String
        var declineReason: String
        var answeredBy: String
        var createdAt: Int64

        init(_ request: AssistanceRequest) throws {
            id = request.id
            stateId = request.stateID
            askedBy = request.askedBy
            eventId = request.eventID
            topics = try LiveStore.json(request.topics)
            summary = request.summary
            status = request.status.rawValue
            receivedOn = request.receivedOn.description
            changedOn = request.changedOn.description
            declineReason = request.declineReason
            answeredBy = try LiveStore.json(request.answeredBy)
            createdAt = epochMilliseconds()
        }

        func request() throws -> AssistanceRequest {
            guard let status = AssistanceRequest.Status(rawValue: status), let received = CalendarDate(receivedOn),
                let changed = CalendarDate(changedOn)
            else { throw StoreError.corrupt("request \(id) has an unknown status or date") }
            return AssistanceRequest(
                id: id, stateID: stateId, askedBy: askedBy, eventID: eventId, topics: try LiveStore.decode([String].self, topics), summary: summary,
                status: status, receivedOn: received, changedOn: changed, declineReason: declineReason,
                answeredBy: try LiveStore.decode([String].self, answeredBy))
        }
    }

    struct RecommendationRow: Codable {
        var id: String
        var stateId: String
        var eventId: String
        var text: String
        var madeOn: String
        var createdAt: Int64
    }

    struct ItemRow: Codable {
        var id: String
        var recommendationId: String
        var stateId: String
        var position: Int
        var action: String
        var ownerAgency: String
        var due: String
        var status: String
        var evidence: String

        func item() throws -> ActionItem {
            guard let due = CalendarDate(due), let status = ActionItem.Status(rawValue: status) else {
                throw StoreError.corrupt("action item \(id) has an unknown status or date")
            }
            return ActionItem(
                id: id, recommendationID: recommendationId, action: action, ownerAgency: ownerAgency, due: due, status: status, evidence: evidence)
        }
    }

    // MARK: Requests

    public func assistanceRequests(_ scope: ProgrammeScope) async throws -> [AssistanceRequest] {
        try await persistence.sql.raw(
            """
            SELECT * FROM programme_requests WHERE \(ProgrammeStore.within("state_id", scope))
            ORDER BY received_on DESC, id LIMIT \(literal: ProgrammeLimits.requests)
            """
        ).all(decoding: RequestRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.request() }
    }

    public func addAssistanceRequest(_ request: AssistanceRequest, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.includes(request.stateID) else { throw StoreConflict.missing }
        let kind = persistence.kind
        let row = try RequestRow(request)
        try await persistence.write { tx in
            try await tx.insert(into: "programme_requests").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func moveAssistanceRequest(
        id: String, to status: AssistanceRequest.Status, on day: CalendarDate, reason: String, answeredBy: String?, scope: ProgrammeScope,
        audit: AuditEvent
    ) async throws -> AssistanceRequest {
        let kind = persistence.kind
        return try await persistence.write { tx in
            let lock: SQLQueryString = kind == .postgres ? " FOR UPDATE" : ""
            guard
                let row = try await tx.raw(
                    "SELECT * FROM programme_requests WHERE id = \(bind: id) AND \(ProgrammeStore.within("state_id", scope))\(lock)"
                ).first(decoding: RequestRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw StoreConflict.missing }
            var stored = try row.request()
            if let answeredBy, !stored.answeredBy.contains(answeredBy) { stored.answeredBy.append(answeredBy) }
            let moved = try stored.moved(to: status, on: day, reason: reason)
            try await tx.update("programme_requests").set("status", to: moved.status.rawValue).set("changed_on", to: moved.changedOn.description)
                .set("decline_reason", to: moved.declineReason).set("answered_by", to: try LiveStore.json(moved.answeredBy))
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return moved
        }
    }

    // MARK: Recommendations

    public func recommendations(_ scope: ProgrammeScope) async throws -> [Recommendation] {
        let sql = persistence.sql
        let rows = try await sql.raw(
            """
            SELECT * FROM programme_recommendations WHERE \(ProgrammeStore.within("state_id", scope))
            ORDER BY made_on DESC, id LIMIT \(literal: ProgrammeLimits.recommendations)
            """
        ).all(decoding: RecommendationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        var items: [String: [ActionItem]] = [:]
        for start in stride(from: 0, to: rows.count, by: 500) {
            let chunk = rows[start..<min(start + 500, rows.count)].map(\.id)
            for row in try await sql.raw(
                "SELECT * FROM programme_action_items WHERE recommendation_id IN (\(binds: chunk)) ORDER BY position"
            ).all(decoding: ItemRow.self, keyDecodingStrategy: .convertFromSnakeCase) {
                items[row.recommendationId, default: []].append(try row.item())
            }
        }
        return rows.compactMap { row in
            CalendarDate(row.madeOn).map {
                Recommendation(id: row.id, stateID: row.stateId, eventID: row.eventId, text: row.text, madeOn: $0, items: items[row.id] ?? [])
            }
        }
    }

    public func addRecommendation(_ recommendation: Recommendation, scope: ProgrammeScope, audit: AuditEvent) async throws {
        guard scope.includes(recommendation.stateID) else { throw StoreConflict.missing }
        let kind = persistence.kind
        try await persistence.write { tx in
            guard try await ProgrammeStore.event(recommendation.eventID, scope: scope, on: tx)?.stateIDs.contains(recommendation.stateID) == true
            else {
                throw StoreConflict.missing
            }
            try await tx.insert(into: "programme_recommendations").model(
                RecommendationRow(
                    id: recommendation.id, stateId: recommendation.stateID, eventId: recommendation.eventID, text: recommendation.text,
                    madeOn: recommendation.madeOn.description, createdAt: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase
            ).run()
            if !recommendation.items.isEmpty {
                try await tx.insert(into: "programme_action_items").models(
                    recommendation.items.enumerated().map { index, item in
                        ItemRow(
                            id: item.id, recommendationId: recommendation.id, stateId: recommendation.stateID, position: index + 1,
                            action: item.action,
                            ownerAgency: item.ownerAgency, due: item.due.description, status: item.status.rawValue, evidence: item.evidence)
                    }, keyEncodingStrategy: .convertToSnakeCase
                ).run()
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func recordActionItem(
        id: String, status: ActionItem.Status, evidence: String, scope: ProgrammeScope, audit: AuditEvent
    ) async throws
        -> ActionItem
    {
        let kind = persistence.kind
        return try await persistence.write { tx in
            let lock: SQLQueryString = kind == .postgres ? " FOR UPDATE" : ""
            guard
                let row = try await tx.raw(
                    "SELECT * FROM programme_action_items WHERE id = \(bind: id) AND \(ProgrammeStore.within("state_id", scope))\(lock)"
                ).first(decoding: ItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw StoreConflict.missing }
            let recorded = try row.item().recorded(status, evidence: evidence)
            try await tx.update("programme_action_items").set("status", to: recorded.status.rawValue).set("evidence", to: recorded.evidence)
                .where("id", .equal, SQLBind(id)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return recorded
        }
    }
}
