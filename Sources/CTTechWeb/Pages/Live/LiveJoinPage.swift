import CTTechCore
import Foundation

/// Issue 12: joining a live session from a phone — first the code (typed, or in the link the QR code opens), then what
/// the session asks: a name in a named session, and the optional attributes, each with "prefer not to say". The page
/// says how answers will be shown before anyone joins. It does not name the session: a code seen over someone's shoulder
/// tells nothing about the workshop, and admission comes from the facilitator.
public struct LiveJoinPage: WebPage {
    public static let template = "live-join"

    struct Select: Sendable, TemplateModel {
        let id: String
        let name: String
        let label: String
        let options: [Choice]
        let error: String?
    }

    public let layout: LayoutModel
    let csrf: String
    let codeAction: String
    let code: String
    let codeError: String?
    let session: Bool
    let notStarted: Bool
    let anonymityNote: String
    let joinAction: String
    let askName: Bool
    let name: String
    let nameError: String?
    let selects: [Select]
    let hasSelects: Bool
    let attributesNote: String
    let errors: FormErrors

    static let fields = [FormField("name", "live.field.name", id: "j-name"), FormField("code", "live.code", id: "j-code")]

    /// `session` nil: the code form (with `codeError` when a code was given and opens nothing).
    public static func make(
        layout: LayoutModel, code: String, session: LiveSession?, codeUnknown: Bool, csrf: String, submitted: [String: String]? = nil,
        failure: ValidationFailure? = nil
    ) -> LiveJoinPage {
        let t = layout.localizer
        let errors = FormErrors(t, failure, fields: fields)
        let values = submitted ?? [:]
        let selects = (session?.askedAttributes ?? []).map { attribute in
            Select(
                id: "j-" + attribute.rawValue, name: attribute.rawValue, label: t("live.attribute." + attribute.rawValue),
                options: [Choice(value: "", label: t("live.prefer-not"), selected: (values[attribute.rawValue] ?? "").isEmpty)]
                    + attribute.values.map {
                        Choice(
                            value: $0, label: t("live.attribute-value." + attribute.rawValue + "." + $0), selected: values[attribute.rawValue] == $0)
                    }, error: errors.message(attribute.rawValue))
        }
        return LiveJoinPage(
            layout: layout, csrf: csrf, codeAction: SiteURL.join.path, code: code, codeError: codeUnknown ? t("live.join.unknown-code") : nil,
            session: session != nil, notStarted: session?.status == .setup,
            anonymityNote: session.map { t("live.participant.anonymity." + $0.anonymity.rawValue) } ?? "",
            joinAction: session.map { SiteURL.joinSession(code: $0.code).path } ?? SiteURL.join.path, askName: session?.anonymity == .named,
            name: values["name"] ?? "", nameError: errors.message("name"), selects: selects, hasSelects: !selects.isEmpty,
            attributesNote: t("live.join.attributes-note", ["minimum": String(session?.minimumGroupSize ?? LiveSession.defaultMinimumGroupSize)]),
            errors: errors)
    }
}
