import CTTechCore
import Foundation
import SQLKit

/// Scenarios, scoring rounds and scores (``ScoringRepository``). Peers' scores never leave this store before their
/// round is revealed.
public struct ScoringStore: ScoringRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct RoundRow: Codable {
        var assessmentId: String
        var stateId: String
        var number: Int
        var status: String
        var changedAt: Int64
        /// The random salt of the round's "Assessor n" numbering (``ScoreVisibility``); never leaves the store.
        var numberingSalt: String
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
        /// A workshop score's source (`workshop_scores` only); nil, and so not written, for an account holder's score.
        var source: String?

        init(_ score: ScenarioScore, assessmentID: String, stateID: String, createdAt: Int64, source: String? = nil) throws {
            self.source = source
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

    // MARK: Rounds

    /// The latest round of an assessment.
    public func currentRound(_ scope: TenantScope, assessmentID: String) async throws -> ScoringRound? {
        try await ScoringStore.currentRound(on: persistence.sql, stateID: scope.stateID, assessmentID: assessmentID)
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
            try await AssessmentWrites.requireEditable(assessmentID, stateID: scope.stateID, on: tx)
            guard let current = try await ScoringStore.currentRound(on: tx, stateID: scope.stateID, assessmentID: assessmentID) else {
                throw StoreConflict.missing
            }
            let now = epochMilliseconds()
            let result = try AssessmentRuleViolation.nextRound(from: current, to: target)
            if result.number > current.number {
                try await tx.insert(into: "scoring_rounds")
                    .model(
                        RoundRow(
                            assessmentId: assessmentID, stateId: scope.stateID, number: result.number, status: "open", changedAt: now,
                            numberingSalt: ScoreVisibility.newNumberingSalt()),
                        keyEncodingStrategy: .convertToSnakeCase
                    ).run()
            } else {
                try await tx.update("scoring_rounds").set("status", to: SQLBind(target.rawValue)).set("changed_at", to: SQLBind(now))
                    .where("assessment_id", .equal, SQLBind(assessmentID)).where("number", .equal, SQLBind(current.number)).run()
            }
            try await AssessmentWrites.bumpRevision(assessmentID, on: tx)
            var event = audit
            event.details["round"] = "\(result.number) \(result.status.rawValue)"
            if current.status == .closed && result.status == .open { event.details["reopened"] = "before the reveal" }
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
            try await AssessmentWrites.requireEditable(scenario.assessmentId, stateID: scope.stateID, on: tx)
            guard let round = try await ScoringStore.currentRound(on: tx, stateID: scope.stateID, assessmentID: scenario.assessmentId) else {
                throw StoreConflict.missing
            }
            let scored =
                try await tx.select().column("round").from("scenario_scores").where("scenario_id", .equal, SQLBind(score.scenarioID))
                .where("round", .equal, SQLBind(score.round)).where("assessor_id", .equal, SQLBind(score.assessorID)).first() != nil
            try AssessmentRuleViolation.checkScore(score, current: round, alreadyScored: scored)
            try await tx.insert(into: "scenario_scores")
                .model(
                    try ScoreRow(score, assessmentID: scenario.assessmentId, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
            try await AssessmentWrites.bumpRevision(scenario.assessmentId, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// The scores of one round as the scope's user may see them (``ScoreVisibility``): only their own until the round is
    /// revealed, then everyone's, anonymised. Peers' scores never leave the store before that.
    public func visibleScores(_ scope: TenantScope, assessmentID: String, round: ScoringRound) async throws -> [ScoreVisibility.Shown] {
        var query = persistence.sql.select().column("*").from("scenario_scores").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("round", .equal, SQLBind(round.number))
        if round.status != .revealed { query = query.where("assessor_id", .equal, SQLBind(scope.userID)) }
        var scores = try await query.all(decoding: ScoreRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.score)
        // Workshop participants' scores are nobody's own: they are read only once the round is revealed.
        if round.status == .revealed {
            scores += try await persistence.sql.select().column("*").from("workshop_scores").where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(scope.stateID)).where("round", .equal, SQLBind(round.number))
                .all(decoding: ScoreRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.score)
        }
        let salt =
            try await persistence.sql.select().column("*").from("scoring_rounds").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("number", .equal, SQLBind(round.number))
            .first(decoding: RoundRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.numberingSalt ?? ""
        return ScoreVisibility.visible(scores, round: round, viewerID: scope.userID, numberingSalt: salt)
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

    /// Every score of rounds 1…`throughRound`, for the register, which shows aggregates only (never one assessor's
    /// input). Callers pass a revealed round: during an open round even an aggregate would hint at peers' scores.
    public func scoresForRegister(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [ScenarioScore] {
        var scores: [ScenarioScore] = []
        for table in ["scenario_scores", "workshop_scores"] {
            scores += try await persistence.sql.select().column("*").from(table).where("assessment_id", .equal, SQLBind(assessmentID))
                .where("state_id", .equal, SQLBind(scope.stateID)).where("round", .lessThanOrEqual, SQLBind(throughRound))
                .all(decoding: ScoreRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.score)
        }
        return scores
    }

    // MARK: Workshop input

    struct RankingRow: Codable {
        var assessmentId: String
        var stateId: String
        var round: Int
        var ranker: String
        var ranks: String
        var topK: Int
        var source: String
        var createdAt: Int64

        var ranking: WorkshopRanking? {
            guard let ranks = try? JSONDecoder().decode([String: Int].self, from: Data(ranks.utf8)) else { return nil }
            return WorkshopRanking(round: round, ranker: ranker, ranks: ranks, limit: topK)
        }
    }

    struct SourceRow: Codable {
        var assessmentId: String
        var stateId: String
        var round: Int
        var source: String
        var label: String
        var addedAt: Int64
    }

    public func addWorkshopInput(_ input: WorkshopInput, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            try await Self.writeWorkshopInput(input, stateID: scope.stateID, on: tx)
            try await AssessmentWrites.bumpRevision(input.assessmentID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Inside a write: checks the assessment is editable and `input.round` its open round, then replaces the source's
    /// earlier input to that round (and any other source's score or ranking by the same participants) with `input`.
    static func writeWorkshopInput(_ input: WorkshopInput, stateID: String, on tx: any SQLDatabase) async throws {
        try await AssessmentWrites.requireEditable(input.assessmentID, stateID: stateID, on: tx)
        guard let current = try await currentRound(on: tx, stateID: stateID, assessmentID: input.assessmentID),
            current.number == input.round, current.status == .open
        else { throw AssessmentRuleViolation.roundNotOpen(round: input.round) }
        let scenarios = Set(
            try await tx.select().column("id").from("scenarios").where("assessment_id", .equal, SQLBind(input.assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).all(decodingColumn: "id", as: String.self))
        guard input.scores.allSatisfy({ scenarios.contains($0.scenarioID) && $0.round == input.round }),
            input.rankings.allSatisfy({ $0.ranks.keys.allSatisfy(scenarios.contains) })
        else { throw StoreConflict.missing }
        for table in ["workshop_scores", "workshop_rankings", "workshop_sources"] {
            try await tx.delete(from: table).where("assessment_id", .equal, SQLBind(input.assessmentID)).where("state_id", .equal, SQLBind(stateID))
                .where("round", .equal, SQLBind(input.round)).where("source", .equal, SQLBind(input.source)).run()
        }
        for score in input.scores {
            try await tx.delete(from: "workshop_scores").where("scenario_id", .equal, SQLBind(score.scenarioID)).where(
                "state_id", .equal, SQLBind(stateID)
            )
            .where("round", .equal, SQLBind(score.round)).where("assessor_id", .equal, SQLBind(score.assessorID)).run()
            try await tx.insert(into: "workshop_scores")
                .model(
                    try ScoreRow(score, assessmentID: input.assessmentID, stateID: stateID, createdAt: input.addedAt, source: input.source),
                    keyEncodingStrategy: .convertToSnakeCase
                ).run()
        }
        for ranking in input.rankings {
            try await tx.delete(from: "workshop_rankings").where("assessment_id", .equal, SQLBind(input.assessmentID))
                .where("state_id", .equal, SQLBind(stateID)).where("round", .equal, SQLBind(input.round))
                .where("ranker", .equal, SQLBind(ranking.ranker)).run()
            try await tx.insert(into: "workshop_rankings")
                .model(
                    RankingRow(
                        assessmentId: input.assessmentID, stateId: stateID, round: input.round, ranker: ranking.ranker,
                        ranks: String(decoding: try JSONEncoder.sorted.encode(ranking.ranks), as: UTF8.self), topK: ranking.limit,
                        source: input.source, createdAt: input.addedAt), keyEncodingStrategy: .convertToSnakeCase
                ).run()
        }
        try await tx.insert(into: "workshop_sources")
            .model(
                SourceRow(
                    assessmentId: input.assessmentID, stateId: stateID, round: input.round, source: input.source, label: input.label,
                    addedAt: input.addedAt), keyEncodingStrategy: .convertToSnakeCase
            ).run()
    }

    public func workshopSources(_ scope: TenantScope, assessmentID: String) async throws -> [WorkshopSource] {
        struct Count: Codable {
            var round: Int
            var source: String
            var n: Int
        }
        func counts(_ table: String) async throws -> [String: Int] {
            let rows = try await persistence.sql.select().column("round").column("source").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(table).where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID))
                .groupBy("round").groupBy("source").all(decoding: Count.self)
            return Dictionary(rows.map { ("\($0.round)|\($0.source)", $0.n) }, uniquingKeysWith: +)
        }
        let scores = try await counts("workshop_scores")
        let rankings = try await counts("workshop_rankings")
        return try await persistence.sql.select().column("*").from("workshop_sources").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("added_at").orderBy("round")
            .all(decoding: SourceRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .compactMap { row in
                let key = "\(row.round)|\(row.source)"
                let (s, r) = (scores[key] ?? 0, rankings[key] ?? 0)
                guard s + r > 0 else { return nil }
                return WorkshopSource(source: row.source, label: row.label, round: row.round, scores: s, rankings: r, addedAt: row.addedAt)
            }
    }

    public func workshopRankings(_ scope: TenantScope, assessmentID: String, throughRound: Int) async throws -> [WorkshopRanking] {
        try await persistence.sql.select().column("*").from("workshop_rankings").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("round", .lessThanOrEqual, SQLBind(throughRound))
            .orderBy("round").orderBy("ranker")
            .all(decoding: RankingRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.ranking)
    }
}
