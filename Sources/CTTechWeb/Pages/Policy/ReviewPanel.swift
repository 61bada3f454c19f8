import CTTechCore
import Foundation

/// The reusable review component (issue 10): one checklist — human rights or gender — as it stands for the current
/// version, and, for a reviewer who may answer it, the form that records their answers. Any page that shows checks
/// answered by a reviewer uses it with the `review-panel` partial.
struct ReviewPanel: Sendable, TemplateModel {
    struct Line: Sendable, TemplateModel {
        let code: String
        let name: String
        /// The check's description; `hasDescription` says whether there is one (a nil would let Mustache find the
        /// description of the page around the panel).
        let checkDescription: String
        let hasDescription: Bool
        let requirement: String
        let mandatory: Bool
        let standing: String
        let standingClass: String
        let reasoning: String?
        let reviewer: String?
        let outdated: String?
        let blocks: Bool
    }

    struct Question: Sendable, TemplateModel {
        let code: String
        let name: String
        let id: String
        let statusName: String
        let reasoningName: String
        let reasoning: String
        let options: [Option]
        let error: String?
        let hasMarker: Bool
        let marker: [Choice]
        let mandatory: Bool
    }

    struct Option: Sendable, TemplateModel {
        let id: String
        let value: String
        let label: String
        let checked: Bool
    }

    let kind: String
    /// The panel's id: unique on the page (the national policy document holds a pair of panels per response).
    let anchor: String
    let heading: String
    let summary: String
    let lines: [Line]
    let action: String?
    let ownResponse: Bool
    let questions: [Question]
    let errors: FormErrors
    let version: Int
    let csrf: String
    let markerNote: String?

    init(
        _ list: ReviewChecklist, t: Localizer, action: String?, version: Int, csrf: String, refused: ([String: String], ValidationFailure)?,
        ownResponse: Bool, anchor: String? = nil, gating: Bool = true
    ) {
        kind = list.kind.rawValue
        self.anchor = anchor ?? "review-" + list.kind.rawValue
        heading = PolicyWords.reviewKind(list.kind, t)
        let counts = list.counts
        summary = t(
            "policy.review.summary",
            [
                "met": String(counts[.met] ?? 0), "partly": String(counts[.partlyMet] ?? 0), "notMet": String(counts[.notMet] ?? 0),
                "na": String(counts[.notApplicable] ?? 0), "unreviewed": String(list.unreviewed),
            ])
        lines = list.lines.map { line in
            let current = line.current
            return Line(
                code: line.check.code, name: line.check.name(in: t.language),
                checkDescription: line.check.description(in: t.language), hasDescription: !line.check.description(in: t.language).isEmpty,
                // Where the review gates nothing (a roadmap item that adopts no technology), no check is shown as blocking.
                requirement: t(gating && line.mandatory ? "policy.check.mandatory" : "policy.check.advisory"), mandatory: gating && line.mandatory,
                standing: current.map { c in
                    PolicyWords.checkStatus(c.status, t)
                        + (c.genderMarker.map { " · " + t("policy.gender-marker-value", ["marker": String($0)]) } ?? "")
                } ?? t("policy.check.unreviewed"),
                standingClass: "check-" + (current?.status.rawValue ?? "unreviewed"), reasoning: current?.reasoning,
                reviewer: current.map { t("policy.check.by", ["who": $0.reviewerLabel, "date": t.date($0.reviewedAt)]) },
                outdated: line.outdated.map {
                    t("policy.check.outdated", ["version": String($0.responseVersion), "status": PolicyWords.checkStatus($0.status, t)])
                }, blocks: gating && line.blocks)
        }
        self.action = action
        self.ownResponse = ownResponse
        self.version = version
        self.csrf = csrf
        let submitted = refused?.0 ?? [:]
        let prefix = "rv-" + list.kind.rawValue + "-"
        var fields: [FormField] = [
            FormField("checks", "policy.review.checks", id: prefix + "form"),
            FormField("genderMarker", "policy.gender-marker.label", id: prefix + ReviewDraft.genderMarkerCheck + "-marker"),
        ]
        for line in list.lines {
            let code = line.check.code
            fields.append(FormField("check.\(code).status", code + " " + line.check.name(in: t.language), id: prefix + code))
            fields.append(FormField("check.\(code).reasoning", code + " " + t("policy.review.reasoning"), id: prefix + code + "-reasoning"))
        }
        let errors = FormErrors(t, refused?.1, fields: fields)
        self.errors = errors
        // No judgement is pre-filled (docs/architecture.md §6.1): the form starts empty, not from the standing answers
        // (which may be another reviewer's); after a refusal it holds what this reviewer typed.
        let markerChosen = submitted["genderMarker"] ?? ""
        questions = list.lines.map { line in
            let code = line.check.code
            let chosen = submitted["check.\(code).status"] ?? ""
            let problems =
                [errors.message("check.\(code).status"), errors.message("check.\(code).reasoning")].compactMap { $0 }
                + (code == ReviewDraft.genderMarkerCheck ? [errors.message("genderMarker")].compactMap { $0 } : [])
            return Question(
                code: code, name: line.check.name(in: t.language), id: prefix + code, statusName: "check.\(code).status",
                reasoningName: "check.\(code).reasoning", reasoning: submitted["check.\(code).reasoning"] ?? "",
                options: CheckStatus.allCases.map {
                    Option(
                        id: prefix + code + "-" + $0.rawValue, value: $0.rawValue, label: PolicyWords.checkStatus($0, t),
                        checked: $0.rawValue == chosen)
                }, error: problems.isEmpty ? nil : problems.joined(separator: " "),
                hasMarker: list.kind == .gender && code == ReviewDraft.genderMarkerCheck,
                marker: [Choice(value: "", label: t("policy.choose"), selected: markerChosen.isEmpty)]
                    + (0...3).map { Choice(value: String($0), label: t("policy.gender-marker.\($0)"), selected: String($0) == markerChosen) },
                mandatory: line.mandatory)
        }
        markerNote = list.kind == .gender ? t("policy.gender-marker.note") : nil
    }
}

