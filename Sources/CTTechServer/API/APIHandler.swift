import CTTechAPI
import CTTechCore
import CTTechStore
import Foundation
import OpenAPIRuntime

/// The JSON API (`openapi.yaml`). Thin: checks access through ``Authorizer``, calls the same use cases as the web UI,
/// converts types. Errors are thrown and become problem+json in ``ErrorMiddleware``.
struct APIHandler: APIProtocol {
    let services: AppServices

    // MARK: Access

    func identity() throws -> Identity {
        guard let identity = RequestIdentity.current else { throw AppError.unauthenticated }
        return identity
    }

    private func asAdministrator() throws -> Granted {
        let identity = try identity()
        return Granted(identity: identity, tenant: nil, admin: try Authorizer.administrator(identity))
    }

    private func inState(_ stateID: String, _ permission: Permission) throws -> Granted {
        let identity = try identity()
        guard Identifier.isValid(stateID) else { throw AppError.notFound }
        return Granted(identity: identity, tenant: try Authorizer.scope(identity, state: stateID, for: permission), admin: nil)
    }

    /// Core names a few fields as the web forms do (`stateID`, `defaultTLP`, `likelihoodLow`…); the API names every field
    /// as its bodies spell it. Runs `work` and renames the fields of the validation problems it throws.
    static func inBodyTerms<T>(_ work: () async throws -> T) async throws -> T {
        do {
            return try await work()
        } catch let failure as ValidationFailure {
            throw ValidationFailure(failure.issues.map { FieldIssue(field: bodyFieldNames[$0.field] ?? $0.field, $0.problem) })
        }
    }

    static let bodyFieldNames = [
        "stateID": "stateId", "defaultTLP": "defaultTlp", "likelihoodLow": "likelihood.low", "likelihoodBest": "likelihood.best",
        "likelihoodHigh": "likelihood.high", "impactLow": "impact.low", "impactBest": "impact.best", "impactHigh": "impact.high",
    ]

    /// Query parameters that are not text, by operation. The generated code refuses a value that does not convert
    /// (`limit=abc`) with an error naming no parameter; ``ErrorMiddleware/decodingProblem(_:)`` looks here to name it.
    static let typedQueryParameters = [
        "listAudit": ["before", "limit"], "listProgrammeEvents": ["year"], "getProgrammeFigures": ["table", "year"], "unlinkEventWork": ["role"],
    ]

    private func user(_ id: String, _ granted: Granted) async throws -> UserAccount {
        guard Identifier.isValid(id), let user = try await services.accounts.find(try granted.requireAdmin(), id: id) else { throw AppError.notFound }
        return user
    }

