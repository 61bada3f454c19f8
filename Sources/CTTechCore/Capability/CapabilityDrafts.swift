/// What is submitted to open a capability assessment. The form names areas `area.<code>` (checkboxes).
public struct CapabilityAssessmentDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// What the checks need to know: the framework's areas, the state's agencies, its capability and threat assessments.
    public struct Context: Sendable {
        public var areas: [String]
        public var agencies: [String: String]
        public var selfAssessments: Set<String>
        public var assessments: Set<String>
        public var threatAssessments: Set<String>

        public init(
            areas: [String], agencies: [String: String], selfAssessments: Set<String>, assessments: Set<String>, threatAssessments: Set<String>
        ) {
            self.areas = areas
            self.agencies = agencies
            self.selfAssessments = selfAssessments
            self.assessments = assessments
            self.threatAssessments = threatAssessments
        }
    }

    public struct Content: Sendable, Hashable {
        public var title: String
        public var agencyID: String?
        public var agencyName: String?
        public var areas: [String]
        public var conductedOn: CalendarDate
        public var validates: String?
        public var baselineID: String?
        public var registerAssessmentID: String?
    }

    /// Checked whole. A validated assessment must name the self-assessment it validates (and takes its areas when none
    /// are ticked); links must be the state's own records; at least one area.
    public func validated(kind: CapabilityAssessment.Kind, in context: Context) throws(ValidationFailure) -> Content {
        var v = Validator()
        let title = v.text(fields["title"], field: "title", maxLength: 200)
        let agency = (fields["agency"] ?? "").trimmingWhitespace()
        if !agency.isEmpty && context.agencies[agency] == nil { v.add("agency", "validation.policy.agency-unknown") }
        let conducted = CalendarDate((fields["conductedOn"] ?? "").trimmingWhitespace())
        if conducted == nil { v.add("conductedOn", "validation.date") }
        let validates = (fields["validates"] ?? "").trimmingWhitespace()
        if kind == .validated && !context.selfAssessments.contains(validates) { v.add("validates", "validation.capability.validates") }
        let baseline = (fields["baseline"] ?? "").trimmingWhitespace()
        if !baseline.isEmpty && !context.assessments.contains(baseline) { v.add("baseline", "validation.capability.baseline") }
        let register = (fields["registerAssessment"] ?? "").trimmingWhitespace()
        if !register.isEmpty && !context.threatAssessments.contains(register) { v.add("registerAssessment", "validation.capability.register") }
        let known = Set(context.areas)
        let ticked = fields.keys.filter { $0.hasPrefix("area.") && Self.isOn(fields[$0]) }.map { String($0.dropFirst("area.".count)) }
        if ticked.contains(where: { !known.contains($0) }) { v.add("areas", "validation.capability.area-unknown") }
        let areas = context.areas.filter(ticked.contains)
        if areas.isEmpty && kind == .selfAssessed { v.add("areas", "validation.capability.no-area") }
        try v.check()
        return Content(
            title: title ?? "", agencyID: agency.isEmpty ? nil : agency, agencyName: agency.isEmpty ? nil : context.agencies[agency],
            areas: areas, conductedOn: conducted ?? CalendarDate(epochMilliseconds: 0), validates: kind == .validated ? validates : nil,
            baselineID: baseline.isEmpty ? nil : baseline, registerAssessmentID: register.isEmpty ? nil : register)
    }

    static func isOn(_ value: String?) -> Bool {
        guard let value = value?.trimmingWhitespace().lowercased() else { return false }
        return value == "on" || value == "yes" || value == "true" || value == "1"
    }
}

