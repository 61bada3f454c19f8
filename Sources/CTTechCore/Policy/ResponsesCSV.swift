/// A state's response register as RFC 4180 CSV (issue 10: "CSV export of responses"), one row per response with its TLP
/// marking: what it is, what it addresses and declares, who leads it, its cost and timeframe, where its reviews stand for
/// its current version (blocking checks, an override, the gender marker) and its indicators' mean credited progress
/// (``IndicatorProgress/overall(_:)``). Cells and numbers are written as the register's CSV writes them
/// (``RegisterDocument/csv()``): a cell a spreadsheet would read as a formula gets a leading apostrophe.
public struct ResponsesCSV: Sendable {
    public var responses: [PolicyResponse]
    /// The risks the responses may address, for the titles of their targets.
    public var risks: [AddressableRisk]
    /// The state's agencies, for the lead agency's name.
    public var agencies: [Agency]
    /// The method whose checks and evidence age apply to a response of another method version than those in `methods`.
    public var method: MethodVersion
    /// Other method versions, by id, for responses designed under them.
    public var methods: [String: MethodVersion]
    public var reviews: [CheckReview]
    public var overrides: [ReviewOverride]
    public var indicators: [Indicator]
    /// The day evidence ages against.
    public var today: CalendarDate

    public init(
        responses: [PolicyResponse], risks: [AddressableRisk], agencies: [Agency], method: MethodVersion, otherMethods: [MethodVersion] = [],
        reviews: [CheckReview], overrides: [ReviewOverride], indicators: [Indicator], today: CalendarDate
    ) {
        self.responses = responses
        self.risks = risks
        self.agencies = agencies
        self.method = method
        methods = Dictionary((otherMethods + [method]).map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        self.reviews = reviews
        self.overrides = overrides
        self.indicators = indicators
        self.today = today
    }

    /// The header, in the order of each row's cells.
    public static let columns = [
        "tlp", "id", "title", "type", "status", "version", "targets", "target_titles", "effects", "lead_agency", "cost_low", "cost_high", "currency",
        "start", "end", "blocking_checks", "override", "gender_marker", "indicators", "progress",
    ]

    /// One row per response, in the order given; lines end with CRLF.
    public func csv() -> String {
        let titles = Dictionary(risks.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let agencyNames = Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let reviewsByResponse = Dictionary(grouping: reviews, by: \.responseID)
        let indicatorsByResponse = Dictionary(grouping: indicators, by: \.responseID)
        var lines = [Self.columns.joined(separator: ",")]
        for r in responses {
            let method = methods[r.methodVersion] ?? self.method
            let checklists = ReviewChecklist.both(method: method, reviews: reviewsByResponse[r.id] ?? [], version: r.version)
            let overridden = overrides.contains { $0.responseID == r.id && $0.responseVersion == r.version }
            let own = indicatorsByResponse[r.id] ?? []
            let progress = IndicatorProgress.overall(own.map { IndicatorProgress($0, today: today, maxAgeDays: method.evidenceMaxAgeDays) })
            let targets = r.targets.map { titles[$0.riskID] ?? $0.riskID }.joined(separator: "; ")
            let effects = r.effects.map(Self.effect).joined(separator: "; ")
            let lead = r.leadAgencyID.map { agencyNames[$0] ?? $0 } ?? ""
            let costLow = r.cost.map { RegisterDocument.number($0.low) } ?? ""
            let costHigh = r.cost.map { RegisterDocument.number($0.high) } ?? ""
            let blocking = checklists.flatMap(\.blocking).joined(separator: "; ")
            let marker = checklists.first { $0.kind == .gender }?.genderMarker.map { String($0) } ?? ""
            var cells: [String] = [r.tlp.rawValue, r.id, r.title, r.type, r.status.rawValue, String(r.version), String(r.targets.count), targets]
            cells += [effects, lead, costLow, costHigh, r.cost?.currency ?? "", r.timeframe?.start.description ?? ""]
            cells += [r.timeframe?.end.description ?? "", blocking, overridden ? "yes" : "no", marker, String(own.count)]
            cells.append(progress.map { RegisterDocument.number($0) } ?? "")
            lines.append(cells.map(RegisterDocument.cell).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `factor low/best/high`, or `impact:dimension low/best/high` for an impact effect on one dimension.
    static func effect(_ e: DeclaredEffect) -> String {
        let name = e.dimension.map { "\(e.factor.rawValue):\($0.rawValue)" } ?? e.factor.rawValue
        return "\(name) \(RegisterDocument.number(e.low))/\(RegisterDocument.number(e.best))/\(RegisterDocument.number(e.high))"
    }
}
