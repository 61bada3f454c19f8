import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation

/// The command line's import and export, through the same use cases as the web and the API (the export of a whole
/// assessment reads the stores directly: nothing else offers it yet).
public enum AssessmentFiles {
    /// Imports a file into the state with `stateCode`; returns the new assessment's id and title.
    public static func importAssessment(
        path: String, stateCode: String, persistence: Persistence, actor: AuditActor
    ) async throws -> (id: String, title: String) {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw ValidationFailure(field: "file", "assessment.import.unreadable", ["path": path]) }
        if size > AssessmentImport.maxBytes {
            throw ValidationFailure(
                field: "file", "assessment.import.too-large",
                ["size": String(format: "%.1f", Double(size) / 1_000_000), "limit": String(AssessmentImport.maxBytes / 1024 / 1024)])
        }
        guard let state = try await PartnerStateStore(persistence).find(code: stateCode, visible: SystemAuthority.allStates) else {
            throw ValidationFailure(field: "state", "assessment.import.no-state", ["code": stateCode])
        }
        let scope = SystemAuthority.tenant(state.id, actorID: actor.id, permission: .manageAssessment)
        let importing = AssessmentImporting(
            importer: AssessmentImportStore(persistence), reference: ReferenceDataStore(persistence), accounts: AccountStore(persistence),
            frameworks: CapabilityStore(persistence))
        do {
            // The command line is the operator's: it may restore validated capability assessments too.
            let assessment = try await importing.run(
                try Data(contentsOf: URL(fileURLWithPath: path)), by: actor, scope: scope, capability: .all)
            return (assessment.id, assessment.title)
        } catch StoreConflict.missing {
            throw ValidationFailure(field: "method", "assessment.import.no-method")
        }
    }

    /// An assessment in the import format (`docs/import-format.md`), with the state's policy responses that address it:
    /// importing the file gives the same assessment and responses again, with new ids.
    public static func exportAssessment(assessmentID: String, persistence: Persistence) async throws -> Data {
        let stores = AssessmentStores(persistence)
        guard Identifier.isValid(assessmentID),
            let stateID = try await stores.records.stateID(ofAssessment: assessmentID, visible: SystemAuthority.allStates)
        else { throw ValidationFailure(field: "assessment", "assessment.export.unknown", ["id": assessmentID]) }
        let scope = SystemAuthority.tenant(stateID, actorID: "cli", permission: .viewAssessment)
        guard let assessment = try await stores.records.find(scope, id: assessmentID) else {
            throw ValidationFailure(field: "assessment", "assessment.export.not-found")
        }
        let current = try await stores.scoring.currentRound(scope, assessmentID: assessmentID)
        // Every round before the current one is revealed.
        let rounds = current.map { round in (1..<round.number).map { ScoringRound(number: $0, status: .revealed) } + [round] } ?? []
        let policy = PolicyStore(persistence)
        let policyScope = SystemAuthority.tenant(stateID, actorID: "cli", permission: .viewResponses)
        var export = AssessmentImport.Export(
            assessment: assessment, agencies: try await stores.institutions.agencies(scope, assessmentID: assessmentID),
            raci: try await stores.institutions.raci(scope, assessmentID: assessmentID),
            horizonScan: try await stores.scan.horizonScan(scope, assessmentID: assessmentID),
            scenarios: try await stores.scoring.scenarios(scope, assessmentID: assessmentID),
            evidence: try await stores.evidence.evidence(scope, assessmentID: assessmentID, about: nil), rounds: rounds,
            scores: try await stores.scoring.scoresForRegister(scope, assessmentID: assessmentID, throughRound: current?.number ?? 0),
            otherRisks: try await stores.risks.otherRisks(scope, assessmentID: assessmentID),
            responses: try await policy.responses(policyScope).filter { $0.targets.contains { $0.assessmentID == assessmentID } },
            reviews: try await policy.allReviews(policyScope), overrides: try await policy.allOverrides(policyScope),
            indicators: try await policy.allIndicators(policyScope), emails: [:])
        export.rankings = try await stores.scoring.workshopRankings(scope, assessmentID: assessmentID, throughRound: current?.number ?? 0)
        let capability = CapabilityStore(persistence)
        let capabilityScope = SystemAuthority.tenant(stateID, actorID: "cli", permission: .viewCapability)
        export.capabilityAssessments = AssessmentImport.linked(
            try await capability.capabilityAssessments(capabilityScope), to: assessmentID)
        for c in export.capabilityAssessments {
            export.capabilityEvidence += try await capability.capabilityEvidence(capabilityScope, assessmentID: c.id)
            export.criterionRecords += try await capability.criterionRecords(capabilityScope, assessmentID: c.id)
            export.capabilityTargets += try await capability.capabilityTargets(capabilityScope, assessmentID: c.id)
        }
        let accounts = AccountStore(persistence)
        let named = Set(
            export.scores.map(\.assessorID).filter { !WorkshopInput.isWorkshop($0) } + export.reviews.map(\.reviewerID) + export.overrides.map(\.byID)
        )
        for id in named.sorted() {
            if let account = try await accounts.account(id: id) { export.emails[id] = account.email }
        }
        return try AssessmentImport(exporting: export).json()
    }

    /// The register of an assessment as JSON or CSV bytes.
    public static func exportRegister(assessmentID: String, format: String, persistence: Persistence) async throws -> Data {
        guard let kind = RegisterExportFormat(rawValue: format) else { throw ValidationFailure(field: "format", "assessment.export.format") }
        let stores = AssessmentStores(persistence)
        guard Identifier.isValid(assessmentID),
            let stateID = try await stores.records.stateID(ofAssessment: assessmentID, visible: SystemAuthority.allStates)
        else { throw ValidationFailure(field: "assessment", "assessment.export.unknown", ["id": assessmentID]) }
        let scope = SystemAuthority.tenant(stateID, actorID: "cli", permission: .viewAssessment)
        guard let assessment = try await stores.records.find(scope, id: assessmentID) else {
            throw ValidationFailure(field: "assessment", "assessment.export.not-found")
        }
        // With the state's approved responses, as the web and the API compute it: the residual columns are filled.
        let document = try await RegisterComputation(
            scoring: stores.scoring, risks: stores.risks, reference: ReferenceDataStore(persistence), policy: PolicyStore(persistence)
        ).compute(assessment, scope: scope)
        switch kind {
        case .json: return try document.json()
        case .csv: return Data(document.csv().utf8)
        }
    }
}
