import Foundation

/// The documented JSON format for importing a whole assessment (`docs/import-format.md`, `docs/assessment-import.schema.json`).
/// Ids in the file are the file's own: they only tie its parts together and are replaced by new ids on import, so the
/// same file can be imported twice. Assessors are named by the e-mail address of their account.
public struct AssessmentImport: Sendable, Codable {
    public static let format = "cttech.assessment/1"
    /// The largest file accepted (API, web upload and CLI alike).
    public static let maxBytes = 16 * 1024 * 1024

    public struct Header: Sendable, Codable {
        public var title: String?
        public var period: String?
        public var horizonYears: Int?
        public var tlp: String?
        public var methodVersion: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case title, period, horizonYears, tlp, methodVersion }
    }

    public struct AgencyLine: Sendable, Codable {
        public var id: String
        public var name: String?
        public var kind: String?
        public var mandate: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, kind, mandate }
    }

    public struct RaciLine: Sendable, Codable {
        public var activity: String
        public var agency: String
        public var role: String

        enum CodingKeys: String, CodingKey, CaseIterable { case activity, agency, role }
    }

    public struct ScanLine: Sendable, Codable {
        public var technology: String
        public var stage: String?
        public var trend: String?
        public var notes: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case technology, stage, trend, notes }
    }

    public struct ScenarioLine: Sendable, Codable {
        public var id: String
        public var title: String?
        public var narrative: String?
        public var actorType: String?
        public var technologies: [String]?
        public var purposes: [String]?
        public var targetSector: String?
        public var horizonYears: Int?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, narrative, actorType, technologies, purposes, targetSector, horizonYears }
    }

    public struct EvidenceLine: Sendable, Codable {
        public var id: String
        public var subject: String
        public var ref: String
        public var summary: String?
        public var source: String?
        public var reliability: String?
        public var credibility: Int?
        public var observedOn: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, subject, ref, summary, source, reliability, credibility, observedOn }
    }

    public struct Interval: Sendable, Codable {
        public var low: Double?
        public var best: Double?
        public var high: Double?

        enum CodingKeys: String, CodingKey, CaseIterable { case low, best, high }
    }

    public struct ScoreLine: Sendable, Codable {
        public var scenario: String
        public var assessor: String
        public var intent: Int?
        public var actorCapability: Int?
        public var technologyAccessibility: Int?
        public var opportunity: Int?
        public var likelihood: Interval?
        public var impact: [String: Int]?
        public var confidence: String?
        public var rationale: String?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case scenario, assessor, intent, actorCapability, technologyAccessibility, opportunity, likelihood, impact, confidence, rationale
        }
    }

    public struct RoundLine: Sendable, Codable {
        public var number: Int
        public var status: String
        /// Account holders' scores (`assessor` an e-mail) and workshop participants' (`assessor` `workshop:<name>`).
        public var scores: [ScoreLine]
        /// Workshop participants' rankings of the scenarios in the round (issue 12).
        public var rankings: [RankingLine]?

        enum CodingKeys: String, CodingKey, CaseIterable { case number, status, scores, rankings }
    }

    /// One workshop participant's ranking: scenario (the file's id) → rank, 1 first, ties sharing a rank; `limit` the k of a
    /// top-k ranking (absent: a full ranking).
    public struct RankingLine: Sendable, Codable {
        public var ranker: String
        public var ranks: [String: Int]
        public var limit: Int?

        enum CodingKeys: String, CodingKey, CaseIterable { case ranker, ranks, limit }
    }

    public struct OtherRiskLine: Sendable, Codable {
        public var id: String
        public var title: String?
        public var family: String?
        public var likelihood: Interval?
        public var impact: Interval?
        public var confidence: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, family, likelihood, impact, confidence }
    }

    /// A declared effect of a response: the factor it reduces (an impact effect may name one dimension) and by how many
    /// per cent, as an interval.
    public struct EffectLine: Sendable, Codable {
        public var factor: String
        public var dimension: String?
        public var low: Double?
        public var best: Double?
        public var high: Double?

        enum CodingKeys: String, CodingKey, CaseIterable { case factor, dimension, low, best, high }
    }

    public struct CostLine: Sendable, Codable {
        public var low: Double?
        public var high: Double?
        public var currency: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case low, high, currency }
    }

    public struct TimeframeLine: Sendable, Codable {
        public var start: String?
        public var end: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case start, end }
    }

    /// One answer to one check of a response, by a reviewer named by the e-mail of their account.
    public struct ReviewLine: Sendable, Codable {
        public var kind: String
        public var code: String
        public var status: String?
        public var reasoning: String?
        public var genderMarker: Int?
        public var reviewer: String
        /// When it was answered: an ISO 8601 date and time (`2026-03-02T09:30:00Z`) or a date.
        public var reviewedAt: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case kind, code, status, reasoning, genderMarker, reviewer, reviewedAt }
    }

    /// A focal point's override of the checks it names, with the justification.
    public struct OverrideLine: Sendable, Codable {
        public var checks: [String]
        public var justification: String?
        public var by: String
        public var at: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case checks, justification, by, at }
    }

    public struct ActualLine: Sendable, Codable {
        public var value: Double?
        public var date: String?
        public var evidence: String?
        public var reliability: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case value, date, evidence, reliability }
    }

    public struct IndicatorLine: Sendable, Codable {
        public var name: String?
        public var level: String?
        public var unit: String?
        public var direction: String?
        public var baseline: Double?
        public var baselineDate: String?
        public var target: Double?
        public var targetDate: String?
        public var disaggregated: Bool?
        public var actuals: [ActualLine]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case name, level, unit, direction, baseline, baselineDate, target, targetDate, disaggregated, actuals
        }
    }

    /// A policy response (steps 5–6) addressing risks of the file, with its reviews, overrides and indicators.
    public struct ResponseLine: Sendable, Codable {
        public var id: String
        public var title: String?
        public var type: String?
        public var description: String?
        /// Scenario and other-risk ids of this file.
        public var targets: [String]?
        public var effects: [EffectLine]?
        /// Agency ids of this file.
        public var leadAgency: String?
        public var partners: [String]?
        public var cost: CostLine?
        public var timeframe: TimeframeLine?
        public var legalBasis: String?
        public var tlp: String?
        public var status: String?
        /// For a response approved or further along: the round of this file its approval was based on (default: the
        /// latest revealed round). Scores of later rounds are follow-ups that already reflect it.
        public var baselineRound: Int?
        public var reviews: [ReviewLine]?
        public var overrides: [OverrideLine]?
        public var indicators: [IndicatorLine]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, title, type, description, targets, effects, leadAgency, partners, cost, timeframe, legalBasis, tlp, status, baselineRound
            case reviews, overrides, indicators
        }
    }

    public var format: String
    public var assessment: Header
    public var agencies: [AgencyLine]?
    public var raci: [RaciLine]?
    public var horizonScan: [ScanLine]?
    public var scenarios: [ScenarioLine]?
    public var evidence: [EvidenceLine]?
    public var rounds: [RoundLine]?
    public var otherRisks: [OtherRiskLine]?
    public var responses: [ResponseLine]?
    /// Steps 7–8: capability assessments linked to this assessment (``CapabilitySection``).
    public var capability: CapabilitySection?
    /// Keys of the file the format does not define, each at its path; ``decode(_:)`` finds them and ``plan(stateID:method:assessors:makeID:)``
    /// reports them first, with every other problem of the file.
    public internal(set) var unknownFields: [FieldIssue] = []
    /// How many more unknown keys the file has than ``unknownFields`` lists.
    var unknownFieldsNotListed = 0

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, assessment, agencies, raci, horizonScan, scenarios, evidence, rounds, otherRisks, responses, capability
    }

    /// Everything an import writes, with new ids, checked as a whole.
    public struct Plan: Sendable {
        public var assessment: Assessment
        public var agencies: [Agency]
        public var raci: [RaciAssignment]
        public var horizonScan: [HorizonScanEntry]
        public var scenarios: [ThreatScenario]
        public var evidence: [EvidenceItem]
        public var rounds: [ScoringRound]
        /// Account holders' and workshop participants' scores (``WorkshopInput/isWorkshop(_:)`` tells them apart).
        public var scores: [ScenarioScore]
        /// Workshop participants' rankings.
        public var rankings: [WorkshopRanking] = []
        public var otherRisks: [OtherRisk]
        /// Policy responses addressing the new assessment's risks, each by the importing account, at version 1.
        public var responses: [PolicyResponse]
        /// Their answers (all for version 1), overrides (oldest first) and indicators with their actuals.
        public var reviews: [CheckReview]
        public var overrides: [ReviewOverride]
        public var indicators: [Indicator]
        /// Capability assessments linked to the new assessment, with their evidence, answers and targets.
        public var capability = CapabilityPlan()

        /// What the audit entry of an import counts (responses and what comes with them only when there are some).
        public var counts: String {
            var text =
                "agencies \(agencies.count), scan \(horizonScan.count), scenarios \(scenarios.count), evidence \(evidence.count), "
                + "rounds \(rounds.count), scores \(scores.count), other risks \(otherRisks.count)"
            if !rankings.isEmpty { text += ", rankings \(rankings.count)" }
            if !responses.isEmpty {
                text +=
                    ", responses \(responses.count), reviews \(reviews.count), overrides \(overrides.count), indicators \(indicators.count), "
                    + "actuals \(indicators.map(\.actuals.count).reduce(0, +))"
            }
            if !capability.assessments.isEmpty {
                text +=
                    ", capability assessments \(capability.assessments.count), capability evidence \(capability.evidence.count), "
                    + "criteria answered \(capability.answers.count), targets \(capability.targets.count)"
            }
            return text
        }
    }

    /// Reads a file's bytes: too large, not JSON, or not this format → a clear error, nothing else done. Keys the format does
    /// not define are listed with their paths: thrown with the other problems when the file cannot be read, otherwise kept in
    /// ``unknownFields`` for ``plan(stateID:method:assessors:makeID:)`` to report with everything else it finds.
    public static func decode(_ data: Data) throws(ValidationFailure) -> AssessmentImport {
        guard data.count <= maxBytes else {
            throw ValidationFailure(
                field: "file", "validation.import.too-large", ["size": megabytes(data.count), "limit": String(maxBytes / 1024 / 1024)])
        }
        let json = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
        let (unknown, notListed) = json.map { Layout.document.unknownFields(in: $0) } ?? ([], 0)
        let more = notListed > 0 ? [FieldIssue(field: "file", Message("validation.import.more-keys", count: notListed))] : []
        var document: AssessmentImport
        do { document = try JSONDecoder().decode(AssessmentImport.self, from: data) } catch let error as DecodingError {
            throw ValidationFailure(unknown + more + [FieldIssue(field: "file", Self.describe(error))])
        } catch { throw ValidationFailure(field: "file", "validation.import.not-json") }
        guard document.format == format else {
            throw ValidationFailure([FieldIssue(field: "format", "validation.import.format", ["format": format])] + unknown + more)
        }
        document.unknownFields = unknown
        document.unknownFieldsNotListed = notListed
        return document
    }

    /// Checks every part against the method version and the state's accounts and builds the plan. Accounts are named by
    /// e-mail: `assessors` (who may score), `reviewers` (who may review responses) and `focalPoints` (who may record
    /// overrides), each lower-cased e-mail → account id. `importer` is the importing account: the author of the imported
    /// responses (so never their reviewer) and the recorder of their actuals; `now` (epoch ms, default: the clock) bounds
    /// the times and dates of reviews, overrides and actuals. All problems are collected (up to 100) before anything is
    /// refused.
    public func plan(
        stateID: String, method: MethodVersion, assessors: [String: String], reviewers: [String: String] = [:],
        focalPoints: [String: String] = [:], importer: String = "import", now: Int64? = nil, capability context: CapabilityContext? = .builtIn,
        makeID: () -> String
    ) throws(ValidationFailure) -> Plan {
        var v = Validator()
        for issue in unknownFields { v.add(issue.field, issue.problem) }
        func merge(_ prefix: String, _ failure: ValidationFailure) {
            for issue in failure.issues { v.add("\(prefix).\(issue.field)", issue.problem) }
        }
        func unique(_ ids: [String], _ path: String) -> Set<String> { Self.unique(ids, path, &v) }

        // Assessment
        var header: (title: String, period: String, horizonYears: Int, tlp: TLP) = ("", "", 2, .amber)
        do {
            header = try AssessmentDraft(
                title: assessment.title, period: assessment.period, horizonYears: assessment.horizonYears.map(String.init) ?? "2",
                tlp: assessment.tlp ?? "AMBER"
            ).validated()
        } catch { merge("assessment", error) }
        if let version = assessment.methodVersion, version != method.id {
            v.add("assessment.methodVersion", "validation.import.method-version", ["version": String(version.prefix(40)), "method": method.id])
        }
        let assessmentID = makeID()
        let result = Assessment(
            id: assessmentID, stateID: stateID, title: header.title, period: header.period, horizonYears: header.horizonYears,
            methodVersion: method.id,
            tlp: header.tlp, status: .draft, version: 1)

        // Step 1
        let agencyLines = agencies ?? []
        _ = unique(agencyLines.map(\.id), "agencies")
        var agencyIDs: [String: String] = [:]
        var agencyByRef: [String: Agency] = [:]
        var newAgencies: [Agency] = []
        for (i, line) in agencyLines.enumerated() {
            do {
                let agency = try AgencyDraft(fields: ["name": line.name ?? "", "kind": line.kind ?? "", "mandate": line.mandate ?? ""])
                    .validated(id: makeID())
                agencyIDs[line.id] = agency.id
                agencyByRef[line.id] = agency
                newAgencies.append(agency)
            } catch { merge("agencies[\(i)]", error) }
        }
        var raciCells: [RaciAssignment] = []
        for (i, line) in (raci ?? []).enumerated() {
            guard let activity = AssessmentActivity(rawValue: line.activity) else {
                v.add("raci[\(i)].activity", "validation.one-of", ["values": AssessmentActivity.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            guard let role = RaciRole(rawValue: line.role) else {
                v.add("raci[\(i)].role", "validation.import.raci-role")
                continue
            }
            guard let agency = agencyIDs[line.agency] else {
                v.add("raci[\(i)].agency", "validation.import.unknown-agency", ["agency": String(line.agency.prefix(40))])
                continue
            }
            raciCells.append(RaciAssignment(activity: activity, agencyID: agency, role: role))
        }
        do { try RaciMatrix.check(raciCells, agencies: Set(agencyIDs.values)) } catch {
            for issue in error.issues { v.add(issue.field, issue.problem) }
        }

        // Step 2
        var scan: [HorizonScanEntry] = []
        var scanned = Set<String>()
        for (i, line) in (horizonScan ?? []).enumerated() {
            if !scanned.insert(line.technology).inserted {
                v.add("horizonScan[\(i)].technology", "validation.import.scanned-twice", ["code": String(line.technology.prefix(20))])
            }
            do {
                scan.append(
                    try HorizonScanDraft(fields: [
                        "technology": line.technology, "stage": line.stage ?? "", "trend": line.trend ?? "", "notes": line.notes ?? "",
                    ]).validated(against: method))
            } catch { merge("horizonScan[\(i)]", error) }
        }

        // Step 3
        let scenarioLines = scenarios ?? []
        _ = unique(scenarioLines.map(\.id), "scenarios")
        var scenarioIDs: [String: String] = [:]
        var newScenarios: [ThreatScenario] = []
        for (i, line) in scenarioLines.enumerated() {
            // The id is mapped even when the scenario is invalid, so its scores and evidence are checked too, not reported as unknown.
            let newID = makeID()
            if scenarioIDs[line.id] == nil { scenarioIDs[line.id] = newID }
            do {
                let clean = try ScenarioDraft(
                    title: line.title, narrative: line.narrative, actorType: line.actorType, technologies: line.technologies ?? [],
                    purposes: line.purposes ?? [], targetSector: line.targetSector, horizonYears: line.horizonYears.map(String.init)
                ).validated(against: method, defaultHorizon: header.horizonYears)
                let scenario = ThreatScenario(
                    id: newID, assessmentID: assessmentID, title: clean.title, narrative: clean.narrative, actorType: clean.actorType,
                    technologies: clean.technologies, purposes: clean.purposes, targetSector: clean.targetSector, horizonYears: clean.horizonYears,
                    version: 1)
                newScenarios.append(scenario)
            } catch { merge("scenarios[\(i)]", error) }
        }
        let technologyCodes = Set(method.items(.technologies).map(\.code))
        let evidenceLines = evidence ?? []
        _ = unique(evidenceLines.map(\.id), "evidence")
        var newEvidence: [EvidenceItem] = []
        for (i, line) in evidenceLines.enumerated() {
            var subject: EvidenceSubject?
            switch line.subject {
            case "scenario":
                if let id = scenarioIDs[line.ref] {
                    subject = .scenario(id)
                } else {
                    v.add("evidence[\(i)].ref", "validation.import.unknown-scenario", ["ref": String(line.ref.prefix(40))])
                }
            case "technology":
                if technologyCodes.contains(line.ref) {
                    subject = .technology(line.ref)
                } else {
                    v.add("evidence[\(i)].ref", "validation.import.unknown-technology", ["ref": String(line.ref.prefix(20))])
                }
            default: v.add("evidence[\(i)].subject", "validation.import.evidence-subject")
            }
            guard let subject else { continue }
            do {
                newEvidence.append(
                    try EvidenceDraft(fields: [
                        "summary": line.summary ?? "", "source": line.source ?? "", "reliability": line.reliability ?? "",
                        "credibility": line.credibility.map(String.init) ?? "", "observedOn": line.observedOn ?? "",
                    ]).validated(id: makeID(), subject: subject))
            } catch { merge("evidence[\(i)]", error) }
        }

        // Rounds: numbered 1, 2, 3… ; every round but the last is revealed.
        let roundLines = (rounds ?? []).sorted { $0.number < $1.number }
        var newRounds: [ScoringRound] = []
        var newScores: [ScenarioScore] = []
        var newRankings: [WorkshopRanking] = []
        for (i, line) in roundLines.enumerated() {
            guard line.number == i + 1 else {
                v.add("rounds", "validation.import.round-numbers", ["found": roundLines.map { String($0.number) }.joined(separator: ", ")])
                break
            }
            guard let status = ScoringRound.Status(rawValue: line.status) else {
                v.add("rounds[\(i)].status", "validation.import.round-status")
                continue
            }
            if i < roundLines.count - 1 && status != .revealed { v.add("rounds[\(i)].status", "validation.import.round-not-revealed") }
            newRounds.append(ScoringRound(number: line.number, status: status))
            var scored = Set<String>()
            for (j, score) in line.scores.enumerated() {
                let path = "rounds[\(i)].scores[\(j)]"
                guard let scenario = scenarioIDs[score.scenario] else {
                    v.add("\(path).scenario", "validation.import.unknown-scenario", ["ref": String(score.scenario.prefix(40))])
                    continue
                }
                // A workshop participant is named by a pseudonym, never an account (``WorkshopInput``).
                let workshop = WorkshopInput.isWorkshop(score.assessor)
                guard
                    let assessor = workshop
                        ? (WorkshopInput.isValidAssessorID(score.assessor) ? score.assessor : nil) : assessors[score.assessor.lowercased()]
                else {
                    v.add(
                        "\(path).assessor", workshop ? "validation.import.workshop-assessor" : "validation.import.unknown-assessor",
                        ["assessor": String(score.assessor.prefix(60))])
                    continue
                }
                if !scored.insert("\(scenario)|\(assessor)").inserted {
                    v.add(
                        path, "validation.import.scored-twice",
                        ["assessor": String(score.assessor.prefix(60)), "scenario": String(score.scenario.prefix(40)), "round": String(line.number)])
                }
                var fields: [String: String] = [
                    "intent": score.intent.map(String.init) ?? "", "actorCapability": score.actorCapability.map(String.init) ?? "",
                    "technologyAccessibility": score.technologyAccessibility.map(String.init) ?? "",
                    "opportunity": score.opportunity.map(String.init) ?? "",
                    "likelihoodLow": score.likelihood?.low.map { String($0) } ?? "",
                    "likelihoodBest": score.likelihood?.best.map { String($0) } ?? "",
                    "likelihoodHigh": score.likelihood?.high.map { String($0) } ?? "", "confidence": score.confidence ?? "",
                    "rationale": score.rationale ?? "",
                ]
                for (key, value) in score.impact ?? [:] { fields["impact.\(key)"] = String(value) }
                do {
                    newScores.append(try ScoreDraft(fields: fields).validated(scenarioID: scenario, round: line.number, assessorID: assessor))
                } catch { merge(path, error) }
            }
            var rankers = Set<String>()
            for (j, ranking) in (line.rankings ?? []).enumerated() {
                let path = "rounds[\(i)].rankings[\(j)]"
                guard WorkshopInput.isValidAssessorID(ranking.ranker) else {
                    v.add("\(path).ranker", "validation.import.workshop-assessor", ["assessor": String(ranking.ranker.prefix(60))])
                    continue
                }
                if !rankers.insert(ranking.ranker).inserted {
                    v.add("\(path).ranker", "validation.import.ranked-twice", ["ranker": ranking.ranker, "round": String(line.number)])
                }
                var ranks: [String: Int] = [:]
                for (ref, rank) in ranking.ranks.sorted(by: { $0.key < $1.key }) {
                    guard let scenario = scenarioIDs[ref] else {
                        v.add("\(path).ranks", "validation.import.unknown-scenario", ["ref": String(ref.prefix(40))])
                        continue
                    }
                    guard (1...max(1, scenarioLines.count)).contains(rank) else {
                        v.add("\(path).ranks", "validation.import.rank-range", ["ref": String(ref.prefix(40)), "count": String(scenarioLines.count)])
                        continue
                    }
                    ranks[scenario] = rank
                }
                let limit = ranking.limit ?? 0
                if !(0...max(0, scenarioLines.count)).contains(limit) { v.add("\(path).limit", "validation.import.rank-range-limit") }
                if ranking.ranks.isEmpty { v.add("\(path).ranks", "validation.import.ranks-empty") }
                newRankings.append(WorkshopRanking(round: line.number, ranker: ranking.ranker, ranks: ranks, limit: limit))
            }
        }
        if newRounds.isEmpty { newRounds = [ScoringRound(number: 1, status: .open)] }

        // Step 4
        let riskLines = otherRisks ?? []
        _ = unique(riskLines.map(\.id), "otherRisks")
        var newRisks: [OtherRisk] = []
        var riskIDs: [String: String] = [:]
        for (i, line) in riskLines.enumerated() {
            // Mapped even when the risk is invalid, so responses addressing it are not also reported as naming an unknown risk.
            let newID = makeID()
            if riskIDs[line.id] == nil { riskIDs[line.id] = newID }
            let fields: [String: String] = [
                "title": line.title ?? "", "family": line.family ?? "", "confidence": line.confidence ?? "",
                "likelihoodLow": line.likelihood?.low.map { String($0) } ?? "", "likelihoodBest": line.likelihood?.best.map { String($0) } ?? "",
                "likelihoodHigh": line.likelihood?.high.map { String($0) } ?? "", "impactLow": line.impact?.low.map { String($0) } ?? "",
                "impactBest": line.impact?.best.map { String($0) } ?? "", "impactHigh": line.impact?.high.map { String($0) } ?? "",
            ]
            do { newRisks.append(try OtherRiskDraft(fields: fields).validated(id: newID)) } catch { merge("otherRisks[\(i)]", error) }
        }

        // Steps 5–6: responses addressing the file's risks.
        var risks: [String: AddressableRisk] = [:]
        for line in scenarioLines {
            guard let id = scenarioIDs[line.id], risks[line.id] == nil else { continue }
            risks[line.id] = AddressableRisk(
                id: id, kind: .scenario, assessmentID: assessmentID, assessmentTitle: header.title, title: line.title ?? "")
        }
        for line in riskLines {
            guard let id = riskIDs[line.id], risks[line.id] == nil else { continue }
            risks[line.id] = AddressableRisk(
                id: id, kind: .otherRisk, assessmentID: assessmentID, assessmentTitle: header.title, title: line.title ?? "")
        }
        let last = newRounds.last
        let latestRevealed = last.map { $0.status == .revealed ? $0.number : $0.number - 1 }.flatMap { $0 >= 1 ? $0 : nil }
        let policy = planResponses(
            ResponseContext(
                method: method, stateID: stateID, risks: risks, agencies: agencyIDs, latestRevealed: latestRevealed, reviewers: reviewers,
                focalPoints: focalPoints, importer: importer, now: now ?? Int64(Date().timeIntervalSince1970 * 1000)),
            &v, makeID: makeID)
        let capabilityPlan = planCapability(
            context, stateID: stateID, assessmentID: assessmentID, agencies: agencyByRef, importer: importer,
            now: now ?? Int64(Date().timeIntervalSince1970 * 1000), &v, makeID: makeID)
        let count = v.issues.count + unknownFieldsNotListed
        if count > 100 {
            throw ValidationFailure(
                Array(v.issues.prefix(100)) + [FieldIssue(field: "file", Message("validation.import.more-problems", count: count - 100))])
        }
        try v.check()
        return Plan(
            assessment: result, agencies: newAgencies, raci: raciCells, horizonScan: scan, scenarios: newScenarios, evidence: newEvidence,
            rounds: newRounds, scores: newScores, rankings: newRankings, otherRisks: newRisks, responses: policy.responses, reviews: policy.reviews,
            overrides: policy.overrides, indicators: policy.indicators, capability: capabilityPlan)
    }

    /// Records a problem for each id of `ids` (at `path[i].id`) that is empty, longer than 100 characters or used twice.
    static func unique(_ ids: [String], _ path: String, _ v: inout Validator) -> Set<String> {
        var seen = Set<String>()
        for (i, id) in ids.enumerated() {
            if id.isEmpty || id.count > 100 { v.add("\(path)[\(i)].id", "validation.import.id-length") }
            if !seen.insert(id).inserted { v.add("\(path)[\(i)].id", "validation.import.id-twice", ["id": String(id.prefix(40))]) }
        }
        return seen
    }

    static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }

    /// What the decoder could not read, and where: a path in the file (`assessment.title`), or the document as a whole
    /// (a message of its own, `…-document`, so each language says "the document" in its words).
    static func describe(_ error: DecodingError) -> Message {
        func at(_ key: String, _ context: DecodingError.Context, _ values: [String: String] = [:]) -> Message {
            let text = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            if text.isEmpty { return Message(key + "-document", values) }
            return Message(key, values.merging(["path": String(text.drop { $0 == "." })]) { first, _ in first })
        }
        switch error {
        case .typeMismatch(_, let c): return at("validation.import.wrong-type", c)
        case .valueNotFound(_, let c): return at("validation.import.missing-value", c)
        case .keyNotFound(let key, let c): return at("validation.import.missing-key", c, ["key": key.stringValue])
        case .dataCorrupted(let c): return c.codingPath.isEmpty ? "validation.invalid-json" : at("validation.import.invalid-value", c)
        @unknown default: return "validation.import.not-an-assessment-file"
        }
    }
}

extension AssessmentImport {
    /// Which keys the format defines at each place of a file. Built from the coding keys of the lines above, so it cannot
    /// drift from what is read; a key outside it would be dropped silently, so it is reported instead.
    indirect enum Layout: Sendable {
        /// An object with these keys, in the format's order; `nested` describes the values that are objects or lists. An
        /// unknown key is reported with the message `unknown` + `.suggest` (naming the close key it was probably meant to
        /// be) or, when no defined key is close, `unknown` + `.list` (listing them).
        case object(keys: [String], nested: [String: Layout], unknown: String)
        case list(of: Layout)

        static func fields<Key: CodingKey & CaseIterable & Hashable>(
            _ keys: Key.Type, extra: [String] = [], _ nested: [Key: Layout] = [:]
        ) -> Layout {
            .object(
                keys: Key.allCases.map(\.stringValue) + extra,
                nested: Dictionary(uniqueKeysWithValues: nested.map { ($0.key.stringValue, $0.value) }),
                unknown: "validation.import.unknown-field")
        }

        static let interval = fields(Interval.CodingKeys.self)
        static let impact = Layout.object(
            keys: ImpactDimension.allCases.map(\.rawValue), nested: [:], unknown: "validation.import.unknown-dimension")
        /// `$schema` may name the JSON Schema for editors; the importer does not read it.
        static let document = fields(
            CodingKeys.self, extra: ["$schema"],
            [
                .assessment: fields(Header.CodingKeys.self),
                .agencies: .list(of: fields(AgencyLine.CodingKeys.self)),
                .raci: .list(of: fields(RaciLine.CodingKeys.self)),
                .horizonScan: .list(of: fields(ScanLine.CodingKeys.self)),
                .scenarios: .list(of: fields(ScenarioLine.CodingKeys.self)),
                .evidence: .list(of: fields(EvidenceLine.CodingKeys.self)),
                .rounds: .list(
                    of: fields(
                        RoundLine.CodingKeys.self,
                        [
                            .scores: .list(
                                of: fields(
                                    ScoreLine.CodingKeys.self,
                                    [
                                        .likelihood: interval,
                                        .impact: impact,
                                    ])),
                            // `ranks` is keyed by the file's scenario ids: checked against them, not as a layout.
                            .rankings: .list(of: fields(RankingLine.CodingKeys.self)),
                        ])),
                .otherRisks: .list(of: fields(OtherRiskLine.CodingKeys.self, [.likelihood: interval, .impact: interval])),
                .responses: .list(
                    of: fields(
                        ResponseLine.CodingKeys.self,
                        [
                            .effects: .list(of: fields(EffectLine.CodingKeys.self)),
                            .cost: fields(CostLine.CodingKeys.self),
                            .timeframe: fields(TimeframeLine.CodingKeys.self),
                            .reviews: .list(of: fields(ReviewLine.CodingKeys.self)),
                            .overrides: .list(of: fields(OverrideLine.CodingKeys.self)),
                            .indicators: .list(of: fields(IndicatorLine.CodingKeys.self, [.actuals: .list(of: fields(ActualLine.CodingKeys.self))])),
                        ])),
                .capability: fields(
                    CapabilitySection.CodingKeys.self,
                    [
                        .assessments: .list(
                            of: fields(
                                CapabilityLine.CodingKeys.self,
                                [
                                    .evidence: .list(of: fields(CapabilityEvidenceLine.CodingKeys.self)),
                                    .answers: .list(of: fields(CriterionLine.CodingKeys.self)),
                                    .targets: .list(of: fields(TargetLine.CodingKeys.self)),
                                ]))
                    ]),
            ])

        /// The most unknown keys listed one by one (as many as the problems an import reports); the rest are only counted.
        static let listedKeys = 100

        /// Every key of `json` (as read by `JSONSerialization`) this layout does not define, with its path and, when one is
        /// close, the defined key it was probably meant to be; past ``listedKeys``, only how many more there are. A value of
        /// the wrong type is left to the decoder to report.
        func unknownFields(in json: Any) -> (listed: [FieldIssue], notListed: Int) {
            var found: [FieldIssue] = []
            var more = 0
            func visit(_ value: Any, _ layout: Layout, _ path: String) {
                switch layout {
                case .list(let item):
                    guard let array = value as? [Any] else { return }
                    for (i, element) in array.enumerated() { visit(element, item, "\(path)[\(i)]") }
                case .object(let keys, let nested, let unknown):
                    guard let object = value as? [String: Any] else { return }
                    let defined = Set(keys)
                    for key in object.keys.sorted() where !defined.contains(key) {
                        guard found.count < Self.listedKeys else {
                            more += 1
                            continue
                        }
                        let name = String(key.prefix(40))
                        let message =
                            Self.closest(to: key, among: keys).map { Message(unknown + ".suggest", ["key": $0]) }
                            ?? Message(unknown + ".list", ["keys": keys.joined(separator: ", ")])
                        found.append(FieldIssue(field: path.isEmpty ? name : "\(path).\(name)", message))
                    }
                    for key in keys {
                        if let child = object[key], let inner = nested[key] { visit(child, inner, path.isEmpty ? key : "\(path).\(key)") }
                    }
                }
            }
            visit(json, self, "")
            return (found, more)
        }

        /// The defined key a misspelt one was most likely meant to be: the nearest by edit distance (case and `-`/`_`
        /// ignored, a swap of two neighbours counting as one edit), if it is within a third of the key's length (at least one edit).
        static func closest(to key: String, among keys: [String]) -> String? {
            func normalised(_ s: String) -> [Character] { Array(s.lowercased().filter { $0 != "-" && $0 != "_" }) }
            let typed = normalised(String(key.prefix(60)))
            let best = keys.map { ($0, editDistance(typed, normalised($0))) }.min { $0.1 < $1.1 }
            guard let best, best.1 <= max(1, typed.count / 3) else { return nil }
            return best.0
        }

        /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent characters.
        static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
            if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
            var previous2 = [Int](repeating: 0, count: b.count + 1)
            var previous = Array(0...b.count)
            var current = [Int](repeating: 0, count: b.count + 1)
            for i in 1...a.count {
                current[0] = i
                for j in 1...b.count {
                    let cost = a[i - 1] == b[j - 1] ? 0 : 1
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], previous2[j - 2] + 1) }
                }
                (previous2, previous, current) = (previous, current, previous2)
            }
            return previous[b.count]
        }
    }
}

