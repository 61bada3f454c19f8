import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Responses CSV: one row per response, as the register's CSV writes cells")
struct ResponsesCSVTests {
    static let header =
        "tlp,id,title,type,status,version,targets,target_titles,effects,lead_agency,cost_low,cost_high,currency,start,end,blocking_checks,"
        + "override,gender_marker,indicators,progress"
    static let today = CalendarDate("2026-12-01")!

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static func response(
        id: String, title: String, status: ResponseStatus = .approved, version: Int = 2, targets: [ResponseTarget] = [],
        effects: [DeclaredEffect] = [], lead: String? = nil, cost: CostRange? = nil, timeframe: Timeframe? = nil, tlp: TLP = .amber
    ) -> PolicyResponse {
        PolicyResponse(
            id: id, stateID: "st", title: title, type: "R05", description: "", targets: targets, effects: effects, leadAgencyID: lead,
            partnerAgencyIDs: [], cost: cost, timeframe: timeframe, legalBasis: "", status: status, tlp: tlp, methodVersion: MethodVersion.defaultID,
            version: version, createdBy: "author", updatedBy: "author", updatedAt: 0)
    }

    static func review(_ code: String, _ status: CheckStatus, of responseID: String, version: Int, marker: Int? = nil) -> CheckReview {
        CheckReview(
            responseID: responseID, kind: code.hasPrefix("G") ? .gender : .humanRights, code: code, status: status, reasoning: "Because.",
            genderMarker: marker, reviewerID: "reviewer", reviewerLabel: "reviewer@example.org", responseVersion: version, reviewedAt: 1)
    }

    static func indicator(
        _ id: String, of responseID: String, baseline: Double, target: Double, direction: Indicator.Direction, actuals: [(Double, String)]
    ) -> Indicator {
        Indicator(
            id: id, responseID: responseID, name: id, level: .output, unit: "sites", direction: direction, baseline: baseline,
            baselineDate: date("2024-01-01"), target: target, targetDate: date("2028-01-01"), disaggregated: false,
            actuals: actuals.enumerated().map {
                IndicatorActual(
                    id: "\(id)-\($0.offset)", indicatorID: id, value: $0.element.0, date: date($0.element.1), evidence: "Report.", reliability: .b,
                    recordedBy: "author")
            })
    }

