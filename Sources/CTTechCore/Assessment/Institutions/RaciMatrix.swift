/// The rules of a RACI matrix: every cell names a known agency, an agency holds at most one role per activity, and an
/// activity that has anyone assigned has exactly one accountable agency and at least one responsible one.
public enum RaciMatrix {
    public static func check(_ assignments: [RaciAssignment], agencies: Set<String>) throws(ValidationFailure) {
        var v = Validator()
        var seen = Set<String>()
        for a in assignments {
            if !agencies.contains(a.agencyID) { v.add("raci.\(a.activity.rawValue)", "validation.raci.unknown-agency") }
            if !seen.insert("\(a.activity.rawValue)|\(a.agencyID)").inserted {
                v.add("raci.\(a.activity.rawValue)", "validation.raci.two-roles.\(a.activity.rawValue)")
            }
        }
        for activity in AssessmentActivity.allCases {
            let cells = assignments.filter { $0.activity == activity }
            guard !cells.isEmpty else { continue }
            let accountable = cells.filter { $0.role == .accountable }.count
            if accountable != 1 {
                v.add("raci.\(activity.rawValue)", "validation.raci.one-accountable.\(activity.rawValue)", ["accountable": String(accountable)])
            }
            if !cells.contains(where: { $0.role == .responsible }) && accountable == 1 && cells.count > 1 {
                v.add("raci.\(activity.rawValue)", "validation.raci.nobody-responsible.\(activity.rawValue)")
            }
        }
        try v.check()
    }
}

extension RaciMatrix {
    /// One cell of the matrix as a form or an API body names it, with the field names to report problems on.
    public struct Cell: Sendable, Hashable {
        public let activity: String
        public let agencyID: String
        public let role: String
        public let activityField: String
        public let roleField: String

        public init(activity: String, agencyID: String, role: String, activityField: String, roleField: String) {
            self.activity = activity
            self.agencyID = agencyID
            self.role = role
            self.activityField = activityField
            self.roleField = roleField
        }
    }

    /// Reads cells into assignments, ordered by activity then agency; every unknown activity or role at once. The
    /// matrix rules (``check(_:agencies:)``) are checked when it is saved.
    public static func parse(_ cells: [Cell]) throws(ValidationFailure) -> [RaciAssignment] {
        var v = Validator()
        var assignments: [RaciAssignment] = []
        for cell in cells {
            guard let activity = AssessmentActivity(rawValue: cell.activity) else {
                v.add(
                    cell.activityField, "validation.raci.unknown-activity",
                    ["values": AssessmentActivity.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            guard let role = RaciRole(rawValue: cell.role) else {
                v.add(cell.roleField, "validation.raci.roles")
                continue
            }
            assignments.append(RaciAssignment(activity: activity, agencyID: cell.agencyID, role: role))
        }
        try v.check()
        return assignments.sorted { ($0.activity.rawValue, $0.agencyID) < ($1.activity.rawValue, $1.agencyID) }
    }

    /// Reads a matrix form's `raci.<activity>.<agency>` selects; an empty select means no role.
    public static func parse(formFields fields: [String: String]) throws(ValidationFailure) -> [RaciAssignment] {
        let cells = fields.filter { $0.key.hasPrefix("raci.") && !$0.value.isEmpty }.map { key, value in
            let parts = key.dropFirst("raci.".count).split(separator: ".", maxSplits: 1).map(String.init)
            let activity = parts.count == 2 ? parts[0] : ""
            return Cell(
                activity: activity, agencyID: parts.count == 2 ? parts[1] : "", role: value, activityField: "raci", roleField: "raci.\(activity)")
        }
        return try parse(cells)
    }
}
