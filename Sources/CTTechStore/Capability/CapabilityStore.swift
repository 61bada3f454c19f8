import CTTechCore
import Foundation
import NIOConcurrencyHelpers
import SQLKit

/// Steps 7–8: the published capability framework versions (``FrameworkRepository``, programme-wide) and a state's
/// capability assessments with their answers, evidence and targets and its development roadmap with the reviews of its
/// items (``CapabilityRepository``). Every query on a state's data names the scope's state; every write runs in one
/// transaction that reads what its Core check needs, calls the check, writes and appends its audit entry.
public struct CapabilityStore: CapabilityRepository, FrameworkRepository {
    let persistence: Persistence
    /// Framework versions decoded so far, by id. A published version never changes (a new framework is a new version), so
    /// its document is decoded once per process; which version is current is still asked of the database each time.
    let cache = NIOLockedValueBox<[String: CapabilityFramework]>([:])

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    // MARK: Rows

    struct FrameworkRow: Codable {
        var id: String
        var title: String
        var note: String
        var isCurrent: Bool
        /// The whole framework as JSON (sorted keys).
        var document: String
        var criteria: Int
        var publishedAt: Int64
    }

    struct SummaryRow: Codable {
        var id: String
        var title: String
        var isCurrent: Bool
        var criteria: Int
        var publishedAt: Int64
    }

    struct AssessmentRow: Codable {
        var id: String
        var stateId: String
        var kind: String
        var title: String
        var frameworkVersion: String
        var agencyId: String?
        var agencyName: String?
        /// The area codes as a JSON array.
        var areas: String
        var conductedOn: String
        var validates: String?
        var baselineId: String?
        var registerAssessmentId: String?
        var version: Int
        var createdBy: String
        var createdAt: Int64

        init(_ assessment: CapabilityAssessment, stateID: String) throws {
            id = assessment.id
            stateId = stateID
            kind = assessment.kind.rawValue
            title = assessment.title
            frameworkVersion = assessment.frameworkVersion
            agencyId = assessment.agencyID
            agencyName = assessment.agencyName
            areas = try CapabilityStore.json(assessment.areas)
            conductedOn = assessment.conductedOn.description
            validates = assessment.validates
            baselineId = assessment.baselineID
            registerAssessmentId = assessment.registerAssessmentID
            version = assessment.version
            createdBy = assessment.createdBy
            createdAt = assessment.createdAt
        }

        func assessment() throws -> CapabilityAssessment {
            guard let kind = CapabilityAssessment.Kind(rawValue: kind), let conductedOn = CalendarDate(conductedOn),
                let areas = try? CapabilityStore.decode([String].self, areas)
            else { throw StoreError.corrupt("capability assessment \(id) has an unknown kind, date or areas") }
            return CapabilityAssessment(
                id: id, stateID: stateId, kind: kind, title: title, frameworkVersion: frameworkVersion, agencyID: agencyId, agencyName: agencyName,
                areas: areas, conductedOn: conductedOn, validates: validates, baselineID: baselineId, registerAssessmentID: registerAssessmentId,
                version: version, createdBy: createdBy, createdAt: createdAt)
        }
    }

    struct AnswerRow: Codable {
        var assessmentId: String
        var stateId: String
        var area: String
        var criterion: String
        var answer: String
        var confidence: String
        var note: String
        /// The evidence ids as a JSON array.
        var evidenceIds: String
        var answeredBy: String
        var answeredAt: Int64

        init(_ record: CriterionRecord, stateID: String) throws {
            assessmentId = record.assessmentID
            stateId = stateID
            area = record.area
            criterion = record.criterion
            answer = record.answer.rawValue
            confidence = record.confidence.rawValue
            note = record.note
            evidenceIds = try CapabilityStore.json(record.evidenceIDs)
            answeredBy = record.answeredBy
            answeredAt = record.answeredAt
        }

        func record() throws -> CriterionRecord {
            guard let answer = CriterionAnswer(rawValue: answer), let confidence = Confidence(rawValue: confidence),
                let evidenceIDs = try? CapabilityStore.decode([String].self, evidenceIds)
            else { throw StoreError.corrupt("capability answer \(criterion) of \(assessmentId) has an unknown answer, confidence or evidence") }
            return CriterionRecord(
                assessmentID: assessmentId, area: area, criterion: criterion, answer: answer, confidence: confidence, note: note,
                evidenceIDs: evidenceIDs, answeredBy: answeredBy, answeredAt: answeredAt)
        }
    }

    struct EvidenceRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var position: Int
        var summary: String
        var source: String
        var reliability: String
        var credibility: Int
        var observedOn: String?
        var createdAt: Int64

        init(_ evidence: CapabilityEvidence, stateID: String, position: Int, createdAt: Int64) {
            id = evidence.id
            assessmentId = evidence.assessmentID
            stateId = stateID
            self.position = position
            summary = evidence.summary
            source = evidence.source
            reliability = evidence.reliability.rawValue
            credibility = evidence.credibility.rawValue
            observedOn = evidence.observedOn?.description
            self.createdAt = createdAt
        }

