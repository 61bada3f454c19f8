import CTTechCore
import Foundation

/// Step 5–6: one policy response — what it is and addresses, its planned and observed effect on each risk, its
/// human-rights and gender reviews (the gate of its approval), overrides, status moves, and its indicators.
public struct ResponsePage: WebPage {
    public static let template = "response"

    struct Fact: Sendable, TemplateModel {
        let label: String
        let value: String
    }

    struct TargetRow: Sendable, TemplateModel {
        let title: String
        let kind: String
        let assessment: String
        let traceHref: String?
        let planned: String
        let observed: String
        let baseline: String
    }

    struct EffectRow: Sendable, TemplateModel {
        let factor: String
        let reduction: String
    }

    struct Move: Sendable, TemplateModel {
        let action: String
        let target: String
        let label: String
        let primary: Bool
    }

    struct IndicatorRow: Sendable, TemplateModel {
        let id: String
        let name: String
        let level: String
        let baseline: String
        let target: String
        let latest: String
        let progress: String
        let stale: String?
        let actuals: [ActualRow]
        let actualForm: ActualForm?
        let disaggregated: Bool
    }

    struct ActualRow: Sendable, TemplateModel {
        let date: String
        let value: String
        let evidence: String
        let reliability: String
    }

    public let layout: LayoutModel
    let title: String
    let status: String
    let statusClass: String
    let facts: [Fact]
    /// Nil when empty: the template leaves its heading out (an empty string counts as present in Mustache).
    let description: String?
    let legalBasis: String?
    let targets: [TargetRow]
    let effects: [EffectRow]
    let reviews: [ReviewPanel]
    let blockingNote: String?
    let overrides: [OverrideRow]
    let overrideForm: OverrideForm?
    let moves: [Move]
    let editHref: String?
    let backHref: String
    let indicators: [IndicatorRow]
    let progressNote: String?
    let indicatorForm: IndicatorForm?
    let csrf: String
    let version: Int
    /// Why a move was refused, shown above the moves.
    let refusal: String?

    struct OverrideRow: Sendable, TemplateModel {
        let text: String
        let justification: String
        let current: Bool
    }

    /// What the page knows of one target risk in its assessment's register.
    public struct TargetFigures: Sendable {
        public let entry: RegisterDocument.Entry?
        public let observed: ObservedEffectiveness?

        public init(entry: RegisterDocument.Entry?, observed: ObservedEffectiveness?) {
            self.entry = entry
            self.observed = observed
        }
    }

    /// Which of the page's forms was refused, with what was typed and why.
    public enum Refused: Sendable {
        case review(ReviewKind, [String: String], ValidationFailure)
        case override([String: String], ValidationFailure)
        case indicator([String: String], ValidationFailure)
        case actual(indicatorID: String, [String: String], ValidationFailure)
        /// A move the method's rules refused (approval blocked, a move not possible from here), with the explanation.
        case rule(Message)
    }

