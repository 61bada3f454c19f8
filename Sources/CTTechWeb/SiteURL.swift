/// Every URL of the web UI in one place: route templates for the router and builders for links.
public enum SiteURL {
    public static let home = "/home"
    public static let login = "/login"
    public static let adminUsers = "/admin/users"
    public static let adminStates = "/admin/states"

    public static func state(_ id: String) -> String { "/states/\(id)" }
    public static func stateEdit(_ id: String) -> String { "/states/\(id)/edit" }
    public static func stateAudit(_ id: String) -> String { "/states/\(id)/audit" }
    public static func adminUser(_ id: String) -> String { "/admin/users/\(id)" }
    public static func adminUserGrants(_ id: String) -> String { "/admin/users/\(id)/grants" }
    public static func adminUserGrantRemove(_ id: String, _ grantID: String) -> String { "/admin/users/\(id)/grants/\(grantID)/delete" }
    public static func adminUserPassword(_ id: String) -> String { "/admin/users/\(id)/password" }
    public static func reference(_ kind: String) -> String { "/reference/\(kind)" }
}

extension SiteURL {
    public static func assessments(_ stateID: String) -> String { "/states/\(stateID)/assessments" }
    public static func assessment(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)" }
    public static func assessmentRound(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/round" }
    public static func register(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/register" }
    public static func registerChart(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/register.svg" }
    public static func institutions(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/institutions" }
    public static func agencies(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/agencies" }
    public static func raci(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/raci" }
    public static func horizonScan(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/horizon-scan" }
    public static func scanEvidence(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/horizon-scan/evidence" }
    /// One agency or other risk of an assessment: its correction form posts here.
    public static func record(_ stateID: String, _ id: String, _ segment: String, _ itemID: String) -> String {
        "/states/\(stateID)/assessments/\(id)/\(segment)/\(itemID)"
    }
    public static func edit(_ stateID: String, _ id: String, _ segment: String, _ itemID: String) -> String {
        record(stateID, id, segment, itemID) + "/edit"
    }
    /// The removal form's target for an agency, evidence item, other risk or scenario.
    public static func remove(_ stateID: String, _ id: String, _ segment: String, _ itemID: String) -> String {
        "/states/\(stateID)/assessments/\(id)/\(segment)/\(itemID)/delete"
    }
    public static func status(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/status" }
    public static func snapshot(_ stateID: String, _ id: String, _ number: Int) -> String {
        "/states/\(stateID)/assessments/\(id)/snapshots/\(number)"
    }
    public static func compare(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/compare" }
    public static func registerExport(_ stateID: String, _ id: String, _ format: String) -> String {
        "/states/\(stateID)/assessments/\(id)/register.\(format)"
    }
    public static func registerHeatMap(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/register-heatmap.svg" }
    public static func registerRanks(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/register-ranks.svg" }
    public static func assessmentImport(_ stateID: String) -> String { "/states/\(stateID)/assessment-import" }
    public static func otherRisks(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/other-risks" }
    public static func scenarios(_ stateID: String, _ id: String) -> String { "/states/\(stateID)/assessments/\(id)/scenarios" }
    public static func scenario(_ stateID: String, _ id: String, _ scenarioID: String) -> String {
        "/states/\(stateID)/assessments/\(id)/scenarios/\(scenarioID)"
    }
    public static func scenarioEvidence(_ stateID: String, _ id: String, _ scenarioID: String) -> String {
        "/states/\(stateID)/assessments/\(id)/scenarios/\(scenarioID)/evidence"
    }
    public static func scores(_ stateID: String, _ id: String, _ scenarioID: String) -> String {
        "/states/\(stateID)/assessments/\(id)/scenarios/\(scenarioID)/scores"
    }
}
