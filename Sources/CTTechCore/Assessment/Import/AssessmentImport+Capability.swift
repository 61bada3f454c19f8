import Foundation

/// The `capability` section of the import format (steps 7–8): capability assessments linked to the file's threat
/// assessment, each with its evidence, answers and targets. Checked with the forms' drafts (``CapabilityAssessmentDraft``,
/// ``EvidenceDraft``, ``AnswersDraft``, ``TargetsDraft``) so a problem reads as the form would say it, at its path in the file.
extension AssessmentImport {
    public struct CapabilitySection: Sendable, Codable {
        public var assessments: [CapabilityLine]?

        enum CodingKeys: String, CodingKey, CaseIterable { case assessments }
    }

    public struct CapabilityLine: Sendable, Codable {
        public var id: String
        /// `self` or `validated`.
        public var kind: String
        public var title: String?
        public var conductedOn: String?
        /// The framework version the answers are for (default: the current one; a validated assessment takes the one of
        /// the assessment it validates).
        public var frameworkVersion: String?
        public var areas: [String]?
        /// An agency id of this file.
        public var agency: String?
        /// Ids of capability assessments of this file, listed before this one.
        public var validates: String?
        public var baseline: String?
        public var evidence: [CapabilityEvidenceLine]?
        public var answers: [CriterionLine]?
        public var targets: [TargetLine]?

        enum CodingKeys: String, CodingKey, CaseIterable {
            case id, kind, title, conductedOn, frameworkVersion, areas, agency, validates, baseline, evidence, answers, targets
        }
    }

