import CTTechCore

/// Steps 5–6 in memory. Every write runs as one transaction and calls the same Core checks as the SQL store
/// (``PolicyRuleViolation``); adding a response or changing its content or status moves on the revision of every assessment
/// of the state, as the SQL store renews their registers.
extension InMemoryRepositories: PolicyRepository {
    public func responses(_ scope: TenantScope) async throws -> [PolicyResponse] {
        read { state in
            Array(
                state.responses.values.filter { $0.stateID == scope.stateID }
                    .sorted { ($0.status.order, $0.title, $0.id) < ($1.status.order, $1.title, $1.id) }.prefix(PolicyLimits.responses))
        }
    }

    public func response(_ scope: TenantScope, id: String) async throws -> PolicyResponse? {
        read { $0.response(scope, id) }
    }

    /// By assessment (title, then id), scenarios before other national risks, then by title and id, as the SQL store.
    public func addressableRisks(_ scope: TenantScope) async throws -> [AddressableRisk] {
        read { state in
            let assessments = state.assessments.values.filter { $0.assessment.stateID == scope.stateID }
            let kindOrder = { (kind: RiskRegister.Kind) in RiskRegister.Kind.allCases.firstIndex(of: kind) ?? 0 }
            return assessments.flatMap { stored in
                let a = stored.assessment
                return stored.scenarios.map {
                    AddressableRisk(id: $0.id, kind: .scenario, assessmentID: a.id, assessmentTitle: a.title, title: $0.title)
                }
                    + stored.otherRisks.map {
                        AddressableRisk(id: $0.id, kind: .otherRisk, assessmentID: a.id, assessmentTitle: a.title, title: $0.title)
                    }
            }
            .sorted {
                ($0.assessmentTitle, $0.assessmentID, kindOrder($0.kind), $0.title, $0.id)
                    < ($1.assessmentTitle, $1.assessmentID, kindOrder($1.kind), $1.title, $1.id)
            }
        }
    }

    /// By name, then id.
    public func stateAgencies(_ scope: TenantScope) async throws -> [Agency] {
        read { state in
            state.assessments.values.filter { $0.assessment.stateID == scope.stateID }.flatMap(\.agencies).sorted {
                ($0.name, $0.id) < ($1.name, $1.id)
            }
        }
    }

    public func revealedRounds(_ scope: TenantScope) async throws -> [String: Int] {
        read { $0.revealedRounds(scope) }
    }

    /// Refuses a response beyond ``PolicyLimits/responses`` in the state as ``StoreConflict/duplicate(field:)`` of
    /// `responses`, and an id already taken as one of `id`.
    public func addResponse(_ response: PolicyResponse, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(response.stateID == scope.stateID, "a scope for one state cannot write another's response")
        try transaction { state in
            guard state.responses[response.id] == nil else { throw StoreConflict.duplicate(field: "id") }
            guard state.responses.values.filter({ $0.stateID == scope.stateID }).count < PolicyLimits.responses else {
                throw StoreConflict.duplicate(field: "responses")
            }
            state.responses[response.id] = response
            state.renewRegisters(scope)
            state.audit.append(audit)
        }
    }

    public func updateResponse(_ response: PolicyResponse, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PolicyResponse
    {
        try transaction { state in
            guard let stored = state.response(scope, response.id) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try PolicyRuleViolation.checkEditable(stored)
            var changed = response
            changed.stateID = stored.stateID
            changed.methodVersion = stored.methodVersion
            changed.createdBy = stored.createdBy
            changed.version = stored.version + 1
            changed.status = stored.status == .approved ? .underReview : stored.status
            state.responses[changed.id] = changed
            state.renewRegisters(scope)
            state.audit.append(audit)
            return changed
        }
    }

    public func changeStatus(
        _ id: String, to target: ResponseStatus, expectedVersion: Int, method: MethodVersion, scope: TenantScope, audit: AuditEvent
    ) async throws -> PolicyResponse {
        try transaction { state in
            guard var stored = state.response(scope, id) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try PolicyRuleViolation.checkTransition(from: stored.status, to: target)
            if target == .approved {
                let reviews = state.checkReviews.filter { $0.responseID == id }
                let checklists = ReviewChecklist.both(method: method, reviews: reviews, version: stored.version)
                let override = state.latestOverride(of: id)
                try PolicyRuleViolation.checkApproval(stored, checklists: checklists, override: override)
                let rounds = state.revealedRounds(scope)
                stored.targets = stored.targets.map {
                    ResponseTarget(riskID: $0.riskID, kind: $0.kind, assessmentID: $0.assessmentID, baselineRound: rounds[$0.assessmentID])
                }
            }
            stored.status = target
            state.responses[id] = stored
            state.renewRegisters(scope)
            state.audit.append(audit)
            return stored
        }
    }

    public func reviews(_ scope: TenantScope, responseID: String) async throws -> [CheckReview] {
        read { state in
            guard state.response(scope, responseID) != nil else { return [] }
            return state.checkReviews.filter { $0.responseID == responseID }
        }
    }

    public func allReviews(_ scope: TenantScope) async throws -> [CheckReview] {
        read { state in state.checkReviews.filter { state.response(scope, $0.responseID) != nil } }
    }

    public func addReviews(_ reviews: [CheckReview], responseID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let stored = state.response(scope, responseID) else { throw StoreConflict.missing }
            for review in reviews {
                guard review.responseID == responseID else { throw StoreConflict.missing }
                try PolicyRuleViolation.checkReview(of: stored, by: review.reviewerID, version: review.responseVersion)
            }
            state.checkReviews += reviews
            state.audit.append(audit)
        }
    }

