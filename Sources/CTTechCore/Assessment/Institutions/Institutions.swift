/// An agency taking part in a national assessment (step 1).
public struct Agency: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case lawEnforcement = "law-enforcement"
        case intelligence
        case ministry
        case prosecution
        case financialIntelligence = "financial-intelligence"
        case regulator
        case military
        case criticalInfrastructure = "critical-infrastructure"
        case civilSociety = "civil-society"
        case academia
        case privateSector = "private-sector"
        case other

        public var label: String {
            switch self {
            case .lawEnforcement: "Law enforcement"
            case .intelligence: "Intelligence service"
            case .ministry: "Ministry or policy body"
            case .prosecution: "Prosecution or judiciary"
            case .financialIntelligence: "Financial intelligence unit"
            case .regulator: "Regulator"
            case .military: "Military"
            case .criticalInfrastructure: "Critical-infrastructure operator"
            case .civilSociety: "Civil society"
            case .academia: "Academia"
            case .privateSector: "Private sector"
            case .other: "Other"
            }
        }
    }

    public var id: String
    public var name: String
    public var kind: Kind
    public var mandate: String

    public init(id: String, name: String, kind: Kind, mandate: String) {
        self.id = id
        self.name = name
        self.kind = kind
        self.mandate = mandate
    }
}

/// What a focal point submits for an agency.
public struct AgencyDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String) throws(ValidationFailure) -> Agency {
        var v = Validator()
        let name = v.text(fields["name"], field: "name", maxLength: 200)
        let kind = Agency.Kind(rawValue: fields["kind"] ?? "")
        if kind == nil { v.add("kind", "must be one of: \(Agency.Kind.allCases.map(\.rawValue).joined(separator: ", "))") }
        let mandate = v.text(fields["mandate"], field: "mandate", required: false, maxLength: 2_000) ?? ""
        try v.check()
        return Agency(id: id, name: name ?? "", kind: kind ?? .other, mandate: mandate)
    }
}

/// The activities of an assessment that step 1 assigns (the rows of the RACI matrix).
public enum AssessmentActivity: String, Sendable, Hashable, Codable, CaseIterable {
    case scoping
    case horizonScan = "horizon-scan"
    case scenarioWriting = "scenario-writing"
    case scoring
    case facilitation
    case riskComparison = "risk-comparison"
    case approval

    public var label: String {
        switch self {
        case .scoping: "Scope and plan the assessment"
        case .horizonScan: "Scan new technologies"
        case .scenarioWriting: "Write threat scenarios"
        case .scoring: "Score scenarios"
        case .facilitation: "Facilitate scoring rounds"
        case .riskComparison: "Compare with other national risks"
        case .approval: "Approve the assessment"
        }
    }
}

/// Responsible, accountable, consulted or informed.
public enum RaciRole: String, Sendable, Hashable, Codable, CaseIterable {
    case responsible = "R"
    case accountable = "A"
    case consulted = "C"
    case informed = "I"

    public var label: String {
        switch self {
        case .responsible: "Responsible"
        case .accountable: "Accountable"
        case .consulted: "Consulted"
        case .informed: "Informed"
        }
    }
}

/// One cell of the RACI matrix: an agency's role in an activity.
public struct RaciAssignment: Sendable, Hashable, Codable {
    public var activity: AssessmentActivity
    public var agencyID: String
    public var role: RaciRole

    public init(activity: AssessmentActivity, agencyID: String, role: RaciRole) {
        self.activity = activity
        self.agencyID = agencyID
        self.role = role
    }
}

/// The rules of a RACI matrix: every cell names a known agency, an agency holds at most one role per activity, and an
/// activity that has anyone assigned has exactly one accountable agency and at least one responsible one.
public enum RaciMatrix {
    public static func check(_ assignments: [RaciAssignment], agencies: Set<String>) throws(ValidationFailure) {
        var v = Validator()
        var seen = Set<String>()
        for a in assignments {
            if !agencies.contains(a.agencyID) { v.add("raci.\(a.activity.rawValue)", "names an agency that is not part of this assessment") }
            if !seen.insert("\(a.activity.rawValue)|\(a.agencyID)").inserted {
                v.add("raci.\(a.activity.rawValue)", "gives one agency two roles in \(a.activity.label.lowercased())")
            }
        }
        for activity in AssessmentActivity.allCases {
            let cells = assignments.filter { $0.activity == activity }
            guard !cells.isEmpty else { continue }
            let accountable = cells.filter { $0.role == .accountable }.count
            if accountable != 1 {
                v.add("raci.\(activity.rawValue)", "\(activity.label) needs exactly one accountable agency (it has \(accountable))")
            }
            if !cells.contains(where: { $0.role == .responsible }) && accountable == 1 && cells.count > 1 {
                v.add("raci.\(activity.rawValue)", "\(activity.label) has consulted or informed agencies but nobody responsible")
            }
        }
        try v.check()
    }
}

extension AgencyDraft {
    /// A draft from typed values (the API's body).
    public init(name: String, kind: String, mandate: String?) {
        self.init(fields: ["name": name, "kind": kind, "mandate": mandate ?? ""])
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
                    cell.activityField,
                    "names an activity that does not exist (\(AssessmentActivity.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            guard let role = RaciRole(rawValue: cell.role) else {
                v.add(cell.roleField, "roles are R, A, C or I")
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
