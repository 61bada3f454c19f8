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
        for key in unknownImpact { v.add("impact", "validation.not-an-impact-dimension", ["code": String(key.prefix(30))]) }
        func factor(_ name: String) -> Int {
            guard let value = fields[name].flatMap({ Int($0.trimmingWhitespace()) }), (1...5).contains(value) else {
                v.add(name, "validation.factor-score")
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
            guard let value = ProbabilityText.parse(fields[name]) else {
                v.add(name, "validation.probability")
                return 0
            }
            return value
        }
        let low = probability("likelihoodLow")
        let best = probability("likelihoodBest")
        let high = probability("likelihoodHigh")
        var likelihood: UncertainEstimate?
        do { likelihood = try UncertainEstimate(low: low, best: best, high: high, within: 0...1) } catch {
            if v.issues.allSatisfy({ !$0.field.hasPrefix("likelihood") }) {
                v.add("likelihood", error.issues.first?.problem ?? "validation.not-valid")
            }
        }
        let confidence = Confidence(rawValue: fields["confidence"] ?? "")
        if confidence == nil { v.add("confidence", "validation.confidence") }
        let rationale = v.text(fields["rationale"], field: "rationale", required: false, maxLength: 5_000) ?? ""
        try v.check()
        guard let likelihood, let confidence else { throw ValidationFailure(field: "likelihood", "validation.not-valid") }
        return ScenarioScore(
            scenarioID: scenarioID, round: round, assessorID: assessorID, intent: intent, actorCapability: actor, technologyAccessibility: access,
            opportunity: opportunity, likelihood: likelihood, impact: impact, confidence: confidence, rationale: rationale)
    }
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