extension AssessmentImport {
    /// What the responses of a file are checked against: the method, the file's risks (by the file's ids) and agencies
    /// (file id → new id), its latest revealed round, the accounts it may name and who imports it.
    struct ResponseContext {
        var method: MethodVersion
        var stateID: String
        var risks: [String: AddressableRisk]
        var agencies: [String: String]
        var latestRevealed: Int?
        var reviewers: [String: String]
        var focalPoints: [String: String]
        var importer: String
        var now: Int64
    }

    /// The most answers one imported response may carry (far more than two full reviews of every version).
    static let reviewsPerResponse = 1_000

    /// Checks the file's responses with the same checks as the forms (``PolicyResponseDraft``, ``ReviewDraft``,
    /// ``OverrideDraft``, ``IndicatorDraft``, ``ActualDraft``), each problem at its path in the file
    /// (`responses[0].effects[1].low`), and gives them new ids. A response approved or further along keeps that status only
    /// if its reviews and overrides allow approval (``PolicyRuleViolation/checkApproval(_:checklists:override:)``).
    func planResponses(
        _ c: ResponseContext, _ v: inout Validator, makeID: () -> String
    ) -> (responses: [PolicyResponse], reviews: [CheckReview], overrides: [ReviewOverride], indicators: [Indicator]) {
        let lines = responses ?? []
        _ = Self.unique(lines.map(\.id), "responses", &v)
        if lines.count > PolicyLimits.responses { v.add("responses", "validation.import.too-many", ["max": String(PolicyLimits.responses)]) }
        let context = PolicyResponseDraft.Context(
            responseTypes: Set(c.method.items(.responseTypes).map(\.code)), risks: Array(c.risks.values), agencyIDs: Set(c.agencies.values))
        let today = CalendarDate(epochMilliseconds: c.now)
        var result: (responses: [PolicyResponse], reviews: [CheckReview], overrides: [ReviewOverride], indicators: [Indicator]) = ([], [], [], [])
        for (i, line) in lines.enumerated() {
            let path = "responses[\(i)]"
            let before = v.issues.count
            let responseID = makeID()

            // Content, through the form's checks; references to the file's risks and agencies become new ids first.
            var fields = [
                "title": line.title ?? "", "type": line.type ?? "", "description": line.description ?? "", "legalBasis": line.legalBasis ?? "",
                "tlp": line.tlp ?? "",
            ]
            var targetOrder: [String] = []
            for (j, ref) in (line.targets ?? []).enumerated() {
                guard let risk = c.risks[ref] else {
                    v.add("\(path).targets[\(j)]", "validation.import.unknown-risk", ["ref": String(ref.prefix(40))])
                    continue
                }
                fields["target." + risk.id] = "on"
                targetOrder.append(risk.id)
            }
            if let lead = line.leadAgency {
                if let id = c.agencies[lead] {
                    fields["leadAgency"] = id
                } else {
                    v.add("\(path).leadAgency", "validation.import.unknown-agency", ["agency": String(lead.prefix(40))])
                }
            }
            for (j, partner) in (line.partners ?? []).enumerated() {
                if let id = c.agencies[partner] {
                    fields["partner." + id] = "on"
                } else {
                    v.add("\(path).partners[\(j)]", "validation.import.unknown-agency", ["agency": String(partner.prefix(40))])
                }
            }
            for (j, effect) in (line.effects ?? []).enumerated() {
                let prefix = "effect.\(j + 1)."
                fields[prefix + "factor"] = effect.factor
                fields[prefix + "dimension"] = effect.dimension ?? ""
                fields[prefix + "low"] = effect.low.map { String($0) } ?? ""
                fields[prefix + "best"] = effect.best.map { String($0) } ?? ""
                fields[prefix + "high"] = effect.high.map { String($0) } ?? ""
            }
            if let cost = line.cost {
                fields["costLow"] = cost.low.map { String($0) } ?? ""
                fields["costHigh"] = cost.high.map { String($0) } ?? ""
                fields["currency"] = cost.currency ?? ""
            }
            if let timeframe = line.timeframe {
                fields["start"] = timeframe.start ?? ""
                fields["end"] = timeframe.end ?? ""
            }
            var content: PolicyResponseDraft.Content?
            do { content = try PolicyResponseDraft(fields: fields).validated(in: context) } catch {
                for issue in error.issues { v.add("\(path).\(Self.responseField(issue.field))", issue.problem) }
            }
            let status = line.status.flatMap(ResponseStatus.init(rawValue:))
            if status == nil {
                v.add("\(path).status", "validation.one-of", ["values": ResponseStatus.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            var baselineRound = status?.counts == true ? c.latestRevealed : nil
            if let given = line.baselineRound {
                if let status, !status.counts {
                    v.add("\(path).baselineRound", "validation.import.baseline-round-unapproved")
                } else if let latest = c.latestRevealed {
                    if (1...latest).contains(given) {
                        baselineRound = given
                    } else {
                        v.add("\(path).baselineRound", "validation.import.baseline-round", ["latest": String(latest)])
                    }
                } else {
                    v.add("\(path).baselineRound", "validation.import.baseline-round-none")
                }
            }

            // Reviews, overrides and indicators.
            let gateBefore = v.issues.count
            let reviews = planReviews(line.reviews ?? [], path: path, responseID: responseID, c, &v)
            let overrides = planOverrides(line.overrides ?? [], path: path, responseID: responseID, c, &v)
            let gateChecked = v.issues.count == gateBefore
            let indicators = planIndicators(line.indicators ?? [], path: path, responseID: responseID, today: today, c, &v, makeID: makeID)

            guard let content, let status else { continue }
            let position = Dictionary(targetOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            let targets = content.targets.sorted { (position[$0.riskID] ?? 0) < (position[$1.riskID] ?? 0) }.map {
                ResponseTarget(riskID: $0.riskID, kind: $0.kind, assessmentID: $0.assessmentID, baselineRound: baselineRound)
            }
            let response = PolicyResponse(
                id: responseID, stateID: c.stateID, title: content.title, type: content.type, description: content.description, targets: targets,
                effects: content.effects, leadAgencyID: content.leadAgencyID, partnerAgencyIDs: content.partnerAgencyIDs, cost: content.cost,
                timeframe: content.timeframe, legalBasis: content.legalBasis, status: status, tlp: content.tlp, methodVersion: c.method.id,
                version: 1, createdBy: c.importer, updatedBy: c.importer, updatedAt: c.now)
            // Approved or further along only if its reviews allow it, as approval in the product would.
            if status.counts && gateChecked {
                let checklists = ReviewChecklist.both(method: c.method, reviews: reviews, version: 1)
                do { try PolicyRuleViolation.checkApproval(response, checklists: checklists, override: overrides.last) } catch {
                    if case .approvalBlocked(let checks) = error {
                        v.add(
                            "\(path).status",
                            Message(
                                "validation.import.response-blocked", count: checks.count,
                                ["status": status.rawValue, "checks": checks.joined(separator: ", ")]))
                    }
                }
            }
            guard v.issues.count == before else { continue }
            result.responses.append(response)
            result.reviews += reviews
            result.overrides += overrides
            result.indicators += indicators
        }
        return result
    }

    /// A response's answers: each checked by ``ReviewDraft`` as the review form checks it, by an account that may review for
    /// the state and is not the importer (who becomes the response's author), at a time not in the future.
    func planReviews(_ lines: [ReviewLine], path: String, responseID: String, _ c: ResponseContext, _ v: inout Validator) -> [CheckReview] {
        if lines.count > Self.reviewsPerResponse {
            v.add("\(path).reviews", "validation.import.too-many", ["max": String(Self.reviewsPerResponse)])
        }
        var reviews: [CheckReview] = []
        for (j, line) in lines.enumerated() {
            let rp = "\(path).reviews[\(j)]"
            let before = v.issues.count
            let kind = ReviewKind(rawValue: line.kind)
            if kind == nil { v.add("\(rp).kind", "validation.one-of", ["values": ReviewKind.allCases.map(\.rawValue).joined(separator: ", ")]) }
            var answer: ReviewDraft.Answer?
            let status = CheckStatus(rawValue: line.status ?? "")
            if status == nil {
                v.add("\(rp).status", "validation.one-of", ["values": CheckStatus.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            if status == nil || kind == nil {
                _ = v.text(line.reasoning, field: "\(rp).reasoning", maxLength: 2000)
            } else if let kind {
                var fields = ["version": "1", "check.\(line.code).status": line.status ?? "", "check.\(line.code).reasoning": line.reasoning ?? ""]
                if let marker = line.genderMarker { fields["genderMarker"] = String(marker) }
                do { answer = try ReviewDraft(fields: fields).validated(kind: kind, method: c.method).answers.first } catch {
                    // The form names an unknown check once per field of it; the file has one code.
                    var seen = Set<String>()
                    for issue in error.issues where seen.insert(Self.reviewField(issue.field) + " " + issue.problem.key).inserted {
                        v.add("\(rp).\(Self.reviewField(issue.field))", issue.problem)
                    }
                }
            }
            // The form offers a marker only with the gender review, so a human-rights answer carrying one is refused, not dropped.
            if kind == .humanRights && line.genderMarker != nil { v.add("\(rp).genderMarker", "validation.policy.gender-marker-without-check") }
            let reviewer = c.reviewers[line.reviewer.lowercased()]
            if reviewer == nil {
                v.add("\(rp).reviewer", "validation.import.unknown-reviewer", ["reviewer": String(line.reviewer.prefix(60))])
            } else if reviewer == c.importer {
                v.add("\(rp).reviewer", "validation.import.importer-reviews", ["reviewer": String(line.reviewer.prefix(60))])
            }
            let at = Self.moment(line.reviewedAt, field: "\(rp).reviewedAt", now: c.now, &v)
            guard v.issues.count == before, let kind, let answer, let reviewer, let at else { continue }
            reviews.append(
                CheckReview(
                    responseID: responseID, kind: kind, code: answer.code, status: answer.status, reasoning: answer.reasoning,
                    genderMarker: answer.genderMarker, reviewerID: reviewer, reviewerLabel: line.reviewer.lowercased(), responseVersion: 1,
                    reviewedAt: at))
        }
        return reviews
    }

    /// A response's overrides: checks of the method, a justification of at least a sentence (``OverrideDraft``), by an
    /// account that may record overrides for the state, at a time not in the future; oldest first.
    func planOverrides(
        _ lines: [OverrideLine], path: String, responseID: String, _ c: ResponseContext, _ v: inout Validator
    ) -> [ReviewOverride] {
        if lines.count > Self.reviewsPerResponse {
            v.add("\(path).overrides", "validation.import.too-many", ["max": String(Self.reviewsPerResponse)])
        }
        let codes = Set(ReviewKind.allCases.flatMap { c.method.items($0.checks).map(\.code) })
        var overrides: [ReviewOverride] = []
        for (k, line) in lines.enumerated() {
            let op = "\(path).overrides[\(k)]"
            let before = v.issues.count
            if line.checks.isEmpty || !line.checks.allSatisfy(codes.contains) { v.add("\(op).checks", "validation.import.override-checks") }
            var justification: String?
            do {
                justification = try OverrideDraft(fields: ["version": "1", "justification": line.justification ?? ""]).validated().justification
            } catch { for issue in error.issues { v.add("\(op).\(issue.field)", issue.problem) } }
            let by = c.focalPoints[line.by.lowercased()]
            if by == nil { v.add("\(op).by", "validation.import.unknown-focal-point", ["who": String(line.by.prefix(60))]) }
            let at = Self.moment(line.at, field: "\(op).at", now: c.now, &v)
            guard v.issues.count == before, let justification, let by, let at else { continue }
            var checks: [String] = []
            for code in line.checks where !checks.contains(code) { checks.append(code) }
            overrides.append(
                ReviewOverride(
                    responseID: responseID, responseVersion: 1, checks: checks, justification: justification, byID: by,
                    byLabel: line.by.lowercased(), at: at))
        }
        // Oldest first, as they are stored: the latest is the one approval looks at.
        return overrides.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// A response's indicators (``IndicatorDraft``) with their actuals (``ActualDraft``, recorded by the importer).
    func planIndicators(
        _ lines: [IndicatorLine], path: String, responseID: String, today: CalendarDate, _ c: ResponseContext, _ v: inout Validator,
        makeID: () -> String
    ) -> [Indicator] {
        if lines.count > PolicyLimits.indicatorsPerResponse {
            v.add("\(path).indicators", "validation.import.too-many", ["max": String(PolicyLimits.indicatorsPerResponse)])
        }
        var indicators: [Indicator] = []
        for (k, line) in lines.enumerated() {
            let ip = "\(path).indicators[\(k)]"
            let indicatorID = makeID()
            var indicator: Indicator?
            do {
                indicator = try IndicatorDraft(fields: [
                    "name": line.name ?? "", "level": line.level ?? "", "unit": line.unit ?? "", "direction": line.direction ?? "",
                    "baseline": line.baseline.map { String($0) } ?? "", "baselineDate": line.baselineDate ?? "",
                    "target": line.target.map { String($0) } ?? "", "targetDate": line.targetDate ?? "",
                    "disaggregated": line.disaggregated == true ? "true" : "",
                ]).validated(id: indicatorID, responseID: responseID)
            } catch { for issue in error.issues { v.add("\(ip).\(issue.field)", issue.problem) } }
            let actualLines = line.actuals ?? []
            if actualLines.count > PolicyLimits.actualsPerIndicator {
                v.add("\(ip).actuals", "validation.import.too-many", ["max": String(PolicyLimits.actualsPerIndicator)])
            }
            var actuals: [IndicatorActual] = []
            for (a, actual) in actualLines.enumerated() {
                do {
                    actuals.append(
                        try ActualDraft(fields: [
                            "value": actual.value.map { String($0) } ?? "", "date": actual.date ?? "", "evidence": actual.evidence ?? "",
                            "reliability": actual.reliability ?? "",
                        ]).validated(id: makeID(), indicatorID: indicatorID, recordedBy: c.importer, today: today))
                } catch { for issue in error.issues { v.add("\(ip).actuals[\(a)].\(issue.field)", issue.problem) } }
            }
            guard var indicator else { continue }
            indicator.actuals = actuals
            indicators.append(indicator)
        }
        return indicators
    }

    /// Where a problem of ``PolicyResponseDraft`` (named by the form's fields) lies in a response of the file.
    static func responseField(_ field: String) -> String {
        switch field {
        case "costLow": return "cost.low"
        case "costHigh": return "cost.high"
        case "currency": return "cost.currency"
        case "start": return "timeframe.start"
        case "end": return "timeframe.end"
        default:
            let parts = field.split(separator: ".")
            if parts.count == 3, parts[0] == "effect", let n = Int(parts[1]) { return "effects[\(n - 1)].\(parts[2])" }
            return field
        }
    }

    /// Where a problem of ``ReviewDraft`` (named by the form's fields) lies in one answer of the file.
    static func reviewField(_ field: String) -> String {
        if field == "checks" { return "code" }
        if field.hasPrefix("check."), let last = field.split(separator: ".").last { return String(last) }
        return field
    }

    /// A moment written as an ISO 8601 date and time (`2026-03-02T09:30:00Z`, `…:00.250+01:00`; seconds may be left out)
    /// or as a date (midnight UTC), in epoch milliseconds; nil for anything else.
    static func epochMilliseconds(_ text: String) -> Int64? {
        let text = text.trimmingWhitespace()
        if let date = CalendarDate(text) { return date.epochMilliseconds }
        let parts = text.split(separator: "T", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let date = CalendarDate(String(parts[0])) else { return nil }
        var time = Substring(parts[1])
        var offsetMinutes = 0
        if time.hasSuffix("Z") || time.hasSuffix("z") {
            time = time.dropLast()
        } else if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = time[time.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            guard zone.count == 2, zone.allSatisfy({ Self.isDigits($0, count: 2) }), let h = Int(zone[0]), let m = Int(zone[1]), h <= 23, m <= 59
            else { return nil }
            offsetMinutes = (h * 60 + m) * (time[sign] == "-" ? -1 : 1)
            time = time[..<sign]
        } else {
            return nil
        }
        let fields = time.split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2 || fields.count == 3, isDigits(fields[0], count: 2), isDigits(fields[1], count: 2), let hour = Int(fields[0]),
            let minute = Int(fields[1]), hour <= 23, minute <= 59
        else { return nil }
        var millis = 0
        if fields.count == 3 {
            let seconds = fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard isDigits(seconds[0], count: 2), let s = Int(seconds[0]), s <= 59 else { return nil }
            millis = s * 1000
            if seconds.count == 2 {
                let digits = seconds[1]
                guard (1...9).contains(digits.count), isDigits(digits, count: digits.count) else { return nil }
                millis += Int(String((digits + "00").prefix(3))) ?? 0
            }
        }
        return date.epochMilliseconds + Int64(((hour * 60 + minute - offsetMinutes) * 60) * 1000 + millis)
    }

    static func isDigits(_ text: Substring, count: Int) -> Bool {
        text.count == count && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A moment as the export writes it: UTC, seconds always, milliseconds when there are any (`2026-03-02T09:30:00Z`).
    static func timestamp(_ ms: Int64) -> String {
        let day = CalendarDate(epochMilliseconds: ms)
        let within = Int(ms - day.epochMilliseconds)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        let seconds = within / 1000
        var text = "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
        if within % 1000 != 0 { text += "." + String(String(within % 1000 + 1000).dropFirst()) }
        return text + "Z"
    }

    /// A required moment of the file, not after `now`; nil (with the problem recorded at `field`) otherwise.
    static func moment(_ text: String?, field: String, now: Int64, _ v: inout Validator) -> Int64? {
        guard let ms = epochMilliseconds(text ?? "") else {
            v.add(field, "validation.import.time")
            return nil
        }
        guard ms <= now else {
            v.add(field, "validation.policy.future-date")
            return nil
        }
        return ms
    }
}

extension AssessmentImport {
    /// An assessment as it stands, with the state's policy responses that address it: what ``init(exporting:)`` writes.
    public struct Export: Sendable {
        public var assessment: Assessment
        public var agencies: [Agency]
        public var raci: [RaciAssignment]
        public var horizonScan: [HorizonScanEntry]
        public var scenarios: [ThreatScenario]
        public var evidence: [EvidenceItem]
        /// Every round, 1 first.
        public var rounds: [ScoringRound]
        /// Every score of every round, workshop participants' too.
        public var scores: [ScenarioScore]
        /// Every workshop ranking of every round.
        public var rankings: [WorkshopRanking] = []
        public var otherRisks: [OtherRisk]
        /// The state's responses (those addressing none of the assessment's risks are left out), with every answer,
        /// override and indicator recorded for them.
        public var responses: [PolicyResponse]
        public var reviews: [CheckReview]
        public var overrides: [ReviewOverride]
        public var indicators: [Indicator]
        /// The e-mail of each account named (assessors, reviewers, focal points who overrode), by account id.
        public var emails: [String: String]
        /// The state's capability assessments linked to this assessment, with their evidence, answers and targets.
        public var capabilityAssessments: [CapabilityAssessment] = []
        public var capabilityEvidence: [CapabilityEvidence] = []
        public var criterionRecords: [CriterionRecord] = []
        public var capabilityTargets: [CapabilityTarget] = []

        public init(
            assessment: Assessment, agencies: [Agency], raci: [RaciAssignment], horizonScan: [HorizonScanEntry], scenarios: [ThreatScenario],
            evidence: [EvidenceItem], rounds: [ScoringRound], scores: [ScenarioScore], otherRisks: [OtherRisk], responses: [PolicyResponse],
            reviews: [CheckReview], overrides: [ReviewOverride], indicators: [Indicator], emails: [String: String]
        ) {
            self.assessment = assessment
            self.agencies = agencies
            self.raci = raci
            self.horizonScan = horizonScan
            self.scenarios = scenarios
            self.evidence = evidence
            self.rounds = rounds
            self.scores = scores
            self.otherRisks = otherRisks
            self.responses = responses
            self.reviews = reviews
            self.overrides = overrides
            self.indicators = indicators
            self.emails = emails
        }
    }

    /// The file of an assessment, so that importing it gives the same assessment again (with new ids): the records' ids
    /// are the file's ids, accounts are named by e-mail. A response is written with the targets, lead agency and partners
    /// that belong to this assessment (others are not in the file), with the answers and overrides about its current
    /// version (older ones no longer count) and its baseline round when it is approved or further along.
    public init(exporting e: Export) {
        func email(_ id: String, _ label: String) -> String { e.emails[id] ?? label }
        func text(_ s: String) -> String? { s.isEmpty ? nil : s }
        func interval(_ u: UncertainEstimate) -> Interval { Interval(low: u.low, best: u.best, high: u.high) }
        let a = e.assessment
        format = Self.format
        assessment = Header(title: a.title, period: a.period, horizonYears: a.horizonYears, tlp: a.tlp.rawValue, methodVersion: a.methodVersion)
        agencies = e.agencies.map { AgencyLine(id: $0.id, name: $0.name, kind: $0.kind.rawValue, mandate: text($0.mandate)) }
        raci = e.raci.map { RaciLine(activity: $0.activity.rawValue, agency: $0.agencyID, role: $0.role.rawValue) }
        horizonScan = e.horizonScan.map {
            ScanLine(technology: $0.technology, stage: $0.stage.rawValue, trend: $0.trend.rawValue, notes: text($0.notes))
        }
        scenarios = e.scenarios.map {
            ScenarioLine(
                id: $0.id, title: $0.title, narrative: $0.narrative, actorType: $0.actorType, technologies: $0.technologies, purposes: $0.purposes,
                targetSector: text($0.targetSector), horizonYears: $0.horizonYears)
        }
        evidence = e.evidence.map {
            EvidenceLine(
                id: $0.id, subject: $0.subject.kind, ref: $0.subject.reference, summary: $0.summary, source: $0.source,
                reliability: $0.reliability.rawValue, credibility: $0.credibility.rawValue, observedOn: text($0.observedOn))
        }
        rounds = e.rounds.sorted { $0.number < $1.number }.map { round in
            RoundLine(
                number: round.number, status: round.status.rawValue,
                scores: e.scores.filter { $0.round == round.number }.map {
                    ScoreLine(
                        scenario: $0.scenarioID, assessor: email($0.assessorID, $0.assessorID), intent: $0.intent,
                        actorCapability: $0.actorCapability,
                        technologyAccessibility: $0.technologyAccessibility, opportunity: $0.opportunity, likelihood: interval($0.likelihood),
                        impact: Dictionary(uniqueKeysWithValues: $0.impact.map { ($0.key.rawValue, $0.value) }), confidence: $0.confidence.rawValue,
                        rationale: text($0.rationale))
                },
                rankings: e.rankings.filter { $0.round == round.number }.map {
                    RankingLine(ranker: $0.ranker, ranks: $0.ranks, limit: $0.limit == 0 ? nil : $0.limit)
                }.nilIfEmpty)
        }
        otherRisks = e.otherRisks.map {
            OtherRiskLine(
                id: $0.id, title: $0.title, family: $0.family, likelihood: interval($0.likelihood), impact: interval($0.impact),
                confidence: $0.confidence.rawValue)
        }
        let agencyIDs = Set(e.agencies.map(\.id))
        let lines: [ResponseLine] = e.responses.compactMap { r in
            let targets = r.targets.filter { $0.assessmentID == a.id }
            guard !targets.isEmpty else { return nil }
            let reviews = e.reviews.filter { $0.responseID == r.id && $0.responseVersion == r.version }
                .enumerated().sorted { ($0.element.reviewedAt, $0.offset) < ($1.element.reviewedAt, $1.offset) }.map(\.element)
            let overrides = e.overrides.filter { $0.responseID == r.id && $0.responseVersion == r.version }
                .enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
            let indicators = e.indicators.filter { $0.responseID == r.id }
            return ResponseLine(
                id: r.id, title: r.title, type: r.type, description: text(r.description), targets: targets.map(\.riskID),
                effects: r.effects.map {
                    EffectLine(factor: $0.factor.rawValue, dimension: $0.dimension?.rawValue, low: $0.low, best: $0.best, high: $0.high)
                },
                leadAgency: r.leadAgencyID.flatMap { agencyIDs.contains($0) ? $0 : nil },
                partners: r.partnerAgencyIDs.filter(agencyIDs.contains).nilIfEmpty,
                cost: r.cost.map { CostLine(low: $0.low, high: $0.high, currency: $0.currency) },
                timeframe: r.timeframe.map { TimeframeLine(start: $0.start.description, end: $0.end.description) }, legalBasis: text(r.legalBasis),
                tlp: r.tlp.rawValue, status: r.status.rawValue,
                baselineRound: r.status.counts ? targets.compactMap(\.baselineRound).first : nil,
                reviews: reviews.map {
                    ReviewLine(
                        kind: $0.kind.rawValue, code: $0.code, status: $0.status.rawValue, reasoning: $0.reasoning, genderMarker: $0.genderMarker,
                        reviewer: email($0.reviewerID, $0.reviewerLabel), reviewedAt: Self.timestamp($0.reviewedAt))
                }.nilIfEmpty,
                overrides: overrides.map {
                    OverrideLine(checks: $0.checks, justification: $0.justification, by: email($0.byID, $0.byLabel), at: Self.timestamp($0.at))
                }.nilIfEmpty,
                indicators: indicators.map { i in
                    IndicatorLine(
                        name: i.name, level: i.level.rawValue, unit: i.unit, direction: i.direction.rawValue, baseline: i.baseline,
                        baselineDate: i.baselineDate.description, target: i.target, targetDate: i.targetDate.description,
                        disaggregated: i.disaggregated ? true : nil,
                        actuals: i.actuals.map {
                            ActualLine(value: $0.value, date: $0.date.description, evidence: $0.evidence, reliability: $0.reliability.rawValue)
                        }.nilIfEmpty)
                }.nilIfEmpty)
        }
        responses = lines.isEmpty ? nil : lines
        capability = CapabilitySection(
            exporting: Self.linked(e.capabilityAssessments, to: a.id), evidence: e.capabilityEvidence,
            answers: e.criterionRecords, targets: e.capabilityTargets, agencies: agencyIDs)
    }

    /// The capability assessments that take their threat relevance from `assessmentID`, with those they validate or follow
    /// and those that validate or follow them, so that every link in the file names an assessment in the file.
    public static func linked(_ all: [CapabilityAssessment], to assessmentID: String) -> [CapabilityAssessment] {
        var included = Set(all.filter { $0.registerAssessmentID == assessmentID }.map(\.id))
        var changed = !included.isEmpty
        while changed {
            changed = false
            for c in all where !included.contains(c.id) {
                let linksIn = [c.validates, c.baselineID].contains { $0.map(included.contains) ?? false }
                let linkedTo = all.contains { included.contains($0.id) && ($0.validates == c.id || $0.baselineID == c.id) }
                if linksIn || linkedTo {
                    included.insert(c.id)
                    changed = true
                }
            }
        }
        return all.filter { included.contains($0.id) }
    }

    /// The file's bytes: indented JSON with sorted keys, so the same assessment always gives the same file.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

extension Array {
    /// nil for an empty array, so an optional list of the file is left out rather than written empty.
    fileprivate var nilIfEmpty: [Element]? { isEmpty ? nil : self }
}
