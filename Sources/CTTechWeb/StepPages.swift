import CTTechCore
import Foundation

/// An evidence item as pages show it.
struct EvidenceView: Sendable {
    let grading: String
    let gradingText: String
    let summary: String
    let source: String
    let observedOn: String
    /// The removal form's target, when the viewer may remove it.
    let removeAction: String?

    init(_ item: EvidenceItem, removeAction: String? = nil) {
        self.removeAction = removeAction
        grading = item.grading
        gradingText = "\(item.reliability.label), \(item.credibility.label.lowercased())"
        summary = item.summary
        source = item.source
        observedOn = item.observedOn
    }
}

/// The evidence form's fields and choices, refilled after an error.
struct EvidenceForm: Sendable {
    let action: String
    let summary: String
    let source: String
    let observedOn: String
    let reliabilities: [Choice]
    let credibilities: [Choice]
    let subjects: [Choice]

    init(action: String, submitted: [String: String], subjects: [Choice] = []) {
        self.action = action
        summary = submitted["summary"] ?? ""
        source = submitted["source"] ?? ""
        observedOn = submitted["observedOn"] ?? ""
        reliabilities = SourceReliability.allCases.map {
            Choice(value: $0.rawValue, label: "\($0.rawValue) — \($0.label)", selected: $0.rawValue == (submitted["reliability"] ?? "F"))
        }
        credibilities = InformationCredibility.allCases.map {
            Choice(value: "\($0.rawValue)", label: "\($0.rawValue) — \($0.label)", selected: "\($0.rawValue)" == (submitted["credibility"] ?? "6"))
        }
        self.subjects = subjects
    }
}

/// Step 1: the agencies taking part and the RACI matrix of the assessment's activities.
public struct InstitutionsPage: WebPage {
    public static let template = "institutions"
    struct AgencyRow: Sendable {
        let name: String
        let kind: String
        let mandate: String
        let removeAction: String
    }

    struct Cell: Sendable {
        let name: String
        let agency: String
        let choices: [Choice]
        let shown: String
    }

    struct ActivityRow: Sendable {
        let label: String
        let cells: [Cell]
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let agencies: [AgencyRow]
    let agencyHeaders: [String]
    let matrix: [ActivityRow]
    let hasAgencies: Bool
    let canEdit: Bool
    let frozen: Bool
    let agencyAction: String
    let raciAction: String
    let csrf: String
    let errors: FormErrors
    let draftName: String
    let draftMandate: String
    let kinds: [Choice]

    public static func make(
        layout: LayoutModel, assessment: Assessment, agencies: [Agency], raci: [RaciAssignment], canEdit: Bool, csrf: String,
        submitted: [String: String] = [:], failure: ValidationFailure? = nil
    ) -> InstitutionsPage {
        let roles = Dictionary(raci.map { ("\($0.activity.rawValue).\($0.agencyID)", $0.role.rawValue) }, uniquingKeysWith: { a, _ in a })
        return InstitutionsPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id), assessmentTitle: assessment.title,
            agencies: agencies.map {
                AgencyRow(
                    name: $0.name, kind: $0.kind.label, mandate: $0.mandate,
                    removeAction: SiteURL.remove(assessment.stateID, assessment.id, "agencies", $0.id))
            }, agencyHeaders: agencies.map(\.name),
            matrix: AssessmentActivity.allCases.map { activity in
                ActivityRow(
                    label: activity.label,
                    cells: agencies.map { agency in
                        let key = "\(activity.rawValue).\(agency.id)"
                        let current = submitted["raci.\(key)"] ?? roles[key] ?? ""
                        return Cell(
                            name: "raci.\(key)", agency: agency.name,
                            choices: [Choice(value: "", label: "—", selected: current.isEmpty)]
                                + RaciRole.allCases.map {
                                    Choice(value: $0.rawValue, label: $0.rawValue, selected: current == $0.rawValue)
                                },
                            shown: current.isEmpty ? "—" : current)
                    })
            }, hasAgencies: !agencies.isEmpty, canEdit: canEdit && !assessment.status.isFrozen, frozen: assessment.status.isFrozen,
            agencyAction: SiteURL.agencies(assessment.stateID, assessment.id), raciAction: SiteURL.raci(assessment.stateID, assessment.id),
            csrf: csrf,
            errors: FormErrors(failure), draftName: submitted["name"] ?? "", draftMandate: submitted["mandate"] ?? "",
            kinds: Agency.Kind.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == submitted["kind"]) })
    }
}

