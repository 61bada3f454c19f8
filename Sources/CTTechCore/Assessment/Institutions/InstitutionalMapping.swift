/// Step 1: the agencies involved and who is responsible, accountable, consulted and informed for each activity.
public struct InstitutionalMapping: Sendable {
    let institutions: any InstitutionsRepository

    public init(institutions: any InstitutionsRepository) {
        self.institutions = institutions
    }

    /// Adds an agency.
    public func addAgency(_ draft: AgencyDraft, to assessment: Assessment, by actor: AuditActor, scope: TenantScope) async throws -> Agency {
        let agency = try draft.validated(id: Identifier.make())
        try await institutions.addAgency(
            agency, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(.agencyCreate, by: actor, entity: agency.id, state: scope.stateID, ["name": agency.name]))
        return agency
    }

    /// Corrects an agency's name, type or mandate (``StoreConflict/missing`` when `id` is not one of the assessment's).
    public func correctAgency(
        _ id: String, with draft: AgencyDraft, in assessment: Assessment, by actor: AuditActor, scope: TenantScope
    )
        async throws -> Agency
    {
        guard Identifier.isValid(id) else { throw StoreConflict.missing }
        let agency = try draft.validated(id: id)
        try await institutions.updateAgency(
            agency, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(.agencyUpdate, by: actor, entity: agency.id, state: scope.stateID, ["name": agency.name]))
        return agency
    }

    /// Replaces the RACI matrix; ``RaciMatrix`` rules are checked against the assessment's agencies before writing.
    public func saveRaci(_ cells: [RaciAssignment], in assessment: Assessment, by actor: AuditActor, scope: TenantScope) async throws {
        try await institutions.setRaci(
            cells, assessmentID: assessment.id, scope: scope,
            audit: AuditEvent(.raciSet, by: actor, entity: assessment.id, state: scope.stateID, ["cells": "\(cells.count)"]))
    }
}