    // MARK: Operations

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let identity = try identity()
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: identity.userID, email: identity.email, displayName: identity.displayName, grants: identity.grants.map(Self.grant),
                        tlp: .amberStrict))))
    }

    func listStates(_ input: Operations.ListStates.Input) async throws -> Operations.ListStates.Output {
        let states = try await services.states.list(visible: Authorizer.visibleStates(try identity()))
        return .ok(.init(body: .json(states.map(Self.state))))
    }

    func createState(_ input: Operations.CreateState.Input) async throws -> Operations.CreateState.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let draft = PartnerStateDraft(
            code: body.code, name: body.name, region: body.region.rawValue, defaultTLP: body.defaultTlp?.rawValue ?? "AMBER", profile: body.profile)
        let scope = try asAdministrator().requireAdmin()
        let state = try await Self.inBodyTerms { try await services.stateAdministration.create(draft, by: try identity().actor, scope: scope) }
        return .created(.init(body: .json(Self.state(state))))
    }

    func getState(_ input: Operations.GetState.Input) async throws -> Operations.GetState.Output {
        let granted = try inState(input.path.stateId, .viewState)
        guard let state = try await services.states.find(try granted.requireTenant()) else { throw AppError.notFound }
        return .ok(.init(body: .json(Self.state(state))))
    }

    func updateState(_ input: Operations.UpdateState.Input) async throws -> Operations.UpdateState.Output {
        let granted = try inState(input.path.stateId, .editStateProfile)
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let scope = try granted.requireTenant()
        guard let state = try await services.states.find(scope) else { throw AppError.notFound }
        // A missing or null profile keeps the current one: an update never drops a field the client did not send.
        let draft = PartnerStateDraft(
            code: body.code, name: body.name, region: body.region.rawValue, defaultTLP: body.defaultTlp.rawValue,
            profile: body.profile ?? state.profile)
        let saved = try await Self.inBodyTerms {
            try await services.stateAdministration.update(state, with: draft, expectedVersion: body.version, by: try granted.actor(), scope: scope)
        }
        return .ok(.init(body: .json(Self.state(saved))))
    }

    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let scope = try asAdministrator().requireAdmin()
        let users = try await services.accounts.list(scope)
        let grants = try await services.accounts.grants(scope, userIDs: users.map(\.id))
        return .ok(.init(body: .json(users.map { Self.user($0, grants: grants[$0.id] ?? []) })))
    }

    func createUser(_ input: Operations.CreateUser.Input) async throws -> Operations.CreateUser.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let granted = try asAdministrator()
        let user = try await Self.inBodyTerms {
            try await services.accountAdministration.create(
                UserDraft(email: body.email, displayName: body.displayName), password: body.password, role: body.role?.rawValue,
                stateID: body.stateId, by: try granted.actor(), scope: try granted.requireAdmin())
        }
        return .created(.init(body: .json(Self.user(user, grants: try await services.accounts.grants(userID: user.id)))))
    }

    func getUser(_ input: Operations.GetUser.Input) async throws -> Operations.GetUser.Output {
        let user = try await user(input.path.userId, try asAdministrator())
        return .ok(.init(body: .json(Self.user(user, grants: try await services.accounts.grants(userID: user.id)))))
    }

    func updateUser(_ input: Operations.UpdateUser.Input) async throws -> Operations.UpdateUser.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let granted = try asAdministrator()
        let existing = try await user(input.path.userId, granted)
        let saved = try await services.accountAdministration.update(
            existing.id, draft: UserDraft(email: body.email, displayName: body.displayName, isActive: body.isActive), expectedVersion: body.version,
            by: try granted.actor(), scope: try granted.requireAdmin())
        return .ok(.init(body: .json(Self.user(saved, grants: try await services.accounts.grants(userID: saved.id)))))
    }

    func listGrants(_ input: Operations.ListGrants.Input) async throws -> Operations.ListGrants.Output {
        let user = try await user(input.path.userId, try asAdministrator())
        return .ok(.init(body: .json(try await services.accounts.grants(userID: user.id).map(Self.grant))))
    }

    func createGrant(_ input: Operations.CreateGrant.Input) async throws -> Operations.CreateGrant.Output {
        guard case .json(let body) = input.body else { throw AppError.unsupportedMediaType }
        let granted = try asAdministrator()
        let user = try await user(input.path.userId, granted)
        let grant = try await Self.inBodyTerms {
            try await services.accountAdministration.grant(
                userID: user.id, role: body.role.rawValue, stateID: body.stateId, by: try granted.actor(), scope: try granted.requireAdmin())
        }
        return .created(.init(body: .json(Self.grant(grant))))
    }

    func deleteGrant(_ input: Operations.DeleteGrant.Input) async throws -> Operations.DeleteGrant.Output {
        let granted = try asAdministrator()
        let user = try await user(input.path.userId, granted)
        guard Identifier.isValid(input.path.grantId) else { throw AppError.notFound }
        try await services.accountAdministration.withdraw(
            grantID: input.path.grantId, userID: user.id, by: try granted.actor(), scope: try granted.requireAdmin())
        return .noContent(.init())
    }

    func getReferenceData(_ input: Operations.GetReferenceData.Input) async throws -> Operations.GetReferenceData.Output {
        _ = try identity()
        guard let method = try await services.reference.method() else { throw AppError.notFound }
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: method.id, title: method.title, note: method.note, lists: ReferenceKind.allCases.map { Self.list(method, $0) },
                        tlp: .clear))))
    }

    func getReferenceList(_ input: Operations.GetReferenceList.Input) async throws -> Operations.GetReferenceList.Output {
        _ = try identity()
        guard let kind = ReferenceKind(rawValue: input.path.kind.rawValue), let method = try await services.reference.method() else {
            throw AppError.notFound
        }
        return .ok(.init(body: .json(Self.list(method, kind))))
    }

    func listAudit(_ input: Operations.ListAudit.Input) async throws -> Operations.ListAudit.Output {
        let limit = input.query.limit ?? 50
        guard (1...PageRequest.maximumLimit).contains(limit) else {
            throw ValidationFailure(field: "limit", "validation.limit-range", ["max": String(PageRequest.maximumLimit)])
        }
        let page = PageRequest(limit: limit, before: input.query.before)
        let entries: [AuditEntry]
        if let stateID = input.query.stateId {
            entries = try await services.audit.list(try inState(stateID, .readStateAudit).requireTenant(), page: page)
        } else {
            entries = try await services.audit.list(try asAdministrator().requireAdmin(), page: page)
        }
        let viewer = try identity()
        let items = entries.map { AuditDisclosure.shown($0, to: viewer) }.map {
            Components.Schemas.AuditEntry(
                seq: $0.seq, at: Date(timeIntervalSince1970: Double($0.at) / 1000), actor: $0.actorLabel, action: $0.action,
                entityType: $0.entityType,
                entityId: $0.entityID, stateId: $0.stateID, details: $0.details)
        }
        return .ok(.init(body: .json(.init(items: items, nextBefore: entries.count == page.limit ? entries.last?.seq : nil, tlp: .amberStrict))))
    }

    // MARK: Conversions

    static func grant(_ grant: RoleGrant) -> Components.Schemas.Grant {
        .init(id: grant.id, role: Components.Schemas.Role(rawValue: grant.role.rawValue) ?? .donorViewer, stateId: grant.stateID)
    }

    static func state(_ state: PartnerState) -> Components.Schemas.PartnerState {
        let tlp = Components.Schemas.Tlp(rawValue: state.defaultTLP.rawValue) ?? .amber
        return .init(
            id: state.id, code: state.code, name: state.name, region: .init(rawValue: state.region.rawValue) ?? .other, defaultTlp: tlp,
            profile: state.profile,
            version: state.version,
            tlp: tlp)
    }

    static func user(_ user: UserAccount, grants: [RoleGrant]) -> Components.Schemas.User {
        .init(
            id: user.id, email: user.email, displayName: user.displayName, isActive: user.isActive, totpEnabled: user.hasTOTP, version: user.version,
            grants: grants.map(grant))
    }

    static func list(_ method: MethodVersion, _ kind: ReferenceKind) -> Components.Schemas.ReferenceList {
        .init(
            kind: .init(rawValue: kind.rawValue) ?? .technologies, title: kind.title, methodVersion: method.id,
            items: method.items(kind).map { .init(code: $0.code, name: $0.name, description: $0.description) })
    }
}

