import Testing

@testable import CTTechCore

/// Issue 13: a participant list is read all or nothing; every bad line is reported by line and column (bad sex code,
/// unknown state, invalid date, duplicate row, wrong encoding…), and a valid file gives one pseudonymous person, one
/// personal-data record and the days attended per line.
@Suite("Programme: participant list import")
struct ParticipantImportTests {
    static let event = ProgrammeEvent(
        id: "e1", kind: .regionalWorkshop, title: "Regional workshop", stateIDs: ["s-kz", "s-uz"], start: CalendarDate("2023-09-27")!,
        end: CalendarDate("2023-09-28")!, city: "Tashkent")
    static let codes = ["KAZ": "s-kz", "UZB": "s-uz", "VLD": "s-vld"]
    static let defaults = ParticipantImport.Defaults(
        consent: ProgrammePerson.Consent(purpose: "Programme records", givenOn: CalendarDate("2023-09-27")!, method: "Signed form"),
        retainUntil: CalendarDate("2026-09-30")!)

    static func read(_ text: String) throws(ValidationFailure) -> ParticipantImport {
        var counter = 0
        return try ParticipantImport(
            bytes: Array(text.utf8), event: event, stateCodes: codes, defaults: defaults,
            makeID: {
                counter += 1
                return "p\(counter)"
            })
    }

    /// The problems of a refused file as "line:column → key".
    static func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.issues.map { "\($0.field) \($0.key)" }
        }
    }

    @Test func aValidFileGivesOnePersonPerLineWithItsDays() throws {
        // setup: a byte-order mark, CRLF line ends, a quoted name holding a comma, columns in another order and case
        let text =
            "\u{FEFF}Name,STATE,sex,attended,Agency,age-band,retain_until\r\n"
            + "\"Doe, Jane (fictional)\",kaz,female,all,National police,30-39,\r\n"
            + "Participant UZB-02 (fictional),UZB,,2023-09-28,Academy,,2027-01-31\r\n"
        // act
        let list = try Self.read(text)
        // check
        #expect(list.rows.count == 2)
        let first = list.rows[0]
        #expect(first.line == 2 && first.personal.name == "Doe, Jane (fictional)" && first.person.stateID == "s-kz")
        #expect(first.person.sex == "female" && first.person.ageBand == "30-39" && first.person.agency == "National police")
        #expect(first.attended == Set(Self.event.days) && first.person.retainUntil == CalendarDate("2026-09-30"))
        #expect(first.person.consent == Self.defaults.consent)
        let second = list.rows[1]
        #expect(second.person.sex == nil && second.attended == [CalendarDate("2023-09-28")!])
        #expect(second.person.retainUntil == CalendarDate("2027-01-31") && second.person.id == "p2" && second.personal.personID == "p2")
    }

    @Test func everyBadLineIsNamedByLineAndColumnAndNothingIsRead() {
        let text = """
            name,state,sex,consent_date,attended
            Participant A (fictional),KAZ,F,2023-09-27,all
            Participant B (fictional),ATL,male,2023-09-27,
            Participant C (fictional),UZB,female,27/09/2023,2023-09-30
            Participant A (fictional),KAZ,female,2023-09-27,all
            Participant D (fictional),VLD,male,,
            ,UZB,male,,
            """
        let problems = Self.problems(text)
        // line 2: bad sex code; 3: unknown state; 4: invalid date and a day outside the event; 5: duplicate of line 2;
        // 6: a known state that is not the event's; 7: no name
        #expect(
            problems == [
                "2:sex validation.participants.not-one-of", "3:state validation.participants.unknown-state",
                "4:consent_date validation.participants.invalid-date", "4:attended validation.participants.day-outside-event",
                "5:name validation.participants.duplicate-row", "6:state validation.participants.state-not-in-event", "7:name validation.required",
            ])
    }

    @Test func aFileThatIsNotUTF8IsRefusedWithTheLineOfItsFirstBadByte() {
        // setup: Latin-1 "é" (0xE9) on line 3, as a spreadsheet saved in the wrong encoding writes it
        var bytes = Array("name,state\nParticipant A (fictional),KAZ\nRen".utf8)
        bytes.append(0xE9)
        bytes += Array(" (fictional),UZB\n".utf8)
        // act / check
        #expect(throws: ValidationFailure(field: "3:file", "validation.participants.not-utf8", ["line": "3"])) {
            try ParticipantImport(bytes: bytes, event: Self.event, stateCodes: Self.codes, defaults: Self.defaults)
        }
    }

    @Test func headerProblemsAreReportedBeforeAnyRow() {
        #expect(Self.problems("") == ["0:file validation.participants.empty"])
        #expect(Self.problems("name,state\n") == ["0:file validation.participants.no-rows"])
        #expect(
            Self.problems("name,nationality,name\nX,KAZ,Y\n") == [
                "1:nationality validation.participants.unknown-column", "1:name validation.participants.repeated-column",
                "1:state validation.participants.missing-column",
            ])
    }

    @Test func quotedFieldsMayHoldQuotesCommasAndLineBreaks() {
        let records = ParticipantImport.records("a,\"b \"\"x\"\", c\nd\",e\nf,g")
        #expect(records.map(\.fields) == [["a", "b \"x\", c\nd", "e"], ["f", "g"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test func theMatchKeyIgnoresCaseSpacingAndPunctuation() {
        #expect(
            ParticipantImport.matchKey(name: "  DOE,  Jane ", contact: "Jane.Doe@example.org", stateID: "s")
                == ParticipantImport.matchKey(name: "doe jane", contact: "jane doe@example org", stateID: "s"))
        #expect(
            ParticipantImport.matchKey(name: "Doe Jane", contact: "", stateID: "s1")
                != ParticipantImport.matchKey(name: "Doe Jane", contact: "", stateID: "s2"))
    }
}