    public func overrides(_ scope: TenantScope, responseID: String) async throws -> [ReviewOverride] {
        read { state in
            guard state.response(scope, responseID) != nil else { return [] }
            return state.overrides.filter { $0.responseID == responseID }
        }
    }

    public func allOverrides(_ scope: TenantScope) async throws -> [ReviewOverride] {
        read { state in state.overrides.filter { state.response(scope, $0.responseID) != nil } }
    }

    /// The blocking checks are worked out here, from the answers stored now; the override is stored naming them, and so is
    /// its audit entry.
    public func addOverride(_ override: ReviewOverride, method: MethodVersion, scope: TenantScope, audit: AuditEvent) async throws -> ReviewOverride {
        try transaction { state in
            guard let stored = state.response(scope, override.responseID) else { throw StoreConflict.missing }
            let reviews = state.checkReviews.filter { $0.responseID == stored.id }
            let blocking = ReviewChecklist.both(method: method, reviews: reviews, version: stored.version).flatMap(\.blocking)
            try PolicyRuleViolation.checkOverride(of: stored, blocking: blocking, version: override.responseVersion)
            var recorded = override
            recorded.checks = blocking
            state.overrides.append(recorded)
            var event = audit
            event.details["checks"] = blocking.joined(separator: ",")
            state.audit.append(event)
            return recorded
        }
    }

    public func indicators(_ scope: TenantScope, responseID: String) async throws -> [Indicator] {
        read { state in
            guard state.response(scope, responseID) != nil else { return [] }
            return state.indicators.filter { $0.responseID == responseID }.map(Self.oldestFirst)
        }
    }

    /// By response, each response's in the order they were added.
    public func allIndicators(_ scope: TenantScope) async throws -> [Indicator] {
        read { state in
            state.indicators.enumerated().filter { state.response(scope, $0.element.responseID) != nil }
                .sorted { ($0.element.responseID, $0.offset) < ($1.element.responseID, $1.offset) }.map { Self.oldestFirst($0.element) }
        }
    }

    /// Refuses an indicator beyond ``PolicyLimits/indicatorsPerResponse`` (and actuals it brings beyond
    /// ``PolicyLimits/actualsPerIndicator``) as ``StoreConflict/duplicate(field:)`` of `indicators` (`actuals`).
    public func addIndicator(_ indicator: Indicator, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let stored = state.response(scope, indicator.responseID) else { throw StoreConflict.missing }
            try PolicyRuleViolation.checkMeasurable(stored)
            guard state.indicators.filter({ $0.responseID == stored.id }).count < PolicyLimits.indicatorsPerResponse else {
                throw StoreConflict.duplicate(field: "indicators")
            }
            guard indicator.actuals.count <= PolicyLimits.actualsPerIndicator else { throw StoreConflict.duplicate(field: "actuals") }
            var added = indicator
            for index in added.actuals.indices { added.actuals[index].indicatorID = indicator.id }
            state.indicators.append(added)
            state.audit.append(audit)
        }
    }

    /// Refuses an actual beyond ``PolicyLimits/actualsPerIndicator`` as ``StoreConflict/duplicate(field:)`` of `actuals`.
    public func addActual(_ actual: IndicatorActual, responseID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try transaction { state in
            guard let stored = state.response(scope, responseID) else { throw StoreConflict.missing }
            try PolicyRuleViolation.checkMeasurable(stored)
            guard let index = state.indicators.firstIndex(where: { $0.id == actual.indicatorID && $0.responseID == stored.id }) else {
                throw StoreConflict.missing
            }
            guard state.indicators[index].actuals.count < PolicyLimits.actualsPerIndicator else { throw StoreConflict.duplicate(field: "actuals") }
            state.indicators[index].actuals.append(actual)
            state.audit.append(audit)
        }
    }

    /// The indicator with its actuals by date, oldest first (in the order recorded within a day).
    static func oldestFirst(_ indicator: Indicator) -> Indicator {
        var sorted = indicator
        sorted.actuals = indicator.actuals.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        return sorted
    }
}

extension InMemoryStorage {
    /// The latest revealed round of each of the scope's state's assessments, as the register takes it: the current round
    /// when it is revealed, else the one before it (absent when that is none).
    func revealedRounds(_ scope: TenantScope) -> [String: Int] {
        var rounds: [String: Int] = [:]
        for (id, stored) in assessments where stored.assessment.stateID == scope.stateID {
            guard let current = stored.currentRound else { continue }
            let number = current.status == .revealed ? current.number : current.number - 1
            if number >= 1 { rounds[id] = number }
        }
        return rounds
    }

    /// The override that counts for approval: the latest of the newest version (of those recorded at the same time, the
    /// last recorded).
    func latestOverride(of responseID: String) -> ReviewOverride? {
        overrides.enumerated().filter { $0.element.responseID == responseID }
            .max { ($0.element.responseVersion, $0.element.at, $0.offset) < ($1.element.responseVersion, $1.element.at, $1.offset) }?.element
    }
}
