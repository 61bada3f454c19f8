/// The SQL stores of every aggregate of an assessment on one database, built once by the composition root.
public struct AssessmentStores: Sendable {
    public let records: AssessmentStore
    public let scoring: ScoringStore
    public let institutions: InstitutionsStore
    public let scan: HorizonScanStore
    public let evidence: EvidenceStore
    public let risks: OtherRiskStore
    public let approval: ApprovalStore
    public let importer: AssessmentImportStore

    public init(_ persistence: Persistence) {
        records = AssessmentStore(persistence)
        scoring = ScoringStore(persistence)
        institutions = InstitutionsStore(persistence)
        scan = HorizonScanStore(persistence)
        evidence = EvidenceStore(persistence)
        risks = OtherRiskStore(persistence)
        approval = ApprovalStore(persistence)
        importer = AssessmentImportStore(persistence)
    }
}
