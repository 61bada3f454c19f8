/// A breakdown of people as the programme publishes it (issue 13): the dashboards show it, the CSV exports write it and
/// the API returns it, all from this one value, so a count suppressed in one is suppressed in every other. A cell or
/// total is nil where it is suppressed (``ProtectedTable``).
public struct PublishedTable: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public let key: String
        public let label: String
        public let cells: [Int?]
        public let total: Int?
    }

    /// The column codes (``ProgrammeFigures/sexColumns``).
    public let columns: [String]
    public let rows: [Row]
    /// The column totals and the grand total; nil for a table protected row by row (none are published).
    public let columnTotals: [Int?]?
    public let total: Int?
    public let suppressedCount: Int

    /// A whole table protected at once, with its totals. `labels`: row key → label (the key where missing).
    public init(_ table: ProtectedTable, labels: [String: String]) {
        columns = table.columns
        rows = table.rows.enumerated().map { index, key in
            Row(key: key, label: labels[key] ?? key, cells: table.cells[index], total: table.rowTotals[index])
        }
        columnTotals = table.columnTotals
        total = table.total
        suppressedCount = table.suppressedCount
    }

    /// Rows each protected on their own (a one-row ``ProtectedTable``: its cells and its total) and no column totals: any
    /// selection of its rows can be published without one row's hidden counts following from the others.
    public init(rowwise counts: [String: [String: Int]], rows keys: [String], columns: [String], minimum: Int, labels: [String: String]) {
        self.columns = columns
        var hidden = 0
        rows = keys.map { key in
            let table = ProtectedTable(rows: [key], columns: columns, counts: [columns.map { counts[key]?[$0] ?? 0 }], minimum: minimum)
            hidden += table.suppressedCount
            return Row(key: key, label: labels[key] ?? key, cells: table.cells[0], total: table.rowTotals[0])
        }
        columnTotals = nil
        total = nil
        suppressedCount = hidden
    }

    /// Persons who attended, by partner state and sex (the whole programme the scope reaches), states in name order.
    public static func byState(_ figures: ProgrammeFigures, names: [String: String], minimum: Int) -> PublishedTable {
        let rows = figures.byState.keys.sorted { (names[$0] ?? $0, $0) < (names[$1] ?? $1, $1) }
        return PublishedTable(ProgrammeFigures.table(figures.byState, rows: rows, minimum: minimum), labels: names)
    }

    /// Persons who attended, by year and sex.
    public static func byYear(_ figures: ProgrammeFigures, minimum: Int) -> PublishedTable {
        PublishedTable(ProgrammeFigures.table(figures.byYear, rows: figures.byYear.keys.sorted(), minimum: minimum), labels: [:])
    }

    /// Persons who attended each of `events` (in the order given), by sex, each row protected on its own. `byEvent`:
    /// ``ProgrammeFigures/byEvent`` (events without attendance are left out).
    public static func byEvent(_ byEvent: [String: [String: Int]], events: [ProgrammeEvent], minimum: Int) -> PublishedTable {
        let shown = events.filter { byEvent[$0.id] != nil }
        return PublishedTable(
            rowwise: byEvent, rows: shown.map(\.id), columns: ProgrammeFigures.sexColumns, minimum: minimum,
            labels: Dictionary(shown.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first }))
    }

    /// What a suppressed cell is written as in a CSV export.
    public static let suppressedMark = "suppressed"

    /// RFC 4180 CSV: a header (`key`, `label`, the columns, `total`), one line per row and, when the table has them, a
    /// line of totals. A suppressed cell is written ``suppressedMark``; text is escaped against formula injection.
    public func csv() -> String {
        func count(_ value: Int?) -> String { value.map(String.init) ?? Self.suppressedMark }
        var lines = [(["key", "label"] + columns + ["total"]).joined(separator: ",")]
        for row in rows {
            lines.append(
                ([RegisterDocument.cell(row.key), RegisterDocument.cell(row.label)] + row.cells.map(count) + [count(row.total)]).joined(
                    separator: ","))
        }
        if let columnTotals {
            lines.append((["total", "total"] + columnTotals.map(count) + [count(total)]).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
