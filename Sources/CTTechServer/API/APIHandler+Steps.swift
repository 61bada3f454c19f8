import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// Write operations of steps 1–4 and the step 1–2 reads. Each one goes through the same validation, store rules, audit
/// and permission checks as the web forms.
extension APIHandler {
    private func current(_ scope: TenantScope, _ id: String) async throws -> Components.Schemas.Assessment {
        guard let a = try await services.assessments.records.find(scope, id: id),
            let round = try await services.assessments.scoring.currentRound(scope, assessmentID: id)
        else { throw AppError.notFound }
        return Self.assessment(a, round: round)
    }

    func createAssessment(_ input: Operations.CreateAssessment.Input) async throws -> Operations.CreateAssessment.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        guard Identifier.isValid(input.path.stateId) else { throw AppError.notFound }
        let scope = try Authorizer.scope(try identity(), state: input.path.stateId, for: .manageAssessment)
        let draft = AssessmentDraft(
            title: body.title, period: body.period, horizonYears: String(body.horizonYears ?? 2), tlp: body.tlp?.rawValue ?? "AMBER")
        let assessment = try await services.assessmentRecords.create(draft, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.assessment(assessment, round: ScoringRound(number: 1, status: .open)))))
    }

    func changeAssessmentStatus(_ input: Operations.ChangeAssessmentStatus.Input) async throws -> Operations.ChangeAssessmentStatus.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        guard let target = Assessment.Status(rawValue: body.to.rawValue) else { throw ValidationFailure(field: "to", "validation.not-a-status") }
        try await services.approval.changeStatus(a, to: target, by: try identity(), scope: scope)
        return .ok(.init(body: .json(try await current(scope, a.id))))
    }

    func advanceRound(_ input: Operations.AdvanceRound.Input) async throws -> Operations.AdvanceRound.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        guard let target = ScoringRound.Status(rawValue: body.to.rawValue) else {
            throw ValidationFailure(field: "to", "validation.not-a-round-status")
        }
        try await services.scoring.advanceRound(a, to: target, by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(try await current(scope, a.id))))
    }

    func createScenario(_ input: Operations.CreateScenario.Input) async throws -> Operations.CreateScenario.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .writeScenario)
        let draft = ScenarioDraft(
            title: body.title, narrative: body.narrative, actorType: body.actorType, technologies: body.technologies, purposes: body.purposes,
            targetSector: body.targetSector, horizonYears: body.horizonYears.map(String.init))
        let s = try await services.scoring.addScenario(draft, to: a, by: try identity().actor, scope: scope)
        return .created(
            .init(
                body: .json(
                    .init(
                        id: s.id, title: s.title, narrative: s.narrative, actorType: s.actorType, technologies: s.technologies, purposes: s.purposes,
                        targetSector: s.targetSector, horizonYears: s.horizonYears, version: s.version))))
    }

    func submitScore(_ input: Operations.SubmitScore.Input) async throws -> Operations.SubmitScore.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .scoreScenario)
        guard Identifier.isValid(input.path.scenarioId),
            let scenario = try await services.assessments.scoring.scenario(scope, assessmentID: a.id, id: input.path.scenarioId)
        else { throw AppError.notFound }
        let draft = ScoreDraft(
            intent: body.intent, actorCapability: body.actorCapability, technologyAccessibility: body.technologyAccessibility,
            opportunity: body.opportunity, likelihood: (body.likelihood.low, body.likelihood.best, body.likelihood.high),
            impact: Self.impactCodes(body.impact), confidence: body.confidence.rawValue, rationale: body.rationale)
        let score = try await Self.inBodyTerms { try await services.scoring.submit(draft, for: scenario, by: try identity().actor, scope: scope) }
        return .created(
            .init(
                body: .json(
                    .init(
                        scenarioId: score.scenarioID, round: score.round, assessor: "You", own: true, intent: score.intent,
                        actorCapability: score.actorCapability, technologyAccessibility: score.technologyAccessibility,
                        opportunity: score.opportunity,
                        threat: score.threat, likelihood: Self.likelihood(score.likelihood), impact: Self.impact(score.impact),
                        confidence: .init(rawValue: score.confidence.rawValue) ?? .low, rationale: score.rationale))))
    }

    // MARK: Step 1

    static func agency(_ a: Agency) -> Components.Schemas.Agency {
        .init(id: a.id, name: a.name, kind: .init(rawValue: a.kind.rawValue) ?? .other, mandate: a.mandate)
    }

    func listAgencies(_ input: Operations.ListAgencies.Input) async throws -> Operations.ListAgencies.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.institutions.agencies(scope, assessmentID: a.id).map(Self.agency))))
    }

    func createAgency(_ input: Operations.CreateAgency.Input) async throws -> Operations.CreateAgency.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let agency = try await services.institutions.addAgency(
            AgencyDraft(name: body.name, kind: body.kind.rawValue, mandate: body.mandate), to: a, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.agency(agency))))
    }

    func updateAgency(_ input: Operations.UpdateAgency.Input) async throws -> Operations.UpdateAgency.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let agency = try await services.institutions.correctAgency(
            input.path.agencyId, with: AgencyDraft(name: body.name, kind: body.kind.rawValue, mandate: body.mandate), in: a, by: try identity().actor,
            scope: scope)
        return .ok(.init(body: .json(Self.agency(agency))))
    }

    static func raci(_ cells: [RaciAssignment]) -> [Components.Schemas.RaciCell] {
        cells.map {
            .init(activity: .init(rawValue: $0.activity.rawValue) ?? .scoping, agencyId: $0.agencyID, role: .init(rawValue: $0.role.rawValue) ?? .i)
        }
    }

    func getRaci(_ input: Operations.GetRaci.Input) async throws -> Operations.GetRaci.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(Self.raci(try await services.assessments.institutions.raci(scope, assessmentID: a.id)))))
    }

    func setRaci(_ input: Operations.SetRaci.Input) async throws -> Operations.SetRaci.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let cells = try RaciMatrix.parse(
            body.cells.enumerated().map { i, cell in
                RaciMatrix.Cell(
                    activity: cell.activity.rawValue, agencyID: cell.agencyId, role: cell.role.rawValue, activityField: "cells[\(i)].activity",
                    roleField: "cells[\(i)].role")
            })
        try await services.institutions.saveRaci(cells, in: a, by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.raci(try await services.assessments.institutions.raci(scope, assessmentID: a.id)))))
    }

    // MARK: Step 2

    static func scan(_ e: HorizonScanEntry) -> Components.Schemas.ScanEntry {
        .init(
            technology: e.technology, stage: .init(rawValue: e.stage.rawValue) ?? .aspiration, trend: .init(rawValue: e.trend.rawValue) ?? .stable,
            notes: e.notes)
    }

    func getHorizonScan(_ input: Operations.GetHorizonScan.Input) async throws -> Operations.GetHorizonScan.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.scan.horizonScan(scope, assessmentID: a.id).map(Self.scan))))
    }

    func setScanEntry(_ input: Operations.SetScanEntry.Input) async throws -> Operations.SetScanEntry.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .writeScenario)
        let entry = try await services.horizonScanning.record(
            HorizonScanDraft(technology: body.technology, stage: body.stage.rawValue, trend: body.trend.rawValue, notes: body.notes), in: a,
            by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.scan(entry))))
    }

    // MARK: Evidence

    static func evidence(_ e: EvidenceItem) -> Components.Schemas.Evidence {
        .init(
            id: e.id, subject: e.subject.kind == "scenario" ? .scenario : .technology, ref: e.subject.reference, summary: e.summary, source: e.source,
            reliability: .init(rawValue: e.reliability.rawValue) ?? .f, credibility: e.credibility.rawValue, grading: e.grading,
            observedOn: e.observedOn)
    }

    func listEvidence(_ input: Operations.ListEvidence.Input) async throws -> Operations.ListEvidence.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.evidence.evidence(scope, assessmentID: a.id, about: nil).map(Self.evidence))))
    }

    func createEvidence(_ input: Operations.CreateEvidence.Input) async throws -> Operations.CreateEvidence.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .writeScenario)
        let draft = EvidenceDraft(
            summary: body.summary, source: body.source, reliability: body.reliability.rawValue, credibility: body.credibility,
            observedOn: body.observedOn)
        let subject: EvidenceRecording.Subject =
            switch body.subject {
            case .scenario: .scenario(body.ref)
            case .technology: .technology(body.ref)
            }
        let item = try await services.evidenceRecording.add(draft, about: subject, in: a, field: "ref", by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.evidence(item))))
    }

    // MARK: Step 4

    static func otherRisk(_ r: OtherRisk) -> Components.Schemas.OtherRisk {
        .init(
            id: r.id, title: r.title, family: r.family, likelihood: likelihood(r.likelihood), impact: impact(r.impact),
            confidence: .init(rawValue: r.confidence.rawValue) ?? .low)
    }

    func listOtherRisks(_ input: Operations.ListOtherRisks.Input) async throws -> Operations.ListOtherRisks.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.risks.otherRisks(scope, assessmentID: a.id).map(Self.otherRisk))))
    }

    func createOtherRisk(_ input: Operations.CreateOtherRisk.Input) async throws -> Operations.CreateOtherRisk.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let risk = try await Self.inBodyTerms {
            try await services.otherRisks.add(Self.otherRiskDraft(body), to: a, by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.otherRisk(risk))))
    }

    func updateOtherRisk(_ input: Operations.UpdateOtherRisk.Input) async throws -> Operations.UpdateOtherRisk.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let risk = try await Self.inBodyTerms {
            try await services.otherRisks.correct(input.path.riskId, with: Self.otherRiskDraft(body), in: a, by: try identity().actor, scope: scope)
        }
        return .ok(.init(body: .json(Self.otherRisk(risk))))
    }

    static func otherRiskDraft(_ body: Components.Schemas.OtherRiskInput) -> OtherRiskDraft {
        OtherRiskDraft(
            title: body.title, family: body.family, confidence: body.confidence.rawValue,
            likelihood: (body.likelihood.low, body.likelihood.best, body.likelihood.high),
            impact: (body.impact.low, body.impact.best, body.impact.high))
    }

    func listSnapshots(_ input: Operations.ListSnapshots.Input) async throws -> Operations.ListSnapshots.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        let snapshots = try await services.assessments.approval.snapshots(scope, assessmentID: a.id)
        let result = try snapshots.map { s -> Components.Schemas.Snapshot in
            // The stored register document has the schema's shape; decode it into the generated type.
            let register = try JSONDecoder().decode(Components.Schemas.Register.self, from: try s.content.register.json())
            return .init(
                number: s.number, approvedAt: Date(timeIntervalSince1970: Double(s.approvedAt) / 1000), approvedBy: s.approvedBy, sha256: s.sha256,
                register: register)
        }
        return .ok(.init(body: .json(result)))
    }
}