    public struct CapabilityEvidenceLine: Sendable, Codable {
        public var id: String
        public var summary: String?
        public var source: String?
        public var reliability: String?
        public var credibility: Int?
        public var observedOn: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case id, summary, source, reliability, credibility, observedOn }
    }

    public struct CriterionLine: Sendable, Codable {
        public var area: String
        public var criterion: String
        public var answer: String
        public var confidence: String?
        public var note: String?
        /// Evidence ids of this capability assessment in the file.
        public var evidence: [String]?

        enum CodingKeys: String, CodingKey, CaseIterable { case area, criterion, answer, confidence, note, evidence }
    }

    public struct TargetLine: Sendable, Codable {
        public var area: String
        public var enabler: String
        public var stage: Int
        /// `hand` (default) or `proposed` (from the risk register).
        public var source: String?
        public var cost: String?
        public var prerequisites: String?
        public var readiness: String?

        enum CodingKeys: String, CodingKey, CaseIterable { case area, enabler, stage, source, cost, prerequisites, readiness }
    }

    /// What the importing account may bring in the capability section: self-assessments (``Permission/writeCapability``),
    /// validated ones (``Permission/validateCapability``, programme staff) and targets (``Permission/planDevelopment``).
    public struct CapabilityRights: Sendable, Hashable {
        public var writeSelf: Bool
        public var validate: Bool
        public var plan: Bool

        public init(writeSelf: Bool, validate: Bool, plan: Bool) {
            self.writeSelf = writeSelf
            self.validate = validate
            self.plan = plan
        }

        /// The command line: the operator restores whatever the file holds.
        public static let all = CapabilityRights(writeSelf: true, validate: true, plan: true)
        public static let none = CapabilityRights(writeSelf: false, validate: false, plan: false)
    }

    /// What the capability section needs to be checked: the framework versions the state can use (by id), the current
    /// one, and what the importer may bring.
    public struct CapabilityContext: Sendable {
        public var frameworks: [String: CapabilityFramework]
        public var current: String
        public var rights: CapabilityRights

        public init(frameworks: [CapabilityFramework], current: String, rights: CapabilityRights) {
            self.frameworks = Dictionary(frameworks.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            self.current = current
            self.rights = rights
        }

        /// The framework shipped with the product only; self-assessments and targets, no validated assessments.
        public static let builtIn = CapabilityContext(
            frameworks: [.ctTechDefault], current: CapabilityFramework.ctTechDefault.id, rights: .init(writeSelf: true, validate: false, plan: true))
    }

    /// The capability records of a plan, with new ids, all tied to the plan's threat assessment.
    public struct CapabilityPlan: Sendable {
        public var assessments: [CapabilityAssessment] = []
        public var evidence: [CapabilityEvidence] = []
        public var answers: [CriterionRecord] = []
        public var targets: [CapabilityTarget] = []
    }

    /// Every capability assessment of the file, in file order (a validated assessment or a follow-up names one listed
    /// before it). Problems are recorded at their paths (`capability.assessments[0].answers[3].criterion`).
    func planCapability(
        _ context: CapabilityContext?, stateID: String, assessmentID: String, agencies: [String: Agency], importer: String, now: Int64,
        _ v: inout Validator, makeID: () -> String
    ) -> CapabilityPlan {
        var plan = CapabilityPlan()
        let lines = capability?.assessments ?? []
        guard !lines.isEmpty else { return plan }
        guard let context else {
            v.add("capability", "validation.import.capability-unavailable")
            return plan
        }
        _ = Self.unique(lines.map(\.id), "capability.assessments", &v)
        if lines.count > CapabilityLimits.assessments {
            v.add("capability.assessments", "validation.import.too-many", ["max": String(CapabilityLimits.assessments)])
            return plan
        }
        var newIDs: [String: String] = [:]
        var stored: [String: CapabilityAssessment] = [:]
        for (i, line) in lines.enumerated() {
            let path = "capability.assessments[\(i)]"
            let before = v.issues.count
            guard let kind = CapabilityAssessment.Kind(rawValue: line.kind) else {
                v.add("\(path).kind", "validation.one-of", ["values": CapabilityAssessment.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            if kind == .validated && !context.rights.validate { v.add("\(path).kind", "validation.import.capability-validated-staff") }
            if kind == .selfAssessed && !context.rights.writeSelf { v.add("\(path).kind", "validation.import.capability-self-writer") }
            if !(line.targets ?? []).isEmpty && !context.rights.plan { v.add("\(path).targets", "validation.import.capability-targets-planner") }
            let validated = line.validates.flatMap { newIDs[$0] }.flatMap { stored[$0] }
            let frameworkID = validated?.frameworkVersion ?? line.frameworkVersion ?? context.current
            guard let framework = context.frameworks[frameworkID] else {
                v.add("\(path).frameworkVersion", "validation.import.capability-framework", ["version": String(frameworkID.prefix(40))])
                continue
            }
            if let given = line.frameworkVersion, let validated, given != validated.frameworkVersion {
                v.add("\(path).frameworkVersion", "validation.import.capability-framework", ["version": String(given.prefix(40))])
            }
            // Areas the framework does not have are named by code, as the issue's users need to find them in the file.
            for (j, area) in (line.areas ?? []).enumerated() where framework.area(area) == nil {
                v.add("\(path).areas[\(j)]", "validation.import.capability-area", ["area": String(area.prefix(20))])
            }
            var agencyName: [String: String] = [:]
            var agencyID: String?
            if let ref = line.agency {
                if let agency = agencies[ref] {
                    agencyID = agency.id
                    agencyName[agency.id] = agency.name
                } else {
                    v.add("\(path).agency", "validation.import.unknown-agency", ["agency": String(ref.prefix(40))])
                }
            }
            func link(_ ref: String?, _ field: String) -> String? {
                guard let ref else { return nil }
                guard let id = newIDs[ref] else {
                    v.add("\(path).\(field)", "validation.import.capability-link", ["ref": String(ref.prefix(40))])
                    return nil
                }
                return id
            }
            let validatesID = link(line.validates, "validates")
            let baselineID = link(line.baseline, "baseline")
            let draft = CapabilityAssessmentDraft(
                title: line.title ?? "", conductedOn: line.conductedOn ?? "", areas: (line.areas ?? []).filter { framework.area($0) != nil },
                agencyID: agencyID, validates: validatesID, baselineID: baselineID, registerAssessmentID: assessmentID)
            let draftContext = CapabilityAssessmentDraft.Context(
                areas: framework.areas.map(\.code), agencies: agencyName,
                selfAssessments: Set(stored.values.filter { $0.kind == .selfAssessed }.map(\.id)), assessments: Set(stored.keys),
                threatAssessments: [assessmentID])
            var content: CapabilityAssessmentDraft.Content?
            do { content = try draft.validated(kind: kind, in: draftContext) } catch {
                // A link already reported as unknown is not reported again in the form's words.
                let reported: Set<String> = [
                    line.validates != nil && validatesID == nil ? "validates" : "", line.baseline != nil && baselineID == nil ? "baseline" : "",
                ]
                for issue in error.issues where !reported.contains(issue.field) { v.add("\(path).\(issue.field)", issue.problem) }
            }
            let id = makeID()
            newIDs[line.id] = id
            guard var content else { continue }
            if content.areas.isEmpty, let validated { content.areas = validated.areas }
            let assessment = CapabilityAssessment(
                id: id, stateID: stateID, kind: kind, title: content.title, frameworkVersion: framework.id, agencyID: content.agencyID,
                agencyName: content.agencyName, areas: content.areas, conductedOn: content.conductedOn, validates: content.validates,
                baselineID: content.baselineID, registerAssessmentID: assessmentID, version: 1, createdBy: importer, createdAt: now)

            // Evidence
            let evidenceLines = line.evidence ?? []
            _ = Self.unique(evidenceLines.map(\.id), "\(path).evidence", &v)
            if evidenceLines.count > CapabilityLimits.evidencePerAssessment {
                v.add("\(path).evidence", "validation.import.too-many", ["max": String(CapabilityLimits.evidencePerAssessment)])
            }
            var evidenceIDs: [String: String] = [:]
            var evidence: [CapabilityEvidence] = []
            for (j, e) in evidenceLines.enumerated() {
                let newID = makeID()
                if evidenceIDs[e.id] == nil { evidenceIDs[e.id] = newID }
                do {
                    let graded = try EvidenceDraft(fields: [
                        "summary": e.summary ?? "", "source": e.source ?? "", "reliability": e.reliability ?? "",
                        "credibility": e.credibility.map(String.init) ?? "", "observedOn": e.observedOn ?? "",
                    ]).graded()
                    evidence.append(
                        CapabilityEvidence(
                            id: newID, assessmentID: id, summary: graded.summary, source: graded.source, reliability: graded.reliability,
                            credibility: graded.credibility, observedOn: CalendarDate(graded.observedOn)))
                } catch {
                    for issue in error.issues { v.add("\(path).evidence[\(j)].\(issue.field)", issue.problem) }
                }
            }

            // Answers, area by area, through the form's checks.
            let answerLines = line.answers ?? []
            var answers: [CriterionRecord] = []
            var byArea: [String: [(Int, CriterionLine)]] = [:]
            for (j, a) in answerLines.enumerated() {
                guard content.areas.contains(a.area) else {
                    v.add("\(path).answers[\(j)].area", "validation.import.capability-area-not-assessed", ["area": String(a.area.prefix(20))])
                    continue
                }
                var cited: [String] = []
                for (k, ref) in (a.evidence ?? []).enumerated() {
                    if let newID = evidenceIDs[ref] {
                        cited.append(newID)
                    } else {
                        v.add("\(path).answers[\(j)].evidence[\(k)]", "validation.import.capability-evidence", ["ref": String(ref.prefix(40))])
                    }
                }
                byArea[a.area, default: []].append(
                    (
                        j,
                        CriterionLine(
                            area: a.area, criterion: a.criterion, answer: a.answer, confidence: a.confidence, note: a.note, evidence: cited)
                    ))
            }
            for area in content.areas {
                guard let entries = byArea[area] else { continue }
                var seen = Set<String>()
                for (j, a) in entries where !seen.insert(a.criterion).inserted {
                    v.add(
                        "\(path).answers[\(j)].criterion", "validation.import.capability-answered-twice",
                        ["criterion": String(a.criterion.prefix(30))])
                }
                let draft = AnswersDraft(
                    answers: entries.map {
                        (criterion: $0.1.criterion, answer: $0.1.answer, confidence: $0.1.confidence, note: $0.1.note, evidence: $0.1.evidence ?? [])
                    },
                    version: nil)
                do {
                    answers += try draft.validated(
                        framework: framework, area: area, assessmentID: id, evidenceIDs: Set(evidence.map(\.id)), by: importer, at: now)
                } catch {
                    let known = Set(framework.criteria(area: area).map(\.code))
                    for issue in error.issues {
                        if issue.field == "answers" {
                            for (j, a) in entries where !known.contains(a.criterion) {
                                v.add(
                                    "\(path).answers[\(j)].criterion", "validation.import.capability-criterion",
                                    ["criterion": String(a.criterion.prefix(30)), "area": area, "version": framework.id])
                            }
                            continue
                        }
                        // `answer.<criterion>`, `confidence.<criterion>`, `note.<criterion>`, `evidence.<criterion>`.
                        let parts = issue.field.split(separator: ".", maxSplits: 1).map(String.init)
                        let j = parts.count == 2 ? entries.first { $0.1.criterion == parts[1] }?.0 : nil
                        v.add(j.map { "\(path).answers[\($0)].\(parts[0])" } ?? "\(path).answers", issue.problem)
                    }
                }
            }

            // Targets: above the level the file's answers reach, the source as the file says.
            let grid = MaturityGrid(framework: framework, areas: content.areas, records: answers)
            var targets: [CapabilityTarget] = []
            var cells = Set<String>()
            for (j, t) in (line.targets ?? []).enumerated() {
                let tp = "\(path).targets[\(j)]"
                guard content.areas.contains(t.area) else {
                    v.add("\(tp).area", "validation.import.capability-area-not-assessed", ["area": String(t.area.prefix(20))])
                    continue
                }
                if !cells.insert(t.area + "|" + t.enabler).inserted { v.add(tp, "validation.import.capability-target-twice") }
                let source = CapabilityTarget.Source(rawValue: t.source ?? CapabilityTarget.Source.hand.rawValue)
                if source == nil {
                    v.add("\(tp).source", "validation.one-of", ["values": CapabilityTarget.Source.allCases.map(\.rawValue).joined(separator: ", ")])
                }
                let draft = TargetsDraft(
                    version: nil, targets: [(enabler: t.enabler, stage: t.stage)], cost: t.cost, prerequisites: t.prerequisites,
                    readiness: t.readiness)
                do {
                    for var target in try draft.validated(framework: framework, area: t.area, assessmentID: id, grid: grid, by: importer, at: now) {
                        target.source = source ?? .hand
                        targets.append(target)
                    }
                } catch {
                    for issue in error.issues { v.add("\(tp).\(Self.targetField(issue.field))", issue.problem) }
                }
            }
            stored[id] = assessment
            guard v.issues.count == before else { continue }
            plan.assessments.append(assessment)
            plan.evidence += evidence
            plan.answers += answers
            plan.targets += targets
        }
        return plan
    }

    /// Where a problem of ``TargetsDraft`` (named by the form's fields) lies in a target line of the file.
    static func targetField(_ field: String) -> String {
        if field.hasPrefix("target.") { return "stage" }
        if field == "targets" { return "enabler" }
        return field
    }
}

extension AssessmentImport.CapabilitySection {
    /// The capability assessments linked to an exported threat assessment, with what belongs to each, in the order they
    /// were opened (so a validated assessment or a follow-up comes after the one it names).
    public init?(
        exporting assessments: [CapabilityAssessment], evidence: [CapabilityEvidence], answers: [CriterionRecord], targets: [CapabilityTarget],
        agencies: Set<String>
    ) {
        guard !assessments.isEmpty else { return nil }
        let included = Set(assessments.map(\.id))
        func text(_ s: String) -> String? { s.isEmpty ? nil : s }
        self.assessments = assessments.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map { a in
            AssessmentImport.CapabilityLine(
                id: a.id, kind: a.kind.rawValue, title: a.title, conductedOn: a.conductedOn.description, frameworkVersion: a.frameworkVersion,
                areas: a.areas, agency: a.agencyID.flatMap { agencies.contains($0) ? $0 : nil },
                validates: a.validates.flatMap { included.contains($0) ? $0 : nil },
                baseline: a.baselineID.flatMap { included.contains($0) ? $0 : nil },
                evidence: evidence.filter { $0.assessmentID == a.id }.map {
                    AssessmentImport.CapabilityEvidenceLine(
                        id: $0.id, summary: $0.summary, source: $0.source, reliability: $0.reliability.rawValue, credibility: $0.credibility.rawValue,
                        observedOn: $0.observedOn?.description)
                },
                answers: answers.filter { $0.assessmentID == a.id }.map {
                    AssessmentImport.CriterionLine(
                        area: $0.area, criterion: $0.criterion, answer: $0.answer.rawValue, confidence: $0.confidence.rawValue, note: text($0.note),
                        evidence: $0.evidenceIDs.isEmpty ? nil : $0.evidenceIDs)
                },
                targets: targets.filter { $0.assessmentID == a.id }.map {
                    AssessmentImport.TargetLine(
                        area: $0.area, enabler: $0.enabler, stage: $0.stage, source: $0.source.rawValue, cost: $0.feasibility.cost.rawValue,
                        prerequisites: $0.feasibility.prerequisites.rawValue, readiness: $0.feasibility.readiness.rawValue)
                })
        }
    }
}
