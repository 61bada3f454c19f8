import CTTechCore

@testable import CTTechWeb

extension SnapshotPage {
    static func page(_ snapshot: AssessmentSnapshot) -> Self {
        let assessment = snapshot.content.assessment
        return .make(
            layout: Valdoria.layout(
                "Snapshot \(snapshot.number) · \(assessment.title)", identity: Valdoria.policyMaker,
                at: .snapshot(assessment.stateID, assessment.id, number: snapshot.number), assessment: assessment),
            snapshot: snapshot, approverName: Valdoria.focalPoint.displayName)
    }

    /// The latest approval (round 2).
    static var mock: Self { page(Valdoria.secondSnapshot) }

    /// The first approval, with the scenario titled in Arabic and evidence quoting markup.
    static var first: Self { page(Valdoria.firstSnapshot) }
}