// MARK: Steps 3–4

extension APIHandler {
    func assessment(
        _ stateID: String, _ assessmentID: String, _ permission: Permission = .viewAssessment
    ) async throws -> (Assessment, TenantScope, ScoringRound) {
        let identity = RequestIdentity.current
        guard let identity else { throw AppError.unauthenticated }
        guard Identifier.isValid(stateID), Identifier.isValid(assessmentID) else { throw AppError.notFound }
        let scope = try Authorizer.scope(identity, state: stateID, for: permission)
        guard let assessment = try await services.assessments.records.find(scope, id: assessmentID),
            let round = try await services.assessments.scoring.currentRound(scope, assessmentID: assessmentID)
        else { throw AppError.notFound }
        return (assessment, scope, round)
    }

    static func assessment(_ a: Assessment, round: ScoringRound) -> Components.Schemas.Assessment {
        .init(
            id: a.id, stateId: a.stateID, title: a.title, period: a.period, horizonYears: a.horizonYears, methodVersion: a.methodVersion,
            status: .init(rawValue: a.status.rawValue) ?? .draft, round: round.number, roundStatus: .init(rawValue: round.status.rawValue) ?? .open,
            version: a.version, tlp: .init(rawValue: a.tlp.rawValue) ?? .amber)
    }