/// One area's answers as submitted: `answer.<criterion>` (fully, largely, partially, not-implemented, not-applicable, or
/// empty for unanswered), `confidence.<criterion>`, `note.<criterion>` and `evidence.<criterion>.<evidence id>`
/// checkboxes; `version` is the assessment's version the form was read at.
public struct AnswersDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// The answered criteria of `area`, checked whole: every named criterion must be one of the framework's for this
    /// area (a criterion of another framework version is refused by code, never ignored), answers and confidences from
    /// their lists, notes at most 1,000 characters, evidence of this assessment only.
    ///
    /// The form may cite evidence by its number in the assessment's list (`evidenceNumbers.<criterion>` = "1, 3"):
    /// `numbered` is that list's ids in order.
    public func validated(
        framework: CapabilityFramework, area: String, assessmentID: String, evidenceIDs: Set<String>, numbered: [String] = [], by actor: String,
        at time: Int64
    ) throws(ValidationFailure) -> [CriterionRecord] {
        var v = Validator()
        let applicable = Set(framework.criteria(area: area).map(\.code))
        var codes = Set<String>()
        for key in fields.keys {
            for prefix in ["answer.", "confidence.", "note.", "evidenceNumbers."] where key.hasPrefix(prefix) {
                codes.insert(String(key.dropFirst(prefix.count)))
            }
        }
        // `evidence.<criterion>.<evidence id>`: criterion codes hold dots, so a key is known when it starts with a known code.
        for key in fields.keys where key.hasPrefix("evidence.") {
            let rest = key.dropFirst("evidence.".count)
            if !applicable.contains(where: { rest.hasPrefix($0 + ".") }) {
                codes.insert(String(rest.split(separator: ".").dropLast().joined(separator: ".")))
            }
        }
        let unknown = codes.subtracting(applicable).sorted()
        if !unknown.isEmpty {
            v.add(
                "answers",
                Message("validation.capability.criteria-unknown", count: unknown.count, ["codes": unknown.prefix(10).joined(separator: ", ")]))
        }
        var records: [CriterionRecord] = []
        for criterion in framework.criteria(area: area) {
            let code = criterion.code
            let answerText = (fields["answer." + code] ?? "").trimmingWhitespace()
            if answerText.isEmpty { continue }
            guard let answer = CriterionAnswer(rawValue: answerText) else {
                v.add("answer." + code, "validation.one-of", ["values": CriterionAnswer.allCases.map(\.rawValue).joined(separator: ", ")])
                continue
            }
            let confidenceText = (fields["confidence." + code] ?? "").trimmingWhitespace()
            let confidence = confidenceText.isEmpty ? Confidence.moderate : Confidence(rawValue: confidenceText)
            if confidence == nil {
                v.add("confidence." + code, "validation.one-of", ["values": Confidence.allCases.map(\.rawValue).joined(separator: ", ")])
            }
            let note = v.text(fields["note." + code], field: "note." + code, required: false, maxLength: 1_000) ?? ""
            let prefix = "evidence." + code + "."
            var cited = fields.keys.filter { $0.hasPrefix(prefix) && CapabilityAssessmentDraft.isOn(fields[$0]) }
                .map { String($0.dropFirst(prefix.count)) }.sorted()
            let foreign = cited.filter { !evidenceIDs.contains($0) }
            if !foreign.isEmpty { v.add("evidence." + code, "validation.capability.evidence-unknown") }
            let numbers = (fields["evidenceNumbers." + code] ?? "").split(whereSeparator: { ",; ،、，；".contains($0) })
            for number in numbers {
                guard let n = Int(number), n >= 1, n <= numbered.count else {
                    v.add(
                        "evidenceNumbers." + code, "validation.capability.evidence-number",
                        ["number": String(number), "count": String(numbered.count)])
                    break
                }
                if !cited.contains(numbered[n - 1]) { cited.append(numbered[n - 1]) }
            }
            records.append(
                CriterionRecord(
                    assessmentID: assessmentID, area: area, criterion: code, answer: answer, confidence: confidence ?? .moderate, note: note,
                    evidenceIDs: cited.filter(evidenceIDs.contains), answeredBy: actor, answeredAt: time))
        }
        try v.check()
        return records
    }

    /// The assessment version the form was read at, if it carried one.
    public var version: Int? { fields["version"].flatMap { Int($0.trimmingWhitespace()) } }
}

extension AnswersDraft {
    /// A draft from typed answers (the API and the import), filling the same fields the form does.
    public init(answers: [(criterion: String, answer: String, confidence: String?, note: String?, evidence: [String])], version: Int?) {
        var fields: [String: String] = [:]
        for a in answers {
            fields["answer." + a.criterion] = a.answer
            if let confidence = a.confidence { fields["confidence." + a.criterion] = confidence }
            if let note = a.note { fields["note." + a.criterion] = note }
            for id in a.evidence { fields["evidence." + a.criterion + "." + id] = "on" }
        }
        if let version { fields["version"] = String(version) }
        self.init(fields: fields)
    }
}

/// One area's targets as submitted: `target.<enabler>` (a stage 1–5, or empty for none) and the area's feasibility
/// `cost`, `prerequisites`, `readiness` (favourable, moderate, unfavourable).
public struct TargetsDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// The area's targets, checked whole (stages 1–5, known enablers, ratings from their list). Whether a target is below
    /// the level reached is checked against the stored answers (``CapabilityRuleViolation/checkTargets(_:grid:)``) and,
    /// when `grid` is given, here too so the form can say which field.
    public func validated(
        framework: CapabilityFramework, area: String, assessmentID: String, grid: MaturityGrid?, existing: [CapabilityTarget] = [],
        by actor: String, at time: Int64
    ) throws(ValidationFailure) -> [CapabilityTarget] {
        var v = Validator()
        func rating(_ name: String) -> Feasibility.Rating {
            let text = (fields[name] ?? "").trimmingWhitespace()
            if text.isEmpty { return .moderate }
            guard let rating = Feasibility.Rating(rawValue: text) else {
                v.add(name, "validation.one-of", ["values": Feasibility.Rating.allCases.map(\.rawValue).joined(separator: ", ")])
                return .moderate
            }
            return rating
        }
        let feasibility = Feasibility(cost: rating("cost"), prerequisites: rating("prerequisites"), readiness: rating("readiness"))
        let enablers = Set(framework.enablers.map(\.code))
        for key in fields.keys where key.hasPrefix("target.") && !enablers.contains(String(key.dropFirst("target.".count))) {
            v.add("targets", "validation.capability.enabler-unknown")
            break
        }
        var targets: [CapabilityTarget] = []
        for enabler in framework.enablers.map(\.code) {
            let text = (fields["target." + enabler] ?? "").trimmingWhitespace()
            if text.isEmpty { continue }
            guard let stage = Int(text), CapabilityFramework.stageRange.contains(stage) else {
                v.add("target." + enabler, "validation.capability.stage")
                continue
            }
            if let level = grid?.level(area, enabler)?.level, stage < level {
                v.add("target." + enabler, "validation.capability.target-below-level", ["level": String(level)])
                continue
            }
            // The form cannot claim a proposal: a target stays `proposed` only while it is the stored proposal unchanged.
            let stored = existing.first { $0.area == area && $0.enabler == enabler }
            let source: CapabilityTarget.Source = stored?.source == .proposed && stored?.stage == stage ? .proposed : .hand
            targets.append(
                CapabilityTarget(
                    assessmentID: assessmentID, area: area, enabler: enabler, stage: stage, source: source, feasibility: feasibility,
                    setBy: actor, setAt: time))
        }
        try v.check()
        return targets
    }

    public var version: Int? { fields["version"].flatMap { Int($0.trimmingWhitespace()) } }
}
