import CTTechCore
import Testing

/// Issue 13: counts of people published with small cells suppressed, and complementary suppression so that no
/// suppressed count can be worked out from the published ones and the table's sums.
@Suite("Programme: protected tables (small-cell and complementary suppression)")
struct ProtectedTableTests {
    @Test func aSmallCellTakesItsWholeCycleWithIt() {
        // A 2 × 2 table with one small cell (3). Its row total (13) less the other cell (10) would give it away, and
        // likewise its column; no single other cell protects it, nor does any two: only the four cells together, whose
        // sums leave one degree of freedom. The totals stay published.
        let table = ProtectedTable(rows: ["Kenya", "Uzbekistan"], columns: ["women", "men"], counts: [[3, 10], [12, 20]])

        #expect(table.cells == [[nil, nil], [nil, nil]])
        #expect(table.rowTotals == [13, 32] && table.columnTotals == [15, 30] && table.total == 45)
        #expect(table.suppressedCount == 4)
    }

    @Test func aTableWithoutSmallCountsIsPublishedWhole() {
        let table = ProtectedTable(rows: ["a", "b"], columns: ["x", "y", "z"], counts: [[5, 0, 9], [12, 7, 6]])

        #expect(table.cells == [[5, 0, 9], [12, 7, 6]] && table.rowTotals == [14, 25] && table.columnTotals == [17, 7, 15])
        #expect(table.total == 39 && table.suppressedCount == 0)
        #expect(ProtectedTable(rows: ["a"], columns: ["x"], counts: [[1]], minimum: 1).cells == [[1]], "a minimum of 1 publishes everything")
    }

    @Test func aOneRowBreakdownHidesTheColumnTotalsThatRepeatItsCells() {
        // One row (participants by sex): each column total is the cell itself, so a suppressed cell's column total goes
        // too, and a second group is suppressed with it (2 alone would follow from 18 − 7 − 9).
        let table = ProtectedTable(rows: ["all"], columns: ["women", "men", "not declared"], counts: [[2, 7, 9]])

        #expect(table.cells[0][0] == nil && table.columnTotals[0] == nil)
        #expect(table.suppressedCount >= 4 && table.total == 18)
        #expect(ProtectedTableTests.determined(table, truth: [[2, 7, 9]]).isEmpty)
    }

    @Test(arguments: [1, 2, 3, 4])
    func noSuppressedCountFollowsFromThePublishedOnes(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        for _ in 0..<150 {
            // setup: a random table of 1–5 rows and 1–5 columns, counts mostly small
            let rows = Int.random(in: 1...5, using: &random)
            let columns = Int.random(in: 1...5, using: &random)
            let counts = (0..<rows).map { _ in
                (0..<columns).map { _ in Bool.random(using: &random) ? Int.random(in: 0...6, using: &random) : Int.random(in: 0...40, using: &random)
                }
            }

            // act
            let table = ProtectedTable(rows: (0..<rows).map { "r\($0)" }, columns: (0..<columns).map { "c\($0)" }, counts: counts)

            // check: what is published is true, every small count is hidden, and no hidden count is determined
            let truth = Self.values(counts)
            let shown = Self.published(table)
            #expect(zip(shown, truth).allSatisfy { $0 == nil || $0 == $1 }, "\(counts)")
            #expect(zip(shown, truth).allSatisfy { $1 == 0 || $1 >= 5 || $0 == nil }, "a count of 1–4 is published: \(counts)")
            #expect(Self.determined(table, truth: counts).isEmpty, "a suppressed count can be worked out: \(counts)")
        }
    }

