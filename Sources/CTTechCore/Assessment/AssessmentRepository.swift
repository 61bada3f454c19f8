/// Assessments of one partner state: the record itself, its revision and the overview's counts. Every method takes a
/// ``TenantScope`` and only ever sees that state's rows.
public protocol AssessmentRepository: Sendable {
    /// Opens an assessment with round 1 open for scoring, with its audit entry, in one transaction.
    func create(_ assessment: Assessment, scope: TenantScope, audit: AuditEvent) async throws
    /// The state's assessments, newest first (at most 500).
    func list(_ scope: TenantScope) async throws -> [Assessment]
    /// One assessment of the scope's state, or nil (also when it belongs to another state).
    func find(_ scope: TenantScope, id: String) async throws -> Assessment?
    /// The state an assessment belongs to, if `visible` includes it (the command line names assessments by id).
    func stateID(ofAssessment id: String, visible: StateVisibility) async throws -> String?
    /// The assessment's revision: it changes with every write to anything the assessment holds.
    func revision(_ scope: TenantScope, assessmentID: String) async throws -> Int64?
    /// How far each step has come, for the overview.
    func progress(_ scope: TenantScope, assessmentID: String) async throws -> AssessmentProgress
    /// Removes one agency (with its RACI cells), evidence item, other risk or unscored scenario (with its evidence), with
    /// its audit entry. Throws ``StoreConflict/missing`` when the record is not in this assessment,
    /// ``AssessmentRuleViolation/frozen`` when approved, ``AssessmentRuleViolation/scenarioScored`` for a scored scenario.
    func remove(_ kind: RemovableRecord, id: String, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws
}
