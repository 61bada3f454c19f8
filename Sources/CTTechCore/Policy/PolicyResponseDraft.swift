/// What a policy maker submits for a response, as typed. The form names targets `target.<risk id>`, partners
/// `partner.<agency id>` and effects in numbered rows `effect.<n>.factor|dimension|low|best|high` (n = 1…``effectRows``);
/// a row left wholly empty is ignored.
public struct PolicyResponseDraft: Sendable, Hashable {
    public var fields: [String: String]

    /// How many effect rows the form offers.
    public static let effectRows = 6

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// What the checks need to know about the state: the method's response types, the risks a response may address and
    /// the agencies of step 1.
    public struct Context: Sendable {
        public var responseTypes: Set<String>
        public var risks: [AddressableRisk]
        public var agencyIDs: Set<String>

        public init(responseTypes: Set<String>, risks: [AddressableRisk], agencyIDs: Set<String>) {
            self.responseTypes = responseTypes
            self.risks = risks
            self.agencyIDs = agencyIDs
        }
    }

    /// The content of a response, checked whole: every problem at once, each named by its field. Targets must be risks
    /// of the state (a foreign or unknown id is refused, never ignored); reductions are percentages 0–100 with
    /// low ≤ best ≤ high; a cost needs low ≤ high and a currency; an end date is not before the start.
    public func validated(in context: Context) throws(ValidationFailure) -> Content {
        var v = Validator()
        let title = v.text(fields["title"], field: "title", maxLength: 200)
        let type = (fields["type"] ?? "").trimmingWhitespace()
        if !context.responseTypes.contains(type) { v.add("type", "validation.policy.type") }
        let description = v.text(fields["description"], field: "description", required: false, maxLength: 4000) ?? ""
        let legalBasis = v.text(fields["legalBasis"], field: "legalBasis", required: false, maxLength: 2000) ?? ""
        let tlp = TLP(rawValue: fields["tlp"] ?? "")
        if tlp == nil { v.add("tlp", "validation.one-of", ["values": TLP.allCases.map(\.rawValue).joined(separator: ", ")]) }

        let byID = Dictionary(context.risks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var targets: [ResponseTarget] = []
        var unknownTarget = false
        for key in fields.keys.sorted() where key.hasPrefix("target.") && isOn(fields[key]) {
            let id = String(key.dropFirst("target.".count))
            guard let risk = byID[id] else {
                unknownTarget = true
                continue
            }
            targets.append(ResponseTarget(riskID: risk.id, kind: risk.kind, assessmentID: risk.assessmentID))
        }
        if unknownTarget { v.add("targets", "validation.policy.target-unknown") }
        if targets.count > 200 { v.add("targets", "validation.policy.too-many-targets", ["max": "200"]) }

        var effects: [DeclaredEffect] = []
        for n in 1...Self.effectRows {
            if let effect = effectRow(n, validator: &v) { effects.append(effect) }
        }
        if fields.keys.contains(where: { $0.hasPrefix("effect.\(Self.effectRows + 1).") }) {
            v.add("effects", "validation.policy.too-many-effects", ["max": String(Self.effectRows)])
        }

        let lead = (fields["leadAgency"] ?? "").trimmingWhitespace()
        if !lead.isEmpty && !context.agencyIDs.contains(lead) { v.add("leadAgency", "validation.policy.agency-unknown") }
        var partners: [String] = []
        for key in fields.keys.sorted() where key.hasPrefix("partner.") && isOn(fields[key]) {
            let id = String(key.dropFirst("partner.".count))
            if context.agencyIDs.contains(id) { partners.append(id) } else { v.add("partners", "validation.policy.agency-unknown") }
        }

        let cost = v.costRange(fields)
        let timeframe = v.timeframe(fields)
        try v.check()
        return Content(
            title: title ?? "", type: type, description: description, targets: targets, effects: effects,
            leadAgencyID: lead.isEmpty ? nil : lead, partnerAgencyIDs: partners.filter { $0 != lead }, cost: cost, timeframe: timeframe,
            legalBasis: legalBasis, tlp: tlp ?? .amber)
    }

    /// A response's content as checked.
    public struct Content: Sendable, Hashable {
        public var title: String
        public var type: String
        public var description: String
        public var targets: [ResponseTarget]
        public var effects: [DeclaredEffect]
        public var leadAgencyID: String?
        public var partnerAgencyIDs: [String]
        public var cost: CostRange?
        public var timeframe: Timeframe?
        public var legalBasis: String
        public var tlp: TLP
    }

    private func isOn(_ value: String?) -> Bool {
        guard let value = value?.trimmingWhitespace().lowercased() else { return false }
        return value == "on" || value == "yes" || value == "true" || value == "1"
    }

    private func effectRow(_ n: Int, validator v: inout Validator) -> DeclaredEffect? {
        let prefix = "effect.\(n)."
        let factorText = (fields[prefix + "factor"] ?? "").trimmingWhitespace()
        let dimensionText = (fields[prefix + "dimension"] ?? "").trimmingWhitespace()
        let numbers = ["low", "best", "high"].map { (fields[prefix + $0] ?? "").trimmingWhitespace() }
        if factorText.isEmpty && numbers.allSatisfy(\.isEmpty) { return nil }
        var problem = false
        let factor = EffectFactor(rawValue: factorText)
        if factor == nil {
            v.add(prefix + "factor", "validation.policy.factor")
            problem = true
        }
        var dimension: ImpactDimension?
        if !dimensionText.isEmpty {
            dimension = ImpactDimension(rawValue: dimensionText)
            if dimension == nil || factor != .impact {
                v.add(prefix + "dimension", "validation.policy.dimension")
                problem = true
            }
        }
        var values: [Double] = []
        for (name, text) in zip(["low", "best", "high"], numbers) {
            guard let value = Double(text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "").trimmingWhitespace()),
                value.isFinite, value >= 0, value <= 100
            else {
                v.add(prefix + name, "validation.policy.percent")
                problem = true
                continue
            }
            values.append(value)
        }
        if !problem {
            if values[0] > values[1] {
                v.add(prefix + "low", "validation.estimate.low-above-best")
                problem = true
            } else if values[1] > values[2] {
                v.add(prefix + "high", "validation.estimate.best-above-high")
                problem = true
            }
        }
        guard !problem, let factor else { return nil }
        return DeclaredEffect(factor: factor, dimension: dimension, low: values[0], best: values[1], high: values[2])
    }
}

