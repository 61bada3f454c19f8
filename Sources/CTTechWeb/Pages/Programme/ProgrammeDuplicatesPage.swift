import CTTechCore

/// Persons of the registry that look like one (issue 13): the same name, contact and state at different events. The
/// officer compares them — names only with the personal-data right — and confirms each merge; nothing merges by itself.
public struct ProgrammeDuplicatesPage: WebPage {
    public static let template = "programme-duplicates"

    struct Side: Sendable, TemplateModel {
        let pseudonym: String
        let name: String?
        let details: String
        let events: String
    }

    struct Pair: Sendable, TemplateModel {
        let keep: Side
        let other: Side
        let keepID: String
        let otherID: String
        let state: String
    }

    public let layout: LayoutModel
    let backHref: String
    let action: String
    let csrf: String
    let pairs: [Pair]
    let showsNames: Bool

    public static func make(
        layout: LayoutModel, suggestions: [DuplicateSuggestion], personal: [String: PersonalData]?, events: [ProgrammeEvent], states: [PartnerState],
        csrf: String
    ) -> ProgrammeDuplicatesPage {
        let t = layout.localizer
        let names = Dictionary(states.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let titles = Dictionary(events.map { ($0.id, $0.title + " (" + ProgrammeWords.dates($0) + ")") }, uniquingKeysWith: { first, _ in first })
        func side(_ person: ProgrammePerson, _ eventIDs: [String]) -> Side {
            let details = [person.sex.map { ProgrammeWords.sex($0, t) }, person.agency, person.role].compactMap { $0 }.filter { !$0.isEmpty }
            return Side(
                pseudonym: ProgrammeWords.pseudonym(person.id), name: personal?[person.id]?.name, details: details.joined(separator: " · "),
                events: eventIDs.compactMap { titles[$0] }.joined(separator: "; "))
        }
        return ProgrammeDuplicatesPage(
            layout: layout, backHref: SiteURL.programme().path, action: SiteURL.programmeDuplicates.path, csrf: csrf,
            pairs: suggestions.map {
                Pair(
                    keep: side($0.keep, $0.keepEvents), other: side($0.other, $0.otherEvents), keepID: $0.keep.id, otherID: $0.other.id,
                    state: names[$0.keep.stateID] ?? "—")
            }, showsNames: personal != nil)
    }
}
