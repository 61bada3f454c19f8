import Foundation

/// Importing a whole assessment from the documented JSON format: every part is checked before anything is written, and
/// the whole plan is written in one transaction with one audit entry.
public struct AssessmentImporting: Sendable {
    let importer: any AssessmentImportRepository
    let reference: any ReferenceDataRepository
    let accounts: any AccountRepository

    public init(importer: any AssessmentImportRepository, reference: any ReferenceDataRepository, accounts: any AccountRepository) {
        self.importer = importer
        self.reference = reference
        self.accounts = accounts
    }

    /// Checks the file and writes it into the scope's state; returns the new assessment.
    public func run(_ data: Data, by actor: AuditActor, scope: TenantScope) async throws -> Assessment {
        guard let method = try await reference.method() else { throw StoreConflict.missing }
        let document = try AssessmentImport.decode(data)
        let plan = try document.plan(
            stateID: scope.stateID, method: method, assessors: try await accounts.assessors(scope), makeID: Identifier.make)
        try await importer.importAssessment(
            plan, scope: scope,
            audit: AuditEvent(.assessmentImport, by: actor, entity: plan.assessment.id, state: scope.stateID, ["title": plan.assessment.title]))
        return plan.assessment
    }
}
