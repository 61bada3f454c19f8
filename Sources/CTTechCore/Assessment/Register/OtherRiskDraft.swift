/// What a focal point submits for another national risk.
public struct OtherRiskDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String) throws(ValidationFailure) -> OtherRisk {
        var v = Validator()
        let title = v.text(fields["title"], field: "title", maxLength: 200)
        let family = v.text(fields["family"], field: "family", maxLength: 100)
        func number(_ name: String, _ bounds: ClosedRange<Double>) -> Double {
            guard let value = fields[name].flatMap({ Double($0.trimmingWhitespace()) }), value.isFinite, bounds.contains(value) else {
                v.add(name, "validation.number-from-to", ["min": format(bounds.lowerBound), "max": format(bounds.upperBound)])
                return bounds.lowerBound
            }
            return value
        }
        func probability(_ name: String) -> Double {
            guard let value = ProbabilityText.parse(fields[name]) else {
                v.add(name, "validation.probability")
                return 0
            }
            return value
        }
        let l = (probability("likelihoodLow"), probability("likelihoodBest"), probability("likelihoodHigh"))
        let i = (number("impactLow", 1...5), number("impactBest", 1...5), number("impactHigh", 1...5))
        let confidence = Confidence(rawValue: fields["confidence"] ?? "")
        if confidence == nil { v.add("confidence", "validation.confidence") }
        var likelihood: UncertainEstimate?
        var impact: UncertainEstimate?
        if v.issues.isEmpty {
            do { likelihood = try UncertainEstimate(low: l.0, best: l.1, high: l.2, within: 0...1) } catch {
                v.add("likelihood", error.issues.first?.problem ?? "validation.not-valid")
            }
            do { impact = try UncertainEstimate(low: i.0, best: i.1, high: i.2, within: 1...5) } catch {
                v.add("impact", error.issues.first?.problem ?? "validation.not-valid")
            }
        }
        try v.check()
        guard let likelihood, let impact, let confidence else { throw ValidationFailure(field: "likelihood", "validation.not-valid") }
        return OtherRisk(id: id, title: title ?? "", family: family ?? "", likelihood: likelihood, impact: impact, confidence: confidence)
    }

    private func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }
}

extension OtherRiskDraft {
    /// A draft from typed values (the API's body).
    public init(
        title: String, family: String, confidence: String, likelihood: (low: Double, best: Double, high: Double),
        impact: (low: Double, best: Double, high: Double)
    ) {
        self.init(fields: [
            "title": title, "family": family, "confidence": confidence, "likelihoodLow": String(likelihood.low),
            "likelihoodBest": String(likelihood.best), "likelihoodHigh": String(likelihood.high), "impactLow": String(impact.low),
            "impactBest": String(impact.best), "impactHigh": String(impact.high),
        ])
    }
}
