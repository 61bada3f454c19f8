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
        suppressed = table.suppressedCount > 0
        empty = table.rows.isEmpty
    }
}
