import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// Steps 5–6 through the JSON API: policy responses, their reviews and overrides, indicators and actuals. Each operation
/// parses its typed body into the draft the web form fills, calls the same use case as the web
/// (``PolicyDesign``, ``ResponseReviewing``, ``EffectMeasurement``) and renders the schema; validation, rules, audit and
/// the transaction are the use case's.
extension APIHandler {
    // MARK: Access

    /// The scope for `permission` in the state: no grant for it is a 404, a grant without the permission a 403.
    private func policyScope(_ stateID: String, _ permission: Permission) throws -> TenantScope {
        guard let identity = RequestIdentity.current else { throw AppError.unauthenticated }
        guard Identifier.isValid(stateID) else { throw AppError.notFound }
        return try Authorizer.scope(identity, state: stateID, for: permission)
    }

    /// The response named in the path, found inside the state of the scope for `permission` (404 otherwise).
    private func policyResponse(_ stateID: String, _ responseID: String, _ permission: Permission) async throws -> (PolicyResponse, TenantScope) {
        let scope = try policyScope(stateID, permission)
        guard Identifier.isValid(responseID), let response = try await services.policy.response(scope, id: responseID) else {
            throw AppError.notFound
        }
        return (response, scope)
    }

    // MARK: Step 5: responses

    func listResponses(_ input: Operations.ListResponses.Input) async throws -> Operations.ListResponses.Output {
        let scope = try policyScope(input.path.stateId, .viewResponses)
        return .ok(.init(body: .json(try await services.policy.responses(scope).map(Self.responseSchema))))
    }

    func exportResponsesCSV(_ input: Operations.ExportResponsesCSV.Input) async throws -> Operations.ExportResponsesCSV.Output {
        let scope = try policyScope(input.path.stateId, .viewResponses)
        let policy = services.policy
        let csv = ResponsesCSV(
            responses: try await policy.responses(scope), risks: try await policy.addressableRisks(scope),
            agencies: try await policy.stateAgencies(scope),
            method: try await services.policyDesign.method(of: nil), reviews: try await policy.allReviews(scope),
            overrides: try await policy.allOverrides(scope), indicators: try await policy.allIndicators(scope), today: PolicyLookup.today
        ).csv()
        return .ok(.init(body: .csv(HTTPBody(csv))))
    }