    public static func make(
        layout: LayoutModel, response r: PolicyResponse, method: MethodVersion, risks: [AddressableRisk], agencies: [Agency],
        figures: [String: TargetFigures], checklists: [ReviewChecklist], overrides: [ReviewOverride], abilities: PolicyAbilities,
        indicators: [Indicator], today: CalendarDate, csrf: String, refused: Refused? = nil
    ) -> ResponsePage {
        let t = layout.localizer
        let s = r.stateID
        let facts = Self.facts(r, method: method, agencies: agencies, t)
        let targets = Self.targetRows(r, risks: risks, figures: figures, t)
        let effects = Self.effectRows(r, t)
        let blocking = checklists.flatMap(\.blocking)
        let currentOverride = overrides.last { $0.responseVersion == r.version }
        let blockingNote: String? =
            blocking.isEmpty || !(r.status == .drafted || r.status == .underReview)
            ? nil
            : currentOverride.map { _ in t("policy.blocking.overridden", count: blocking.count, ["checks": blocking.joined(separator: ", ")]) }
                ?? t("policy.blocking.note", count: blocking.count, ["checks": blocking.joined(separator: ", ")])
        var reviewRefusal: (ReviewKind, [String: String], ValidationFailure)?
        var overrideRefusal: ([String: String], ValidationFailure)?
        var indicatorRefusal: ([String: String], ValidationFailure)?
        var actualRefusal: (String, [String: String], ValidationFailure)?
        switch refused {
        case .review(let kind, let fields, let failure): reviewRefusal = (kind, fields, failure)
        case .override(let fields, let failure): overrideRefusal = (fields, failure)
        case .indicator(let fields, let failure): indicatorRefusal = (fields, failure)
        case .actual(let id, let fields, let failure): actualRefusal = (id, fields, failure)
        case .rule, nil: break
        }
        let reviews = checklists.map { list in
            ReviewPanel(
                list, t: t, action: abilities.review ? SiteURL.responseReview(s, response: r.id, list.kind).path : nil, version: r.version,
                csrf: csrf,
                refused: reviewRefusal.flatMap { $0.0 == list.kind ? ($0.1, $0.2) : nil }, ownResponse: abilities.ownResponse)
        }
        let overrideRows = Self.overrideRows(overrides, version: r.version, t)
        var moves: [Move] = []
        for target in abilities.statusMoves {
            let action = target == .approved ? SiteURL.responseApprove(s, response: r.id).path : SiteURL.responseStatus(s, response: r.id).path
            moves.append(
                Move(
                    action: action, target: target.rawValue, label: t("policy.move." + target.rawValue),
                    primary: target.order > r.status.order && target != .withdrawn))
        }
        let progresses = indicators.map { IndicatorProgress($0, today: today, maxAgeDays: method.evidenceMaxAgeDays) }
        let indicatorRows = Self.indicatorRows(indicators, progresses: progresses, t) { indicator in
            abilities.measure
                ? ActualForm(
                    t: t, action: SiteURL.indicatorActuals(s, response: r.id, indicator: indicator.id).path, indicatorID: indicator.id,
                    refused: actualRefusal.flatMap { $0.0 == indicator.id ? ($0.1, $0.2) : nil }) : nil
        }
        let overall = IndicatorProgress.overall(progresses)
        return ResponsePage(
            layout: layout, title: r.title, status: PolicyWords.status(r.status, t), statusClass: "status-" + r.status.rawValue, facts: facts,
            description: r.description.isEmpty ? nil : r.description, legalBasis: r.legalBasis.isEmpty ? nil : r.legalBasis, targets: targets,
            effects: effects, reviews: reviews, blockingNote: blockingNote,
            overrides: overrideRows,
            overrideForm: abilities.override
                ? OverrideForm(
                    t: t, action: SiteURL.responseOverride(s, response: r.id).path, blocking: blocking, version: r.version,
                    refused: overrideRefusal) : nil,
            moves: moves, editHref: abilities.edit ? SiteURL.responseEdit(s, response: r.id).path : nil, backHref: SiteURL.responses(s).path,
            indicators: indicatorRows,
            progressNote: overall.map { t("policy.progress-overall", ["progress": t.percent($0), "count": String(indicators.count)]) },
            indicatorForm: abilities.measure
                ? IndicatorForm(t: t, action: SiteURL.responseIndicators(s, response: r.id).path, refused: indicatorRefusal) : nil,
            csrf: csrf, version: r.version, refusal: { if case .rule(let message) = refused { return t(message) } else { return nil } }())
    }

    // MARK: Parts the national policy document shares

    static func facts(_ r: PolicyResponse, method: MethodVersion, agencies: [Agency], _ t: Localizer) -> [Fact] {
        let agencyNames = Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let types = method.names(.responseTypes, in: t.language)
        return [
            Fact(label: t("policy.field.type"), value: r.type + " " + (types[r.type] ?? "")),
            Fact(label: t("policy.field.lead"), value: r.leadAgencyID.flatMap { agencyNames[$0] } ?? "—"),
            Fact(
                label: t("policy.field.partners"),
                value: r.partnerAgencyIDs.isEmpty
                    ? "—" : r.partnerAgencyIDs.map { agencyNames[$0] ?? t("policy.removed-agency") }.joined(separator: ", ")),
            Fact(label: t("policy.column.cost"), value: PolicyWords.cost(r.cost, t)),
            Fact(label: t("policy.field.timeframe"), value: PolicyWords.timeframe(r.timeframe, t)),
            Fact(label: t("policy.field.tlp"), value: r.tlp.label), Fact(label: t("policy.field.version"), value: String(r.version)),
        ]
    }