    /// A small column total (2 + 2 persons of sex "other" in a 10-state table) is freed by another total, not by hiding
    /// the table cell by cell (found in review: 39 of 40 cells hidden before).
    @Test func aSmallColumnTotalIsProtectedWithoutEmptyingTheTable() {
        // setup: ten states × (women, men, other, undeclared); "other" has 2 in the first two states only
        let counts = (0..<10).map { row in [8 + row, 12 + row, row < 2 ? 2 : 0, 6] }
        // act
        let table = ProtectedTable(rows: (0..<10).map { "s\($0)" }, columns: ["f", "m", "o", "u"], counts: counts)
        // check: the four small counts and what protects them, not the whole table; nothing follows from what is shown
        #expect(table.columnTotals[2] == nil && table.cells[0][2] == nil && table.cells[1][2] == nil)
        #expect(table.suppressedCount <= 12, "hid \(table.suppressedCount) of 55 counts")
        #expect(Self.determined(table, truth: counts).isEmpty)
    }

    /// Names compared for duplicates ignore case, accents, spacing and punctuation.
    @Test func theMatchKeyIgnoresAccents() {
        #expect(ParticipantImport.normalised("José  Ñúñez-García") == ParticipantImport.normalised("jose nunez garcia"))
    }

    // MARK: An independent check: the rank of the table's equations with and without the count's own unit row

    /// Cells row by row, row totals, column totals, the grand total.
    static func values(_ counts: [[Int]]) -> [Int] {
        let rowSums = counts.map { $0.reduce(0, +) }
        let columnSums = (0..<(counts.first?.count ?? 0)).map { c in counts.reduce(0) { $0 + $1[c] } }
        return counts.flatMap { $0 } + rowSums + columnSums + [rowSums.reduce(0, +)]
    }

    static func published(_ table: ProtectedTable) -> [Int?] {
        table.cells.flatMap { $0 } + table.rowTotals + table.columnTotals + [table.total]
    }

    /// The suppressed counts that the sums fix: a count is fixed when adding "this count = its value" to the equations
    /// over the suppressed counts does not raise their rank.
    static func determined(_ table: ProtectedTable, truth counts: [[Int]]) -> [Int] {
        let (r, c) = (counts.count, counts.first?.count ?? 0)
        let hidden = published(table).indices.filter { published(table)[$0] == nil }
        let position = Dictionary(uniqueKeysWithValues: hidden.enumerated().map { ($1, $0) })
        func equation(_ terms: [(Int, Double)]) -> [Double] {
            var row = [Double](repeating: 0, count: hidden.count)
            for (index, sign) in terms { if let p = position[index] { row[p] += sign } }
            return row
        }
        let cell = { (i: Int, j: Int) in i * c + j }
        var equations: [[Double]] = []
        for i in 0..<r { equations.append(equation((0..<c).map { (cell(i, $0), 1.0) } + [(r * c + i, -1)])) }
        for j in 0..<c { equations.append(equation((0..<r).map { (cell($0, j), 1.0) } + [(r * c + r + j, -1)])) }
        equations.append(equation((0..<r).map { (r * c + $0, 1.0) } + [(r * c + r + c, -1)]))
        equations.append(equation((0..<c).map { (r * c + r + $0, 1.0) } + [(r * c + r + c, -1)]))
        let base = rank(equations)
        return hidden.enumerated().filter { offset, _ in
            var unit = [Double](repeating: 0, count: hidden.count)
            unit[offset] = 1
            return rank(equations + [unit]) == base
        }.map(\.element)
    }

    static func rank(_ rows: [[Double]]) -> Int {
        var m = rows
        var rank = 0
        for column in 0..<(m.first?.count ?? 0) {
            guard let pivot = (rank..<m.count).max(by: { abs(m[$0][column]) < abs(m[$1][column]) }), abs(m[pivot][column]) > 1e-9 else {
                continue
            }
            m.swapAt(rank, pivot)
            for other in (rank + 1)..<max(rank + 1, m.count) {
                let factor = m[other][column] / m[rank][column]
                m[other] = zip(m[other], m[rank]).map { $0 - factor * $1 }
            }
            rank += 1
            if rank == m.count { break }
        }
        return rank
    }
}
