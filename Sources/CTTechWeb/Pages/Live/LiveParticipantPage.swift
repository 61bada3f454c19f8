import CTTechCore
import Foundation

/// Issue 12: a participant's phone. One question at a time, large touch targets, light enough for a slow venue network;
/// it says plainly where things stand: in the lobby, waiting for the facilitator, the question, submitted, ended. The
/// script adds "offline — your answer will be sent when you reconnect" and reloads on the facilitator's moves; without it
/// a refresh shows the same.
public struct LiveParticipantPage: WebPage {
    public static let template = "live-participant"

    struct Option: Sendable, TemplateModel {
        let id: String
        let value: String
        let text: String
        let checked: Bool
    }

    struct Scale: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let options: [Option]
        let error: String?
    }

    struct Field: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let value: String
        let fieldHint: String?
        let error: String?
        let numeric: Bool
    }

    struct Progress: Sendable, TemplateModel {
        let label: String
        let href: String
        let done: Bool
        let current: Bool
    }

    struct AnswerForm: Sendable, TemplateModel {
        let action: String
        let activityID: String
        let round: Int
        let itemKey: String
        let question: String
        let hint: String?
        let scales: [Scale]
        let fields: [Field]
        let areas: [Field]
        let checks: [Option]
        let hasChecks: Bool
        let checksLabel: String
        let checksError: String?
        let submit: String
    }

    public let layout: LayoutModel
    let sessionTitle: String
    let anonymityNote: String
    let who: String
    let checkCode: String
    let lobby: Bool
    let refused: Bool
    let ended: Bool
    let waitingForFacilitator: Bool
    let activityTitle: String?
    let roundLabel: String?
    let progress: [Progress]
    let hasProgress: Bool
    let submittedNote: String?
    /// A whole-activity answer already sent: the way back to its form.
    let changeHref: String?
    /// Why an answer was not taken (the round moved on): said as it is, not as a field to correct.
    let refusal: String?
    let form: AnswerForm?
    let errors: FormErrors
    let csrf: String
    let eventsHref: String
    /// What the script says when something changed while a form is being filled in.
    let changed: String

    public static func make(
        layout: LayoutModel, screen: LiveParticipation.Screen, item requested: String?, csrf: String, submitted: [String: String]? = nil,
        failure: ValidationFailure? = nil, justSent: Bool = false, lastEvent: Int64 = 0, refusal: String? = nil
    ) -> LiveParticipantPage {
        let t = layout.localizer
        let session = screen.session
        let participant = screen.participant
        let errors = FormErrors(t, failure)
        var progress: [Progress] = []
        var form: AnswerForm?
        var submittedNote: String?
        var changeHref: String?
        if let activity = screen.activity, let round = screen.round {
            let answered = Set(screen.ownAnswers.map(\.itemKey))
            if activity.kind.answeredWhole {
                let done = activity.kind == .ideas && round.number == 1 ? false : answered.contains("")
                if done && requested == nil {
                    submittedNote = t("live.participant.submitted-whole")
                    changeHref = SiteURL.participate.path + "?item="
                }
                if activity.kind == .ideas && round.number == 1 {
                    let own = screen.ideas.filter { $0.participantID == participant.id }.count
                    if own > 0 { submittedNote = t("live.participant.ideas-sent", count: own) }
                }
                if !done || requested != nil {
                    form = Self.form(activity, item: nil, round: round, screen: screen, submitted: submitted, errors: errors, t: t)
                }
            } else {
                let current = requested.flatMap { key in activity.item(key) } ?? activity.items.first { !answered.contains($0.key) }
                progress = activity.items.enumerated().map { index, item in
                    Progress(
                        label: t("live.participant.question-number", ["number": String(index + 1)]),
                        href: SiteURL.participate.path + "?item=" + item.key,
                        done: answered.contains(item.key), current: item.key == current?.key)
                }
                if let current {
                    form = Self.form(activity, item: current, round: round, screen: screen, submitted: submitted, errors: errors, t: t)
                } else {
                    submittedNote = t("live.participant.submitted-all")
                }
            }
        }
        return LiveParticipantPage(
            layout: layout, sessionTitle: participant.status == .admitted ? session.title : t("live.join.title"),
            anonymityNote: t("live.participant.anonymity." + session.anonymity.rawValue),
            who: LiveWords.participant(participant, in: session, t), checkCode: participant.checkCode,
            lobby: participant.status == .waiting && session.status == .running, refused: participant.status == .refused,
            ended: session.status == .ended,
            waitingForFacilitator: participant.status == .admitted && session.status == .running && screen.round == nil,
            activityTitle: screen.activity?.title,
            roundLabel: screen.round.map { t("live.participant.round", ["round": String($0.number)]) }, progress: progress,
            hasProgress: progress.count > 1,
            submittedNote: justSent && form != nil ? t("live.participant.sent") : submittedNote, changeHref: changeHref, refusal: refusal, form: form,
            errors: errors, csrf: csrf,
            eventsHref: SiteURL.participateEvents.path + "?after=\(lastEvent)", changed: t("live.changed"))
    }

    /// The form for one item (or the whole activity), filled with the participant's earlier answer, or what they typed.
    static func form(
        _ activity: LiveActivity, item: LiveItem?, round: LiveRound, screen: LiveParticipation.Screen, submitted: [String: String]?,
        errors: FormErrors,
        t: Localizer
    ) -> AnswerForm {
        let earlier = screen.ownAnswers.first { $0.itemKey == (item?.key ?? "") }?.answer
        let values = submitted ?? earlier.map(Self.fields(of:)) ?? [:]
        func option(_ name: String, _ value: String, _ text: String) -> Option {
            Option(id: "f-\(name)-\(value)".replacingOccurrences(of: ".", with: "-"), value: value, text: text, checked: values[name] == value)
        }
        func scale(_ name: String, _ label: String, _ options: [(String, String)]) -> Scale {
            Scale(
                id: "f-" + name.replacingOccurrences(of: ".", with: "-"), name: name, label: label, options: options.map { option(name, $0.0, $0.1) },
                error: errors.message(name))
        }
        func field(_ name: String, _ label: String, hint: String? = nil, numeric: Bool = true) -> Field {
            Field(
                id: "f-" + name.replacingOccurrences(of: ".", with: "-"), name: name, label: label, value: values[name] ?? "", fieldHint: hint,
                error: errors.message(name), numeric: numeric)
        }
        func oneToFive(_ key: String) -> [(String, String)] { (1...5).map { (String($0), "\($0) — " + t("scale.\(key).\($0)")) } }
        var scales: [Scale] = []
        var fields: [Field] = []
        var areas: [Field] = []
        var checks: [Option] = []
        var hint: String?
        switch activity.kind {
        case .scoring:
            for factor in ["intent", "actorCapability", "technologyAccessibility", "opportunity"] {
                scales.append(scale(factor, t("scoring.factor." + factor), oneToFive(factor)))
            }
            fields = [
                field("likelihoodLow", t("scoring.field.likelihood-low"), hint: t("live.hint.probability")),
                field("likelihoodBest", t("scoring.field.likelihood-best")), field("likelihoodHigh", t("scoring.field.likelihood-high")),
            ]
            for dimension in ImpactDimension.allCases {
                scales.append(
                    scale(
                        "impact." + dimension.rawValue, t("scoring.field.impact", ["dimension": t("impact." + dimension.rawValue)]),
                        oneToFive("impact")))
            }
            scales.append(scale("confidence", t("live.field.confidence"), Confidence.allCases.map { ($0.rawValue, t("confidence." + $0.rawValue)) }))
            areas = [field("rationale", t("scoring.field.rationale"), hint: t("live.hint.rationale"), numeric: false)]
        case .ranking:
            hint =
                activity.limit > 0
                ? t("live.hint.rank-top", ["k": String(activity.limit)]) : t("live.hint.rank-all", ["n": String(activity.items.count)])
            fields = activity.items.map { field("rank." + $0.key, $0.label) }
        case .matrix:
            fields = [field("likelihood", t("live.chart.likelihood"), hint: t("live.hint.zero-hundred")), field("impact", t("live.chart.impact"))]
        case .allocation:
            hint = t("live.hint.allocation", ["points": String(LiveLimits.allocationPoints)])
            fields = activity.items.map { field("points." + $0.key, $0.label) }
        case .ideas:
            if round.number == 1 {
                hint = t("live.hint.idea")
                areas = [
                    Field(
                        id: "f-idea", name: "idea", label: t("live.field.idea"), value: submitted?["idea"] ?? "", fieldHint: nil,
                        error: errors.message("idea"), numeric: false)
                ]
            } else {
                hint = t("live.hint.votes", ["k": String(activity.limit)])
                checks = screen.ideas.filter(\.isVotable).map {
                    Option(id: "f-vote-" + $0.id, value: "vote." + $0.id, text: $0.text, checked: values["vote." + $0.id] == "on")
                }
            }
        case .grid:
            scales = [scale("level", t("live.field.level"), (0...5).map { (String($0), t("live.level." + String($0))) })]
        case .quiz:
            scales = [scale("choice", t("live.field.choice"), (item?.options ?? []).enumerated().map { (String($0.offset), $0.element) })]
        case .survey:
            scales = [scale("rating", t("live.field.rating"), (1...5).map { (String($0), t("live.agree." + String($0))) })]
            areas = [field("comment", t("live.field.comment"), numeric: false)]
        }
        return AnswerForm(
            action: SiteURL.participateAnswer.path, activityID: activity.id, round: round.number, itemKey: item?.key ?? "",
            question: item?.label ?? activity.title, hint: hint, scales: scales, fields: fields, areas: areas, checks: checks,
            hasChecks: !checks.isEmpty,
            checksLabel: t("live.field.votes"), checksError: errors.message("votes"),
            submit: activity.kind == .ideas && round.number == 1 ? t("live.participant.send-idea") : t("live.participant.send"))
    }

    /// A probability as the form takes it back ("0.05").
    static func probability(_ value: Double) -> String { String(format: "%.4g", value) }

    /// The form fields an earlier answer fills.
    static func fields(of answer: LiveAnswer) -> [String: String] {
        switch answer {
        case .score(let score):
            var fields = [
                "intent": String(score.intent), "actorCapability": String(score.actorCapability),
                "technologyAccessibility": String(score.technologyAccessibility), "opportunity": String(score.opportunity),
                "likelihoodLow": Self.probability(score.likelihood.low), "likelihoodBest": Self.probability(score.likelihood.best),
                "likelihoodHigh": Self.probability(score.likelihood.high), "confidence": score.confidence.rawValue, "rationale": score.rationale,
            ]
            for (dimension, value) in score.impact { fields["impact." + dimension.rawValue] = String(value) }
            return fields
        case .ranking(let ranks): return Dictionary(uniqueKeysWithValues: ranks.map { ("rank." + $0.key, String($0.value)) })
        case .placement(let likelihood, let impact): return ["likelihood": String(likelihood), "impact": String(impact)]
        case .allocation(let points): return Dictionary(uniqueKeysWithValues: points.map { ("points." + $0.key, String($0.value)) })
        case .votes(let ids): return Dictionary(uniqueKeysWithValues: ids.map { ("vote." + $0, "on") })
        case .level(let level): return ["level": String(level)]
        case .choice(let choice): return ["choice": String(choice)]
        case .rating(let rating, let comment): return ["rating": String(rating), "comment": comment]
        }
    }
}
