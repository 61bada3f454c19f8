import CTTechCore
import Foundation

/// Step 7: answering one area of a capability assessment — every criterion of every enabler, stage by stage, with a
/// confidence, a note and the evidence that backs it (cited by its number in the assessment's evidence list). A validated
/// assessment shows the self-assessed answer beside each criterion.
public struct AreaAnswersPage: WebPage {
    public static let template = "capability-area"

    struct Criterion: Sendable, TemplateModel {
        let code: String
        let id: String
        let text: String
        let specific: Bool
        let answers: [Choice]
        let confidences: [Choice]
        let note: String
        let evidence: String
        let answerName: String
        let confidenceName: String
        let noteName: String
        let evidenceName: String
        let current: String
        let selfAnswer: String?
        let error: String?
    }

    struct Stage: Sendable, TemplateModel {
        let heading: String
        let criteria: [Criterion]
    }

    struct Enabler: Sendable, TemplateModel {
        let id: String
        let heading: String
        let level: String
        let stages: [Stage]
    }

    struct EvidenceLine: Sendable, TemplateModel {
        let number: Int
        let summary: String
        let grading: String
    }

    public let layout: LayoutModel
    let heading: String
    let assessmentTitle: String
    let backHref: String
    let action: String
    let csrf: String
    let version: Int
    let canEdit: Bool
    let errors: FormErrors
    let conflict: String?
    let enablers: [Enabler]
    let evidence: [EvidenceLine]
    let areaNav: [Choice]
    let areaNavAction: String

