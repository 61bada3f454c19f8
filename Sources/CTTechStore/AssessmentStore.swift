import CTTechCore
import Foundation
import SQLKit

/// Why a scoring action was refused by the rules of the method, not by the input's shape.
public enum AssessmentRuleViolation: Error, Sendable, Hashable {
    /// The round is not open for scoring.
    case roundNotOpen(round: Int)
    /// This assessor already scored this scenario in this round.
    case alreadyScored
    /// The round cannot move to that status from where it is.
    case roundTransition(from: ScoringRound.Status, to: ScoringRound.Status)
    /// The assessment is approved: nothing in it changes until it is reopened.
    case frozen
    /// The assessment cannot move to that status from where it is.
    case statusTransition(from: Assessment.Status, to: Assessment.Status)
    /// The assessment changed while the approval was being prepared; approve again.
    case changedDuringApproval
    /// A scenario with scores cannot be removed: every individual input is kept.
    case scenarioScored
}

/// Assessments, rounds, scenarios, scores and other risks of one partner state. Every method takes a ``TenantScope``
/// and filters on its state, so a scope for one state can never read or write another's rows.
public struct AssessmentStore: Sendable {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct AssessmentRow: Codable {
        var id: String
        var stateId: String
        var title: String
        var period: String
        var horizonYears: Int
        var methodVersion: String
        var tlp: String
        var status: String
        var version: Int
        var createdAt: Int64
        var updatedAt: Int64

        var assessment: Assessment {
            Assessment(
                id: id, stateID: stateId, title: title, period: period, horizonYears: horizonYears, methodVersion: methodVersion,
                tlp: TLP(rawValue: tlp) ?? .amber, status: Assessment.Status(rawValue: status) ?? .draft, version: version)
        }
    }

    struct RoundRow: Codable {
        var assessmentId: String
        var stateId: String
        var number: Int
        var status: String
        var changedAt: Int64
    }

    struct ScenarioRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var title: String
        var narrative: String
        var actorType: String
        var technologies: String
        var purposes: String
        var targetSector: String
        var horizonYears: Int
        var version: Int
        var createdAt: Int64

        init(_ scenario: ThreatScenario, stateID: String, createdAt: Int64) {
            id = scenario.id
            assessmentId = scenario.assessmentID
            stateId = stateID
            title = scenario.title
            narrative = scenario.narrative
            actorType = scenario.actorType
            technologies = scenario.technologies.joined(separator: ",")
            purposes = scenario.purposes.joined(separator: ",")
            targetSector = scenario.targetSector
            horizonYears = scenario.horizonYears
            version = scenario.version
            self.createdAt = createdAt
        }

