/// A customised threat-band scale or risk matrix, checked before it is used (issue: "customised bands or matrices are
/// checked for consistency … and rejected with a clear reason").
public enum RiskScale {
    /// The default summary matrix: rows are the five likelihood bands (ascending), columns impact 1–5; a cell's level is
    /// the threat band of (likelihood band number × impact), so it rises with both axes.
    public static let defaultMatrix: [[Int]] = (1...5).map { l in
        (1...5).map { i in (ThreatBand.allCases.firstIndex(of: ThreatBand.band(for: Double(l * i))) ?? 0) + 1 }
    }

    /// One colour per level, light to dark (each distinct, so colours keep the order of the scores).
    public static let defaultColours: [Int: String] = [1: "#e6f4ea", 2: "#fff4ce", 3: "#ffd8a8", 4: "#ffa8a8", 5: "#e03131"]

    /// Band upper bounds must rise strictly, start at 1 or more and end at the top of the scale (25 for intent × capability).
    public static func validateBands(_ upperBounds: [Double], top: Double = 25) throws(ValidationFailure) {
        guard upperBounds.count == ThreatBand.allCases.count else {
            throw ValidationFailure(field: "bands", "validation.bands.count", ["number": String(ThreatBand.allCases.count)])
        }
        guard let first = upperBounds.first, first >= 1 else { throw ValidationFailure(field: "bands", "validation.bands.first") }
        for i in 1..<upperBounds.count where upperBounds[i] <= upperBounds[i - 1] {
            throw ValidationFailure(
                field: "bands", "validation.bands.order",
                ["band": String(i + 1), "end": String(upperBounds[i]), "previous": String(i), "previousEnd": String(upperBounds[i - 1])])
        }
        guard upperBounds.last == top else { throw ValidationFailure(field: "bands", "validation.bands.last", ["top": String(top)]) }
    }

    /// A likelihood × impact matrix of levels (rows: likelihood ascending, columns: impact ascending). No cell may rank
    /// lower than a cell with lower or equal likelihood and impact, and a level's colour must be the same wherever it appears.
    public static func validateMatrix(levels: [[Int]], colours: [Int: String]) throws(ValidationFailure) {
        guard let width = levels.first?.count, width > 0, levels.allSatisfy({ $0.count == width }) else {
            throw ValidationFailure(field: "matrix", "validation.matrix.rectangle")
        }
        for r in 0..<levels.count {
            for c in 0..<width {
                if r > 0 && levels[r][c] < levels[r - 1][c] {
                    throw ValidationFailure(
                        field: "matrix", "validation.matrix.below-less-likely",
                        ["likelihood": String(r + 1), "impact": String(c + 1), "lowerLikelihood": String(r)])
                }
                if c > 0 && levels[r][c] < levels[r][c - 1] {
                    throw ValidationFailure(
                        field: "matrix", "validation.matrix.below-lower-impact",
                        ["likelihood": String(r + 1), "impact": String(c + 1), "lowerImpact": String(c)])
                }
                if colours[levels[r][c]] == nil {
                    throw ValidationFailure(field: "matrix", "validation.matrix.no-colour", ["level": String(levels[r][c])])
                }
            }
        }
        let used = Set(levels.joined()).sorted()
        let colourList = used.compactMap { colours[$0] }
        if Set(colourList).count != colourList.count {
            throw ValidationFailure(field: "matrix", "validation.matrix.shared-colour")
        }
    }
}