// MARK: Removal

extension APIHandler {
    private func remove(
        _ kind: RemovableRecord, id: String, stateID: String, assessmentID: String, permission: Permission
    ) async throws {
        let (a, scope, _) = try await assessment(stateID, assessmentID, permission)
        try await services.assessmentRecords.remove(kind, id: id, from: a, by: try identity().actor, scope: scope)
    }

    func deleteAgency(_ input: Operations.DeleteAgency.Input) async throws -> Operations.DeleteAgency.Output {
        try await remove(
            .agency, id: input.path.agencyId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .manageAssessment)
        return .noContent
    }

    func deleteEvidence(_ input: Operations.DeleteEvidence.Input) async throws -> Operations.DeleteEvidence.Output {
        try await remove(
            .evidence, id: input.path.evidenceId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .writeScenario)
        return .noContent
    }

    func deleteOtherRisk(_ input: Operations.DeleteOtherRisk.Input) async throws -> Operations.DeleteOtherRisk.Output {
        try await remove(
            .otherRisk, id: input.path.riskId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .manageAssessment)
        return .noContent
    }

    func deleteScenario(_ input: Operations.DeleteScenario.Input) async throws -> Operations.DeleteScenario.Output {
        try await remove(
            .scenario, id: input.path.scenarioId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .manageAssessment)
        return .noContent
    }
}
