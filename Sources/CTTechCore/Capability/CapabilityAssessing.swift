import Foundation

/// Step 7: capability self-assessment with evidence, the validated assessment programme staff enter beside it, and the
/// publication of framework versions.
public struct CapabilityAssessing: Sendable {
    let capability: any CapabilityRepository
    let frameworks: any FrameworkRepository

    public init(capability: any CapabilityRepository, frameworks: any FrameworkRepository) {
        self.capability = capability
        self.frameworks = frameworks
    }

    /// The framework an assessment uses (its own version; the current one for a new assessment or when that is gone).
    public func framework(of assessment: CapabilityAssessment?) async throws -> CapabilityFramework {
        if let id = assessment?.frameworkVersion, let framework = try await frameworks.framework(id: id) { return framework }
        return try await frameworks.framework(id: nil) ?? .ctTechDefault
    }

    /// Opens an assessment under the current framework. A validated assessment names the self-assessment it validates
    /// and, when no area is ticked, covers the same areas; it uses the framework version of what it validates.
    public func open(
        _ draft: CapabilityAssessmentDraft, kind: CapabilityAssessment.Kind, agencies: [Agency], threatAssessments: Set<String>, by actor: AuditActor,
        scope: TenantScope
    ) async throws -> CapabilityAssessment {
        try Self.require(scope, writing: kind)
        let existing = try await capability.capabilityAssessments(scope)
        var framework = try await framework(of: nil)
        let context = CapabilityAssessmentDraft.Context(
            areas: framework.areas.map(\.code), agencies: Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }),
            selfAssessments: Set(existing.filter { $0.kind == .selfAssessed }.map(\.id)), assessments: Set(existing.map(\.id)),
            threatAssessments: threatAssessments)
        var content = try draft.validated(kind: kind, in: context)
        if let validated = existing.first(where: { $0.id == content.validates }) {
            framework = try await self.framework(of: validated)
            if content.areas.isEmpty { content.areas = validated.areas }
            if content.agencyID == nil {
                content.agencyID = validated.agencyID
                content.agencyName = validated.agencyName
            }
            if content.registerAssessmentID == nil { content.registerAssessmentID = validated.registerAssessmentID }
        }
        let assessment = CapabilityAssessment(
            id: Identifier.make(), stateID: scope.stateID, kind: kind, title: content.title, frameworkVersion: framework.id,
            agencyID: content.agencyID, agencyName: content.agencyName, areas: content.areas, conductedOn: content.conductedOn,
            validates: content.validates, baselineID: content.baselineID, registerAssessmentID: content.registerAssessmentID, version: 1,
            createdBy: actor.id, createdAt: Self.now())
        try await capability.addCapabilityAssessment(
            assessment, scope: scope,
            audit: AuditEvent(
                .capabilityCreate, by: actor, entity: assessment.id, state: scope.stateID, ["title": assessment.title, "kind": kind.rawValue]))
        return assessment
    }

    /// Replaces one area's answers. A stale version is a ``StoreConflict/staleVersion``; answers for criteria of another
    /// framework version, an area not assessed or evidence of another assessment are refused whole.
    public func answer(
        _ draft: AnswersDraft, area: String, of assessment: CapabilityAssessment, by actor: AuditActor, scope: TenantScope
    ) async throws -> CapabilityAssessment {
        try Self.require(scope, writing: assessment.kind)
        let framework = try await framework(of: assessment)
        guard assessment.areas.contains(area) else { throw CapabilityRuleViolation.areaNotAssessed(area) }
        let evidence = try await capability.capabilityEvidence(scope, assessmentID: assessment.id).map(\.id)
        let records = try draft.validated(
            framework: framework, area: area, assessmentID: assessment.id, evidenceIDs: Set(evidence), numbered: evidence, by: actor.id,
            at: Self.now())
        return try await capability.replaceAnswers(
            records, area: area, assessmentID: assessment.id, expectedVersion: draft.version ?? assessment.version, framework: framework,
            scope: scope,
            audit: AuditEvent(
                .capabilityAnswers, by: actor, entity: assessment.id, state: scope.stateID, ["area": area, "answered": String(records.count)]))
    }

    /// Adds an evidence item to an assessment.
    public func addEvidence(
        _ draft: EvidenceDraft, to assessment: CapabilityAssessment, by actor: AuditActor, scope: TenantScope
    ) async throws
        -> CapabilityEvidence
    {
        try Self.require(scope, writing: assessment.kind)
        let graded = try draft.graded()
        let evidence = CapabilityEvidence(
            id: Identifier.make(), assessmentID: assessment.id, summary: graded.summary, source: graded.source, reliability: graded.reliability,
            credibility: graded.credibility, observedOn: CalendarDate(graded.observedOn))
        try await capability.addCapabilityEvidence(
            evidence, scope: scope,
            audit: AuditEvent(.capabilityEvidence, by: actor, entity: assessment.id, state: scope.stateID, ["evidence": evidence.id]))
        return evidence
    }

    /// The maturity grid of an assessment as stored.
    public func grid(of assessment: CapabilityAssessment, scope: TenantScope) async throws -> (CapabilityFramework, MaturityGrid, [CriterionRecord]) {
        let framework = try await framework(of: assessment)
        let records = try await capability.criterionRecords(scope, assessmentID: assessment.id)
        return (framework, MaturityGrid(framework: framework, areas: assessment.areas, records: records), records)
    }

    /// Publishes a framework version from its JSON: it must decode, have no ``CapabilityFramework/problems()`` and a new id.
    public func publish(json: Data, by actor: AuditActor) async throws -> CapabilityFramework {
        let framework: CapabilityFramework
        do {
            framework = try JSONDecoder().decode(CapabilityFramework.self, from: json)
        } catch {
            throw ValidationFailure(field: "framework", "validation.capability.framework-json")
        }
        let problems = framework.problems()
        if !problems.isEmpty {
            throw ValidationFailure(
                field: "framework",
                Message("validation.capability.framework-problems", count: problems.count, ["problems": problems.prefix(10).joined(separator: "; ")]))
        }
        try await frameworks.publishFramework(
            framework, audit: AuditEvent(.frameworkPublish, by: actor, entity: framework.id, state: nil, ["title": framework.title]))
        return framework
    }

    /// A self-assessment is written under ``Permission/writeCapability``, a validated one under
    /// ``Permission/validateCapability``: an assessor cannot pass a self-assessment scope off for validation, nor staff the reverse.
    static func require(_ scope: TenantScope, writing kind: CapabilityAssessment.Kind) throws {
        let needed: Permission = kind == .validated ? .validateCapability : .writeCapability
        guard scope.permission == needed else { throw AccessDenied.forbidden("errors.access.role-not-allowed") }
    }

    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1000) }
}