    func createResponse(_ input: Operations.CreateResponse.Input) async throws -> Operations.CreateResponse.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try policyScope(input.path.stateId, .writeResponse)
        let draft = Self.responseDraft(
            title: body.title, type: body._type, description: body.description, targets: body.targets, effects: body.effects,
            leadAgencyId: body.leadAgencyId, partnerAgencyIds: body.partnerAgencyIds,
            cost: body.cost.map { CostRange(low: $0.low, high: $0.high, currency: $0.currency) },
            timeframe: body.timeframe.map { ($0.start, $0.end) },
            legalBasis: body.legalBasis, tlp: body.tlp)
        let response = try await Self.inPolicyTerms {
            let status = try await startStatus(body.status, draft: draft, scope: scope)
            return try await services.policyDesign.add(draft, status: status, by: try identity().actor, scope: scope)
        }
        return .created(.init(body: .json(Self.responseSchema(response))))
    }

    /// The status a new response starts in: idea (absent, null or empty) or drafted. Anything else is refused together
    /// with every problem Core finds in the draft, before anything is written.
    private func startStatus(_ text: String?, draft: PolicyResponseDraft, scope: TenantScope) async throws -> ResponseStatus {
        let trimmed = (text ?? "").trimmingWhitespace()
        if trimmed.isEmpty { return .idea }
        if let status = ResponseStatus(rawValue: trimmed), status == .idea || status == .drafted { return status }
        var issues = [FieldIssue(field: "status", "validation.one-of", ["values": "idea, drafted"])]
        let design = services.policyDesign
        do {
            _ = try draft.validated(in: try await design.context(scope, method: try await design.method(of: nil)))
        } catch let failure as ValidationFailure {
            issues += failure.issues
        }
        throw ValidationFailure(issues)
    }

    func getResponse(_ input: Operations.GetResponse.Input) async throws -> Operations.GetResponse.Output {
        let (response, scope) = try await policyResponse(input.path.stateId, input.path.responseId, .viewResponses)
        let checklists = try await services.responseReviewing.checklists(response, scope: scope)
        let method = try await services.policyDesign.method(of: response)
        let today = PolicyLookup.today
        let indicators = try await services.policy.indicators(scope, responseID: response.id)
        let progresses = indicators.map { IndicatorProgress($0, today: today, maxAgeDays: method.evidenceMaxAgeDays) }
        let detail = Components.Schemas.PolicyResponseDetail(
            response: Self.responseSchema(response), checklists: checklists.map(Self.checklistSchema), blocking: checklists.flatMap(\.blocking),
            overrides: try await services.policy.overrides(scope, responseID: response.id).map(Self.overrideSchema),
            indicators: zip(indicators, progresses).map { Self.indicatorSchema($0, progress: $1) }, progress: IndicatorProgress.overall(progresses))
        return .ok(.init(body: .json(detail)))
    }

    func updateResponse(_ input: Operations.UpdateResponse.Input) async throws -> Operations.UpdateResponse.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (response, scope) = try await policyResponse(input.path.stateId, input.path.responseId, .writeResponse)
        let draft = Self.responseDraft(
            title: body.title, type: body._type, description: body.description, targets: body.targets, effects: body.effects,
            leadAgencyId: body.leadAgencyId, partnerAgencyIds: body.partnerAgencyIds,
            cost: body.cost.map { CostRange(low: $0.low, high: $0.high, currency: $0.currency) },
            timeframe: body.timeframe.map { ($0.start, $0.end) },
            legalBasis: body.legalBasis, tlp: body.tlp)
        let saved = try await Self.inPolicyTerms {
            try await services.policyDesign.revise(response, with: draft, expectedVersion: body.version, by: try identity().actor, scope: scope)
        }
        return .ok(.init(body: .json(Self.responseSchema(saved))))
    }

    func moveResponse(_ input: Operations.MoveResponse.Input) async throws -> Operations.MoveResponse.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        guard let target = ResponseStatus(rawValue: body.to.rawValue) else { throw ValidationFailure(field: "to", "validation.not-a-status") }
        // Approval is its own permission (focal points, policy makers); every other move is a write.
        let (response, scope) = try await policyResponse(
            input.path.stateId, input.path.responseId, target == .approved ? .approveResponse : .writeResponse)
        let moved = try await services.policyDesign.move(response, to: target, expectedVersion: body.version, by: try identity().actor, scope: scope)
        return .ok(.init(body: .json(Self.responseSchema(moved))))
    }

    // MARK: Step 5: reviews

    func reviewResponse(_ input: Operations.ReviewResponse.Input) async throws -> Operations.ReviewResponse.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (response, scope) = try await policyResponse(input.path.stateId, input.path.responseId, .reviewResponse)
        let (kind, draft) = try Self.review(body)
        let reviews = try await services.responseReviewing.review(response, kind: kind, draft: draft, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(reviews.map(Self.checkReviewSchema))))
    }

    /// A review body as Core's checklist kind and draft (the same for responses and roadmap items).
    static func review(_ body: Components.Schemas.ReviewInput) throws -> (ReviewKind, ReviewDraft) {
        guard let kind = ReviewKind(rawValue: body.kind.rawValue) else { throw ValidationFailure(field: "kind", "validation.api-enum") }
        let draft = ReviewDraft(
            version: body.version, answers: body.answers.map { (code: $0.code, status: $0.status.rawValue, reasoning: $0.reasoning) },
            genderMarker: body.genderMarker)
        return (kind, draft)
    }

    func overrideReview(_ input: Operations.OverrideReview.Input) async throws -> Operations.OverrideReview.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (response, scope) = try await policyResponse(input.path.stateId, input.path.responseId, .overrideReview)
        let draft = OverrideDraft(fields: ["version": String(body.version), "justification": body.justification])
        let recorded = try await services.responseReviewing.override(response, draft: draft, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.overrideSchema(recorded))))
    }

    // MARK: Step 6: indicators

    func addIndicator(_ input: Operations.AddIndicator.Input) async throws -> Operations.AddIndicator.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (response, scope) = try await policyResponse(input.path.stateId, input.path.responseId, .writeResponse)
        var fields = [
            "name": body.name, "level": body.level.rawValue, "unit": body.unit, "direction": body.direction.rawValue,
            "baseline": String(body.baseline), "baselineDate": body.baselineDate, "target": String(body.target), "targetDate": body.targetDate,
        ]
        if body.disaggregated == true { fields["disaggregated"] = "true" }
        let indicator = try await services.effectMeasurement.addIndicator(
            IndicatorDraft(fields: fields), to: response, by: try identity().actor, scope: scope)
        let method = try await services.policyDesign.method(of: response)
        let progress = IndicatorProgress(indicator, today: PolicyLookup.today, maxAgeDays: method.evidenceMaxAgeDays)
        return .created(.init(body: .json(Self.indicatorSchema(indicator, progress: progress))))
    }

    func recordActual(_ input: Operations.RecordActual.Input) async throws -> Operations.RecordActual.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let (response, scope) = try await policyResponse(input.path.stateId, input.path.responseId, .writeResponse)
        let draft = ActualDraft(fields: [
            "value": String(body.value), "date": body.date, "evidence": body.evidence, "reliability": body.reliability.rawValue,
        ])
        let actual = try await services.effectMeasurement.recordActual(
            draft, indicatorID: input.path.indicatorId, of: response, by: try identity().actor, scope: scope)
        return .created(.init(body: .json(Self.actualSchema(actual))))
    }

    // MARK: Parsing

    /// A response body as the draft the web form fills (``PolicyResponseDraft``). Each effect's dimension is passed as
    /// sent, so Core checks it as it checks the form's (an unknown name, or a dimension on another factor, is refused).
    static func responseDraft(
        title: String, type: String, description: String?, targets: [String]?, effects: [Components.Schemas.DeclaredEffectInput]?,
        leadAgencyId: String?, partnerAgencyIds: [String]?, cost: CostRange?, timeframe: (start: String, end: String)?, legalBasis: String?,
        tlp: Components.Schemas.Tlp
    ) -> PolicyResponseDraft {
        let rows = effects ?? []
        var draft = PolicyResponseDraft(
            title: title, type: type, description: description ?? "", targets: targets ?? [],
            effects: rows.map {
                DeclaredEffect(factor: EffectFactor(rawValue: $0.factor.rawValue) ?? .likelihood, low: $0.low, best: $0.best, high: $0.high)
            },
            leadAgencyID: leadAgencyId, partnerAgencyIDs: partnerAgencyIds ?? [], cost: cost, timeframe: timeframe, legalBasis: legalBasis ?? "",
            tlp: tlp.rawValue)
        for (index, row) in rows.enumerated() where index < PolicyResponseDraft.effectRows {
            draft.fields["effect.\(index + 1).factor"] = row.factor.rawValue
            draft.fields["effect.\(index + 1).dimension"] = row.dimension ?? ""
        }
        return draft
    }

    /// Core names a few of a response's fields as the web form does; the API names them as its bodies spell them. Effect
    /// rows keep the form's names (`effect.1.low`: the first effect's low reduction), and so do check answers
    /// (`check.H04.reasoning`), since they name the row or check in question.
    static func inPolicyTerms<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            throw ValidationFailure(failure.issues.map { FieldIssue(field: policyFieldNames[$0.field] ?? $0.field, $0.problem) })
        }
    }

    static let policyFieldNames = [
        "leadAgency": "leadAgencyId", "partners": "partnerAgencyIds", "costLow": "cost.low", "costHigh": "cost.high", "currency": "cost.currency",
        "start": "timeframe.start", "end": "timeframe.end",
    ]

    // MARK: Conversions

    static func date(_ milliseconds: Int64) -> Date { Date(timeIntervalSince1970: Double(milliseconds) / 1000) }

    static func responseSchema(_ r: PolicyResponse) -> Components.Schemas.PolicyResponse {
        .init(
            id: r.id, stateId: r.stateID, title: r.title, _type: r.type, description: r.description,
            targets: r.targets.map {
                .init(
                    riskId: $0.riskID, kind: .init(rawValue: $0.kind.rawValue) ?? .scenario, assessmentId: $0.assessmentID,
                    baselineRound: $0.baselineRound)
            },
            effects: r.effects.map {
                .init(
                    factor: .init(rawValue: $0.factor.rawValue) ?? .likelihood, dimension: $0.dimension.flatMap { .init(rawValue: $0.rawValue) },
                    low: $0.low, best: $0.best, high: $0.high)
            },
            leadAgencyId: r.leadAgencyID, partnerAgencyIds: r.partnerAgencyIDs,
            cost: r.cost.map { .init(low: $0.low, high: $0.high, currency: $0.currency) },
            timeframe: r.timeframe.map { .init(start: $0.start.description, end: $0.end.description) }, legalBasis: r.legalBasis,
            status: .init(rawValue: r.status.rawValue) ?? .idea, tlp: .init(rawValue: r.tlp.rawValue) ?? .amber, methodVersion: r.methodVersion,
            version: r.version, updatedAt: date(r.updatedAt))
    }

    static func checkReviewSchema(_ r: CheckReview) -> Components.Schemas.CheckReview {
        .init(
            kind: .init(rawValue: r.kind.rawValue) ?? .humanRights, code: r.code, status: .init(rawValue: r.status.rawValue) ?? .notMet,
            reasoning: r.reasoning, genderMarker: r.genderMarker, reviewer: r.reviewerLabel, responseVersion: r.responseVersion,
            reviewedAt: date(r.reviewedAt))
    }

    static func checklistSchema(_ c: ReviewChecklist) -> Components.Schemas.ReviewChecklist {
        .init(
            kind: .init(rawValue: c.kind.rawValue) ?? .humanRights,
            lines: c.lines.map { .init(code: $0.check.code, mandatory: $0.mandatory, current: $0.current.map(checkReviewSchema), blocks: $0.blocks) },
            blocking: c.blocking, genderMarker: c.genderMarker)
    }

    static func overrideSchema(_ o: ReviewOverride) -> Components.Schemas.ReviewOverride {
        .init(responseVersion: o.responseVersion, checks: o.checks, justification: o.justification, by: o.byLabel, at: date(o.at))
    }

    static func actualSchema(_ a: IndicatorActual) -> Components.Schemas.IndicatorActual {
        .init(
            id: a.id, indicatorId: a.indicatorID, value: a.value, date: a.date.description, evidence: a.evidence,
            reliability: .init(rawValue: a.reliability.rawValue) ?? .f)
    }

    static func indicatorSchema(_ i: Indicator, progress p: IndicatorProgress) -> Components.Schemas.Indicator {
        .init(
            id: i.id, name: i.name, level: .init(rawValue: i.level.rawValue) ?? .output, unit: i.unit,
            direction: .init(rawValue: i.direction.rawValue) ?? .increase, baseline: i.baseline, baselineDate: i.baselineDate.description,
            target: i.target, targetDate: i.targetDate.description, disaggregated: i.disaggregated, actuals: i.actuals.map(actualSchema),
            progress: .init(
                progress: p.progress, latestDate: p.latest?.date.description, ageDays: p.ageDays, stale: p.stale, weight: p.weight,
                credited: p.credited))
    }
}