/// Step 2: the horizon scan, one line per technology of the method, with its evidence.
public struct HorizonScanPage: WebPage {
    public static let template = "horizon-scan"
    struct Row: Sendable {
        let code: String
        let name: String
        let stage: String
        let stageNumber: Int
        let trend: String
        let notes: String
        let evidence: [EvidenceView]
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let rows: [Row]
    let scanned: Int
    let canEdit: Bool
    let frozen: Bool
    let scanAction: String
    let csrf: String
    let errors: FormErrors
    let technologies: [Choice]
    let stages: [Choice]
    let trends: [Choice]
    let notes: String
    let evidenceForm: EvidenceForm

    public static func make(
        layout: LayoutModel, assessment: Assessment, method: MethodVersion, scan: [HorizonScanEntry], evidence: [EvidenceItem], canEdit: Bool,
        csrf: String, submitted: [String: String] = [:], failure: ValidationFailure? = nil
    ) -> HorizonScanPage {
        let byTechnology = Dictionary(scan.map { ($0.technology, $0) }, uniquingKeysWith: { a, _ in a })
        let technologies = method.items(.technologies)
        return HorizonScanPage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id), assessmentTitle: assessment.title,
            rows: technologies.map { item in
                let entry = byTechnology[item.code]
                return Row(
                    code: item.code, name: item.name, stage: entry?.stage.rawValue ?? "not scanned", stageNumber: (entry?.stage.order ?? -1) + 1,
                    trend: entry.map { "\($0.trend.symbol) \($0.trend.rawValue)" } ?? "—", notes: entry?.notes ?? "",
                    evidence: evidence.filter { $0.subject == .technology(item.code) }.map {
                        EvidenceView(
                            $0,
                            removeAction: canEdit && !assessment.status.isFrozen
                                ? SiteURL.remove(assessment.stateID, assessment.id, "evidence", $0.id) : nil)
                    })
            }, scanned: scan.count, canEdit: canEdit && !assessment.status.isFrozen, frozen: assessment.status.isFrozen,
            scanAction: SiteURL.horizonScan(assessment.stateID, assessment.id), csrf: csrf, errors: FormErrors(failure),
            technologies: technologies.map { Choice(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == submitted["technology"]) },
            stages: DiffusionStage.allCases.map { Choice(value: $0.rawValue, label: $0.label, selected: $0.rawValue == submitted["stage"]) },
            trends: Trend.allCases.map {
                Choice(value: $0.rawValue, label: "\($0.symbol) \($0.rawValue)", selected: $0.rawValue == (submitted["trend"] ?? "stable"))
            },
            notes: submitted["notes"] ?? "",
            evidenceForm: EvidenceForm(
                action: SiteURL.scanEvidence(assessment.stateID, assessment.id), submitted: submitted,
                subjects: technologies.map { Choice(value: $0.code, label: "\($0.code) \($0.name)", selected: $0.code == submitted["technology"]) }))
    }
}

/// A register entry as a table row (live register, snapshots and comparisons).
struct RegisterRow: Sendable {
    let rank: Int
    let rankLow: Int
    let rankHigh: Int
    let title: String
    let kind: String
    let threat: String
    let consensus: String
    let likelihood: String
    let likelihoodBand: String
    let impact: String
    let topFive: String
    let confidence: String
    let intelligence: Bool

    init(_ e: RegisterDocument.Entry) {
        rank = e.medianRank
        rankLow = e.rankLow
        rankHigh = e.rankHigh
        title = e.title
        kind = e.kind == RiskRegister.Kind.scenario.rawValue ? "scenario" : "other risk"
        threat = e.threatMedian.map { "\(format($0)) \(e.threatBand ?? "")" } ?? "—"
        consensus = e.consensus.map { $0 ? "yes" : "no" } ?? "—"
        likelihood = "\(percent(e.likelihood.low))–\(percent(e.likelihood.best))–\(percent(e.likelihood.high))"
        likelihoodBand = LikelihoodBand.band(for: e.likelihood.best).rawValue
        impact = "\(format(e.impact.low))–\(format(e.impact.best))–\(format(e.impact.high))"
        topFive = percent(e.probabilityTop5)
        confidence = e.confidence
        intelligence = e.intelligenceRequirement
    }
}

