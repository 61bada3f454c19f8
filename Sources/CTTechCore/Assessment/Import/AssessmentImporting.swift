import Foundation

/// Importing a whole assessment from the documented JSON format, with policy responses addressing its risks: every part
/// is checked before anything is written, and the whole plan is written in one transaction with one audit entry. The
/// importing account becomes the author of the imported responses.
public struct AssessmentImporting: Sendable {
    let importer: any AssessmentImportRepository
    let reference: any ReferenceDataRepository
    let accounts: any AccountRepository
    let frameworks: (any FrameworkRepository)?

    /// Without `frameworks`, a file with a `capability` section is refused (the CLI, web and API pass them).
    public init(
        importer: any AssessmentImportRepository, reference: any ReferenceDataRepository, accounts: any AccountRepository,
        frameworks: (any FrameworkRepository)? = nil
    ) {
        self.importer = importer
        self.reference = reference
        self.accounts = accounts
        self.frameworks = frameworks
    }

    /// Checks the file and writes it into the scope's state; returns the new assessment. Validated capability assessments
    /// in the file are written only as far as `capability` allows (what the importing account may do in the state, or
    /// everything from the CLI); without it, a file with a capability section is refused.
    public func run(
        _ data: Data, by actor: AuditActor, scope: TenantScope, capability rights: AssessmentImport.CapabilityRights = .none
    ) async throws -> Assessment {
        guard let method = try await reference.method() else { throw StoreConflict.missing }
        let document = try AssessmentImport.decode(data)
        let assessors = try await accounts.assessors(scope)
        // Reviewers and focal points are looked up only when the file names some.
        let responses = document.responses ?? []
        let reviewers =
            responses.contains { !($0.reviews ?? []).isEmpty } ? try await importer.people(scope, holding: .reviewResponse) : [:]
        let focalPoints =
            responses.contains { !($0.overrides ?? []).isEmpty } ? try await importer.people(scope, holding: .overrideReview) : [:]
        var capability: AssessmentImport.CapabilityContext?
        if let frameworks, !(document.capability?.assessments ?? []).isEmpty {
            var known: [CapabilityFramework] = []
            for summary in try await frameworks.frameworks() {
                if let framework = try await frameworks.framework(id: summary.id) { known.append(framework) }
            }
            let current = try await frameworks.framework(id: nil) ?? .ctTechDefault
            if !known.contains(where: { $0.id == current.id }) { known.append(current) }
            capability = AssessmentImport.CapabilityContext(frameworks: known, current: current.id, rights: rights)
        }
        let plan = try document.plan(
            stateID: scope.stateID, method: method, assessors: assessors, reviewers: reviewers, focalPoints: focalPoints, importer: actor.id,
            capability: capability, makeID: Identifier.make)
        try await importer.importAssessment(
            plan, scope: scope,
            audit: AuditEvent(.assessmentImport, by: actor, entity: plan.assessment.id, state: scope.stateID, ["title": plan.assessment.title]))
        return plan.assessment
    }
}
