/// Impact dimensions, kept separate until display (DOMAIN.md §4).
public enum ImpactDimension: String, Sendable, Codable, CaseIterable {
    case fatalities, economic
    case essentialServices = "essential-services"
    case societal
    case publicConfidence = "public-confidence"
    case international
    case humanRights = "human-rights"

    public var label: String {
        switch self {
        case .fatalities: "Fatalities and injuries"
        case .economic: "Economic"
        case .essentialServices: "Essential services"
        case .societal: "Societal / psychological"
        case .publicConfidence: "Public confidence / political"
        case .international: "International"
        case .humanRights: "Human rights and social cohesion"
        }
    }
}

/// Analytic confidence of an estimate.
public enum Confidence: String, Sendable, Codable, CaseIterable {
    case low, moderate, high
}

/// One assessor's score of one scenario in one round. Every individual input is kept.
public struct ScenarioScore: Sendable, Hashable, Codable {
    public var scenarioID: String
    public var round: Int
    public var assessorID: String
    public var intent: Int
    public var actorCapability: Int
    public var technologyAccessibility: Int
    public var opportunity: Int
    public var likelihood: UncertainEstimate
    public var impact: [ImpactDimension: Int]
    public var confidence: Confidence
    public var rationale: String

    public init(
        scenarioID: String, round: Int, assessorID: String, intent: Int, actorCapability: Int, technologyAccessibility: Int, opportunity: Int,
        likelihood: UncertainEstimate, impact: [ImpactDimension: Int], confidence: Confidence, rationale: String
    ) {
        self.scenarioID = scenarioID
        self.round = round
        self.assessorID = assessorID
        self.intent = intent
        self.actorCapability = actorCapability
        self.technologyAccessibility = technologyAccessibility
        self.opportunity = opportunity
        self.likelihood = likelihood
        self.impact = impact
        self.confidence = confidence
        self.rationale = rationale
    }

    /// This assessor's own I × C (DOMAIN.md §4: the round's threat is the median of these).
    public var threat: Int { intent * min(actorCapability, technologyAccessibility) }

    /// Impact combined by the maximum over dimensions (the default; weights per state come later).
    public var combinedImpact: Int { impact.values.max() ?? 1 }
}

/// The fields of a score form or API body, as text, checked all at once.
public struct ScoreDraft: Sendable, Hashable {
    public var fields: [String: String]
    /// Impact dimensions a typed draft named that the method does not have.
    var unknownImpact: [String] = []

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(scenarioID: String, round: Int, assessorID: String) throws(ValidationFailure) -> ScenarioScore {
        var v = Validator()
        for key in unknownImpact { v.add("impact", "\(key.prefix(30)) is not an impact dimension") }
        func factor(_ name: String) -> Int {
            guard let value = fields[name].flatMap({ Int($0.trimmingWhitespace()) }), (1...5).contains(value) else {
                v.add(name, "must be a whole number from 1 to 5")
                return 1
            }
            return value
        }
        let intent = factor("intent")
        let actor = factor("actorCapability")
        let access = factor("technologyAccessibility")
        let opportunity = factor("opportunity")
        var impact: [ImpactDimension: Int] = [:]
        for dimension in ImpactDimension.allCases { impact[dimension] = factor("impact.\(dimension.rawValue)") }
        func probability(_ name: String) -> Double {
            guard let value = fields[name].flatMap({ Double($0.trimmingWhitespace()) }), value.isFinite, (0...1).contains(value) else {
                v.add(name, "must be a probability from 0 to 1")
                return 0
            }
            return value
        }
        let low = probability("likelihoodLow")
        let best = probability("likelihoodBest")
        let high = probability("likelihoodHigh")
        var likelihood: UncertainEstimate?
        do { likelihood = try UncertainEstimate(low: low, best: best, high: high, within: 0...1) } catch {
            if v.issues.allSatisfy({ !$0.field.hasPrefix("likelihood") }) { v.add("likelihood", error.issues.first?.message ?? "is not valid") }
        }
        let confidence = Confidence(rawValue: fields["confidence"] ?? "")
        if confidence == nil { v.add("confidence", "must be low, moderate or high") }
        let rationale = v.text(fields["rationale"], field: "rationale", required: false, maxLength: 5_000) ?? ""
        try v.check()
        guard let likelihood, let confidence else { throw ValidationFailure(field: "likelihood", "is not valid") }
        return ScenarioScore(
            scenarioID: scenarioID, round: round, assessorID: assessorID, intent: intent, actorCapability: actor, technologyAccessibility: access,
            opportunity: opportunity, likelihood: likelihood, impact: impact, confidence: confidence, rationale: rationale)
    }
}

/// Who sees which scores: in an open or closed round nobody sees anyone else's; once revealed, everyone sees the spread
/// and the rationales with assessors anonymised as "Assessor 1", "Assessor 2"… (stable within a round for one viewer).
public enum ScoreVisibility {
    public struct Shown: Sendable, Hashable {
        public let label: String
        public let score: ScenarioScore
        public let isOwn: Bool
    }

    public static func visible(_ scores: [ScenarioScore], round: ScoringRound, viewerID: String) -> [Shown] {
        let inRound = scores.filter { $0.round == round.number }
        guard round.status == .revealed else {
            return inRound.filter { $0.assessorID == viewerID }.map { Shown(label: "You", score: $0, isOwn: true) }
        }
        // Peers are numbered 1…n in an order no one can relate to names; the viewer is "You" and takes no number.
        let assessors = Array(Set(inRound.map(\.assessorID)).subtracting([viewerID])).sorted {
            Identifier.sha256Hex($0 + "#\(round.number)") < Identifier.sha256Hex($1 + "#\(round.number)")
        }
        let numbers = Dictionary(uniqueKeysWithValues: assessors.enumerated().map { ($1, $0 + 1) })
        return inRound.map { score in
            let own = score.assessorID == viewerID
            var shown = score
            if !own { shown.assessorID = "" }
            return Shown(label: own ? "You" : "Assessor \(numbers[score.assessorID] ?? 0)", score: shown, isOwn: own)
        }
        .sorted { $0.label < $1.label }
    }

    /// Whether a score may be submitted now.
    public static func canScore(_ round: ScoringRound) -> Bool { round.status == .open }
}

extension ScoreDraft {
    /// A draft from typed values (the API's body); `impact` is keyed by dimension code. An unknown dimension is kept so
    /// that validation names it.
    public init(
        intent: Int, actorCapability: Int, technologyAccessibility: Int, opportunity: Int, likelihood: (low: Double, best: Double, high: Double),
        impact: [String: Int], confidence: String, rationale: String?
    ) {
        var fields: [String: String] = [
            "intent": String(intent), "actorCapability": String(actorCapability), "technologyAccessibility": String(technologyAccessibility),
            "opportunity": String(opportunity), "likelihoodLow": String(likelihood.low), "likelihoodBest": String(likelihood.best),
            "likelihoodHigh": String(likelihood.high), "confidence": confidence, "rationale": rationale ?? "",
        ]
        for (key, value) in impact { fields["impact.\(key)"] = String(value) }
        self.init(fields: fields)
        unknownImpact = impact.keys.filter { ImpactDimension(rawValue: $0) == nil }.sorted()
    }
}