/// An approved snapshot, read-only.
public struct SnapshotPage: WebPage {
    public static let template = "snapshot"
    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let number: Int
    let approvedAt: String
    let approvedBy: String
    let sha256: String
    let period: String
    let entries: [RegisterRow]
    let agencies: [String]
    let scanned: Int
    let scenarios: Int
    let evidence: Int
    let otherRisks: Int
    let basis: String

    public static func make(layout: LayoutModel, snapshot: AssessmentSnapshot, approverName: String) -> SnapshotPage {
        let c = snapshot.content
        return SnapshotPage(
            layout: layout, assessmentHref: SiteURL.assessment(c.assessment.stateID, c.assessment.id), assessmentTitle: c.assessment.title,
            number: snapshot.number, approvedAt: utcTimestamp(snapshot.approvedAt) + " UTC", approvedBy: approverName, sha256: snapshot.sha256,
            period: c.assessment.period, entries: c.register.entries.map(RegisterRow.init),
            agencies: c.agencies.map { "\($0.name) (\($0.kind.label))" },
            scanned: c.horizonScan.count, scenarios: c.scenarios.count, evidence: c.evidence.count, otherRisks: c.otherRisks.count,
            basis: c.register.basisRound.map { "round \($0)" } ?? "no revealed round")
    }
}

/// Two snapshots side by side.
public struct ComparePage: WebPage {
    public static let template = "compare"
    struct Row: Sendable {
        let title: String
        let before: String
        let after: String
        let change: String
        let bandBefore: String
        let bandAfter: String
    }

    struct ScanRow: Sendable {
        let technology: String
        let before: String
        let after: String
        let changed: Bool
    }

    public let layout: LayoutModel
    let assessmentHref: String
    let assessmentTitle: String
    let action: String
    let choicesA: [Choice]
    let choicesB: [Choice]
    let hasComparison: Bool
    let labelA: String
    let labelB: String
    let rows: [Row]
    let scan: [ScanRow]

    public static func make(
        layout: LayoutModel, assessment: Assessment, numbers: [Int], before: AssessmentSnapshot?, after: AssessmentSnapshot?, method: MethodVersion
    ) -> ComparePage {
        let names = method.names(.technologies)
        var rows: [Row] = []
        var scan: [ScanRow] = []
        if let before, let after {
            let comparison = SnapshotComparison(before: before.content, after: after.content)
            rows = comparison.risks.map { r in
                Row(
                    title: r.title, before: r.before.map { "\($0.medianRank) (\($0.rankLow)–\($0.rankHigh))" } ?? "absent",
                    after: r.after.map { "\($0.medianRank) (\($0.rankLow)–\($0.rankHigh))" } ?? "absent",
                    change: r.rankChange.map { $0 > 0 ? "up \($0)" : $0 < 0 ? "down \(-$0)" : "same" } ?? (r.after == nil ? "removed" : "new"),
                    bandBefore: r.before?.threatBand ?? "—", bandAfter: r.after?.threatBand ?? "—")
            }
            scan = comparison.scan.map { s in
                ScanRow(
                    technology: names[s.technology] ?? s.technology, before: s.before.map { "\($0.stage.rawValue) \($0.trend.symbol)" } ?? "—",
                    after: s.after.map { "\($0.stage.rawValue) \($0.trend.symbol)" } ?? "—", changed: s.changed)
            }
        }
        return ComparePage(
            layout: layout, assessmentHref: SiteURL.assessment(assessment.stateID, assessment.id), assessmentTitle: assessment.title,
            action: SiteURL.compare(assessment.stateID, assessment.id),
            choicesA: numbers.map { Choice(value: "\($0)", label: "Snapshot \($0)", selected: $0 == before?.number) },
            choicesB: numbers.map { Choice(value: "\($0)", label: "Snapshot \($0)", selected: $0 == after?.number) },
            hasComparison: before != nil && after != nil, labelA: before.map { "Snapshot \($0.number)" } ?? "",
            labelB: after.map { "Snapshot \($0.number)" } ?? "", rows: rows, scan: scan)
    }
}
