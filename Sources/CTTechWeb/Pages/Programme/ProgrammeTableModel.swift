import CTTechCore

/// A ``PublishedTable`` as a page shows it: each row's label and counts (◆ where suppressed), the totals, and whether
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
    /// False for a table protected row by row (``PublishedTable/init(rowwise:rows:columns:minimum:labels:)``): no column
    /// totals are published.
    let hasTotals: Bool
    let suppressed: Bool
    let empty: Bool
    /// The table's CSV export, the same cells suppressed.
    let csvHref: String?

    /// `labels`: row key → the label shown instead of the table's own.
    init(
        _ table: PublishedTable, heading: String, caption: String, labels: [String: String] = [:], links: [String: String] = [:],
        csv: SiteURL? = nil, _ t: Localizer
    ) {
        csvHref = csv?.path
        self.heading = heading
        self.caption = caption
        columns = table.columns.map { ProgrammeWords.sex($0, t) }
        rows = table.rows.map { row in
            Row(
                label: labels[row.key] ?? row.label, href: links[row.key], cells: row.cells.map { ProgrammeWords.count($0, t) },
                total: ProgrammeWords.count(row.total, t))
        }
        totals = (table.columnTotals ?? []).map { ProgrammeWords.count($0, t) }
        total = table.columnTotals == nil ? "" : ProgrammeWords.count(table.total, t)
        hasTotals = table.columnTotals != nil
        suppressed = table.suppressedCount > 0
        empty = table.rows.isEmpty
    }
}
