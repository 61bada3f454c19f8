import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// Write operations of steps 1–4 and the step 1–2 reads. Each one goes through the same validation, store rules, audit
/// and permission checks as the web forms.
extension APIHandler {
    private func audit(_ action: String, _ type: String, _ id: String, _ scope: TenantScope, _ details: [String: String] = [:]) throws -> AuditEvent {
        AuditEvent(try identity(), action, type, id, state: scope.stateID, details)
    }

    private func current(_ scope: TenantScope, _ id: String) async throws -> Components.Schemas.Assessment {
        guard let a = try await services.assessments.find(scope, id: id),
            let round = try await services.assessments.currentRound(scope, assessmentID: id)
        else { throw AppError.notFound }
        return Self.assessment(a, round: round)
    }

    func createAssessment(_ input: Operations.CreateAssessment.Input) async throws -> Operations.CreateAssessment.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        guard Identifier.isValid(input.path.stateId) else { throw AppError.notFound }
        let scope = try Authorizer.scope(try identity(), state: input.path.stateId, for: .manageAssessment)
        let clean = try AssessmentDraft(
            title: body.title, period: body.period, horizonYears: String(body.horizonYears ?? 2), tlp: body.tlp ?? "AMBER"
        ).validated()
        guard let method = try await services.reference.method() else { throw AppError.notFound }
        let assessment = Assessment(
            id: Identifier.make(), stateID: scope.stateID, title: clean.title, period: clean.period, horizonYears: clean.horizonYears,
            methodVersion: method.id, tlp: clean.tlp, status: .draft, version: 1)
        try await services.assessments.create(
            assessment, scope: scope, audit: try audit("assessment.create", "assessment", assessment.id, scope, ["title": clean.title]))
        return .created(.init(body: .json(Self.assessment(assessment, round: ScoringRound(number: 1, status: .open)))))
    }

    func changeAssessmentStatus(_ input: Operations.ChangeAssessmentStatus.Input) async throws -> Operations.ChangeAssessmentStatus.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        guard let target = Assessment.Status(rawValue: body.to.rawValue) else { throw ValidationFailure(field: "to", "is not a status") }
        let approving = target == .approved
        let caller = try identity()
        if approving && !Authorizer.allows(caller, state: scope.stateID, .approveAssessment) {
            throw AppError.forbidden("Only the state's focal point approves an assessment.")
        }
        try await AssessmentWork(services: services).changeStatus(
            a, to: target, scope: scope, audit: try audit("assessment.\(approving ? "approve" : "status")", "assessment", a.id, scope))
        return .ok(.init(body: .json(try await current(scope, a.id))))
    }

    func advanceRound(_ input: Operations.AdvanceRound.Input) async throws -> Operations.AdvanceRound.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        guard let target = ScoringRound.Status(rawValue: body.to.rawValue) else { throw ValidationFailure(field: "to", "is not a round status") }
        try await services.assessments.advanceRound(
            scope, assessmentID: a.id, to: target, audit: try audit("round.\(target.rawValue)", "assessment", a.id, scope))
        return .ok(.init(body: .json(try await current(scope, a.id))))
    }

    func createScenario(_ input: Operations.CreateScenario.Input) async throws -> Operations.CreateScenario.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .writeScenario)
        guard let method = try await services.reference.method(id: a.methodVersion) else { throw AppError.notFound }
        let clean = try ScenarioDraft(
            title: body.title, narrative: body.narrative, actorType: body.actorType, technologies: body.technologies, purposes: body.purposes,
            targetSector: body.targetSector, horizonYears: body.horizonYears.map(String.init)
        ).validated(against: method, defaultHorizon: a.horizonYears)
        let s = ThreatScenario(
            id: Identifier.make(), assessmentID: a.id, title: clean.title, narrative: clean.narrative, actorType: clean.actorType,
            technologies: clean.technologies, purposes: clean.purposes, targetSector: clean.targetSector, horizonYears: clean.horizonYears, version: 1
        )
        try await services.assessments.addScenario(s, scope: scope, audit: try audit("scenario.create", "scenario", s.id, scope, ["title": s.title]))
        return .created(
            .init(
                body: .json(
                    .init(
                        id: s.id, title: s.title, narrative: s.narrative, actorType: s.actorType, technologies: s.technologies, purposes: s.purposes,
                        targetSector: s.targetSector, horizonYears: s.horizonYears, version: s.version))))
    }

    func submitScore(_ input: Operations.SubmitScore.Input) async throws -> Operations.SubmitScore.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, round) = try await assessment(input.path.stateId, input.path.assessmentId, .scoreScenario)
        guard Identifier.isValid(input.path.scenarioId),
            let scenario = try await services.assessments.scenario(scope, assessmentID: a.id, id: input.path.scenarioId)
        else { throw AppError.notFound }
        var fields: [String: String] = [
            "intent": String(body.intent), "actorCapability": String(body.actorCapability),
            "technologyAccessibility": String(body.technologyAccessibility),
            "opportunity": String(body.opportunity), "likelihoodLow": String(body.likelihood.low), "likelihoodBest": String(body.likelihood.best),
            "likelihoodHigh": String(body.likelihood.high), "confidence": body.confidence.rawValue, "rationale": body.rationale ?? "",
        ]
        for (key, value) in body.impact.additionalProperties {
            guard ImpactDimension(rawValue: key) != nil else {
                throw ValidationFailure(field: "impact", "\(key.prefix(30)) is not an impact dimension")
            }
            fields["impact.\(key)"] = String(value)
        }
        let score = try ScoreDraft(fields: fields).validated(scenarioID: scenario.id, round: round.number, assessorID: scope.userID)
        try await services.assessments.submitScore(
            score, scope: scope, audit: try audit("score.submit", "scenario", scenario.id, scope, ["round": "\(round.number)"]))
        return .created(
            .init(
                body: .json(
                    .init(
                        scenarioId: score.scenarioID, round: score.round, assessor: "You", own: true, intent: score.intent,
                        actorCapability: score.actorCapability, technologyAccessibility: score.technologyAccessibility,
                        opportunity: score.opportunity,
                        threat: score.threat, likelihood: Self.interval(score.likelihood),
                        impact: .init(additionalProperties: Dictionary(uniqueKeysWithValues: score.impact.map { ($0.key.rawValue, $0.value) })),
                        confidence: score.confidence.rawValue, rationale: score.rationale))))
    }

    // MARK: Step 1

    static func agency(_ a: Agency) -> Components.Schemas.Agency { .init(id: a.id, name: a.name, kind: a.kind.rawValue, mandate: a.mandate) }

    func listAgencies(_ input: Operations.ListAgencies.Input) async throws -> Operations.ListAgencies.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.agencies(scope, assessmentID: a.id).map(Self.agency))))
    }

    func createAgency(_ input: Operations.CreateAgency.Input) async throws -> Operations.CreateAgency.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let agency = try AgencyDraft(fields: ["name": body.name, "kind": body.kind, "mandate": body.mandate ?? ""]).validated(id: Identifier.make())
        try await services.assessments.addAgency(
            agency, assessmentID: a.id, scope: scope, audit: try audit("agency.create", "agency", agency.id, scope, ["name": agency.name]))
        return .created(.init(body: .json(Self.agency(agency))))
    }

    func updateAgency(_ input: Operations.UpdateAgency.Input) async throws -> Operations.UpdateAgency.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        guard Identifier.isValid(input.path.agencyId) else { throw AppError.notFound }
        let agency = try AgencyDraft(fields: ["name": body.name, "kind": body.kind, "mandate": body.mandate ?? ""]).validated(id: input.path.agencyId)
        try await services.assessments.updateAgency(
            agency, assessmentID: a.id, scope: scope, audit: try audit("agency.update", "agency", agency.id, scope, ["name": agency.name]))
        return .ok(.init(body: .json(Self.agency(agency))))
    }

    static func raci(_ cells: [RaciAssignment]) -> [Components.Schemas.RaciCell] {
        cells.map { .init(activity: $0.activity.rawValue, agencyId: $0.agencyID, role: .init(rawValue: $0.role.rawValue) ?? .i) }
    }

    func getRaci(_ input: Operations.GetRaci.Input) async throws -> Operations.GetRaci.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(Self.raci(try await services.assessments.raci(scope, assessmentID: a.id)))))
    }

    func setRaci(_ input: Operations.SetRaci.Input) async throws -> Operations.SetRaci.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        var v = Validator()
        let cells = body.cells.enumerated().compactMap { i, cell -> RaciAssignment? in
            guard let activity = AssessmentActivity(rawValue: cell.activity), let role = RaciRole(rawValue: cell.role.rawValue) else {
                v.add("cells[\(i)].activity", "must be one of: \(AssessmentActivity.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            return RaciAssignment(activity: activity, agencyID: cell.agencyId, role: role)
        }
        try v.check()
        try await services.assessments.setRaci(
            cells, assessmentID: a.id, scope: scope, audit: try audit("raci.set", "assessment", a.id, scope, ["cells": "\(cells.count)"]))
        return .ok(.init(body: .json(Self.raci(try await services.assessments.raci(scope, assessmentID: a.id)))))
    }

    // MARK: Step 2

    static func scan(_ e: HorizonScanEntry) -> Components.Schemas.ScanEntry {
        .init(
            technology: e.technology, stage: .init(rawValue: e.stage.rawValue) ?? .aspiration, trend: .init(rawValue: e.trend.rawValue) ?? .stable,
            notes: e.notes)
    }

    func getHorizonScan(_ input: Operations.GetHorizonScan.Input) async throws -> Operations.GetHorizonScan.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.horizonScan(scope, assessmentID: a.id).map(Self.scan))))
    }

    func setScanEntry(_ input: Operations.SetScanEntry.Input) async throws -> Operations.SetScanEntry.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .writeScenario)
        guard let method = try await services.reference.method(id: a.methodVersion) else { throw AppError.notFound }
        let entry = try HorizonScanDraft(fields: [
            "technology": body.technology, "stage": body.stage.rawValue, "trend": body.trend.rawValue, "notes": body.notes ?? "",
        ]).validated(against: method)
        try await services.assessments.setScanEntry(
            entry, assessmentID: a.id, scope: scope,
            audit: try audit("scan.set", "assessment", a.id, scope, ["technology": entry.technology, "stage": entry.stage.rawValue]))
        return .ok(.init(body: .json(Self.scan(entry))))
    }

    // MARK: Evidence

    static func evidence(_ e: EvidenceItem) -> Components.Schemas.Evidence {
        .init(
            id: e.id, subject: e.subject.kind == "scenario" ? .scenario : .technology, ref: e.subject.reference, summary: e.summary, source: e.source,
            reliability: e.reliability.rawValue, credibility: e.credibility.rawValue, grading: e.grading, observedOn: e.observedOn)
    }

    func listEvidence(_ input: Operations.ListEvidence.Input) async throws -> Operations.ListEvidence.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.evidence(scope, assessmentID: a.id).map(Self.evidence))))
    }

    func createEvidence(_ input: Operations.CreateEvidence.Input) async throws -> Operations.CreateEvidence.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .writeScenario)
        let subject: EvidenceSubject
        switch body.subject {
        case .scenario:
            guard Identifier.isValid(body.ref), try await services.assessments.scenario(scope, assessmentID: a.id, id: body.ref) != nil else {
                throw ValidationFailure(field: "ref", "is not a scenario of this assessment")
            }
            subject = .scenario(body.ref)
        case .technology:
            guard let method = try await services.reference.method(id: a.methodVersion),
                method.items(.technologies).contains(where: { $0.code == body.ref })
            else { throw ValidationFailure(field: "ref", "is not a technology of this method") }
            subject = .technology(body.ref)
        }
        let item = try EvidenceDraft(fields: [
            "summary": body.summary, "source": body.source, "reliability": body.reliability, "credibility": String(body.credibility),
            "observedOn": body.observedOn ?? "",
        ]).validated(id: Identifier.make(), subject: subject)
        try await services.assessments.addEvidence(
            item, assessmentID: a.id, scope: scope, audit: try audit("evidence.create", "evidence", item.id, scope, ["grading": item.grading]))
        return .created(.init(body: .json(Self.evidence(item))))
    }

    // MARK: Step 4

    static func otherRisk(_ r: OtherRisk) -> Components.Schemas.OtherRisk {
        .init(
            id: r.id, title: r.title, family: r.family, likelihood: interval(r.likelihood), impact: interval(r.impact),
            confidence: r.confidence.rawValue)
    }

    func listOtherRisks(_ input: Operations.ListOtherRisks.Input) async throws -> Operations.ListOtherRisks.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(try await services.assessments.otherRisks(scope, assessmentID: a.id).map(Self.otherRisk))))
    }

    func createOtherRisk(_ input: Operations.CreateOtherRisk.Input) async throws -> Operations.CreateOtherRisk.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        let risk = try Self.otherRiskDraft(body).validated(id: Identifier.make())
        try await services.assessments.addOtherRisk(
            risk, assessmentID: a.id, scope: scope, audit: try audit("other_risk.create", "other_risk", risk.id, scope, ["title": risk.title]))
        return .created(.init(body: .json(Self.otherRisk(risk))))
    }

    func updateOtherRisk(_ input: Operations.UpdateOtherRisk.Input) async throws -> Operations.UpdateOtherRisk.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId, .manageAssessment)
        guard Identifier.isValid(input.path.riskId) else { throw AppError.notFound }
        let risk = try Self.otherRiskDraft(body).validated(id: input.path.riskId)
        try await services.assessments.updateOtherRisk(
            risk, assessmentID: a.id, scope: scope, audit: try audit("other_risk.update", "other_risk", risk.id, scope, ["title": risk.title]))
        return .ok(.init(body: .json(Self.otherRisk(risk))))
    }

    static func otherRiskDraft(_ body: Components.Schemas.OtherRiskInput) -> OtherRiskDraft {
        OtherRiskDraft(fields: [
            "title": body.title, "family": body.family, "confidence": body.confidence.rawValue,
            "likelihoodLow": String(body.likelihood.low), "likelihoodBest": String(body.likelihood.best),
            "likelihoodHigh": String(body.likelihood.high),
            "impactLow": String(body.impact.low), "impactBest": String(body.impact.best), "impactHigh": String(body.impact.high),
        ])
    }

    func listSnapshots(_ input: Operations.ListSnapshots.Input) async throws -> Operations.ListSnapshots.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        let snapshots = try await services.assessments.snapshots(scope, assessmentID: a.id)
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
        _ kind: AssessmentStore.Removable, id: String, stateID: String, assessmentID: String, permission: Permission, entity: String
    ) async throws {
        let (a, scope, _) = try await assessment(stateID, assessmentID, permission)
        guard Identifier.isValid(id) else { throw AppError.notFound }
        try await services.assessments.remove(
            kind, id: id, assessmentID: a.id, scope: scope, audit: AuditEvent(try identity(), "\(entity).delete", entity, id, state: scope.stateID))
    }

    func deleteAgency(_ input: Operations.DeleteAgency.Input) async throws -> Operations.DeleteAgency.Output {
        try await remove(
            .agency, id: input.path.agencyId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .manageAssessment,
            entity: "agency")
        return .noContent
    }

    func deleteEvidence(_ input: Operations.DeleteEvidence.Input) async throws -> Operations.DeleteEvidence.Output {
        try await remove(
            .evidence, id: input.path.evidenceId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .writeScenario,
            entity: "evidence")
        return .noContent
    }

    func deleteOtherRisk(_ input: Operations.DeleteOtherRisk.Input) async throws -> Operations.DeleteOtherRisk.Output {
        try await remove(
            .otherRisk, id: input.path.riskId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .manageAssessment,
            entity: "other_risk")
        return .noContent
    }

    func deleteScenario(_ input: Operations.DeleteScenario.Input) async throws -> Operations.DeleteScenario.Output {
        try await remove(
            .scenario, id: input.path.scenarioId, stateID: input.path.stateId, assessmentID: input.path.assessmentId, permission: .manageAssessment,
            entity: "scenario")
        return .noContent
    }
}
