import Foundation

/// The documented JSON format for importing a whole assessment (`docs/import-format.md`, `docs/assessment-import.schema.json`).
/// Ids in the file are the file's own: they only tie its parts together and are replaced by new ids on import, so the
/// same file can be imported twice. Assessors are named by the e-mail address of their account.
public struct AssessmentImport: Sendable, Decodable {
    public static let format = "cttech.assessment/1"
    /// The largest file accepted (API, web upload and CLI alike).
    public static let maxBytes = 16 * 1024 * 1024

    public struct Header: Sendable, Decodable {
        public var title: String?
        public var period: String?
        public var horizonYears: Int?
        public var tlp: String?
        public var methodVersion: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case title, period, horizonYears, tlp, methodVersion }
    }

    public struct AgencyLine: Sendable, Decodable {
        public var id: String
        public var name: String?
        public var kind: String?
        public var mandate: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, name, kind, mandate }
    }

    public struct RaciLine: Sendable, Decodable {
        public var activity: String
        public var agency: String
        public var role: String

        enum CodingKeys: String, CodingKey, CaseIterable { case activity, agency, role }
    }

    public struct ScanLine: Sendable, Decodable {
        public var technology: String
        public var stage: String?
        public var trend: String?
        public var notes: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case technology, stage, trend, notes }
    }

    public struct ScenarioLine: Sendable, Decodable {
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

    public struct EvidenceLine: Sendable, Decodable {
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

    public struct Interval: Sendable, Decodable {
        public var low: Double?
        public var best: Double?
        public var high: Double?

        enum CodingKeys: String, CodingKey, CaseIterable { case low, best, high }
    }

    public struct ScoreLine: Sendable, Decodable {
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

    public struct RoundLine: Sendable, Decodable {
        public var number: Int
        public var status: String
        public var scores: [ScoreLine]

        enum CodingKeys: String, CodingKey, CaseIterable { case number, status, scores }
    }

    public struct OtherRiskLine: Sendable, Decodable {
        public var id: String
        public var title: String?
        public var family: String?
        public var likelihood: Interval?
        public var impact: Interval?
        public var confidence: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, title, family, likelihood, impact, confidence }
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
    /// Keys of the file the format does not define, each at its path; ``decode(_:)`` finds them and ``plan(stateID:method:assessors:makeID:)``
    /// reports them first, with every other problem of the file.
    public internal(set) var unknownFields: [FieldIssue] = []
    /// How many more unknown keys the file has than ``unknownFields`` lists.
    var unknownFieldsNotListed = 0

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, assessment, agencies, raci, horizonScan, scenarios, evidence, rounds, otherRisks
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
        public var scores: [ScenarioScore]
        public var otherRisks: [OtherRisk]
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

    /// Checks every part against the method version and the state's assessors (e-mail → account id) and builds the plan.
    /// All problems are collected (up to 100) before anything is refused.
    public func plan(
        stateID: String, method: MethodVersion, assessors: [String: String], makeID: () -> String
    ) throws(ValidationFailure) -> Plan {
        var v = Validator()
        for issue in unknownFields { v.add(issue.field, issue.problem) }
        func merge(_ prefix: String, _ failure: ValidationFailure) {
            for issue in failure.issues { v.add("\(prefix).\(issue.field)", issue.problem) }
        }
        func unique(_ ids: [String], _ path: String) -> Set<String> {
            var seen = Set<String>()
            for (i, id) in ids.enumerated() {
                if id.isEmpty || id.count > 100 { v.add("\(path)[\(i)].id", "validation.import.id-length") }
                if !seen.insert(id).inserted { v.add("\(path)[\(i)].id", "validation.import.id-twice", ["id": String(id.prefix(40))]) }
            }
            return seen
        }

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
        var newAgencies: [Agency] = []
        for (i, line) in agencyLines.enumerated() {
            do {
                let agency = try AgencyDraft(fields: ["name": line.name ?? "", "kind": line.kind ?? "", "mandate": line.mandate ?? ""])
                    .validated(id: makeID())
                agencyIDs[line.id] = agency.id
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
                guard let assessor = assessors[score.assessor.lowercased()] else {
                    v.add("\(path).assessor", "validation.import.unknown-assessor", ["assessor": String(score.assessor.prefix(60))])
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
        }
        if newRounds.isEmpty { newRounds = [ScoringRound(number: 1, status: .open)] }

        // Step 4
        let riskLines = otherRisks ?? []
        _ = unique(riskLines.map(\.id), "otherRisks")
        var newRisks: [OtherRisk] = []
        for (i, line) in riskLines.enumerated() {
            let fields: [String: String] = [
                "title": line.title ?? "", "family": line.family ?? "", "confidence": line.confidence ?? "",
                "likelihoodLow": line.likelihood?.low.map { String($0) } ?? "", "likelihoodBest": line.likelihood?.best.map { String($0) } ?? "",
                "likelihoodHigh": line.likelihood?.high.map { String($0) } ?? "", "impactLow": line.impact?.low.map { String($0) } ?? "",
                "impactBest": line.impact?.best.map { String($0) } ?? "", "impactHigh": line.impact?.high.map { String($0) } ?? "",
            ]
            do { newRisks.append(try OtherRiskDraft(fields: fields).validated(id: makeID())) } catch { merge("otherRisks[\(i)]", error) }
        }
        let count = v.issues.count + unknownFieldsNotListed
        if count > 100 {
            throw ValidationFailure(
                Array(v.issues.prefix(100)) + [FieldIssue(field: "file", Message("validation.import.more-problems", count: count - 100))])
        }
        try v.check()
        return Plan(
            assessment: result, agencies: newAgencies, raci: raciCells, horizonScan: scan, scenarios: newScenarios, evidence: newEvidence,
            rounds: newRounds, scores: newScores, otherRisks: newRisks)
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
                                    ]))
                        ])),
                .otherRisks: .list(of: fields(OtherRiskLine.CodingKeys.self, [.likelihood: interval, .impact: interval])),
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