/// The focal point's override form: the checks it lets through and a justification of at least a sentence.
struct OverrideForm: Sendable, TemplateModel {
    let action: String
    let checks: String
    let version: Int
    let justification: String
    let errors: FormErrors
    let error: String?

    init(t: Localizer, action: String, blocking: [String], version: Int, refused: ([String: String], ValidationFailure)?) {
        self.action = action
        checks = blocking.joined(separator: ", ")
        self.version = version
        justification = refused?.0["justification"] ?? ""
        errors = FormErrors(
            t, refused?.1,
            fields: [
                FormField("justification", "policy.override.justification", id: "ov-justification"),
                FormField("version", "policy.field.version", id: "ov-justification"),
            ])
        error = errors.message("justification")
    }
}

/// Adding an indicator to a response.
struct IndicatorForm: Sendable, TemplateModel {
    let action: String
    let values: [String: String]
    let levels: [Choice]
    let directions: [Choice]
    let errors: FormErrors
    let open: Bool
    /// The message beside each field, by field name (absent: no problem).
    let messages: [String: String]

    init(t: Localizer, action: String, refused: ([String: String], ValidationFailure)?) {
        self.action = action
        open = refused != nil
        values = refused?.0 ?? [:]
        let level = values["level"] ?? ""
        levels =
            [Choice(value: "", label: t("policy.choose"), selected: level.isEmpty)]
            + Indicator.Level.allCases.map {
                Choice(value: $0.rawValue, label: t("policy.indicator-level." + $0.rawValue), selected: $0.rawValue == level)
            }
        let direction = values["direction"] ?? ""
        directions =
            [Choice(value: "", label: t("policy.choose"), selected: direction.isEmpty)]
            + Indicator.Direction.allCases.map {
                Choice(value: $0.rawValue, label: t("policy.indicator-direction." + $0.rawValue), selected: $0.rawValue == direction)
            }
        errors = FormErrors(
            t, refused?.1,
            fields: [
                FormField("name", "policy.indicator.name", id: "in-name"), FormField("level", "policy.indicator.level", id: "in-level"),
                FormField("unit", "policy.indicator.unit", id: "in-unit"), FormField("direction", "policy.indicator.direction", id: "in-direction"),
                FormField("baseline", "policy.indicator.baseline", id: "in-baseline"),
                FormField("baselineDate", "policy.indicator.baseline-date", id: "in-baseline-date"),
                FormField("target", "policy.indicator.target", id: "in-target"),
                FormField("targetDate", "policy.indicator.target-date", id: "in-target-date"),
            ])
        let errors = self.errors
        messages = Dictionary(
            uniqueKeysWithValues: ["name", "level", "unit", "direction", "baseline", "baselineDate", "target", "targetDate"].compactMap { name in
                errors.message(name).map { (name, $0) }
            })
    }
}

/// Recording an actual value of one indicator, with its evidence (one form under each indicator).
struct ActualForm: Sendable, TemplateModel {
    let action: String
    let prefix: String
    let values: [String: String]
    let reliabilities: [Choice]
    let errors: FormErrors
    let open: Bool
    let messages: [String: String]

    init(t: Localizer, action: String, indicatorID: String, refused: ([String: String], ValidationFailure)?) {
        self.action = action
        prefix = "ac-" + indicatorID + "-"
        open = refused != nil
        values = refused?.0 ?? [:]
        let reliability = values["reliability"] ?? ""
        reliabilities =
            [Choice(value: "", label: t("policy.choose"), selected: reliability.isEmpty)]
            + SourceReliability.allCases.map {
                Choice(
                    value: $0.rawValue, label: $0.rawValue + " " + t("evidence.reliability." + $0.rawValue.lowercased()),
                    selected: $0.rawValue == reliability)
            }
        errors = FormErrors(
            t, refused?.1,
            fields: [
                FormField("value", "policy.actual.value", id: prefix + "value"), FormField("date", "policy.actual.date", id: prefix + "date"),
                FormField("evidence", "policy.actual.evidence", id: prefix + "evidence"),
                FormField("reliability", "evidence.field.reliability", id: prefix + "reliability"),
            ])
        let errors = self.errors
        messages = Dictionary(
            uniqueKeysWithValues: ["value", "date", "evidence", "reliability"].compactMap { name in errors.message(name).map { (name, $0) } })
    }
}