    @Test func eachResponseIsOneRowWithItsReviewsAndProgress() {
        // setup: an approved response (version 2) whose H04 is Not met and overridden, with three indicators; and a bare idea
        let approved = Self.response(
            id: "r-1", title: "=HYPERLINK(\"x\")",
            targets: [
                ResponseTarget(riskID: "s1", kind: .scenario, assessmentID: "a1", baselineRound: 2),
                ResponseTarget(riskID: "o1", kind: .otherRisk, assessmentID: "a1", baselineRound: 2),
            ],
            effects: [
                DeclaredEffect(factor: .opportunity, low: 20, best: 35, high: 50),
                DeclaredEffect(factor: .impact, dimension: .fatalities, low: 10, best: 20, high: 30.5),
            ],
            lead: "a-police", cost: CostRange(low: 1_200_000, high: 2_000_000, currency: "EUR"),
            timeframe: Timeframe(start: Self.date("2026-01-01"), end: Self.date("2027-12-31")))
        let idea = Self.response(id: "r-2", title: "Quiet response", status: .idea, version: 1, tlp: .green)
        let mandatory = MethodVersion.ctTechDefault.mandatoryChecks.sorted()
        var reviews = mandatory.map { Self.review($0, $0 == "H04" ? .notMet : .met, of: "r-1", version: 2, marker: $0 == "G08" ? 2 : nil) }
        // an answer about version 1 does not count: its marker is not the response's
        reviews.append(Self.review("G08", .met, of: "r-1", version: 1, marker: 3))
        let override = ReviewOverride(
            responseID: "r-1", responseVersion: 2, checks: ["H04"], justification: "Needed before the festival season starts.", byID: "focal",
            byLabel: "focal@example.org", at: 2)
        // progress: (5 − 0)/(10 − 0) = 0.5, fresh; none yet = 0; (75 − 100)/(50 − 100) = 0.5, 730 days old with a 365-day limit,
        // so weighted 0.5^((730 − 365)/365) = 0.5 → 0.25; the mean is (0.5 + 0 + 0.25)/3 = 0.25
        let indicators = [
            Self.indicator("i1", of: "r-1", baseline: 0, target: 10, direction: .increase, actuals: [(2, "2026-06-01"), (5, "2026-11-01")]),
            Self.indicator("i2", of: "r-1", baseline: 0, target: 4, direction: .increase, actuals: []),
            Self.indicator("i3", of: "r-1", baseline: 100, target: 50, direction: .decrease, actuals: [(75, "2024-12-01")]),
        ]
        let csv = ResponsesCSV(
            responses: [approved, idea],
            risks: [
                AddressableRisk(id: "s1", kind: .scenario, assessmentID: "a1", assessmentTitle: "National", title: "Drone attack, festival"),
                AddressableRisk(id: "o1", kind: .otherRisk, assessmentID: "a1", assessmentTitle: "National", title: "Flood"),
            ],
            agencies: [Agency(id: "a-police", name: "National Police", kind: .lawEnforcement, mandate: "")], method: .ctTechDefault,
            reviews: reviews, overrides: [override], indicators: indicators, today: Self.today)

        // act
        let text = csv.csv()

        // check
        #expect(
            text
                == Self.header + "\r\n"
                + "AMBER,r-1,\"'=HYPERLINK(\"\"x\"\")\",R05,approved,2,2,\"Drone attack, festival; Flood\","
                + "opportunity 20/35/50; impact:fatalities 10/20/30.5,National Police,1200000,2000000,EUR,2026-01-01,2027-12-31,H04,yes,2,3,0.25\r\n"
                + "GREEN,r-2,Quiet response,R05,idea,1,0,,,,,,,,,H01; H02; H03; H04; H05; H06; H09; H11; G03; G08; G09,no,,0,\r\n")
    }

    @Test func aResponseOfAnotherMethodVersionIsReadWithItsOwnChecks() {
        // setup: a method where nothing is mandatory and evidence is stale after 10 days
        var lenient = MethodVersion.ctTechDefault
        lenient.id = "lenient-1"
        lenient.mandatoryChecks = []
        lenient.evidenceMaxAgeDays = 10
        var response = Self.response(
            id: "r-3", title: "Unknown target", version: 1,
            targets: [
                ResponseTarget(riskID: "gone", kind: .scenario, assessmentID: "a1")
            ], lead: "gone-agency")
        response.methodVersion = lenient.id
        // 20 days old: 0.5^((20 − 10)/10) = 0.5 of full progress
        let indicator = Self.indicator("i", of: "r-3", baseline: 0, target: 1, direction: .increase, actuals: [(1, "2026-11-11")])

        // act
        let text = ResponsesCSV(
            responses: [response], risks: [], agencies: [], method: .ctTechDefault, otherMethods: [lenient], reviews: [], overrides: [],
            indicators: [indicator], today: Self.today
        ).csv()

        // check: nothing blocks, the unknown risk and agency are named by their ids
        #expect(text == Self.header + "\r\nAMBER,r-3,Unknown target,R05,approved,1,1,gone,,gone-agency,,,,,,,no,,1,0.5\r\n")
    }

    /// Reads RFC 4180 text back into rows of cells (quoted cells, doubled quotes, CRLF line ends).
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        cell.append("\"")
                        chars = chars.dropFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    cell.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                row.append(cell)
                cell = ""
            } else if c == "\r\n" || c == "\n" {
                row.append(cell)
                rows.append(row)
                (row, cell) = ([], "")
            } else {
                cell.append(c)
            }
        }
        return rows
    }

    /// Law: whatever a title holds, each response is one row of as many cells as the header, and the title reads back
    /// (behind an apostrophe when a spreadsheet would take it for a formula).
    @Test func everyRowHasTheHeadersCellsWhateverTheTitles() async {
        let pieces = ["a", "b", ",", "\"", "\n", "=", "+", "-", "@", " ", "é", ";", "\t"]
        await propertyCheck(input: Gen.int(in: 0...(pieces.count - 1)).array(of: 0...12).array(of: 1...4)) { titles in
            let responses = titles.enumerated().map { Self.response(id: "r\($0.offset)", title: $0.element.map { pieces[$0] }.joined()) }
            let rows = Self.parse(
                ResponsesCSV(
                    responses: responses, risks: [], agencies: [], method: .ctTechDefault, reviews: [], overrides: [], indicators: [],
                    today: Self.today
                ).csv())
            #expect(rows.count == responses.count + 1)
            #expect(rows.allSatisfy { $0.count == ResponsesCSV.columns.count })
            for (row, response) in zip(rows.dropFirst(), responses) {
                let guarded = response.title.first.map { "=+-@\t\r".contains($0) } ?? false
                #expect(row[2] == (guarded ? "'" : "") + response.title)
            }
        }
    }
}