    static func likelihood(_ e: UncertainEstimate) -> Components.Schemas.LikelihoodInterval { .init(low: e.low, best: e.best, high: e.high) }

    static func impact(_ e: UncertainEstimate) -> Components.Schemas.ImpactInterval { .init(low: e.low, best: e.best, high: e.high) }

    static func impact(_ scores: [ImpactDimension: Int]) -> Components.Schemas.ImpactScores {
        .init(
            fatalities: scores[.fatalities], economic: scores[.economic], essentialServices: scores[.essentialServices], societal: scores[.societal],
            publicConfidence: scores[.publicConfidence], international: scores[.international], humanRights: scores[.humanRights])
    }

    /// A body's impact scores keyed by dimension code, as ``ScoreDraft`` reads them; keys that are not dimensions are kept
    /// so that validation names them.
    static func impactCodes(_ scores: Components.Schemas.ImpactScores) -> [String: Int] {
        var codes = scores.additionalProperties
        for dimension in ImpactDimension.allCases {
            let value: Int? =
                switch dimension {
                case .fatalities: scores.fatalities
                case .economic: scores.economic
                case .essentialServices: scores.essentialServices
                case .societal: scores.societal
                case .publicConfidence: scores.publicConfidence
                case .international: scores.international
                case .humanRights: scores.humanRights
                }
            codes[dimension.rawValue] = value
        }
        return codes
    }

    func listAssessments(_ input: Operations.ListAssessments.Input) async throws -> Operations.ListAssessments.Output {
        guard let identity = RequestIdentity.current else { throw AppError.unauthenticated }
        guard Identifier.isValid(input.path.stateId) else { throw AppError.notFound }
        let scope = try Authorizer.scope(identity, state: input.path.stateId, for: .viewAssessment)
        let rounds = try await services.assessments.scoring.currentRounds(scope)
        let result = try await services.assessments.records.list(scope).compactMap { a in rounds[a.id].map { Self.assessment(a, round: $0) } }
        return .ok(.init(body: .json(result)))
    }

    func getAssessment(_ input: Operations.GetAssessment.Input) async throws -> Operations.GetAssessment.Output {
        let (a, _, round) = try await assessment(input.path.stateId, input.path.assessmentId)
        return .ok(.init(body: .json(Self.assessment(a, round: round))))
    }

    func listScenarios(_ input: Operations.ListScenarios.Input) async throws -> Operations.ListScenarios.Output {
        let (a, scope, _) = try await assessment(input.path.stateId, input.path.assessmentId)
        let scenarios = try await services.assessments.scoring.scenarios(scope, assessmentID: a.id)
        return .ok(
            .init(
                body: .json(
                    scenarios.map {
                        .init(
                            id: $0.id, title: $0.title, narrative: $0.narrative, actorType: $0.actorType, technologies: $0.technologies,
                            purposes: $0.purposes, targetSector: $0.targetSector, horizonYears: $0.horizonYears, version: $0.version)
                    })))
    }

    func listScores(_ input: Operations.ListScores.Input) async throws -> Operations.ListScores.Output {
        let (a, scope, round) = try await assessment(input.path.stateId, input.path.assessmentId)
        let shown = try await services.assessments.scoring.visibleScores(scope, assessmentID: a.id, round: round)
        return .ok(
            .init(
                body: .json(
                    shown.map { item in
                        let s = item.score
                        return .init(
                            scenarioId: s.scenarioID, round: s.round, assessor: item.label, own: item.isOwn, intent: s.intent,
                            actorCapability: s.actorCapability,
                            technologyAccessibility: s.technologyAccessibility, opportunity: s.opportunity, threat: s.threat,
                            likelihood: Self.likelihood(s.likelihood), impact: Self.impact(s.impact),
                            confidence: .init(rawValue: s.confidence.rawValue) ?? .low, rationale: s.rationale)
                    })))
    }
}
