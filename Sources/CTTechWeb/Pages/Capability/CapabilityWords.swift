import CTTechCore
import Foundation

/// The capability module's codes in the words of one language (answers, stages, statuses), as ``PolicyWords`` does for
/// policy.
public enum CapabilityWords {
    public static func answer(_ answer: CriterionAnswer, _ t: Localizer) -> String { t("capability.answer." + answer.rawValue) }

    /// "3 Established", or "0 Not yet at Start-up" for level 0.
    public static func stage(_ stage: Int, framework: CapabilityFramework, _ t: Localizer) -> String {
        guard stage > 0, let item = framework.stages.first(where: { $0.code == String(stage) }) else { return t("capability.level.none") }
        return String(stage) + " " + item.name(in: t.language)
    }

    public static func kind(_ kind: CapabilityAssessment.Kind, _ t: Localizer) -> String { t("capability.kind." + kind.rawValue) }

    public static func status(_ status: RoadmapItem.Status, _ t: Localizer) -> String { t("roadmap.status." + status.rawValue) }

    public static func horizon(_ horizon: RoadmapItem.Horizon, _ t: Localizer) -> String { t("roadmap.horizon." + horizon.rawValue) }

    public static func funding(_ funding: RoadmapItem.Funding?, _ t: Localizer) -> String {
        funding.map { t("roadmap.funding." + $0.rawValue) } ?? "—"
    }

    public static func itemKind(_ kind: RoadmapItem.Kind, _ t: Localizer) -> String { t("roadmap.kind." + kind.rawValue) }

    public static func readiness(_ rating: ReadinessRating?, _ t: Localizer) -> String {
        rating.map { t("roadmap.readiness." + $0.rawValue) } ?? t("roadmap.readiness.not-rated")
    }

    public static func rating(_ rating: Feasibility.Rating, _ t: Localizer) -> String { t("capability.feasibility." + rating.rawValue) }

    /// "F05 Virtual-asset tracing and seizure".
    public static func area(_ code: String, framework: CapabilityFramework, _ t: Localizer) -> String {
        framework.area(code).map { code + " " + $0.name(in: t.language) } ?? code
    }

    public static func enabler(_ code: String, framework: CapabilityFramework, _ t: Localizer) -> String {
        framework.enabler(code).map { code + " " + $0.name(in: t.language) } ?? code
    }

    /// The fill of a maturity cell: light (level 0) to dark (level 5), each distinct.
    public static let levelColours = ["#f1f3f5", "#dbe4ff", "#bac8ff", "#91a7ff", "#4263eb", "#364fc7"]
    /// Text colour readable on each level's fill.
    public static let levelInk = ["#212529", "#212529", "#212529", "#212529", "#ffffff", "#ffffff"]
}
