/// A table of counts of people as it may be published (issue 13; DOMAIN.md §5, "Privacy"): rows × columns with row,
/// column and grand totals, in which every count of 1 to `minimum − 1` people is suppressed (primary suppression), and
/// then as many more counts as it takes that no suppressed count can be worked out from the published ones
/// (complementary suppression).
///
/// "Worked out" means determined by the table's sums: the published counts and totals give linear equations over the
/// suppressed ones (each row adds up to its total, each column to its total, the totals to the grand total). A
/// suppressed count is determined when those equations fix it whatever the others are; that is tested exactly, for
/// every suppressed count, after every step (``determined(_:)``). While one is determined, one more count is
/// suppressed: the one that frees it, preferring a cell in its row or column, then the smallest count; when no single
/// count among the first few candidates frees it, the best candidate is suppressed and the search goes on. Zero counts are not suppressed for
/// their own sake (that nobody of a group attended discloses nobody) but may be suppressed to protect another.
public struct ProtectedTable: Sendable, Hashable {
    public let rows: [String]
    public let columns: [String]
    /// `cells[row][column]`; nil when suppressed.
    public let cells: [[Int?]]
    public let rowTotals: [Int?]
    public let columnTotals: [Int?]
    public let total: Int?
    public let minimum: Int

    /// `counts[row][column]`; every row has one count per column. `minimum`: the smallest group published (5 by default;
    /// 1 publishes everything).
    public init(rows: [String], columns: [String], counts: [[Int]], minimum: Int = 5) {
        precondition(counts.count == rows.count && counts.allSatisfy { $0.count == columns.count }, "one count per row and column")
        self.rows = rows
        self.columns = columns
        self.minimum = max(1, minimum)
        let layout = Layout(rows: rows.count, columns: columns.count)
        let values = layout.values(counts)
        let hidden = Self.suppression(values, layout: layout, minimum: self.minimum)
        func shown(_ index: Int) -> Int? { hidden.contains(index) ? nil : values[index] }
        cells = (0..<rows.count).map { r in (0..<columns.count).map { c in shown(layout.cell(r, c)) } }
        rowTotals = (0..<rows.count).map { shown(layout.rowTotal($0)) }
        columnTotals = (0..<columns.count).map { shown(layout.columnTotal($0)) }
        total = shown(layout.grandTotal)
    }

    /// How many counts (cells and totals) are not published.
    public var suppressedCount: Int {
        cells.joined().filter { $0 == nil }.count + rowTotals.filter { $0 == nil }.count + columnTotals.filter { $0 == nil }.count
            + (total == nil ? 1 : 0)
    }

    /// Where each count of a table sits in one list: the cells row by row, the row totals, the column totals, the grand
    /// total; and the equations between them.
    struct Layout: Sendable {
        let rows: Int
        let columns: Int

        func cell(_ r: Int, _ c: Int) -> Int { r * columns + c }
        func rowTotal(_ r: Int) -> Int { rows * columns + r }
        func columnTotal(_ c: Int) -> Int { rows * columns + rows + c }
        var grandTotal: Int { rows * columns + rows + columns }
        var count: Int { grandTotal + 1 }

        func values(_ counts: [[Int]]) -> [Int] {
            let rowSums = counts.map { $0.reduce(0, +) }
            let columnSums = (0..<columns).map { c in counts.reduce(0) { $0 + $1[c] } }
            return counts.flatMap { $0 } + rowSums + columnSums + [rowSums.reduce(0, +)]
        }

        /// Each equation as the counts it adds (+1) and the one it equals (−1): every row and column to its total, the
        /// row totals and the column totals to the grand total.
        var equations: [[(index: Int, sign: Double)]] {
            var all: [[(index: Int, sign: Double)]] = []
            for r in 0..<rows { all.append((0..<columns).map { (cell(r, $0), 1) } + [(rowTotal(r), -1)]) }
            for c in 0..<columns { all.append((0..<rows).map { (cell($0, c), 1) } + [(columnTotal(c), -1)]) }
            all.append((0..<rows).map { (rowTotal($0), 1) } + [(grandTotal, -1)])
            all.append((0..<columns).map { (columnTotal($0), 1) } + [(grandTotal, -1)])
            return all
        }

