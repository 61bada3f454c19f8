import CTTechCore
import Testing

/// Issue 13: unique persons, registrations and person-days are counted apart — one official at three events is one
/// person.
@Suite("Programme: unique persons, registrations and person-days")
struct ParticipationCountTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let tashkent = ProgrammeEvent(
        id: "e1", kind: .regionalWorkshop, title: "Regional workshop, Central Asia", stateIDs: ["UZ", "KZ"], start: day("2023-09-27"),
        end: day("2023-09-27"), city: "Tashkent")
    static let portOfSpain = ProgrammeEvent(
        id: "e2", kind: .regionalWorkshop, title: "Regional workshop, Caribbean", stateIDs: ["TT", "JM"], start: day("2023-11-16"),
        end: day("2023-11-17"), city: "Port of Spain")
    static let sarajevo = ProgrammeEvent(
        id: "e3", kind: .nationalWorkshop, title: "National workshop", stateIDs: ["BA"], start: day("2024-04-01"), end: day("2024-04-04"),
        city: "Sarajevo")
    static let events = Dictionary(uniqueKeysWithValues: [tashkent, portOfSpain, sarajevo].map { ($0.id, $0) })

    static func person(_ id: String, sex: String?) -> ProgrammePerson {
        ProgrammePerson(
            id: id, consent: .init(purpose: "programme reporting", givenOn: day("2023-09-01"), method: "signed form"),
            retainUntil: day("2026-12-31"), sex: sex, ageBand: nil, stateID: "UZ", agency: "Police", agencyType: "law-enforcement",
            role: "analyst")
    }

    @Test func anEventHasEveryDayFromItsFirstToItsLast() {
        #expect(Self.sarajevo.days.map(\.description) == ["2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04"])
        #expect(Self.tashkent.days.map(\.description) == ["2023-09-27"])
    }

    @Test func oneOfficialAtThreeEventsIsOnePerson() {
        // setup: A attends all three events (one day, two days, three of four days); B registers for Sarajevo and does not
        // come; C attends Port of Spain on its second day only, and a day outside the event is recorded by mistake.
        let registrations = [
            Registration(eventID: "e1", personID: "A", attended: [Self.day("2023-09-27")]),
            Registration(eventID: "e2", personID: "A", attended: [Self.day("2023-11-16"), Self.day("2023-11-17")]),
            Registration(eventID: "e3", personID: "A", attended: [Self.day("2024-04-01"), Self.day("2024-04-02"), Self.day("2024-04-04")]),
            Registration(eventID: "e3", personID: "B", attended: []),
            Registration(eventID: "e2", personID: "C", attended: [Self.day("2023-11-17"), Self.day("2023-11-20")]),
        ]
        let people = ["A": Self.person("A", sex: "female"), "B": Self.person("B", sex: "male"), "C": Self.person("C", sex: nil)]

        // act
        let count = ParticipationCount(registrations: registrations, events: Self.events, people: people)

        // check: by hand — persons A and C (B never came) = 2; registrations 5; person-days 1 + 2 + 3 + 1 = 7; women: A
        // of the one who declared (C did not) = 100 %
        #expect(count.uniquePersons == 2 && count.registrations == 5 && count.personDays == 7)
        #expect(count.women == 1 && count.declaredSex == 1 && count.womenShare == 1)
    }

    @Test func countingTwiceTheSameRowChangesNothing() {
        let row = Registration(eventID: "e2", personID: "A", attended: [Self.day("2023-11-16")])
        let once = ParticipationCount(registrations: [row], events: Self.events, people: [:])
        let twice = ParticipationCount(registrations: [row, row], events: Self.events, people: [:])
        #expect(once == twice && once.uniquePersons == 1 && once.personDays == 1 && once.womenShare == nil)
    }

    @Test func theByEventTableOpensOnTheLatestYearSomebodyAttended() {
        // events in 2023 (attended), 2024 (attended) and 2026 (planned: nobody yet)
        let planned = ProgrammeEvent(
            id: "e4", kind: .training, title: "Planned training", stateIDs: ["UZ"], start: Self.day("2026-12-14"), end: Self.day("2026-12-15"),
            city: "Tashkent")
        let counts = ProgrammeEventCounts(events: [Self.tashkent, Self.portOfSpain, Self.sarajevo, planned], regions: [:])
        let figures = ProgrammeFigures(
            uniquePersons: 3, registrations: 3, personDays: 3, byState: [:], byEvent: [:],
            byYear: ["2023": ["female": 2], "2024": ["male": 1], "2026": ["female": 0]])
        #expect(counts.years == [2023, 2024, 2026])
        #expect(counts.shownYear(asked: nil, figures: figures) == 2024, "2026 has events but nobody attended yet")
        #expect(counts.shownYear(asked: 2026, figures: figures) == 2026, "a year asked for that has events is kept")
        #expect(counts.shownYear(asked: 2025, figures: figures) == 2024, "a year without events is not")
        let nobody = ProgrammeFigures(uniquePersons: 0, registrations: 0, personDays: 0, byState: [:], byEvent: [:])
        #expect(counts.shownYear(asked: nil, figures: nobody) == 2026, "with no attendance at all, the latest year of events")
        #expect(ProgrammeEventCounts(events: [], regions: [:]).shownYear(asked: 2023, figures: figures) == nil)
    }
}
