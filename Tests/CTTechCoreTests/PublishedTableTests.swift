import CTTechCore
import Testing

/// Issue 13: the exports publish the breakdowns of people exactly as the dashboards do — the same cells, every suppressed
/// one written as such — so the property of ``ProtectedTable`` (no suppressed count follows from the published ones)
/// holds for the CSV files too.
@Suite("Programme: published tables and their CSV exports")
struct PublishedTableTests {
    /// The counts of a CSV export, in the order of ``ProtectedTableTests/published(_:)``: cells row by row, row totals,
    /// column totals, total (nil where the file says suppressed).
    static func parse(_ csv: String, columns: Int) throws -> [Int?] {
        let lines = csv.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines.first == ["key", "label"] + ProgrammeFigures.sexColumns + ["total"])
        func count(_ text: String) throws -> Int? {
            if text == PublishedTable.suppressedMark { return nil }
            return try #require(Int(text), "not a count: \(text)")
        }
        let body = Array(lines.dropFirst().dropLast())
        let totals = try #require(lines.last)
        let cells = try body.flatMap { try $0[2..<(2 + columns)].map(count) }
        let rowTotals = try body.map { try count($0[2 + columns]) }
        return cells + rowTotals + (try totals[2..<(2 + columns)].map(count)) + [try count(totals[2 + columns])]
    }

    @Test(arguments: [1, 2, 3])
    func theByStateExportIsThePublishedTable(seed: UInt64) throws {
        var random = SplitMix64(seed: seed)
        for _ in 0..<100 {
            // setup: a breakdown of 1–6 states by sex, counts mostly small
            let states = (0..<Int.random(in: 1...6, using: &random)).map { "state-\($0)" }
            var breakdown: [String: [String: Int]] = [:]
            for state in states {
                for column in ProgrammeFigures.sexColumns where Bool.random(using: &random) {
                    breakdown[state, default: [:]][column] = Int.random(in: 0...(Bool.random(using: &random) ? 6 : 30), using: &random)
                }
            }
            let figures = ProgrammeFigures(uniquePersons: 0, registrations: 0, personDays: 0, byState: breakdown, byEvent: [:])
            let names = Dictionary(uniqueKeysWithValues: states.map { ($0, "State =\($0)") })

            // act
            let published = PublishedTable.byState(figures, names: names, minimum: 5)
            let protected = ProgrammeFigures.table(breakdown, rows: published.rows.map(\.key), minimum: 5)
            let exported = try Self.parse(published.csv(), columns: ProgrammeFigures.sexColumns.count)

            // check: the file holds exactly what the protection publishes (so nothing hidden can be worked out from it), no
            // count of 1–4 appears, and the labels cannot run as formulas
            #expect(exported == ProtectedTableTests.published(protected), "\(breakdown)")
            #expect(exported.allSatisfy { $0 == nil || $0 == 0 || $0! >= 5 })
            #expect(Set(published.rows.map(\.key)) == Set(breakdown.keys))
            #expect(!published.csv().contains(",=State"))
        }
    }

    @Test func theByEventExportProtectsEachRowAndPublishesNoColumnTotals() throws {
        // setup: two events — one of 12 women and 2 men, one of 7 men
        let events = [
            ProgrammeEvent(
                id: "e1", kind: .nationalWorkshop, title: "Workshop, day one", stateIDs: ["s"], start: CalendarDate("2024-05-14")!,
                end: CalendarDate("2024-05-14")!, city: "Capital"),
            ProgrammeEvent(
                id: "e2", kind: .followUpVisit, title: "Visit", stateIDs: ["s"], start: CalendarDate("2024-06-18")!, end: CalendarDate("2024-06-18")!,
                city: "Capital"),
        ]
        let byEvent = ["e1": ["female": 12, "male": 2], "e2": ["male": 7]]

        // act
        let csv = PublishedTable.byEvent(byEvent, events: events, minimum: 5).csv()

        // check, by hand: e1's 2 men are hidden and with them one more cell of its row (its total would give them away), so
        // the women's 12 goes too; e2's single non-zero cell equals its total and stays
        #expect(
            csv == """
                key,label,female,male,other,undeclared,total\r
                e1,"Workshop, day one",suppressed,suppressed,0,0,14\r
                e2,Visit,0,7,0,0,7\r

                """)
    }
}
