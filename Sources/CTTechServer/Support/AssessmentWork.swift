import CTTechCore
import CTTechStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Use cases of an assessment shared by the web pages, the API and the command line.
struct AssessmentWork {
    let store: AssessmentStore
    let register: RegisterBuilder

    init(services: AppServices) {
        store = services.assessments
        register = RegisterBuilder(services: services)
    }

    init(persistence: Persistence) {
        store = AssessmentStore(persistence)
        register = RegisterBuilder(store: store)
    }

    /// Moves the assessment's status; approving freezes a snapshot of everything it holds at the revision read first.
    func changeStatus(_ assessment: Assessment, to target: Assessment.Status, scope: TenantScope, audit: AuditEvent) async throws {
        var snapshot: (SnapshotContent, Int64)?
        if target == .approved {
            let revision = try await store.revision(scope, assessmentID: assessment.id) ?? 0
            let id = assessment.id
            var frozen = assessment
            frozen.status = .approved
            let content = SnapshotContent(
                assessment: frozen, agencies: try await store.agencies(scope, assessmentID: id), raci: try await store.raci(scope, assessmentID: id),
                horizonScan: try await store.horizonScan(scope, assessmentID: id), scenarios: try await store.scenarios(scope, assessmentID: id),
                evidence: try await store.evidence(scope, assessmentID: id), otherRisks: try await store.otherRisks(scope, assessmentID: id),
                register: try await register.build(assessment, scope: scope).document)
            snapshot = (content, revision)
        }
        try await store.changeStatus(scope, assessmentID: assessment.id, to: target, snapshot: snapshot, audit: audit)
    }

    /// Checks a whole import file and writes it in one transaction; returns the new assessment.
    func importAssessment(
        _ data: Data, scope: TenantScope, method: MethodVersion, assessors: [String: String], audit: AuditEvent
    ) async throws
        -> Assessment
    {
        let document = try AssessmentImport.decode(data)
        let plan = try document.plan(stateID: scope.stateID, method: method, assessors: assessors, makeID: Identifier.make)
        var event = audit
        event.details["title"] = plan.assessment.title
        try await store.importAssessment(plan, scope: scope, audit: event)
        return plan.assessment
    }
}

/// Register downloads: JSON (the API's shape) or CSV, named with the TLP marking, never cached by intermediaries.
enum RegisterFormat: String {
    case json, csv
}

enum Downloads {
    /// The register's bytes, as a named download (`attachment`) or as an API body; `If-None-Match` with the current ETag
    /// answers 304 without a body.
    static func register(
        _ built: BuiltRegister, format: RegisterFormat, assessment: Assessment, request: Request?, attachment: Bool = true
    ) -> Response {
        var headers: HTTPFields = [.eTag: built.etag]
        if let request, request.headers[.ifNoneMatch] == built.etag { return Response(status: .notModified, headers: headers) }
        if attachment {
            let name = "register-\(assessment.tlp.rawValue.replacingOccurrences(of: "+", with: "-"))-\(assessment.id.prefix(8)).\(format.rawValue)"
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        }
        switch format {
        case .json:
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: built.json))
        case .csv:
            headers[.contentType] = "text/csv; charset=utf-8"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: built.document.csv())))
        }
    }
}

/// The command line's import and export, with the same checks as the web and the API.
public enum AssessmentFiles {
    /// Imports a file into the state with `stateCode`; returns the new assessment's id and title.
    public static func importAssessment(
        path: String, stateCode: String, persistence: Persistence, actor: (id: String, label: String)
    ) async throws -> (id: String, title: String) {
        let url = URL(fileURLWithPath: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        guard let size else { throw ValidationFailure(field: "file", "\(path) cannot be read") }
        if size > AssessmentImport.maxBytes {
            throw ValidationFailure(
                field: "file",
                "is \(String(format: "%.1f", Double(size) / 1_000_000)) MB; an import may be at most \(AssessmentImport.maxBytes / 1024 / 1024) MB")
        }
        guard let state = try await PartnerStateStore(persistence).find(code: stateCode, visible: SystemAuthority.allStates) else {
            throw ValidationFailure(field: "state", "no partner state has the code \(stateCode)")
        }
        let scope = SystemAuthority.tenant(state.id, actorID: actor.id, permission: .manageAssessment)
        guard let method = try await ReferenceDataStore(persistence).method() else { throw ValidationFailure(field: "method", "no method version") }
        let assessment = try await AssessmentWork(persistence: persistence).importAssessment(
            try Data(contentsOf: url), scope: scope, method: method, assessors: try await AccountStore(persistence).assessors(scope),
            audit: AuditEvent(
                actorID: actor.id, actorLabel: actor.label, action: "assessment.import", entityType: "assessment", entityID: "", stateID: state.id))
        return (assessment.id, assessment.title)
    }

    /// The register of an assessment as JSON or CSV bytes.
    public static func exportRegister(assessmentID: String, format: String, persistence: Persistence) async throws -> Data {
        guard let kind = RegisterFormat(rawValue: format) else { throw ValidationFailure(field: "format", "must be json or csv") }
        let store = AssessmentStore(persistence)
        guard Identifier.isValid(assessmentID), let stateID = try await store.stateID(ofAssessment: assessmentID, visible: SystemAuthority.allStates)
        else { throw ValidationFailure(field: "assessment", "no assessment has the id \(assessmentID)") }
        let scope = SystemAuthority.tenant(stateID, actorID: "cli", permission: .viewAssessment)
        guard let assessment = try await store.find(scope, id: assessmentID) else { throw ValidationFailure(field: "assessment", "not found") }
        let built = try await RegisterBuilder(store: store).build(assessment, scope: scope)
        switch kind {
        case .json: return Data(built.json.readableBytesView)
        case .csv: return Data(built.document.csv().utf8)
        }
    }
}
