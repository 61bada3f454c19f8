import Foundation

/// Importing a whole assessment from the documented JSON format, with policy responses addressing its risks: every part
/// is checked before anything is written, and the whole plan is written in one transaction with one audit entry. The
/// importing account becomes the author of the imported responses.
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
        let assessors = try await accounts.assessors(scope)
        // Reviewers and focal points are looked up only when the file names some.
        let responses = document.responses ?? []
        let reviewers =
            responses.contains { !($0.reviews ?? []).isEmpty } ? try await importer.people(scope, holding: .reviewResponse) : [:]
        let focalPoints =
            responses.contains { !($0.overrides ?? []).isEmpty } ? try await importer.people(scope, holding: .overrideReview) : [:]
        let plan = try document.plan(
            stateID: scope.stateID, method: method, assessors: assessors, reviewers: reviewers, focalPoints: focalPoints, importer: actor.id,
            makeID: Identifier.make)
        try await importer.importAssessment(
            plan, scope: scope,
            audit: AuditEvent(.assessmentImport, by: actor, entity: plan.assessment.id, state: scope.stateID, ["title": plan.assessment.title]))
        return plan.assessment
    }
}