        /// The row and column a count belongs to (nil for a total's missing side).
        func position(_ index: Int) -> (row: Int?, column: Int?) {
            if index < rows * columns { return (index / columns, index % columns) }
            if index < rows * columns + rows { return (index - rows * columns, nil) }
            if index < grandTotal { return (nil, index - rows * columns - rows) }
            return (nil, nil)
        }
    }

    static func suppression(_ values: [Int], layout: Layout, minimum: Int) -> Set<Int> {
        var hidden = Set(values.indices.filter { values[$0] > 0 && values[$0] < minimum })
        var guardSteps = values.count
        while guardSteps > 0, let exposed = determined(hidden, layout: layout).min() {
            guardSteps -= 1
            let (row, column) = layout.position(exposed)
            // Candidates: a count that shares an equation with the exposed one first — for a cell, its row and column;
            // for a row (column) total, the other row (column) totals and the grand total, then its row's (column's)
            // cells — cells before totals when a cell is exposed, totals first when a total is, a positive count
            // before a zero, then the smallest. (Freeing a total with cells one at a time would hide most of a table.)
            let exposedIsCell = exposed < layout.rows * layout.columns
            let candidates = values.indices.filter { !hidden.contains($0) }.sorted { a, b in
                func key(_ i: Int) -> (Int, Int, Int, Int, Int) {
                    let p = layout.position(i)
                    let isCell = i < layout.rows * layout.columns
                    let beside: Bool
                    if exposedIsCell {
                        beside = (row != nil && p.row == row) || (column != nil && p.column == column)
                    } else if i == layout.grandTotal || exposed == layout.grandTotal {
                        beside = !isCell
                    } else if row != nil {
                        beside = (!isCell && p.column == nil) || p.row == row
                    } else {
                        beside = (!isCell && p.row == nil) || p.column == column
                    }
                    let kind = exposedIsCell ? (isCell ? 0 : i == layout.grandTotal ? 2 : 1) : (isCell ? 1 : 0)
                    return (beside ? 0 : 1, kind, values[i] == 0 ? 1 : 0, values[i], i)
                }
                return key(a) < key(b)
            }
            guard let fallback = candidates.first else { break }
            // The first few candidates are tried one by one (a dashboard's table stays quick to protect).
            let freeing = candidates.prefix(12).first { !determined(hidden.union([$0]), layout: layout).contains(exposed) }
            hidden.insert(freeing ?? fallback)
        }
        return hidden
    }

    /// The suppressed counts the published ones determine: the equations reduced to the suppressed counts (the
    /// published ones move to the constant side), brought to reduced row echelon form; a suppressed count is
    /// determined when it leads a row that involves no free count.
    static func determined(_ hidden: Set<Int>, layout: Layout) -> Set<Int> {
        let unknowns = hidden.sorted()
        guard !unknowns.isEmpty else { return [] }
        let column = Dictionary(uniqueKeysWithValues: unknowns.enumerated().map { ($1, $0) })
        var matrix: [[Double]] = layout.equations.compactMap { equation in
            var row = [Double](repeating: 0, count: unknowns.count)
            var any = false
            for (index, sign) in equation {
                if let c = column[index] {
                    row[c] += sign
                    any = true
                }
            }
            return any ? row : nil
        }
        var pivots: [(row: Int, column: Int)] = []
        var r = 0
        for c in 0..<unknowns.count where r < matrix.count {
            guard let p = (r..<matrix.count).first(where: { abs(matrix[$0][c]) > 1e-9 }) else { continue }
            matrix.swapAt(r, p)
            let lead = matrix[r][c]
            matrix[r] = matrix[r].map { $0 / lead }
            for other in 0..<matrix.count where other != r && abs(matrix[other][c]) > 1e-9 {
                let factor = matrix[other][c]
                matrix[other] = zip(matrix[other], matrix[r]).map { $0 - factor * $1 }
            }
            pivots.append((r, c))
            r += 1
        }
        let pivotColumns = Set(pivots.map(\.column))
        let free = (0..<unknowns.count).filter { !pivotColumns.contains($0) }
        return Set(
            pivots.filter { pivot in free.allSatisfy { abs(matrix[pivot.row][$0]) <= 1e-9 } }.map { unknowns[$0.column] })
    }
}