        var scenario: ThreatScenario {
            ThreatScenario(
                id: id, assessmentID: assessmentId, title: title, narrative: narrative, actorType: actorType,
                technologies: technologies.split(separator: ",").map(String.init), purposes: purposes.split(separator: ",").map(String.init),
                targetSector: targetSector, horizonYears: horizonYears, version: version)
        }
    }

    struct ScoreRow: Codable {
        var scenarioId: String
        var assessmentId: String
        var stateId: String
        var round: Int
        var assessorId: String
        var intent: Int
        var actorCapability: Int
        var technologyAccessibility: Int
        var opportunity: Int
        var likelihoodLow: Double
        var likelihoodBest: Double
        var likelihoodHigh: Double
        var impact: String
        var confidence: String
        var rationale: String
        var createdAt: Int64

        init(_ score: ScenarioScore, assessmentID: String, stateID: String, createdAt: Int64) throws {
            let impact = Dictionary(uniqueKeysWithValues: score.impact.map { ($0.key.rawValue, $0.value) })
            scenarioId = score.scenarioID
            assessmentId = assessmentID
            stateId = stateID
            round = score.round
            assessorId = score.assessorID
            intent = score.intent
            actorCapability = score.actorCapability
            technologyAccessibility = score.technologyAccessibility
            opportunity = score.opportunity
            likelihoodLow = score.likelihood.low
            likelihoodBest = score.likelihood.best
            likelihoodHigh = score.likelihood.high
            self.impact = String(decoding: try JSONEncoder.sorted.encode(impact), as: UTF8.self)
            confidence = score.confidence.rawValue
            rationale = score.rationale
            self.createdAt = createdAt
        }

        var score: ScenarioScore? {
            guard let likelihood = try? UncertainEstimate(low: likelihoodLow, best: likelihoodBest, high: likelihoodHigh, within: 0...1),
                let confidence = Confidence(rawValue: confidence),
                let decoded = try? JSONDecoder().decode([String: Int].self, from: Data(impact.utf8))
            else { return nil }
            var dimensions: [ImpactDimension: Int] = [:]
            for (key, value) in decoded { if let dimension = ImpactDimension(rawValue: key) { dimensions[dimension] = value } }
            return ScenarioScore(
                scenarioID: scenarioId, round: round, assessorID: assessorId, intent: intent, actorCapability: actorCapability,
                technologyAccessibility: technologyAccessibility, opportunity: opportunity, likelihood: likelihood, impact: dimensions,
                confidence: confidence, rationale: rationale)
        }
    }

    // MARK: Assessments

    /// Opens an assessment with round 1 open for scoring.
    public func create(_ assessment: Assessment, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(assessment.stateID == scope.stateID, "a scope for one state cannot write another's assessment")
        let kind = persistence.kind
        try await persistence.write { tx in
            let now = epochMilliseconds()
            try await tx.insert(into: "assessments")
                .model(
                    AssessmentRow(
                        id: assessment.id, stateId: scope.stateID, title: assessment.title, period: assessment.period,
                        horizonYears: assessment.horizonYears, methodVersion: assessment.methodVersion, tlp: assessment.tlp.rawValue,
                        status: assessment.status.rawValue, version: assessment.version, createdAt: now, updatedAt: now),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            try await tx.insert(into: "scoring_rounds")
                .model(
                    RoundRow(assessmentId: assessment.id, stateId: scope.stateID, number: 1, status: "open", changedAt: now),
                    keyEncodingStrategy: .convertToSnakeCase
                )
                .run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// The state's assessments, newest first.
    public func list(_ scope: TenantScope) async throws -> [Assessment] {
        try await persistence.sql.select().column("*").from("assessments").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("created_at", .descending).limit(500)
            .all(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.assessment)
    }

    /// One assessment of the scope's state, or nil (also when it belongs to another state).
    public func find(_ scope: TenantScope, id: String) async throws -> Assessment? {
        try await persistence.sql.select().column("*").from("assessments").where("id", .equal, SQLBind(id))
            .where("state_id", .equal, SQLBind(scope.stateID))
            .first(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.assessment
    }

    /// The state an assessment belongs to, if `visible` includes it (for the command line, which names assessments by id).
    public func stateID(ofAssessment id: String, visible: StateVisibility) async throws -> String? {
        struct Row: Codable { var stateId: String }
        guard
            let row = try await persistence.sql.select().column("state_id").from("assessments").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase), visible.includes(row.stateId)
        else { return nil }
        return row.stateId
    }

    // MARK: Revision

    /// The assessment's revision: it changes with every write to its scenarios, rounds or scores.
    public func revision(_ scope: TenantScope, assessmentID: String) async throws -> Int64? {
        struct Row: Codable { var revision: Int64 }
        return try await persistence.sql.select().column("revision").from("assessments").where("id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: Row.self)?.revision
    }

    /// Inside a write: the assessment must exist in the state and not be approved.
    static func requireEditable(_ assessmentID: String, stateID: String, on tx: any SQLDatabase) async throws {
        struct Row: Codable { var status: String }
        guard
            let row = try await tx.select().column("status").from("assessments").where("id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).first(decoding: Row.self)
        else { throw StoreConflict.missing }
        if Assessment.Status(rawValue: row.status)?.isFrozen ?? false { throw AssessmentRuleViolation.frozen }
    }

    static func bumpRevision(_ assessmentID: String, on tx: any SQLDatabase) async throws {
        try await tx.update("assessments").set(SQLIdentifier("revision"), to: SQLRaw("revision + 1"))
            .set("updated_at", to: SQLBind(epochMilliseconds())).where("id", .equal, SQLBind(assessmentID)).run()
    }

    // MARK: Rounds

    /// The latest round of an assessment.
    public func currentRound(_ scope: TenantScope, assessmentID: String) async throws -> ScoringRound? {
        try await Self.currentRound(on: persistence.sql, stateID: scope.stateID, assessmentID: assessmentID)
    }

    /// The latest round of every assessment of the scope's state, in one query (for lists).
    public func currentRounds(_ scope: TenantScope) async throws -> [String: ScoringRound] {
        let rows = try await persistence.sql.select().column("*").from("scoring_rounds").where("state_id", .equal, SQLBind(scope.stateID))
            .all(decoding: RoundRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var latest: [String: ScoringRound] = [:]
        for row in rows where row.number > (latest[row.assessmentId]?.number ?? 0) {
            latest[row.assessmentId] = ScoringRound(number: row.number, status: ScoringRound.Status(rawValue: row.status) ?? .closed)
        }
        return latest
    }

    static func currentRound(on sql: any SQLDatabase, stateID: String, assessmentID: String) async throws -> ScoringRound? {
        guard
            let row = try await sql.select().column("*").from("scoring_rounds").where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).orderBy("number", .descending)
                .first(decoding: RoundRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { return nil }
        return ScoringRound(number: row.number, status: ScoringRound.Status(rawValue: row.status) ?? .closed)
    }

    /// Moves the current round on (open → closed → revealed), or opens the next round after a reveal (`to: .open`).
    @discardableResult
    public func advanceRound(
        _ scope: TenantScope, assessmentID: String, to target: ScoringRound.Status, audit: AuditEvent
    ) async throws -> ScoringRound {
        let kind = persistence.kind
        return try await persistence.write { tx in
            try await Self.requireEditable(assessmentID, stateID: scope.stateID, on: tx)
            guard let current = try await Self.currentRound(on: tx, stateID: scope.stateID, assessmentID: assessmentID) else {
                throw StoreConflict.missing
            }
            let now = epochMilliseconds()
            let result: ScoringRound
            if target == .open {
                guard current.status == .revealed else { throw AssessmentRuleViolation.roundTransition(from: current.status, to: .open) }
                result = ScoringRound(number: current.number + 1, status: .open)
                try await tx.insert(into: "scoring_rounds")
                    .model(
                        RoundRow(assessmentId: assessmentID, stateId: scope.stateID, number: result.number, status: "open", changedAt: now),
                        keyEncodingStrategy: .convertToSnakeCase
                    ).run()
            } else {
                guard current.next == target else { throw AssessmentRuleViolation.roundTransition(from: current.status, to: target) }
                result = ScoringRound(number: current.number, status: target)
                try await tx.update("scoring_rounds").set("status", to: SQLBind(target.rawValue)).set("changed_at", to: SQLBind(now))
                    .where("assessment_id", .equal, SQLBind(assessmentID)).where("number", .equal, SQLBind(current.number)).run()
            }
            try await Self.bumpRevision(assessmentID, on: tx)
            var event = audit
            event.details["round"] = "\(result.number) \(result.status.rawValue)"
            try await AuditLogStore.append(event, on: tx, kind: kind)
            return result
        }
    }

    // MARK: Scenarios

    public func addScenario(_ scenario: ThreatScenario, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: scenario.assessmentID, audit: audit) { tx in
            try await tx.insert(into: "scenarios")
                .model(ScenarioRow(scenario, stateID: scope.stateID, createdAt: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase).run()
        }
    }

    /// One scenario of one assessment of the scope's state, or nil.
    public func scenario(_ scope: TenantScope, assessmentID: String, id: String) async throws -> ThreatScenario? {
        try await persistence.sql.select().column("*").from("scenarios").where("id", .equal, SQLBind(id))
            .where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID))
            .first(decoding: ScenarioRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.scenario
    }

    public func scenarios(_ scope: TenantScope, assessmentID: String) async throws -> [ThreatScenario] {
        try await persistence.sql.select().column("*").from("scenarios").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("created_at").limit(1000)
            .all(decoding: ScenarioRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.scenario)
    }

    // MARK: Other national risks

    struct OtherRiskRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var title: String
        var family: String
        var likelihoodLow: Double
        var likelihoodBest: Double
        var likelihoodHigh: Double
        var impactLow: Double
        var impactBest: Double
        var impactHigh: Double
        var confidence: String
        var createdAt: Int64

        init(_ risk: OtherRisk, assessmentID: String, stateID: String, createdAt: Int64) {
            id = risk.id
            assessmentId = assessmentID
            stateId = stateID
            title = risk.title
            family = risk.family
            (likelihoodLow, likelihoodBest, likelihoodHigh) = (risk.likelihood.low, risk.likelihood.best, risk.likelihood.high)
            (impactLow, impactBest, impactHigh) = (risk.impact.low, risk.impact.best, risk.impact.high)
            confidence = risk.confidence.rawValue
            self.createdAt = createdAt
        }

        var risk: OtherRisk? {
            guard let likelihood = try? UncertainEstimate(low: likelihoodLow, best: likelihoodBest, high: likelihoodHigh, within: 0...1),
                let impact = try? UncertainEstimate(low: impactLow, best: impactBest, high: impactHigh, within: 1...5),
                let confidence = Confidence(rawValue: confidence)
            else { return nil }
            return OtherRisk(id: id, title: title, family: family, likelihood: likelihood, impact: impact, confidence: confidence)
        }
    }

    /// Adds another national security risk (flood, pandemic, organised crime…) on the register's axes.
    public func addOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await tx.insert(into: "other_risks")
                .model(
                    OtherRiskRow(risk, assessmentID: assessmentID, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                )
                .run()
        }
    }

    public func otherRisks(_ scope: TenantScope, assessmentID: String) async throws -> [OtherRisk] {
        try await persistence.sql.select().column("*").from("other_risks").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("created_at").limit(1000)
            .all(decoding: OtherRiskRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.risk)
    }

    // MARK: Scores

    /// Records one assessor's score in the current round: refused when the round is not open or the assessor already
    /// scored this scenario in it. The score, its round check and its audit entry commit together.
    public func submitScore(_ score: ScenarioScore, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(score.assessorID == scope.userID, "an assessor scores only as themselves")
        let kind = persistence.kind
        try await persistence.write { tx in
            guard
                let scenario = try await tx.select().column("*").from("scenarios").where("id", .equal, SQLBind(score.scenarioID))
                    .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: ScenarioRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            else { throw StoreConflict.missing }
            try await Self.requireEditable(scenario.assessmentId, stateID: scope.stateID, on: tx)
            guard let round = try await Self.currentRound(on: tx, stateID: scope.stateID, assessmentID: scenario.assessmentId) else {
                throw StoreConflict.missing
            }
            guard round.number == score.round, ScoreVisibility.canScore(round) else { throw AssessmentRuleViolation.roundNotOpen(round: score.round) }
            if try await tx.select().column("round").from("scenario_scores").where("scenario_id", .equal, SQLBind(score.scenarioID))
                .where("round", .equal, SQLBind(score.round)).where("assessor_id", .equal, SQLBind(score.assessorID)).first() != nil
            {
                throw AssessmentRuleViolation.alreadyScored
            }
            try await tx.insert(into: "scenario_scores")
                .model(
                    try ScoreRow(score, assessmentID: scenario.assessmentId, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            try await Self.bumpRevision(scenario.assessmentId, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// The scores of one round as the scope's user may see them (``ScoreVisibility``): only their own until the round is
    /// revealed, then everyone's, anonymised. Peers' scores never leave the store before that.
    public func visibleScores(_ scope: TenantScope, assessmentID: String, round: ScoringRound) async throws -> [ScoreVisibility.Shown] {
        var query = persistence.sql.select().column("*").from("scenario_scores").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("round", .equal, SQLBind(round.number))
        if round.status != .revealed { query = query.where("assessor_id", .equal, SQLBind(scope.userID)) }
        let scores = try await query.all(decoding: ScoreRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.score)
        return ScoreVisibility.visible(scores, round: round, viewerID: scope.userID)
    }

    /// How many assessors have submitted a score for each scenario in a round: counts only, never who or what, so a
    /// facilitator can see when a private round is complete.
    public func submissionCounts(_ scope: TenantScope, assessmentID: String, round: Int) async throws -> [String: Int] {
        struct Row: Codable {
            var scenarioId: String
            var n: Int
        }
        let rows = try await persistence.sql.select().column("scenario_id").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("scenario_scores").where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID))
            .where("round", .equal, SQLBind(round)).groupBy("scenario_id")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(rows.map { ($0.scenarioId, $0.n) }, uniquingKeysWith: +)
    }

    /// Every score of a round, for the register, which shows aggregates only (never one assessor's input). Callers pass a
    /// revealed round: during an open round even an aggregate would hint at peers' scores.
    public func scoresForRegister(_ scope: TenantScope, assessmentID: String, round: Int) async throws -> [ScenarioScore] {
        try await persistence.sql.select().column("*").from("scenario_scores").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("round", .equal, SQLBind(round))
            .all(decoding: ScoreRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.score)
    }
}

extension JSONEncoder {
    static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
