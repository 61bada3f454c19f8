import CTTechCore
import Foundation
import SQLKit

/// Graded evidence about scenarios and technologies (``EvidenceRepository``).
public struct EvidenceStore: EvidenceRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct EvidenceRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var subjectKind: String
        var subjectRef: String
        var summary: String
        var source: String
        var reliability: String
        var credibility: Int
        var observedOn: String
        var createdAt: Int64

        init(_ item: EvidenceItem, assessmentID: String, stateID: String, createdAt: Int64) {
            id = item.id
            assessmentId = assessmentID
            stateId = stateID
            subjectKind = item.subject.kind
            subjectRef = item.subject.reference
            summary = item.summary
            source = item.source
            reliability = item.reliability.rawValue
            credibility = item.credibility.rawValue
            observedOn = item.observedOn
            self.createdAt = createdAt
        }

        var item: EvidenceItem? {
            guard let subject = EvidenceSubject(kind: subjectKind, reference: subjectRef), let reliability = SourceReliability(rawValue: reliability),
                let credibility = InformationCredibility(rawValue: credibility)
            else { return nil }
            return EvidenceItem(
                id: id, subject: subject, summary: summary, source: source, reliability: reliability, credibility: credibility, observedOn: observedOn
            )
        }
    }

    /// Adds an evidence item; a scenario it names must belong to the same assessment.
    public func addEvidence(_ item: EvidenceItem, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            if case .scenario(let id) = item.subject {
                guard
                    try await tx.select().column("id").from("scenarios").where("id", .equal, SQLBind(id))
                        .where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID)).first() != nil
                else { throw StoreConflict.missing }
            }
            try await tx.insert(into: "evidence_items")
                .model(
                    EvidenceRow(item, assessmentID: assessmentID, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                )
                .run()
        }
    }

    /// The assessment's evidence items, or only those about one scenario or technology.
    public func evidence(_ scope: TenantScope, assessmentID: String, about subject: EvidenceSubject?) async throws -> [EvidenceItem] {
        guard let subject else {
            return try await rows("evidence_items", scope, assessmentID, order: "created_at", as: EvidenceRow.self).compactMap(\.item)
        }
        return try await persistence.sql.select().column("*").from("evidence_items").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).where("subject_kind", .equal, SQLBind(subject.kind))
            .where("subject_ref", .equal, SQLBind(subject.reference)).orderBy("created_at")
            .all(decoding: EvidenceRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.item)
    }

    /// One evidence item of the assessment, or nil.
    public func evidenceItem(_ scope: TenantScope, assessmentID: String, id: String) async throws -> EvidenceItem? {
        try await persistence.sql.select().column("*").from("evidence_items").where("id", .equal, SQLBind(id))
            .where("assessment_id", .equal, SQLBind(assessmentID)).where("state_id", .equal, SQLBind(scope.stateID))
            .first(decoding: EvidenceRow.self, keyDecodingStrategy: .convertFromSnakeCase)?.item
    }
}