        func evidence() throws -> CapabilityEvidence {
            guard let reliability = SourceReliability(rawValue: reliability), let credibility = InformationCredibility(rawValue: credibility) else {
                throw StoreError.corrupt("capability evidence \(id) has an unknown grading")
            }
            var observed: CalendarDate?
            if let observedOn {
                guard let date = CalendarDate(observedOn) else { throw StoreError.corrupt("capability evidence \(id) has an unknown date") }
                observed = date
            }
            return CapabilityEvidence(
                id: id, assessmentID: assessmentId, summary: summary, source: source, reliability: reliability, credibility: credibility,
                observedOn: observed)
        }
    }

    struct TargetRow: Codable {
        var assessmentId: String
        var stateId: String
        var area: String
        var enabler: String
        var stage: Int
        var source: String
        var cost: String
        var prerequisites: String
        var readiness: String
        var setBy: String
        var setAt: Int64

        init(_ target: CapabilityTarget, stateID: String) {
            assessmentId = target.assessmentID
            stateId = stateID
            area = target.area
            enabler = target.enabler
            stage = target.stage
            source = target.source.rawValue
            cost = target.feasibility.cost.rawValue
            prerequisites = target.feasibility.prerequisites.rawValue
            readiness = target.feasibility.readiness.rawValue
            setBy = target.setBy
            setAt = target.setAt
        }

        func target() throws -> CapabilityTarget {
            guard let source = CapabilityTarget.Source(rawValue: source), let cost = Feasibility.Rating(rawValue: cost),
                let prerequisites = Feasibility.Rating(rawValue: prerequisites), let readiness = Feasibility.Rating(rawValue: readiness)
            else { throw StoreError.corrupt("capability target \(area)/\(enabler) of \(assessmentId) has an unknown source or rating") }
            return CapabilityTarget(
                assessmentID: assessmentId, area: area, enabler: enabler, stage: stage, source: source,
                feasibility: Feasibility(cost: cost, prerequisites: prerequisites, readiness: readiness), setBy: setBy, setAt: setAt)
        }
    }

    struct ItemRow: Codable {
        var id: String
        var stateId: String
        var kind: String
        var title: String
        var description: String
        var area: String?
        var enabler: String?
        var toStage: Int?
        var technology: String?
        var horizon: String
        var startOn: String?
        var endOn: String?
        var ownerAgencyId: String?
        var costLow: Double?
        var costHigh: Double?
        var currency: String?
        var funding: String?
        var status: String
        /// Readiness per dimension as a JSON object.
        var readiness: String
        var version: Int
        var createdBy: String
        var updatedBy: String
        var createdAt: Int64
        var updatedAt: Int64

        init(_ item: RoadmapItem, stateID: String) throws {
            id = item.id
            stateId = stateID
            kind = item.kind.rawValue
            title = item.title
            description = item.description
            area = item.area
            enabler = item.enabler
            toStage = item.toStage
            technology = item.technology
            horizon = item.horizon.rawValue
            startOn = item.timeframe?.start.description
            endOn = item.timeframe?.end.description
            ownerAgencyId = item.ownerAgencyID
            costLow = item.cost?.low
            costHigh = item.cost?.high
            currency = item.cost?.currency
            funding = item.funding?.rawValue
            status = item.status.rawValue
            readiness = try CapabilityStore.json(item.readiness)
            version = item.version
            createdBy = item.createdBy
            updatedBy = item.updatedBy
            createdAt = item.createdAt
            updatedAt = item.updatedAt
        }

        func item(prerequisites: [String], milestones: [Milestone]) throws -> RoadmapItem {
            guard let kind = RoadmapItem.Kind(rawValue: kind), let horizon = RoadmapItem.Horizon(rawValue: horizon),
                let status = RoadmapItem.Status(rawValue: status),
                let readiness = try? CapabilityStore.decode([String: ReadinessRating].self, readiness)
            else { throw StoreError.corrupt("roadmap item \(id) has an unknown kind, horizon, status or readiness") }
            var funded: RoadmapItem.Funding?
            if let funding {
                guard let value = RoadmapItem.Funding(rawValue: funding) else {
                    throw StoreError.corrupt("roadmap item \(id) has an unknown funding")
                }
                funded = value
            }
            var timeframe: Timeframe?
            if let start = startOn.flatMap(CalendarDate.init), let end = endOn.flatMap(CalendarDate.init) {
                timeframe = Timeframe(start: start, end: end)
            }
            var cost: CostRange?
            if let costLow, let costHigh, let currency { cost = CostRange(low: costLow, high: costHigh, currency: currency) }
            return RoadmapItem(
                id: id, stateID: stateId, kind: kind, title: title, description: description, area: area, enabler: enabler, toStage: toStage,
                technology: technology, horizon: horizon, timeframe: timeframe, ownerAgencyID: ownerAgencyId, cost: cost, funding: funded,
                status: status, prerequisites: prerequisites, milestones: milestones, readiness: readiness, version: version, createdBy: createdBy,
                updatedBy: updatedBy, createdAt: createdAt, updatedAt: updatedAt)
        }
    }

    struct PrerequisiteRow: Codable {
        var stateId: String
        var itemId: String
        var prerequisiteId: String
        var position: Int
    }

    struct MilestoneRow: Codable {
        var stateId: String
        var itemId: String
        var position: Int
        var title: String
        var dueOn: String
        var done: Bool

        func milestone() throws -> Milestone {
            guard let due = CalendarDate(dueOn) else { throw StoreError.corrupt("a milestone of roadmap item \(itemId) has an unknown date") }
            return Milestone(title: title, due: due, done: done)
        }
    }

    struct ReviewRow: Codable {
        var id: String
        var itemId: String
        var stateId: String
        var kind: String
        var code: String
        var status: String
        var reasoning: String
        var genderMarker: Int?
        var reviewerId: String
        var reviewerLabel: String
        var itemVersion: Int
        var reviewedAt: Int64
        var seq: Int

        init(_ review: CheckReview, itemID: String, stateID: String, seq: Int) {
            id = Identifier.make()
            itemId = itemID
            stateId = stateID
            kind = review.kind.rawValue
            code = review.code
            status = review.status.rawValue
            reasoning = review.reasoning
            genderMarker = review.genderMarker
            reviewerId = review.reviewerID
            reviewerLabel = review.reviewerLabel
            itemVersion = review.responseVersion
            reviewedAt = review.reviewedAt
            self.seq = seq
        }

        func review() throws -> CheckReview {
            guard let kind = ReviewKind(rawValue: kind), let status = CheckStatus(rawValue: status) else {
                throw StoreError.corrupt("a review of roadmap item \(itemId) has an unknown kind or status")
            }
            return CheckReview(
                responseID: itemId, kind: kind, code: code, status: status, reasoning: reasoning, genderMarker: genderMarker,
                reviewerID: reviewerId, reviewerLabel: reviewerLabel, responseVersion: itemVersion, reviewedAt: reviewedAt)
        }
    }

    struct CountRow: Codable { var n: Int }
    struct LatestRow: Codable { var n: Int64? }
    struct IDRow: Codable { var id: String }
    struct DocumentRow: Codable { var document: String }

    // MARK: Frameworks

    public func framework(id: String?) async throws -> CapabilityFramework? {
        let sql = persistence.sql
        let frameworkID: String
        if let id {
            frameworkID = id
        } else {
            guard
                let current = try await sql.select().column("id").from("capability_frameworks").where("is_current", .equal, SQLBind(true))
                    .first(decoding: IDRow.self)
            else { return nil }
            frameworkID = current.id
        }
        if let cached = cache.withLockedValue({ $0[frameworkID] }) { return cached }
        guard
            let row = try await sql.select().column("document").from("capability_frameworks").where("id", .equal, SQLBind(frameworkID))
                .first(decoding: DocumentRow.self)
        else { return nil }
        guard let framework = try? Self.decode(CapabilityFramework.self, row.document) else {
            throw StoreError.corrupt("capability framework \(frameworkID) does not decode")
        }
        cache.withLockedValue { $0[frameworkID] = framework }
        return framework
    }

    /// Newest first (then by id, the same on both databases).
    public func frameworks() async throws -> [FrameworkSummary] {
        try await persistence.sql.select().column("id").column("title").column("is_current").column("criteria").column("published_at")
            .from("capability_frameworks").orderBy("published_at", .descending).orderBy("id", .descending).limit(1_000)
            .all(decoding: SummaryRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { FrameworkSummary(id: $0.id, title: $0.title, isCurrent: $0.isCurrent, criteria: $0.criteria, publishedAt: $0.publishedAt) }
            .sorted { ($0.publishedAt, $0.id) > ($1.publishedAt, $1.id) }
    }

    /// The new version is published after every earlier one (a millisecond later at least), so "newest first" holds even
    /// when two are published in the same millisecond.
    public func publishFramework(_ framework: CapabilityFramework, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard try await tx.select().column("id").from("capability_frameworks").where("id", .equal, SQLBind(framework.id)).first() == nil else {
                throw StoreConflict.duplicate(field: "id")
            }
            let latest =
                try await tx.select().column(SQLFunction("MAX", args: SQLIdentifier("published_at")), as: "n").from("capability_frameworks")
                .first(decoding: LatestRow.self)?.n ?? 0
            try await tx.update("capability_frameworks").set("is_current", to: SQLBind(false)).run()
            try await Self.insert(framework, current: true, publishedAt: max(epochMilliseconds(), latest + 1), on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// Stores a framework version (the migration stores the default one this way).
    static func insert(_ framework: CapabilityFramework, current: Bool, publishedAt: Int64, on sql: any SQLDatabase) async throws {
        let row = FrameworkRow(
            id: framework.id, title: framework.title, note: framework.note, isCurrent: current, document: try json(framework),
            criteria: framework.criteria.count, publishedAt: publishedAt)
        try await sql.insert(into: "capability_frameworks").model(row, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    // MARK: Assessments

    /// Newest first (by creation time, then id, the same on both databases).
    public func capabilityAssessments(_ scope: TenantScope) async throws -> [CapabilityAssessment] {
        try await persistence.sql.select().column("*").from("capability_assessments").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("created_at", .descending).orderBy("id", .descending).limit(CapabilityLimits.assessments)
            .all(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.assessment() }
            .sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
    }

    public func capabilityAssessment(_ scope: TenantScope, id: String) async throws -> CapabilityAssessment? {
        try await Self.assessment(id, stateID: scope.stateID, on: persistence.sql)
    }

    /// Refuses an id already taken as ``StoreConflict/duplicate(field:)`` of `id`, and an assessment beyond
    /// ``CapabilityLimits/assessments`` in the state as one of `assessments`.
    public func addCapabilityAssessment(_ assessment: CapabilityAssessment, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(assessment.stateID == scope.stateID, "a scope for one state cannot write another's capability assessment")
        let kind = persistence.kind
        let row = try AssessmentRow(assessment, stateID: scope.stateID)
        try await persistence.write { tx in
            guard
                try await tx.select().column("id").from("capability_assessments").where("id", .equal, SQLBind(assessment.id)).first() == nil
            else { throw StoreConflict.duplicate(field: "id") }
            let held =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("capability_assessments")
                .where("state_id", .equal, SQLBind(scope.stateID)).first(decoding: CountRow.self)?.n ?? 0
            guard held < CapabilityLimits.assessments else { throw StoreConflict.duplicate(field: "assessments") }
            if let validates = assessment.validates {
                let validated = try await Self.assessment(validates, stateID: scope.stateID, on: tx)
                guard validated?.kind == .selfAssessed else { throw CapabilityRuleViolation.unknownLinkedAssessment(validates) }
            }
            if let baseline = assessment.baselineID {
                guard try await Self.assessment(baseline, stateID: scope.stateID, on: tx) != nil else {
                    throw CapabilityRuleViolation.unknownLinkedAssessment(baseline)
                }
            }
            try await tx.insert(into: "capability_assessments")
                .model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Answers

    /// By area, then criterion.
    public func criterionRecords(_ scope: TenantScope, assessmentID: String) async throws -> [CriterionRecord] {
        try await Self.records(assessmentID, stateID: scope.stateID, on: persistence.sql)
    }

    /// Every record must be for `area` of `assessmentID` (else ``StoreConflict/missing``) and name each criterion once
    /// (else ``StoreConflict/duplicate(field:)`` of `criterion`).
    public func replaceAnswers(
        _ records: [CriterionRecord], area: String, assessmentID: String, expectedVersion: Int, framework: CapabilityFramework, scope: TenantScope,
        audit: AuditEvent
    ) async throws -> CapabilityAssessment {
        let kind = persistence.kind
        let rows = try records.map { try AnswerRow($0, stateID: scope.stateID) }
        return try await persistence.write { tx in
            let stored = try await Self.editable(assessmentID, expectedVersion: expectedVersion, stateID: scope.stateID, kind: kind, on: tx)
            for record in records where record.assessmentID != stored.id || record.area != area { throw StoreConflict.missing }
            guard Set(records.map(\.criterion)).count == records.count else { throw StoreConflict.duplicate(field: "criterion") }
            guard stored.areas.contains(area) else { throw CapabilityRuleViolation.areaNotAssessed(area) }
            let evidence = try await Self.evidence(stored.id, stateID: scope.stateID, on: tx)
            try CapabilityRuleViolation.checkAnswers(records, assessment: stored, framework: framework, evidenceIDs: Set(evidence.map(\.id)))
            try await tx.delete(from: "capability_answers").where("assessment_id", .equal, SQLBind(stored.id))
                .where("area", .equal, SQLBind(area)).where("state_id", .equal, SQLBind(scope.stateID)).run()
            for chunk in Self.chunks(rows) {
                try await tx.insert(into: "capability_answers").models(chunk, keyEncodingStrategy: .convertToSnakeCase).run()
            }
            let updated = try await Self.bumpVersion(stored, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return updated
        }
    }

    // MARK: Evidence

    /// Oldest first, in the order added.
    public func capabilityEvidence(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityEvidence] {
        try await Self.evidence(assessmentID, stateID: scope.stateID, on: persistence.sql)
    }

    /// Refuses an id already taken as ``StoreConflict/duplicate(field:)`` of `id`, and an item beyond
    /// ``CapabilityLimits/evidencePerAssessment`` as one of `evidence`. The assessment's version rises by one.
    public func addCapabilityEvidence(_ evidence: CapabilityEvidence, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let stored = try await Self.assessment(evidence.assessmentID, stateID: scope.stateID, on: tx) else { throw StoreConflict.missing }
            guard try await tx.select().column("id").from("capability_evidence").where("id", .equal, SQLBind(evidence.id)).first() == nil else {
                throw StoreConflict.duplicate(field: "id")
            }
            let held =
                try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("capability_evidence")
                .where("state_id", .equal, SQLBind(scope.stateID)).where("assessment_id", .equal, SQLBind(stored.id))
                .first(decoding: CountRow.self)?.n ?? 0
            guard held < CapabilityLimits.evidencePerAssessment else { throw StoreConflict.duplicate(field: "evidence") }
            try await tx.insert(into: "capability_evidence")
                .model(
                    EvidenceRow(evidence, stateID: scope.stateID, position: held, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil
                ).run()
            _ = try await Self.bumpVersion(stored, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Targets

    /// By area, then enabler.
    public func capabilityTargets(_ scope: TenantScope, assessmentID: String) async throws -> [CapabilityTarget] {
        try await persistence.sql.select().column("*").from("capability_targets").where("state_id", .equal, SQLBind(scope.stateID))
            .where("assessment_id", .equal, SQLBind(assessmentID)).limit(Self.rowsPerAssessment)
            .all(decoding: TargetRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.target() }
            .sorted { ($0.area, $0.enabler) < ($1.area, $1.enabler) }
    }

    /// Every target must be of `assessmentID` (else ``StoreConflict/missing``), of one of `areas`, each an area the
    /// assessment covers (else ``CapabilityRuleViolation/areaNotAssessed(_:)``), once per area and enabler (else
    /// ``StoreConflict/duplicate(field:)`` of `target`).
    public func replaceTargets(
        _ targets: [CapabilityTarget], areas: [String], assessmentID: String, expectedVersion: Int, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> CapabilityAssessment {
        let kind = persistence.kind
        let rows = targets.map { TargetRow($0, stateID: scope.stateID) }
        return try await persistence.write { tx in
            let stored = try await Self.editable(assessmentID, expectedVersion: expectedVersion, stateID: scope.stateID, kind: kind, on: tx)
            for target in targets where target.assessmentID != stored.id { throw StoreConflict.missing }
            for area in areas where !stored.areas.contains(area) { throw CapabilityRuleViolation.areaNotAssessed(area) }
            for target in targets where !areas.contains(target.area) { throw CapabilityRuleViolation.areaNotAssessed(target.area) }
            let cells = Set(targets.map { MaturityGrid.Cell(area: $0.area, enabler: $0.enabler) })
            guard cells.count == targets.count else { throw StoreConflict.duplicate(field: "target") }
            let records = try await Self.records(stored.id, stateID: scope.stateID, on: tx)
            try CapabilityRuleViolation.checkTargets(targets, grid: MaturityGrid(framework: framework, areas: stored.areas, records: records))
            if !areas.isEmpty {
                try await tx.delete(from: "capability_targets").where("assessment_id", .equal, SQLBind(stored.id))
                    .where("state_id", .equal, SQLBind(scope.stateID)).where("area", .in, areas).run()
            }
            for chunk in Self.chunks(rows) {
                try await tx.insert(into: "capability_targets").models(chunk, keyEncodingStrategy: .convertToSnakeCase).run()
            }
            let updated = try await Self.bumpVersion(stored, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return updated
        }
    }

    // MARK: Roadmap

    /// In the order added (creation time, then id); the dependency graph decides the order shown.
    public func roadmapItems(_ scope: TenantScope) async throws -> [RoadmapItem] {
        try await Self.items(stateID: scope.stateID, id: nil, on: persistence.sql)
    }

    public func roadmapItem(_ scope: TenantScope, id: String) async throws -> RoadmapItem? {
        try await Self.items(stateID: scope.stateID, id: id, on: persistence.sql).first
    }

    /// Refuses an id already taken as ``StoreConflict/duplicate(field:)`` of `id`, an item beyond
    /// ``CapabilityLimits/roadmapItems`` as one of `items`, and more prerequisites or milestones than
    /// ``CapabilityLimits`` allows (or a prerequisite named twice) as one of `prerequisites` or `milestones`.
    public func addRoadmapItem(_ item: RoadmapItem, scope: TenantScope, audit: AuditEvent) async throws {
        precondition(item.stateID == scope.stateID, "a scope for one state cannot write another's roadmap item")
        try Self.checkBounds(item)
        let kind = persistence.kind
        let row = try ItemRow(item, stateID: scope.stateID)
        try await persistence.write { tx in
            guard try await tx.select().column("id").from("roadmap_items").where("id", .equal, SQLBind(item.id)).first() == nil else {
                throw StoreConflict.duplicate(field: "id")
            }
            let items = try await Self.items(stateID: scope.stateID, id: nil, on: tx)
            guard items.count < CapabilityLimits.roadmapItems else { throw StoreConflict.duplicate(field: "items") }
            try CapabilityRuleViolation.checkPrerequisites(of: item, in: items + [item])
            try await tx.insert(into: "roadmap_items").model(row, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil).run()
            try await Self.writeChildren(of: item, stateID: scope.stateID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    /// The stored item keeps its state, author, creation time and status (an approved one goes back under review); its
    /// version rises by one.
    public func updateRoadmapItem(_ item: RoadmapItem, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem {
        try Self.checkBounds(item)
        let kind = persistence.kind
        let row = try ItemRow(item, stateID: scope.stateID)
        return try await persistence.write { tx in
            try await Self.lockRow("roadmap_items", id: item.id, stateID: scope.stateID, kind: kind, on: tx)
            let items = try await Self.items(stateID: scope.stateID, id: nil, on: tx)
            guard let stored = items.first(where: { $0.id == item.id }) else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            try CapabilityRuleViolation.checkEditable(stored)
            var changed = item
            changed.stateID = stored.stateID
            try CapabilityRuleViolation.checkPrerequisites(of: changed, in: items.map { $0.id == changed.id ? changed : $0 })
            // Its reviews named the old version: an approved item goes back under review.
            let status: RoadmapItem.Status = stored.status == .approved ? .underReview : stored.status
            try await tx.update("roadmap_items").set("kind", to: SQLBind(row.kind)).set("title", to: SQLBind(row.title))
                .set("description", to: SQLBind(row.description)).set("area", to: Self.nullable(row.area))
                .set("enabler", to: Self.nullable(row.enabler)).set("to_stage", to: Self.nullable(row.toStage))
                .set("technology", to: Self.nullable(row.technology)).set("horizon", to: SQLBind(row.horizon))
                .set("start_on", to: Self.nullable(row.startOn)).set("end_on", to: Self.nullable(row.endOn))
                .set("owner_agency_id", to: Self.nullable(row.ownerAgencyId)).set("cost_low", to: Self.nullable(row.costLow))
                .set("cost_high", to: Self.nullable(row.costHigh)).set("currency", to: Self.nullable(row.currency))
                .set("funding", to: Self.nullable(row.funding)).set("readiness", to: SQLBind(row.readiness))
                .set("status", to: SQLBind(status.rawValue)).set("version", to: SQLBind(stored.version + 1))
                .set("updated_by", to: SQLBind(row.updatedBy)).set("updated_at", to: SQLBind(row.updatedAt))
                .where("id", .equal, SQLBind(stored.id)).where("state_id", .equal, SQLBind(scope.stateID)).run()
            try await Self.deleteChildren(of: stored.id, stateID: scope.stateID, on: tx)
            try await Self.writeChildren(of: changed, stateID: scope.stateID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            guard let updated = try await Self.items(stateID: scope.stateID, id: stored.id, on: tx).first else { throw StoreConflict.missing }
            return updated
        }
    }

    /// Refuses more than ``CapabilityLimits/milestonesPerItem`` as ``StoreConflict/duplicate(field:)`` of `milestones`.
    public func setMilestones(_ milestones: [Milestone], itemID: String, scope: TenantScope, audit: AuditEvent) async throws -> RoadmapItem {
        guard milestones.count <= CapabilityLimits.milestonesPerItem else { throw StoreConflict.duplicate(field: "milestones") }
        let kind = persistence.kind
        return try await persistence.write { tx in
            try await Self.lockRow("roadmap_items", id: itemID, stateID: scope.stateID, kind: kind, on: tx)
            guard var stored = try await Self.items(stateID: scope.stateID, id: itemID, on: tx).first else { throw StoreConflict.missing }
            guard stored.status != .done && stored.status != .dropped else { throw CapabilityRuleViolation.contentLocked(stored.status) }
            // Only the ticks may change here: milestones renamed, moved or removed since the page was read are a conflict.
            guard stored.milestones.map({ [$0.title, $0.due.description] }) == milestones.map({ [$0.title, $0.due.description] }) else {
                throw StoreConflict.staleVersion(current: stored.version)
            }
            try await tx.delete(from: "roadmap_milestones").where("item_id", .equal, SQLBind(stored.id))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            stored.milestones = milestones
            try await Self.writeMilestones(of: stored, stateID: scope.stateID, on: tx)
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return stored
        }
    }

    public func changeRoadmapStatus(
        _ id: String, to target: RoadmapItem.Status, expectedVersion: Int, method: MethodVersion, framework: CapabilityFramework,
        scope: TenantScope, audit: AuditEvent
    ) async throws -> RoadmapItem {
        let kind = persistence.kind
        return try await persistence.write { tx in
            try await Self.lockRow("roadmap_items", id: id, stateID: scope.stateID, kind: kind, on: tx)
            guard var stored = try await Self.items(stateID: scope.stateID, id: id, on: tx).first else { throw StoreConflict.missing }
            guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
            let reviews = try await Self.reviews(itemID: stored.id, stateID: scope.stateID, on: tx)
            let checklists = ReviewChecklist.roadmap(stored, method: method, framework: framework, reviews: reviews)
            try CapabilityRuleViolation.checkTransition(stored, to: target, checklists: checklists)
            try await tx.update("roadmap_items").set("status", to: SQLBind(target.rawValue)).where("id", .equal, SQLBind(stored.id))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            stored.status = target
            return stored
        }
    }

    /// Every answer recorded for the items of the state's roadmap (any version), oldest first: one query for the state page.
    public func allRoadmapReviews(_ scope: TenantScope) async throws -> [CheckReview] {
        try await persistence.sql.select().column("*").from("roadmap_reviews").where("state_id", .equal, SQLBind(scope.stateID))
            .orderBy("reviewed_at").orderBy("seq").limit(100_000)
            .all(decoding: ReviewRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.review() }
    }

    public func roadmapReviews(_ scope: TenantScope, itemID: String) async throws -> [CheckReview] {
        try await Self.reviews(itemID: itemID, stateID: scope.stateID, on: persistence.sql)
    }

    /// Every review must be of `itemID` (else ``StoreConflict/missing``).
    public func addRoadmapReviews(_ reviews: [CheckReview], itemID: String, scope: TenantScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            guard let stored = try await Self.items(stateID: scope.stateID, id: itemID, on: tx).first else { throw StoreConflict.missing }
            for review in reviews {
                guard review.responseID == stored.id else { throw StoreConflict.missing }
                try CapabilityRuleViolation.checkReview(of: stored, by: review.reviewerID, version: review.responseVersion)
            }
            if !reviews.isEmpty {
                let held =
                    try await tx.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("roadmap_reviews")
                    .where("state_id", .equal, SQLBind(scope.stateID)).where("item_id", .equal, SQLBind(stored.id))
                    .first(decoding: CountRow.self)?.n ?? 0
                let rows = reviews.enumerated().map { ReviewRow($1, itemID: stored.id, stateID: scope.stateID, seq: held + $0) }
                for chunk in Self.chunks(rows) {
                    try await tx.insert(into: "roadmap_reviews").models(chunk, keyEncodingStrategy: .convertToSnakeCase, nilEncodingStrategy: .asNil)
                        .run()
                }
            }
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    // MARK: Shared reads and writes (on a transaction or the pool)

    /// Rows one assessment may hold in a child table (answers: every criterion of every area; targets: every cell).
    static let rowsPerAssessment = 50_000

    /// The encoding every JSON column uses: sorted keys, so equal values give equal text.
    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    static func nullable(_ value: (some Encodable & Sendable)?) -> any SQLExpression {
        value.map { SQLBind($0) as any SQLExpression } ?? SQLLiteral.null
    }

    /// Rows in groups small enough for one INSERT on both databases (SQLite binds at most 32,766 values).
    static func chunks<Row>(_ rows: [Row], size: Int = 200) -> [[Row]] {
        stride(from: 0, to: rows.count, by: size).map { Array(rows[$0..<min($0 + size, rows.count)]) }
    }

    /// One capability assessment of the state, or nil.
    static func assessment(_ id: String, stateID: String, on sql: any SQLDatabase) async throws -> CapabilityAssessment? {
        try await sql.select().column("*").from("capability_assessments").where("id", .equal, SQLBind(id))
            .where("state_id", .equal, SQLBind(stateID)).first(decoding: AssessmentRow.self, keyDecodingStrategy: .convertFromSnakeCase)?
            .assessment()
    }

    /// The assessment of the state (else ``StoreConflict/missing``) at `expectedVersion` (else
    /// ``StoreConflict/staleVersion(current:)``). On PostgreSQL the row is locked first (`FOR UPDATE`), so two writes at one version cannot both pass the check
    /// (SQLite's writes are serialised already).
    static func editable(
        _ id: String, expectedVersion: Int, stateID: String, kind: DatabaseKind, on tx: any SQLDatabase
    ) async throws -> CapabilityAssessment {
        try await lockRow("capability_assessments", id: id, stateID: stateID, kind: kind, on: tx)
        guard let stored = try await assessment(id, stateID: stateID, on: tx) else { throw StoreConflict.missing }
        guard stored.version == expectedVersion else { throw StoreConflict.staleVersion(current: stored.version) }
        return stored
    }

    /// Locks one row of the state on PostgreSQL until the transaction ends; nothing on SQLite.
    static func lockRow(_ table: String, id: String, stateID: String, kind: DatabaseKind, on tx: any SQLDatabase) async throws {
        guard kind == .postgres else { return }
        try await tx.raw("SELECT id FROM \(ident: table) WHERE id = \(bind: id) AND state_id = \(bind: stateID) FOR UPDATE").run()
    }

    /// Moves the assessment's version on by one and returns it so.
    static func bumpVersion(_ stored: CapabilityAssessment, on tx: any SQLDatabase) async throws -> CapabilityAssessment {
        var updated = stored
        updated.version = stored.version + 1
        try await tx.update("capability_assessments").set("version", to: SQLBind(updated.version)).where("id", .equal, SQLBind(stored.id))
            .where("state_id", .equal, SQLBind(stored.stateID)).run()
        return updated
    }

    /// The answers of an assessment of the state, by area then criterion.
    static func records(_ assessmentID: String, stateID: String, on sql: any SQLDatabase) async throws -> [CriterionRecord] {
        try await sql.select().column("*").from("capability_answers").where("state_id", .equal, SQLBind(stateID))
            .where("assessment_id", .equal, SQLBind(assessmentID)).limit(rowsPerAssessment)
            .all(decoding: AnswerRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.record() }
            .sorted { ($0.area, $0.criterion) < ($1.area, $1.criterion) }
    }

    /// The evidence of an assessment of the state, in the order added.
    static func evidence(_ assessmentID: String, stateID: String, on sql: any SQLDatabase) async throws -> [CapabilityEvidence] {
        try await sql.select().column("*").from("capability_evidence").where("state_id", .equal, SQLBind(stateID))
            .where("assessment_id", .equal, SQLBind(assessmentID)).orderBy("position").orderBy("created_at")
            .limit(CapabilityLimits.evidencePerAssessment).all(decoding: EvidenceRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { try $0.evidence() }
    }

    /// One item of the state (`id`) or every one, each with its prerequisites and milestones in their order; by creation
    /// time, then id.
    static func items(stateID: String, id: String?, on sql: any SQLDatabase) async throws -> [RoadmapItem] {
        var itemQuery = sql.select().column("*").from("roadmap_items").where("state_id", .equal, SQLBind(stateID))
        var prerequisiteQuery = sql.select().column("*").from("roadmap_prerequisites").where("state_id", .equal, SQLBind(stateID))
        var milestoneQuery = sql.select().column("*").from("roadmap_milestones").where("state_id", .equal, SQLBind(stateID))
        if let id {
            itemQuery = itemQuery.where("id", .equal, SQLBind(id))
            prerequisiteQuery = prerequisiteQuery.where("item_id", .equal, SQLBind(id))
            milestoneQuery = milestoneQuery.where("item_id", .equal, SQLBind(id))
        }
        let rows = try await itemQuery.orderBy("created_at").orderBy("id").limit(CapabilityLimits.roadmapItems)
            .all(decoding: ItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        let count = id == nil ? CapabilityLimits.roadmapItems : 1
        var prerequisites: [String: [String]] = [:]
        for row in try await prerequisiteQuery.orderBy("item_id").orderBy("position").limit(count * CapabilityLimits.prerequisitesPerItem)
            .all(decoding: PrerequisiteRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        {
            prerequisites[row.itemId, default: []].append(row.prerequisiteId)
        }
        var milestones: [String: [Milestone]] = [:]
        for row in try await milestoneQuery.orderBy("item_id").orderBy("position").limit(count * CapabilityLimits.milestonesPerItem)
            .all(decoding: MilestoneRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        {
            milestones[row.itemId, default: []].append(try row.milestone())
        }
        return try rows.map { try $0.item(prerequisites: prerequisites[$0.id] ?? [], milestones: milestones[$0.id] ?? []) }
            .sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
    }

    /// An item's prerequisites and milestones within ``CapabilityLimits``, no prerequisite named twice.
    static func checkBounds(_ item: RoadmapItem) throws {
        guard item.prerequisites.count <= CapabilityLimits.prerequisitesPerItem, Set(item.prerequisites).count == item.prerequisites.count else {
            throw StoreConflict.duplicate(field: "prerequisites")
        }
        guard item.milestones.count <= CapabilityLimits.milestonesPerItem else { throw StoreConflict.duplicate(field: "milestones") }
    }

    static func deleteChildren(of itemID: String, stateID: String, on tx: any SQLDatabase) async throws {
        for table in ["roadmap_prerequisites", "roadmap_milestones"] {
            try await tx.delete(from: table).where("item_id", .equal, SQLBind(itemID)).where("state_id", .equal, SQLBind(stateID)).run()
        }
    }

    static func writeChildren(of item: RoadmapItem, stateID: String, on tx: any SQLDatabase) async throws {
        if !item.prerequisites.isEmpty {
            let rows = item.prerequisites.enumerated().map {
                PrerequisiteRow(stateId: stateID, itemId: item.id, prerequisiteId: $1, position: $0)
            }
            try await tx.insert(into: "roadmap_prerequisites").models(rows, keyEncodingStrategy: .convertToSnakeCase).run()
        }
        try await writeMilestones(of: item, stateID: stateID, on: tx)
    }

    static func writeMilestones(of item: RoadmapItem, stateID: String, on tx: any SQLDatabase) async throws {
        guard !item.milestones.isEmpty else { return }
        let rows = item.milestones.enumerated().map {
            MilestoneRow(stateId: stateID, itemId: item.id, position: $0, title: $1.title, dueOn: $1.due.description, done: $1.done)
        }
        try await tx.insert(into: "roadmap_milestones").models(rows, keyEncodingStrategy: .convertToSnakeCase).run()
    }

    /// The answers recorded for an item of the state, oldest first (answers given together in the order given); when more
    /// than the bound are stored, the newest are kept.
    static func reviews(itemID: String, stateID: String, on sql: any SQLDatabase) async throws -> [CheckReview] {
        try await sql.select().column("*").from("roadmap_reviews").where("state_id", .equal, SQLBind(stateID))
            .where("item_id", .equal, SQLBind(itemID)).orderBy("reviewed_at", .descending).orderBy("seq", .descending).limit(10_000)
            .all(decoding: ReviewRow.self, keyDecodingStrategy: .convertFromSnakeCase).reversed().map { try $0.review() }
    }
}
