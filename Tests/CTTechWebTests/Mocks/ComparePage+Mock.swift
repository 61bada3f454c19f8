import CTTechCore

@testable import CTTechWeb

extension ComparePage {
    static func page(before: AssessmentSnapshot?, after: AssessmentSnapshot?) -> Self {
        let assessment = Valdoria.approvedAssessment
        return .make(
            layout: Valdoria.layout(
                "Compare snapshots · \(assessment.title)", identity: Valdoria.focalPoint, at: .compare(assessment.stateID, assessment.id),
                assessment: assessment),
            assessment: assessment, numbers: [1, 2], before: before, after: after, method: Valdoria.method)
    }

    /// Snapshot 1 against 2: risks that moved, one removed, and the scan's changes.
    static var mock: Self { page(before: Valdoria.firstSnapshot, after: Valdoria.secondSnapshot) }

    /// Nothing chosen yet: only the form.
    static var choosing: Self { page(before: nil, after: nil) }
}
