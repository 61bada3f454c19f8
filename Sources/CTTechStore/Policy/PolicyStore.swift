import CTTechCore
import Foundation
import SQLKit

/// Steps 5–6: a state's policy responses, their reviews and overrides, and their indicators (``PolicyRepository``).
/// Every query names the scope's state; every write runs in one transaction with its rule checks and audit entry, and a
/// write that changes what the register applies bumps the revision of every assessment of the state.
public struct PolicyStore: PolicyRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    // MARK: Rows

    struct ResponseRow: Codable {
        var id: String
        var stateId: String
        var title: String
        var type: String
        var description: String
        var leadAgencyId: String?
        var costLow: Double?
        var costHigh: Double?
        var currency: String?
        var startDate: String?
        var endDate: String?
        var legalBasis: String
        var status: String
        var tlp: String
        var methodVersion: String
        var version: Int
        var createdBy: String
        var updatedBy: String
        var createdAt: Int64
        var updatedAt: Int64

        init(_ response: PolicyResponse, stateID: String, createdAt: Int64) {
            id = response.id
            stateId = stateID
            title = response.title
            type = response.type
            description = response.description
            leadAgencyId = response.leadAgencyID
            costLow = response.cost?.low
            costHigh = response.cost?.high
            currency = response.cost?.currency
            startDate = response.timeframe?.start.description
            endDate = response.timeframe?.end.description
            legalBasis = response.legalBasis
            status = response.status.rawValue
            tlp = response.tlp.rawValue
            methodVersion = response.methodVersion
            version = response.version
            createdBy = response.createdBy
            updatedBy = response.updatedBy
            self.createdAt = createdAt
            updatedAt = response.updatedAt
        }

        func response(_ children: Children) -> PolicyResponse? {
            guard let status = ResponseStatus(rawValue: status), let tlp = TLP(rawValue: tlp) else { return nil }
            var cost: CostRange?
            if let costLow, let costHigh, let currency { cost = CostRange(low: costLow, high: costHigh, currency: currency) }
            var timeframe: Timeframe?
            if let start = startDate.flatMap(CalendarDate.init), let end = endDate.flatMap(CalendarDate.init) {
                timeframe = Timeframe(start: start, end: end)
            }
            return PolicyResponse(
                id: id, stateID: stateId, title: title, type: type, description: description, targets: children.targets[id] ?? [],
                effects: children.effects[id] ?? [], leadAgencyID: leadAgencyId, partnerAgencyIDs: children.partners[id] ?? [], cost: cost,
                timeframe: timeframe, legalBasis: legalBasis, status: status, tlp: tlp, methodVersion: methodVersion, version: version,
                createdBy: createdBy, updatedBy: updatedBy, updatedAt: updatedAt)
        }
    }

    struct TargetRow: Codable {
        var responseId: String
        var stateId: String
        var position: Int
        var riskId: String
        var kind: String
        var assessmentId: String
        var baselineRound: Int?

        var target: ResponseTarget? {
            guard let kind = RiskRegister.Kind(rawValue: kind) else { return nil }
            return ResponseTarget(riskID: riskId, kind: kind, assessmentID: assessmentId, baselineRound: baselineRound)
        }
    }

    struct PartnerRow: Codable {
        var responseId: String
        var stateId: String
        var position: Int
        var agencyId: String
    }

    struct EffectRow: Codable {
        var responseId: String
        var stateId: String
        var position: Int
        var factor: String
        var dimension: String?
        var low: Double
        var best: Double
        var high: Double

        var effect: DeclaredEffect? {
            guard let factor = EffectFactor(rawValue: factor) else { return nil }
            return DeclaredEffect(factor: factor, dimension: dimension.flatMap(ImpactDimension.init), low: low, best: best, high: high)
        }
    }

    struct ReviewRow: Codable {
        var id: String
        var responseId: String
        var stateId: String
        var kind: String
        var code: String
        var status: String
        var reasoning: String
        var genderMarker: Int?
        var reviewerId: String
        var reviewerLabel: String
        var responseVersion: Int
        var reviewedAt: Int64

        init(_ review: CheckReview, responseID: String, stateID: String) {
            id = Identifier.make()
            responseId = responseID
            stateId = stateID
            kind = review.kind.rawValue
            code = review.code
            status = review.status.rawValue
            reasoning = review.reasoning
            genderMarker = review.genderMarker
            reviewerId = review.reviewerID
            reviewerLabel = review.reviewerLabel
            responseVersion = review.responseVersion
            reviewedAt = review.reviewedAt
        }

        var review: CheckReview? {
            guard let kind = ReviewKind(rawValue: kind), let status = CheckStatus(rawValue: status) else { return nil }
            return CheckReview(
                responseID: responseId, kind: kind, code: code, status: status, reasoning: reasoning, genderMarker: genderMarker,
                reviewerID: reviewerId, reviewerLabel: reviewerLabel, responseVersion: responseVersion, reviewedAt: reviewedAt)
        }
    }

    struct OverrideRow: Codable {
        var id: String
        var responseId: String
        var stateId: String
        var responseVersion: Int
        /// The blocking check codes, joined by ",".
        var checks: String
        var justification: String
        var byId: String
        var byLabel: String
        var at: Int64

        init(_ override: ReviewOverride, stateID: String) {
            id = Identifier.make()
            responseId = override.responseID
            stateId = stateID
            responseVersion = override.responseVersion
            checks = override.checks.joined(separator: ",")
            justification = override.justification
            byId = override.byID
            byLabel = override.byLabel
            at = override.at
        }

        var override: ReviewOverride {
            ReviewOverride(
                responseID: responseId, responseVersion: responseVersion, checks: checks.split(separator: ",").map(String.init),
                justification: justification, byID: byId, byLabel: byLabel, at: at)
        }
    }

    struct IndicatorRow: Codable {
        var id: String
        var responseId: String
        var stateId: String
        var position: Int
        var name: String
        var level: String
        var unit: String
        var direction: String
        var baseline: Double
        var baselineDate: String
        var target: Double
        var targetDate: String
        var disaggregated: Bool
        var createdAt: Int64

        init(_ indicator: Indicator, stateID: String, position: Int, createdAt: Int64) {
            id = indicator.id
            responseId = indicator.responseID
            stateId = stateID
            self.position = position
            name = indicator.name
            level = indicator.level.rawValue
            unit = indicator.unit
            direction = indicator.direction.rawValue
            baseline = indicator.baseline
            baselineDate = indicator.baselineDate.description
            target = indicator.target
            targetDate = indicator.targetDate.description
            disaggregated = indicator.disaggregated
            self.createdAt = createdAt
        }

        func indicator(actuals: [IndicatorActual]) -> Indicator? {
            guard let level = Indicator.Level(rawValue: level), let direction = Indicator.Direction(rawValue: direction),
                let baselineDate = CalendarDate(baselineDate), let targetDate = CalendarDate(targetDate)
            else { return nil }
            return Indicator(
                id: id, responseID: responseId, name: name, level: level, unit: unit, direction: direction, baseline: baseline,
                baselineDate: baselineDate, target: target, targetDate: targetDate, disaggregated: disaggregated, actuals: actuals)
        }
    }

    struct ActualRow: Codable {
        var id: String
        var indicatorId: String
        var responseId: String
        var stateId: String
        var value: Double
        var date: String
        var evidence: String
        var reliability: String
        var recordedBy: String
        var createdAt: Int64

        init(_ actual: IndicatorActual, responseID: String, stateID: String, createdAt: Int64) {
            id = actual.id
            indicatorId = actual.indicatorID
            responseId = responseID
            stateId = stateID
            value = actual.value
            date = actual.date.description
            evidence = actual.evidence
            reliability = actual.reliability.rawValue
            recordedBy = actual.recordedBy
            self.createdAt = createdAt
        }

        var actual: IndicatorActual? {
            guard let date = CalendarDate(date), let reliability = SourceReliability(rawValue: reliability) else { return nil }
            return IndicatorActual(
                id: id, indicatorID: indicatorId, value: value, date: date, evidence: evidence, reliability: reliability, recordedBy: recordedBy)
        }
    }

    struct CountRow: Codable { var n: Int }

    /// The targets, effects and partners of the responses read, by response id, in their stored order.
    struct Children {
        var targets: [String: [ResponseTarget]] = [:]
        var effects: [String: [DeclaredEffect]] = [:]
        var partners: [String: [String]] = [:]
    }

    // MARK: Responses

    public func responses(_ scope: TenantScope) async throws -> [PolicyResponse] {
        let sql = persistence.sql
        let rows = try await sql.select().column("*").from("policy_responses").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy(Self.statusOrder).orderBy("title").orderBy("id").limit(PolicyLimits.responses)
            .all(decoding: ResponseRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        let children = try await Self.children(on: sql, stateID: scope.stateID, responseID: nil)
        // Sorted again here so both databases give the same order whatever their collation.
        return rows.compactMap { $0.response(children) }
            .sorted { ($0.status.order, $0.title, $0.id) < ($1.status.order, $1.title, $1.id) }
    }

    public func response(_ scope: TenantScope, id: String) async throws -> PolicyResponse? {
        try await Self.read(id, stateID: scope.stateID, on: persistence.sql)
    }

    public func addressableRisks(_ scope: TenantScope) async throws -> [AddressableRisk] {
        struct AssessmentRow: Codable {
            var id: String
            var title: String
        }
        struct RiskRow: Codable {
            var id: String
            var assessmentId: String
            var title: String
        }
        let sql = persistence.sql
        let assessments = try await sql.select().column("id").column("title").from("assessments")
            .where("state_id", .equal, SQLBind(scope.stateID)).limit(1_000).all(decoding: AssessmentRow.self)
        let titles = Dictionary(assessments.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        var risks: [AddressableRisk] = []
        for (table, kind) in [("scenarios", RiskRegister.Kind.scenario), ("other_risks", .otherRisk)] {
            let rows = try await sql.select().column("id").column("assessment_id").column("title").from(table)
                .where("state_id", .equal, SQLBind(scope.stateID)).limit(50_000)
                .all(decoding: RiskRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            for row in rows {
                guard let assessmentTitle = titles[row.assessmentId] else { continue }
                risks.append(
                    AddressableRisk(id: row.id, kind: kind, assessmentID: row.assessmentId, assessmentTitle: assessmentTitle, title: row.title))
            }
        }
        let kindOrder = { (kind: RiskRegister.Kind) in RiskRegister.Kind.allCases.firstIndex(of: kind) ?? 0 }
        return risks.sorted {
            ($0.assessmentTitle, $0.assessmentID, kindOrder($0.kind), $0.title, $0.id)
                < ($1.assessmentTitle, $1.assessmentID, kindOrder($1.kind), $1.title, $1.id)
        }
    }

    /// By name (then id), the same on both databases.
    public func stateAgencies(_ scope: TenantScope) async throws -> [Agency] {
        try await persistence.sql.select().column("*").from("agencies").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("name").orderBy("id").limit(5_000)
            .all(decoding: InstitutionsStore.AgencyRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.agency)
            .sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    public func revealedRounds(_ scope: TenantScope) async throws -> [String: Int] {
        try await Self.revealedRounds(stateID: scope.stateID, on: persistence.sql)
    }

    /// Refuses a response beyond ``PolicyLimits/responses`` in the state as ``StoreConflict/duplicate(field:)`` of
    /// `responses`, and an id already taken as one of `id`.
    public func addResponse(_ response: PolicyResponse, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(response.stateID == scope.stateID, "a scope for one state cannot write another's response")
        let kind = persistence.kind
        try await persistence.write { tx in
            guard try await tx.select().column("id").from("policy_responses").where("id", .equal, SQLBind(response.id)).first() == nil else {
                throw StoreConflict.duplicate(field: "id")
            }
            let held =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("policy_responses")
                .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: CountRow.self)?.n ?? 0
            guard held < PolicyLimits.responses else { throw StoreConflict.duplicate(field: "responses") }
            try await tx.insert(into: "policy_responses")
                .model(
                    ResponseRow(response, stateID: scope.stateID, createdAt: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase,
                    nilEncodingStrategy: .asNil
                ).run()
            try await Self.writeChildren(of: response, stateID: scope.stateID, on: tx)
            try await Self.renewRegisters(stateID: scope.stateID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func updateResponse(
        _ response: PolicyResponse, expectedVersion: Int, scope: TenantScope, audit: AuditEvent
    ) async throws
        -> PolicyResponse
    {
        let kind = persistence.kind
        return try await persistence.write { tx in
            guard let stored = try await Self.read(response.id, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try PolicyRuleViolation.checkEditable(stored)
            // Its reviews named the old version: an approved response goes back under review.
            let status: ResponseStatus = stored.status == .approved ? .underReview : stored.status
            let row = ResponseRow(response, stateID: scope.stateID, createdAt: 0)
            try await tx.update("policy_responses").set("title", to: SQLBind(row.title)).set("type", to: SQLBind(row.type))
                .set("description", to: SQLBind(row.description)).set("lead_agency_id", to: Self.nullable(row.leadAgencyId))
                .set("cost_low", to: Self.nullable(row.costLow)).set("cost_high", to: Self.nullable(row.costHigh))
                .set("currency", to: Self.nullable(row.currency)).set("start_date", to: Self.nullable(row.startDate))
                .set("end_date", to: Self.nullable(row.endDate)).set("legal_basis", to: SQLBind(row.legalBasis))
                .set("tlp", to: SQLBind(row.tlp)).set("status", to: SQLBind(status.rawValue)).set("version", to: SQLBind(stored.version + 1))
                .set("updated_by", to: SQLBind(row.updatedBy)).set("updated_at", to: SQLBind(row.updatedAt))
                .where("id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
            try await Self.deleteChildren(of: stored.id, stateID: scope.stateID, on: tx)
            try await Self.writeChildren(of: response, stateID: scope.stateID, on: tx)
            try await Self.renewRegisters(stateID: scope.stateID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            guard let updated = try await Self.read(stored.id, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            return updated
        }
    }

    public func changeStatus(
        _ id: String, to target: ResponseStatus, expectedVersion: Int, method: MethodVersion, scope: TenantScope, audit: AuditEvent
    ) async throws -> PolicyResponse {
        let kind = persistence.kind
        return try await persistence.write { tx in
            guard let stored = try await Self.read(id, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try PolicyRuleViolation.checkTransition(from: stored.status, to: target)
            if target == .approved {
                let checklists = try await Self.checklists(of: stored, method: method, stateID: scope.stateID, on: tx)
                let override = try await tx.select().column("*").from("response_overrides").where("response_id", .equal, SQLBind(stored.id))
                    .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("response_version", .descending).orderBy("at", .descending)
                    .limit(1).first(decoding: OverrideRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.override
                try PolicyRuleViolation.checkApproval(stored, checklists: checklists, override: override)
                // The round each target's scores came from when it was approved: later rounds are follow-ups.
                let rounds = try await Self.revealedRounds(stateID: scope.stateID, on: tx)
                for assessmentID in Set(stored.targets.map(\.assessmentID)) {
                    try await tx.update("response_targets").set("baseline_round", to: Self.nullable(rounds[assessmentID]))
                        .where("response_id", .equal, SQLBind(stored.id)).where("assessment_id", .equal, SQLBind(assessmentID))
                        .where("state_id", .equal, SQLBind(scope.stateID)).run()
                }
            }
            try await tx.update("policy_responses").set("status", to: SQLBind(target.rawValue)).where("id", .equal, SQLBind(stored.id))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            try await Self.renewRegisters(stateID: scope.stateID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            guard let moved = try await Self.read(stored.id, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            return moved
        }
    }

    // MARK: Reviews and overrides

    public func reviews(_ scope: TenantScope, responseID: String) async throws -> [CheckReview] {
        try await Self.reviews(stateID: scope.stateID, responseID: responseID, on: persistence.sql)
    }

    public func allReviews(_ scope: TenantScope) async throws -> [CheckReview] {
        try await Self.reviews(stateID: scope.stateID, responseID: nil, on: persistence.sql)
    }

    public func addReviews(_ reviews: [CheckReview], responseID: String, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let stored = try await Self.read(responseID, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            for review in reviews {
                guard review.responseID == stored.id else { throw StoreConflict.missing }
                try PolicyRuleViolation.checkReview(of: stored, by: review.reviewerID, version: review.responseVersion)
            }
            if !reviews.isEmpty {
                try await tx.insert(into: "response_reviews")
                    .models(
                        reviews.map { ReviewRow($0, responseID: stored.id, stateID: scope.stateID) }, keyEncodingStrategy: .convertToSnakeCase,
                        nilEncodingStrategy: .asNil
                    ).run()
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func overrides(_ scope: TenantScope, responseID: String) async throws -> [ReviewOverride] {
        try await persistence.sql.select().column("*").from("response_overrides").where("response_id", .equal, SQLBind(responseID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("at").orderBy("id").limit(1_000)
            .all(decoding: OverrideRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.override)
    }

    public func allOverrides(_ scope: TenantScope) async throws -> [ReviewOverride] {
        try await persistence.sql.select().column("*").from("response_overrides").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("at").orderBy("id").limit(10_000)
            .all(decoding: OverrideRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.override)
    }

    public func addOverride(
        _ override: ReviewOverride, method: MethodVersion, scope: TenantScope, audit: AuditEvent
    ) async throws
        -> ReviewOverride
    {
        let kind = persistence.kind
        return try await persistence.write { tx in
            guard let stored = try await Self.read(override.responseID, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            let blocking = try await Self.checklists(of: stored, method: method, stateID: scope.stateID, on: tx).flatMap(\.blocking)
            try PolicyRuleViolation.checkOverride(of: stored, blocking: blocking, version: override.responseVersion)
            var recorded = override
            recorded.responseID = stored.id
            recorded.checks = blocking
            try await tx.insert(into: "response_overrides")
                .model(OverrideRow(recorded, stateID: scope.stateID), keyEncodingStrategy: .convertToSnakeCase).run()
            // The entry names the checks as stored, worked out in this transaction.
            var event = audit
            event.details["checks"] = blocking.joined(separator: ",")
            try await AuditLogStore.append(event, on: tx, kind: kind)
            return recorded
        }
    }

    // MARK: Indicators

    public func indicators(_ scope: TenantScope, responseID: String) async throws -> [Indicator] {
        try await Self.indicators(stateID: scope.stateID, responseID: responseID, on: persistence.sql)
    }

    public func allIndicators(_ scope: TenantScope) async throws -> [Indicator] {
        try await Self.indicators(stateID: scope.stateID, responseID: nil, on: persistence.sql)
    }

    /// Refuses a response's indicator beyond ``PolicyLimits/indicatorsPerResponse`` (and actuals it brings beyond
    /// ``PolicyLimits/actualsPerIndicator``) as ``StoreConflict/duplicate(field:)`` of `indicators` (`actuals`).
    public func addIndicator(_ indicator: Indicator, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let stored = try await Self.read(indicator.responseID, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            try PolicyRuleViolation.checkMeasurable(stored)
            let held =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("response_indicators")
                .where("response_id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID))
                .first(decoding: CountRow.self)?.n ?? 0
            guard held < PolicyLimits.indicatorsPerResponse else { throw StoreConflict.duplicate(field: "indicators") }
            guard indicator.actuals.count <= PolicyLimits.actualsPerIndicator else { throw StoreConflict.duplicate(field: "actuals") }
            let now = epochMilliseconds()
            try await tx.insert(into: "response_indicators")
                .model(IndicatorRow(indicator, stateID: scope.stateID, position: held, createdAt: now), keyEncodingStrategy: .convertToSnakeCase)
                .run()
            if !indicator.actuals.isEmpty {
                var actuals = indicator.actuals
                for index in actuals.indices { actuals[index].indicatorID = indicator.id }
                try await tx.insert(into: "indicator_actuals")
                    .models(
                        actuals.map { ActualRow($0, responseID: stored.id, stateID: scope.stateID, createdAt: now) },
                        keyEncodingStrategy: .convertToSnakeCase
                    ).run()
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Refuses an actual beyond ``PolicyLimits/actualsPerIndicator`` as ``StoreConflict/duplicate(field:)`` of `actuals`.
    public func addActual(_ actual: IndicatorActual, responseID: String, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let stored = try await Self.read(responseID, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            try PolicyRuleViolation.checkMeasurable(stored)
            guard
                try await tx.select().column("id").from("response_indicators").where("id", .equal, SQLBind(actual.indicatorID))
                    .where("response_id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID)).first() != nil
            else { throw StoreConflict.missing }
            let held =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("indicator_actuals")
                .where("indicator_id", .equal, SQLBind(actual.indicatorID)).where("state_id", .equal, SQLBind(scope.stateID))
                .first(decoding: CountRow.self)?.n ?? 0
            guard held < PolicyLimits.actualsPerIndicator else { throw StoreConflict.duplicate(field: "actuals") }
            try await tx.insert(into: "indicator_actuals")
                .model(
                    ActualRow(actual, responseID: stored.id, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Shared reads and writes (on a transaction or the pool)

    /// Orders responses along the way (``ResponseStatus/order``).
    static var statusOrder: any SQLExpression { caseOrder("status", ResponseStatus.allCases.map(\.rawValue)) }

    /// A column's values in the order of an enum's cases (those values are the enum's own constants, never input).
    static func caseOrder(_ column: String, _ values: [String]) -> any SQLExpression {
        SQLRaw(
            "CASE \(column) " + values.enumerated().map { "WHEN '\($0.element)' THEN \($0.offset)" }.joined(separator: " ")
                + " ELSE \(values.count) END")
    }

    static func nullable(_ value: (some Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null
    }

    /// One response of the state with its targets, effects and partners, or nil.
    static func read(_ id: String, stateID: String, on sql: any SQLDatabase) async throws -> PolicyResponse? {
        guard
            let row = try await sql.select().column("*").from("policy_responses").where("id", .equal, SQLBind(id))
                .where("state_id", .equal, SQLBind(stateID)).first(decoding: ResponseRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        guard let response = row.response(try await children(on: sql, stateID: stateID, responseID: id)) else {
            throw StoreError.corrupt("policy response \(id) has an unknown status or TLP")
        }
        return response
    }

    /// The targets, effects and partners of one response, or of every response of the state (three queries in all).
    static func children(on sql: any SQLDatabase, stateID: String, responseID: String?) async throws -> Children {
        func rows<Row: Decodable>(_ table: String, _ type: Row.Type) async throws -> [Row] {
            var select = sql.select().column("*").from(table).where("state_id", .equal, SQLBind(stateID))
            if let responseID { select = select.where("response_id", .equal, SQLBind(responseID)) }
            return try await select.orderBy("response_id").orderBy("position").limit(PolicyLimits.responses * 500)
                .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        var children = Children()
        for row in try await rows("response_targets", TargetRow.self) {
            if let target = row.target { children.targets[row.responseId, default: []].append(target) }
        }
        for row in try await rows("response_effects", EffectRow.self) {
            if let effect = row.effect { children.effects[row.responseId, default: []].append(effect) }
        }
        for row in try await rows("response_partners", PartnerRow.self) { children.partners[row.responseId, default: []].append(row.agencyId) }
        return children
    }

    static func deleteChildren(of responseID: String, stateID: String, on tx: any SQLDatabase) async throws {
        for table in ["response_targets", "response_effects", "response_partners"] {
            try await tx.delete(from: table).where("response_id", .equal, SQLBind(responseID)).where("state_id", .equal, SQLBind(stateID)).run()
        }
    }

    static func writeChildren(of response: PolicyResponse, stateID: String, on tx: any SQLDatabase) async throws {
        if !response.targets.isEmpty {
            let rows = response.targets.enumerated().map { index, target in
                TargetRow(
                    responseId: response.id, stateId: stateID, position: index, riskId: target.riskID, kind: target.kind.rawValue,
                    assessmentId: target.assessmentID, baselineRound: target.baselineRound)
            }
            try await tx.insert(into: "response_targets").models(rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        }
        if !response.effects.isEmpty {
            let rows = response.effects.enumerated().map { index, effect in
                EffectRow(
                    responseId: response.id, stateId: stateID, position: index, factor: effect.factor.rawValue, dimension: effect.dimension?.rawValue,
                    low: effect.low, best: effect.best, high: effect.high)
            }
            try await tx.insert(into: "response_effects").models(rows, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
        }
        if !response.partnerAgencyIDs.isEmpty {
            let rows = response.partnerAgencyIDs.enumerated().map { index, agency in
                PartnerRow(responseId: response.id, stateId: stateID, position: index, agencyId: agency)
            }
            try await tx.insert(into: "response_partners").models(rows, keyEncodingStrategy: .convertToSnakeCase).run()
        }
    }

    /// Bumps the revision of every assessment of the state: the register of each is cached per revision and applies the
    /// state's responses. Their `updated_at` stays, since nothing in them changed.
    static func renewRegisters(stateID: String, on tx: any SQLDatabase) async throws {
        try await tx.update("assessments").set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
            .where("state_id", .equal, SQLBind(stateID)).run()
    }

    /// The latest revealed round of each assessment of the state, as the register takes it: the current round when it
    /// is revealed, else the one before it (absent when that is none).
    static func revealedRounds(stateID: String, on sql: any SQLDatabase) async throws -> [String: Int] {
        struct RoundRow: Codable {
            var assessmentId: String
            var number: Int
            var status: String
        }
        let rows = try await sql.select().column("assessment_id").column("number").column("status").from("scoring_rounds")
            .where("state_id", .equal, SQLBind(stateID)).limit(100_000)
            .all(decoding: RoundRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var current: [String: RoundRow] = [:]
        for row in rows where row.number > (current[row.assessmentId]?.number ?? 0) { current[row.assessmentId] = row }
        var revealed: [String: Int] = [:]
        for (assessmentID, row) in current {
            let number = row.status == ScoringRound.Status.revealed.rawValue ? row.number : row.number - 1
            if number >= 1 { revealed[assessmentID] = number }
        }
        return revealed
    }

    /// Both checklists of a response's current version, from every answer stored for it.
    static func checklists(
        of response: PolicyResponse, method: MethodVersion, stateID: String, on sql: any SQLDatabase
    ) async throws
        -> [ReviewChecklist]
    {
        let reviews = try await reviews(stateID: stateID, responseID: response.id, on: sql)
        return ReviewChecklist.both(method: method, reviews: reviews, version: response.version)
    }

    /// Answers of one response (or of every response of the state), oldest first (answers given together: human rights
    /// before gender, by code); when more than the bound are stored, the newest are kept.
    static func reviews(stateID: String, responseID: String?, on sql: any SQLDatabase) async throws -> [CheckReview] {
        var select = sql.select().column("*").from("response_reviews").where("state_id", .equal, SQLBind(stateID))
        if let responseID { select = select.where("response_id", .equal, SQLBind(responseID)) }
        let rows = try await select.orderBy("reviewed_at", .descending)
            .orderBy(caseOrder("kind", ReviewKind.allCases.map(\.rawValue)), SQLDirection.descending).orderBy("code", .descending).orderBy(
                "id", .descending
            )
            .limit(responseID == nil ? 100_000 : 10_000)
            .all(decoding: ReviewRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return rows.reversed().compactMap(\.review)
    }

    /// Indicators of one response (or of every response of the state), in the order they were added, each with its
    /// actuals oldest first.
    static func indicators(stateID: String, responseID: String?, on sql: any SQLDatabase) async throws -> [Indicator] {
        let responses = responseID == nil ? PolicyLimits.responses : 1
        var indicatorQuery = sql.select().column("*").from("response_indicators").where("state_id", .equal, SQLBind(stateID))
        var actualQuery = sql.select().column("*").from("indicator_actuals").where("state_id", .equal, SQLBind(stateID))
        if let responseID {
            indicatorQuery = indicatorQuery.where("response_id", .equal, SQLBind(responseID))
            actualQuery = actualQuery.where("response_id", .equal, SQLBind(responseID))
        }
        let indicatorRows = try await indicatorQuery.orderBy("response_id").orderBy("position")
            .limit(responses * PolicyLimits.indicatorsPerResponse)
            .all(decoding: IndicatorRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !indicatorRows.isEmpty else { return [] }
        let actualRows = try await actualQuery.orderBy("date").orderBy("created_at").orderBy("id")
            .limit(responses * PolicyLimits.indicatorsPerResponse * PolicyLimits.actualsPerIndicator)
            .all(decoding: ActualRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var actuals: [String: [IndicatorActual]] = [:]
        for row in actualRows { if let actual = row.actual { actuals[row.indicatorId, default: []].append(actual) } }
        return indicatorRows.compactMap { $0.indicator(actuals: actuals[$0.id] ?? []) }
    }
}