    static func targetRows(_ r: PolicyResponse, risks: [AddressableRisk], figures: [String: TargetFigures], _ t: Localizer) -> [TargetRow] {
        let riskByID = Dictionary(risks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return r.targets.map { target -> TargetRow in
            let risk = riskByID[target.riskID]
            let figure = figures[target.riskID]
            let planned = figure?.entry.map { PlannedEffect(r.effects, on: $0) }
            return TargetRow(
                title: risk?.title ?? t("policy.removed-risk"), kind: RegisterWords.kind(target.kind.rawValue, t),
                assessment: risk?.assessmentTitle ?? "",
                traceHref: figure?.entry == nil ? nil : SiteURL.residualTrace(r.stateID, target.assessmentID, risk: target.riskID).path,
                planned: planned.map {
                    t("policy.planned-range", ["best": t.percent($0.best), "low": t.percent($0.low), "high": t.percent($0.high)])
                } ?? t("policy.not-in-register"),
                observed: figure?.observed.map {
                    t(
                        "policy.observed-value",
                        ["value": PolicyWords.share($0.observed, t), "round": String($0.followUpRound), "baseline": String($0.baselineRound)])
                } ?? "—",
                baseline: target.baselineRound.map { t("policy.baseline-round", ["round": String($0)]) } ?? "—")
        }
    }

    static func overrideRows(_ overrides: [ReviewOverride], version: Int, _ t: Localizer) -> [OverrideRow] {
        overrides.reversed().map { o in
            OverrideRow(
                text: t(
                    "policy.override.recorded",
                    ["who": o.byLabel, "date": t.date(o.at), "version": String(o.responseVersion), "checks": o.checks.joined(separator: ", ")]),
                justification: o.justification, current: o.responseVersion == version)
        }
    }

    static func effectRows(_ r: PolicyResponse, _ t: Localizer) -> [EffectRow] {
        r.effects.map {
            EffectRow(
                factor: PolicyWords.effectTarget(factor: $0.factor.rawValue, dimension: $0.dimension?.rawValue, t),
                reduction: PolicyWords.reduction(low: $0.low, best: $0.best, high: $0.high, t))
        }
    }

    static func indicatorRows(
        _ indicators: [Indicator], progresses: [IndicatorProgress], _ t: Localizer, actualForm: (Indicator) -> ActualForm?
    ) -> [IndicatorRow] {
        zip(indicators, progresses).map { indicator, progress in
            let unit = indicator.unit
            func value(_ x: Double) -> String { t.number(x) + " " + unit }
            return IndicatorRow(
                id: "indicator-" + indicator.id, name: indicator.name, level: t("policy.indicator-level." + indicator.level.rawValue),
                baseline: t("policy.value-on", ["value": value(indicator.baseline), "date": t.date(indicator.baselineDate.epochMilliseconds)]),
                target: t("policy.value-on", ["value": value(indicator.target), "date": t.date(indicator.targetDate.epochMilliseconds)]),
                latest: progress.latest.map { t("policy.value-on", ["value": value($0.value), "date": t.date($0.date.epochMilliseconds)]) } ?? "—",
                progress: progress.progress.map {
                    progress.stale
                        ? t("policy.progress-credited", ["progress": t.percent($0), "credited": t.percent(progress.credited)]) : t.percent($0)
                } ?? "—",
                stale: progress.stale ? t("policy.evidence.stale", count: progress.ageDays ?? 0) : nil,
                actuals: indicator.actuals.sorted { $0.date > $1.date }.map {
                    ActualRow(
                        date: t.date($0.date.epochMilliseconds), value: value($0.value), evidence: $0.evidence,
                        reliability: t("evidence.reliability." + $0.reliability.rawValue.lowercased()))
                },
                actualForm: actualForm(indicator), disaggregated: indicator.disaggregated)
        }
    }
}
