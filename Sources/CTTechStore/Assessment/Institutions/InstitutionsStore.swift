import CTTechCore
import Foundation
import SQLKit

/// Step 1's agencies and RACI matrix (``InstitutionsRepository``).
public struct InstitutionsStore: InstitutionsRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

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
            try await AssessmentWrites.requireRow("agencies", id: agency.id, assessmentID: assessmentID, stateID: scope.stateID, on: tx)
            try await tx.update("agencies").set("name", to: SQLBind(agency.name)).set("kind", to: SQLBind(agency.kind.rawValue))
                .set("mandate", to: SQLBind(agency.mandate)).where("id", .equal, SQLBind(agency.id)).where("state_id", .equal, SQLBind(scope.stateID))
                .run()
        }
    }

    public func agencies(_ scope: TenantScope, assessmentID: String) async throws -> [Agency] {
        try await rows("agencies", scope, assessmentID, order: "created_at", as: AgencyRow.self).map(\.agency)
    }

    /// Replaces the whole RACI matrix after checking it against ``RaciMatrix`` and the assessment's agencies.
    public func setRaci(_ assignments: [RaciAssignment], assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            // Checked against the agencies inside the transaction, so an agency removed meanwhile cannot keep a role.
            struct Row: Codable { var id: String }
            let known = try await tx.select().column("id").from("agencies").where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(scope.stateID)).all(decoding: Row.self).map(\.id)
            try RaciMatrix.check(assignments, agencies: Set(known))
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
}