extension PolicyResponseDraft {
    /// A draft from typed values (the API's body and the import), filling the same fields the form does.
    public init(
        title: String, type: String, description: String, targets: [String], effects: [DeclaredEffect], leadAgencyID: String?,
        partnerAgencyIDs: [String], cost: CostRange?, timeframe: (start: String, end: String)?, legalBasis: String, tlp: String
    ) {
        var fields = ["title": title, "type": type, "description": description, "legalBasis": legalBasis, "tlp": tlp]
        for id in targets { fields["target." + id] = "on" }
        for id in partnerAgencyIDs { fields["partner." + id] = "on" }
        if let leadAgencyID { fields["leadAgency"] = leadAgencyID }
        for (index, effect) in effects.enumerated() {
            let prefix = "effect.\(index + 1)."
            fields[prefix + "factor"] = effect.factor.rawValue
            fields[prefix + "dimension"] = effect.dimension?.rawValue ?? ""
            fields[prefix + "low"] = String(effect.low)
            fields[prefix + "best"] = String(effect.best)
            fields[prefix + "high"] = String(effect.high)
        }
        if effects.count > Self.effectRows { fields["effect.\(Self.effectRows + 1).factor"] = "too-many" }
        if let cost {
            fields["costLow"] = String(cost.low)
            fields["costHigh"] = String(cost.high)
            fields["currency"] = cost.currency
        }
        if let timeframe {
            fields["start"] = timeframe.start
            fields["end"] = timeframe.end
        }
        self.init(fields: fields)
    }
}
