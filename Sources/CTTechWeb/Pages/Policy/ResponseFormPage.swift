import CTTechCore
import Foundation

/// Step 5: the form that adds a policy response or changes one: what it is, what it addresses, what it declares it
/// reduces and by how much, who leads it, what it costs, when, under which law and with which marking.
public struct ResponseFormPage: WebPage {
    public static let template = "response-form"

    struct TargetGroup: Sendable, TemplateModel {
        let legend: String
        let risks: [Check]
    }

    struct Check: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let note: String
        let checked: Bool
    }

    struct EffectRow: Sendable, TemplateModel {
        let number: Int
        let legend: String
        let prefix: String
        let factors: [Choice]
        let dimensions: [Choice]
        let low: String
        let best: String
        let high: String
        let error: String?
    }

    public let layout: LayoutModel
    let heading: String
    let action: String
    let cancelHref: String
    let csrf: String
    let version: String?
    let errors: FormErrors
    let conflict: String?
    let values: [String: String]
    let types: [Choice]
    let tlps: [Choice]
    let leads: [Choice]
    let targetGroups: [TargetGroup]
    let partners: [Check]
    let effects: [EffectRow]
    let targetsError: String?
    let partnersError: String?
    let hasRisks: Bool
    let hasAgencies: Bool
    let titleError: String?
    let typeError: String?
    let costError: String?
    let currencyError: String?
    let startError: String?
    let endError: String?
    let leadError: String?
    let tlpError: String?
    let descriptionError: String?
    let legalError: String?

    static func fields(_ t: Localizer) -> [FormField] {
        var fields = [
            FormField("title", "policy.field.title", id: "r-title"), FormField("type", "policy.field.type", id: "r-type"),
            FormField("description", "policy.field.description", id: "r-description"),
            FormField("targets", "policy.field.targets", id: "r-targets"), FormField("effects", "policy.field.effects", id: "r-effect-1"),
            FormField("leadAgency", "policy.field.lead", id: "r-lead"), FormField("partners", "policy.field.partners", id: "r-partners"),
            FormField("costLow", "policy.field.cost-low", id: "r-cost-low"), FormField("costHigh", "policy.field.cost-high", id: "r-cost-high"),
            FormField("currency", "policy.field.currency", id: "r-currency"), FormField("start", "policy.field.start", id: "r-start"),
            FormField("end", "policy.field.end", id: "r-end"), FormField("legalBasis", "policy.field.legal-basis", id: "r-legal"),
            FormField("tlp", "policy.field.tlp", id: "r-tlp"), FormField("version", "policy.field.version", id: "r-title"),
        ]
        for n in 1...PolicyResponseDraft.effectRows {
            for (part, key) in [("factor", "factor"), ("dimension", "dimension"), ("low", "low"), ("best", "best"), ("high", "high")] {
                fields.append(
                    FormField(
                        "effect.\(n).\(part)", t("policy.field.effect-part", ["number": String(n), "part": t("policy.field.effect-" + key)]),
                        id: "r-effect-\(n)-\(part)"))
            }
        }
        return fields
    }

    /// - Parameters:
    ///   - response: the response being changed (nil: a new one).
    ///   - submitted: the fields as typed after a refusal; else the response's values (or empty for a new one).
    public static func make(
        layout: LayoutModel, stateID: String, response: PolicyResponse?, method: MethodVersion, risks: [AddressableRisk], agencies: [Agency],
        defaultTLP: TLP, csrf: String, submitted: [String: String]? = nil, failure: ValidationFailure? = nil, conflict: String? = nil,
        version: Int? = nil
    ) -> ResponseFormPage {
        let t = layout.localizer
        let values = submitted ?? response.map(Self.fields(of:)) ?? ["tlp": defaultTLP.rawValue]
        let errors = FormErrors(t, failure, fields: fields(t))
        let chosenType = values["type"] ?? ""
        let types =
            [Choice(value: "", label: t("policy.choose"), selected: chosenType.isEmpty)]
            + method.items(.responseTypes).map {
                Choice(value: $0.code, label: $0.code + " " + $0.name(in: t.language), selected: $0.code == chosenType)
            }
        // A marking that is not a TLP level (a refused form) falls back to the state's default, never to the first option.
        let chosenTLP = TLP(rawValue: values["tlp"] ?? "") ?? defaultTLP
        let tlps = TLP.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0 == chosenTLP) }
        let lead = values["leadAgency"] ?? ""
        let leads =
            [Choice(value: "", label: t("policy.no-lead"), selected: lead.isEmpty)]
            + agencies.map { Choice(value: $0.id, label: $0.name, selected: $0.id == lead) }
        let groups = Dictionary(grouping: risks, by: \.assessmentID)
        let order = risks.map(\.assessmentID).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let targetGroups = order.map { assessmentID in
            let list = groups[assessmentID] ?? []
            return TargetGroup(
                legend: list.first?.assessmentTitle ?? "",
                risks: list.map { risk in
                    Check(
                        id: "r-target-" + risk.id, name: "target." + risk.id, label: risk.title, note: RegisterWords.kind(risk.kind.rawValue, t),
                        checked: Self.isOn(values["target." + risk.id]))
                })
        }
        let partners = agencies.map {
            Check(id: "r-partner-" + $0.id, name: "partner." + $0.id, label: $0.name, note: "", checked: Self.isOn(values["partner." + $0.id]))
        }
        let effects = (1...PolicyResponseDraft.effectRows).map { n -> EffectRow in
            let prefix = "effect.\(n)."
            let factor = values[prefix + "factor"] ?? ""
            let dimension = values[prefix + "dimension"] ?? ""
            let parts = [("factor", "factor"), ("dimension", "dimension"), ("low", "low"), ("best", "best"), ("high", "high")]
            let problems = parts.compactMap { part, key in
                errors.message(prefix + part).map { t("form.error-item", ["field": t("policy.field.effect-" + key), "problem": $0]) }
            }
            return EffectRow(
                number: n, legend: t("policy.field.effect-number", ["number": String(n)]), prefix: prefix,
                factors: [Choice(value: "", label: t("policy.no-effect"), selected: factor.isEmpty)]
                    + EffectFactor.allCases.map { Choice(value: $0.rawValue, label: PolicyWords.factor($0, t), selected: $0.rawValue == factor) },
                dimensions: [Choice(value: "", label: t("policy.factor.every-dimension"), selected: dimension.isEmpty)]
                    + ImpactDimension.allCases.map {
                        Choice(value: $0.rawValue, label: RegisterWords.impactDimension($0, t), selected: $0.rawValue == dimension)
                    },
                low: values[prefix + "low"] ?? "", best: values[prefix + "best"] ?? "", high: values[prefix + "high"] ?? "",
                error: problems.isEmpty ? nil : problems.joined(separator: " "))
        }
        let (heading, action) =
            response.map { (t("policy.form.edit-title", ["title": $0.title]), SiteURL.response(stateID, response: $0.id).path) }
            ?? (t("policy.form.new-title"), SiteURL.responses(stateID).path)
        return ResponseFormPage(
            layout: layout, heading: heading, action: action,
            cancelHref: response.map { SiteURL.response(stateID, response: $0.id).path } ?? SiteURL.responses(stateID).path, csrf: csrf,
            version: (version ?? response?.version).map(String.init), errors: errors, conflict: conflict, values: values, types: types, tlps: tlps,
            leads: leads, targetGroups: targetGroups, partners: partners, effects: effects, targetsError: errors.message("targets"),
            partnersError: errors.message("partners"), hasRisks: !risks.isEmpty, hasAgencies: !agencies.isEmpty, titleError: errors.message("title"),
            typeError: errors.message("type"), costError: errors.message("costLow") ?? errors.message("costHigh"),
            currencyError: errors.message("currency"), startError: errors.message("start"), endError: errors.message("end"),
            leadError: errors.message("leadAgency"), tlpError: errors.message("tlp"), descriptionError: errors.message("description"),
            legalError: errors.message("legalBasis"))
    }

    /// A stored response as the form's fields.
    static func fields(of r: PolicyResponse) -> [String: String] {
        var fields = [
            "title": r.title, "type": r.type, "description": r.description, "legalBasis": r.legalBasis, "tlp": r.tlp.rawValue,
            "leadAgency": r.leadAgencyID ?? "",
        ]
        for target in r.targets { fields["target." + target.riskID] = "on" }
        for partner in r.partnerAgencyIDs { fields["partner." + partner] = "on" }
        for (index, effect) in r.effects.enumerated() {
            let prefix = "effect.\(index + 1)."
            fields[prefix + "factor"] = effect.factor.rawValue
            fields[prefix + "dimension"] = effect.dimension?.rawValue ?? ""
            fields[prefix + "low"] = number(effect.low)
            fields[prefix + "best"] = number(effect.best)
            fields[prefix + "high"] = number(effect.high)
        }
        if let cost = r.cost {
            fields["costLow"] = number(cost.low)
            fields["costHigh"] = number(cost.high)
            fields["currency"] = cost.currency
        }
        if let timeframe = r.timeframe {
            fields["start"] = timeframe.start.description
            fields["end"] = timeframe.end.description
        }
        return fields
    }

    static func number(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x) }

    static func isOn(_ value: String?) -> Bool { value == "on" }
}
