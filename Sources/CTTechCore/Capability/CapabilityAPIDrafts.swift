/// Typed initialisers of the capability and roadmap drafts for the JSON API. Each fills the same fields the web form does,
/// so validation, and the field names in its problems, are the form's.
extension CapabilityAssessmentDraft {
    /// A draft from typed values: each area is ticked as the form's `area.<code>` checkbox.
    public init(
        title: String, conductedOn: String, areas: [String], agencyID: String?, validates: String?, baselineID: String?,
        registerAssessmentID: String?
    ) {
        var fields = [
            "title": title, "conductedOn": conductedOn, "agency": agencyID ?? "", "validates": validates ?? "", "baseline": baselineID ?? "",
            "registerAssessment": registerAssessmentID ?? "",
        ]
        for area in areas { fields["area." + area] = "on" }
        self.init(fields: fields)
    }
}

extension TargetsDraft {
    /// A draft from typed targets (enabler → stage; an enabler given twice keeps the last) and the area's feasibility
    /// ratings (nil: moderate), with the assessment version read.
    public init(
        version: Int?, targets: [(enabler: String, stage: Int)], cost: String?, prerequisites: String?, readiness: String?
    ) {
        var fields: [String: String] = [:]
        for target in targets { fields["target." + target.enabler] = String(target.stage) }
        fields["cost"] = cost
        fields["prerequisites"] = prerequisites
        fields["readiness"] = readiness
        if let version { fields["version"] = String(version) }
        self.init(fields: fields)
    }
}

extension RoadmapItemDraft {
    /// A draft from typed values: prerequisites as the form's `prerequisite.<id>` checkboxes, milestones as its numbered
    /// rows (`milestone.<n>.…`, n from 1; rows beyond ``milestoneRows`` are refused by validation), readiness as
    /// `readiness.<dimension>`, with the item version read (nil for a new item).
    public init(
        kind: String, title: String, description: String?, area: String?, enabler: String?, toStage: Int?, technology: String?, horizon: String,
        timeframe: (start: String, end: String)?, ownerAgencyID: String?, cost: CostRange?, funding: String?, prerequisites: [String],
        milestones: [(title: String, due: String, done: Bool)], readiness: [String: String], version: Int?
    ) {
        var fields = [
            "kind": kind, "title": title, "description": description ?? "", "area": area ?? "", "enabler": enabler ?? "",
            "toStage": toStage.map(String.init) ?? "", "technology": technology ?? "", "horizon": horizon, "ownerAgency": ownerAgencyID ?? "",
            "funding": funding ?? "",
        ]
        if let timeframe {
            fields["start"] = timeframe.start
            fields["end"] = timeframe.end
        }
        if let cost {
            fields["costLow"] = String(cost.low)
            fields["costHigh"] = String(cost.high)
            fields["currency"] = cost.currency
        }
        for id in prerequisites { fields["prerequisite." + id] = "on" }
        for (index, milestone) in milestones.enumerated() {
            fields["milestone.\(index + 1).title"] = milestone.title
            fields["milestone.\(index + 1).due"] = milestone.due
            if milestone.done { fields["milestone.\(index + 1).done"] = "on" }
        }
        for (dimension, rating) in readiness { fields["readiness." + dimension] = rating }
        if let version { fields["version"] = String(version) }
        self.init(fields: fields)
    }
}
