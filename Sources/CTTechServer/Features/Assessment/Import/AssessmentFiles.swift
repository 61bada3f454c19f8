import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation

/// The command line's import and export, through the same use cases as the web and the API.
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
            importer: AssessmentImportStore(persistence), reference: ReferenceDataStore(persistence), accounts: AccountStore(persistence))
        do {
            let assessment = try await importing.run(try Data(contentsOf: URL(fileURLWithPath: path)), by: actor, scope: scope)
            return (assessment.id, assessment.title)
        } catch StoreConflict.missing {
            throw ValidationFailure(field: "method", "assessment.import.no-method")
        }
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
        let document = try await RegisterComputation(scoring: stores.scoring, risks: stores.risks, reference: ReferenceDataStore(persistence))
            .compute(assessment, scope: scope)
        switch kind {
        case .json: return try document.json()
        case .csv: return Data(document.csv().utf8)
        }
    }
}
