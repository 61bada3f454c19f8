import CTTechCore

/// A ``ProtectedTable`` as a page shows it: each row's label and counts (◆ where suppressed), the totals, and whether
/// anything was suppressed (the page then says why).
struct ProgrammeTableModel: Sendable, TemplateModel {
    struct Row: Sendable, TemplateModel {
        let label: String
        let href: String?
        let cells: [String]
        let total: String
    }

    let heading: String
    let caption: String
    let columns: [String]
    let rows: [Row]
    let totals: [String]
    let total: String
    /// False for a table protected row by row (``init(rowwise:heading:caption:labels:links:_:)``): no column totals are
    /// published, so any selection of its rows can be shown without one row's hidden counts following from the others.
    let hasTotals: Bool
    let suppressed: Bool
    let empty: Bool

    init(_ table: ProtectedTable, heading: String, caption: String, labels: [String: String], links: [String: String] = [:], _ t: Localizer) {
        self.heading = heading
        self.caption = caption
        columns = table.columns.map { ProgrammeWords.sex($0, t) }
        rows = table.rows.enumerated().map { index, row in
            Row(
                label: labels[row] ?? row, href: links[row], cells: table.cells[index].map { ProgrammeWords.count($0, t) },
                total: ProgrammeWords.count(table.rowTotals[index], t))
        }
        totals = table.columnTotals.map { ProgrammeWords.count($0, t) }
        total = ProgrammeWords.count(table.total, t)
        hasTotals = true
        suppressed = table.suppressedCount > 0
        empty = table.rows.isEmpty
    }

    /// Rows each protected on their own (a one-row ``ProtectedTable``: its cells and its total), without column totals.
    /// `counts`: row → column → count; `rows` in the order shown.
    init(
        rowwise counts: [String: [String: Int]], rows keys: [String], columns: [String], minimum: Int, heading: String, caption: String,
        labels: [String: String], links: [String: String] = [:], _ t: Localizer
    ) {
        self.heading = heading
        self.caption = caption
        self.columns = columns.map { ProgrammeWords.sex($0, t) }
        var hidden = false
        rows = keys.map { key in
            let table = ProtectedTable(rows: [key], columns: columns, counts: [columns.map { counts[key]?[$0] ?? 0 }], minimum: minimum)
            hidden = hidden || table.suppressedCount > 0
            return Row(
                label: labels[key] ?? key, href: links[key], cells: table.cells[0].map { ProgrammeWords.count($0, t) },
                total: ProgrammeWords.count(table.rowTotals[0], t))
        }
        totals = []
        total = ""
        hasTotals = false
        suppressed = hidden
        empty = keys.isEmpty
    }
}
