/// A capability assessment as CSV (step 7 export): one row per area and enabler with the level reached, the progress
/// toward the next stage, the target, the gap and its priority. Cells are escaped against formula injection like the
/// register's (``RegisterDocument/cell(_:)``); lines end with CRLF.
public struct CapabilityCSV: Sendable {
    public let assessment: CapabilityAssessment
    public let framework: CapabilityFramework
    public let grid: MaturityGrid
    public let priorities: [DevelopmentPriority]

    public init(assessment: CapabilityAssessment, framework: CapabilityFramework, grid: MaturityGrid, priorities: [DevelopmentPriority]) {
        self.assessment = assessment
        self.framework = framework
        self.grid = grid
        self.priorities = priorities
    }

    public static let columns = [
        "assessment", "kind", "agency", "conducted_on", "framework", "area", "area_name", "enabler", "enabler_name", "level", "next_stage",
        "progress", "answered", "criteria", "target", "gap", "relevance", "feasibility", "priority",
    ]

    public func csv() -> String {
        let byCell = Dictionary(priorities.map { ("\($0.area)|\($0.enabler)", $0) }, uniquingKeysWith: { first, _ in first })
        var lines = [Self.columns.joined(separator: ",")]
        for area in grid.areas {
            for enabler in grid.enablers {
                guard let level = grid.level(area, enabler) else { continue }
                let p = byCell["\(area)|\(enabler)"]
                let cells: [String] = [
                    assessment.title, assessment.kind.rawValue, assessment.agencyName ?? "", assessment.conductedOn.description,
                    assessment.frameworkVersion,
                    area, framework.area(area)?.name ?? "", enabler, framework.enabler(enabler)?.name ?? "", String(level.level),
                    level.next.map(String.init) ?? "", level.progress.map { RegisterDocument.number($0) } ?? "", String(level.answered),
                    String(level.criteria), p.map { String($0.target) } ?? "", p.map { String($0.gap) } ?? "",
                    p.map { RegisterDocument.number($0.relevance) } ?? "", p.map { RegisterDocument.number($0.feasibility) } ?? "",
                    p.map { RegisterDocument.number($0.priority) } ?? "",
                ]
                lines.append(cells.map(RegisterDocument.cell).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