    /// - Parameters:
    ///   - submitted: the fields as typed after a refusal (else the stored answers).
    ///   - selfRecords: for a validated assessment, the answers of the self-assessment it validates.
    public static func make(
        layout: LayoutModel, stateID: String, assessment: CapabilityAssessment, area: String, framework: CapabilityFramework,
        records: [CriterionRecord], evidence: [CapabilityEvidence], selfRecords: [CriterionRecord]?, canEdit: Bool, csrf: String,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil, conflict: String? = nil, version: Int? = nil
    ) -> AreaAnswersPage {
        let t = layout.localizer
        let mine = Dictionary(records.filter { $0.area == area }.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        let theirs = Dictionary((selfRecords ?? []).filter { $0.area == area }.map { ($0.criterion, $0) }, uniquingKeysWith: { first, _ in first })
        let numberOf = Dictionary(evidence.enumerated().map { ($1.id, $0 + 1) }, uniquingKeysWith: { first, _ in first })
        let values = submitted ?? Self.fields(of: mine.values, numberOf: numberOf)
        let criteria = framework.criteria(area: area)
        var formFields = [FormField("answers", "capability.area.answers", id: "answers")]
        for c in criteria {
            let id = "cr-" + c.code.replacingOccurrences(of: ".", with: "-")
            formFields.append(FormField("answer." + c.code, c.code, id: id))
            formFields.append(FormField("confidence." + c.code, c.code + " " + t("capability.field.confidence"), id: id + "-confidence"))
            formFields.append(FormField("note." + c.code, c.code + " " + t("capability.field.note"), id: id + "-note"))
            formFields.append(FormField("evidenceNumbers." + c.code, c.code + " " + t("capability.field.evidence"), id: id + "-evidence"))
        }
        let errors = FormErrors(t, failure, fields: formFields)
        var byCode: [String: [String: CriterionAnswer]] = [:]
        for r in mine.values { byCode[area, default: [:]][r.criterion] = r.answer }
        let enablers = framework.enablers.map { enabler -> Enabler in
            let level = MaturityLevel.compute(framework: framework, area: area, enabler: enabler.code, answers: byCode[area] ?? [:])
            var levelText = t("capability.area.level", ["level": CapabilityWords.stage(level.level, framework: framework, t)])
            if let next = level.next, let progress = level.progress {
                levelText += " · " + t("capability.grid.toward", ["next": String(next), "progress": t.percent(progress)])
            }
            let stages = framework.stages.compactMap { stage -> Stage? in
                let number = Int(stage.code) ?? 0
                let list = criteria.filter { $0.enabler == enabler.code && $0.stage == number }
                if list.isEmpty { return nil }
                return Stage(
                    heading: t("capability.area.stage", ["number": stage.code, "name": stage.name(in: t.language)]),
                    criteria: list.map { c in
                        let id = "cr-" + c.code.replacingOccurrences(of: ".", with: "-")
                        let chosen = values["answer." + c.code] ?? ""
                        let confidence = values["confidence." + c.code] ?? ""
                        let problems = ["answer.", "confidence.", "note.", "evidenceNumbers.", "evidence."].compactMap { errors.message($0 + c.code) }
                        let selfAnswer = theirs[c.code].map { r -> String in
                            let cited = r.evidenceIDs.compactMap { numberOf[$0].map { "#\($0)" } }
                            return t("capability.area.self-answer", ["answer": CapabilityWords.answer(r.answer, t)])
                                + (cited.isEmpty ? "" : " · " + t("capability.area.self-evidence", ["numbers": cited.joined(separator: ", ")]))
                                + (r.note.isEmpty ? "" : " · " + r.note)
                        }
                        return Criterion(
                            code: c.code, id: id, text: c.text(in: t.language), specific: c.area != nil,
                            answers: [Choice(value: "", label: t("capability.answer.unanswered"), selected: chosen.isEmpty)]
                                + CriterionAnswer.allCases.map {
                                    Choice(value: $0.rawValue, label: CapabilityWords.answer($0, t), selected: $0.rawValue == chosen)
                                },
                            confidences: Confidence.allCases.map {
                                Choice(
                                    value: $0.rawValue, label: t("capability.confidence." + $0.rawValue),
                                    selected: $0.rawValue == confidence || (confidence.isEmpty && $0 == .moderate))
                            }, note: values["note." + c.code] ?? "", evidence: values["evidenceNumbers." + c.code] ?? "",
                            answerName: "answer." + c.code, confidenceName: "confidence." + c.code, noteName: "note." + c.code,
                            evidenceName: "evidenceNumbers." + c.code,
                            current: mine[c.code].map { CapabilityWords.answer($0.answer, t) } ?? t("capability.answer.unanswered"),
                            selfAnswer: selfAnswer, error: problems.isEmpty ? nil : problems.joined(separator: " "))
                    })
            }
            return Enabler(
                id: "en-" + enabler.code, heading: enabler.code + " " + enabler.name(in: t.language), level: levelText, stages: stages)
        }
        let areaName = CapabilityWords.area(area, framework: framework, t)
        return AreaAnswersPage(
            layout: layout, heading: areaName, assessmentTitle: assessment.title,
            backHref: SiteURL.capabilityAssessment(stateID, capability: assessment.id).path,
            action: SiteURL.capabilityArea(stateID, capability: assessment.id, area: area).path, csrf: csrf, version: version ?? assessment.version,
            canEdit: canEdit, errors: errors, conflict: conflict, enablers: enablers,
            evidence: evidence.enumerated().map { EvidenceLine(number: $0 + 1, summary: $1.summary, grading: $1.grading) },
            areaNav: assessment.areas.map { Choice(value: $0, label: CapabilityWords.area($0, framework: framework, t), selected: $0 == area) },
            areaNavAction: SiteURL.capabilityAssessment(stateID, capability: assessment.id).path)
    }

    /// Stored answers as the form's fields.
    static func fields(of records: Dictionary<String, CriterionRecord>.Values, numberOf: [String: Int]) -> [String: String] {
        var fields: [String: String] = [:]
        for r in records {
            fields["answer." + r.criterion] = r.answer.rawValue
            fields["confidence." + r.criterion] = r.confidence.rawValue
            fields["note." + r.criterion] = r.note
            fields["evidenceNumbers." + r.criterion] = r.evidenceIDs.compactMap { numberOf[$0].map(String.init) }.joined(separator: ", ")
        }
        return fields
    }
}
