import CTTechCore
import Foundation
import SQLKit

/// Step 4's other national risks (``OtherRiskRepository``).
public struct OtherRiskStore: OtherRiskRepository, AssessmentTables {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct OtherRiskRow: Codable {
        var id: String
        var assessmentId: String
        var stateId: String
        var title: String
        var family: String
        var likelihoodLow: Double
        var likelihoodBest: Double
        var likelihoodHigh: Double
        var impactLow: Double
        var impactBest: Double
        var impactHigh: Double
        var confidence: String
        var createdAt: Int64

        init(_ risk: OtherRisk, assessmentID: String, stateID: String, createdAt: Int64) {
            id = risk.id
            assessmentId = assessmentID
            stateId = stateID
            title = risk.title
            family = risk.family
            (likelihoodLow, likelihoodBest, likelihoodHigh) = (risk.likelihood.low, risk.likelihood.best, risk.likelihood.high)
            (impactLow, impactBest, impactHigh) = (risk.impact.low, risk.impact.best, risk.impact.high)
            confidence = risk.confidence.rawValue
            self.createdAt = createdAt
        }

        var risk: OtherRisk? {
            guard let likelihood = try? UncertainEstimate(low: likelihoodLow, best: likelihoodBest, high: likelihoodHigh, within: 0...1),
                let impact = try? UncertainEstimate(low: impactLow, best: impactBest, high: impactHigh, within: 1...5),
                let confidence = Confidence(rawValue: confidence)
            else { return nil }
            return OtherRisk(id: id, title: title, family: family, likelihood: likelihood, impact: impact, confidence: confidence)
        }
    }

    /// Adds another national security risk (flood, pandemic, organised crime…) on the register's axes.
    public func addOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await tx.insert(into: "other_risks")
                .model(
                    OtherRiskRow(risk, assessmentID: assessmentID, stateID: scope.stateID, createdAt: epochMilliseconds()),
                    keyEncodingStrategy: .convertToSnakeCase
                )
                .run()
        }
    }

    public func otherRisks(_ scope: TenantScope, assessmentID: String) async throws -> [OtherRisk] {
        try await persistence.sql.select().column("*").from("other_risks").where("assessment_id", .equal, SQLBind(assessmentID))
            .where("state_id", .equal, SQLBind(scope.stateID)).orderBy("created_at").limit(1000)
            .all(decoding: OtherRiskRow.self, keyDecodingStrategy: .convertFromSnakeCase).compactMap(\.risk)
    }

    /// Corrects another national risk's description or estimates.
    public func updateOtherRisk(_ risk: OtherRisk, assessmentID: String, scope: TenantScope, audit: AuditEvent) async throws {
        try await change(scope, assessmentID: assessmentID, audit: audit) { tx in
            try await AssessmentWrites.requireRow("other_risks", id: risk.id, assessmentID: assessmentID, stateID: scope.stateID, on: tx)
            try await tx.update("other_risks").set("title", to: SQLBind(risk.title)).set("family", to: SQLBind(risk.family))
                .set("likelihood_low", to: SQLBind(risk.likelihood.low)).set("likelihood_best", to: SQLBind(risk.likelihood.best))
                .set("likelihood_high", to: SQLBind(risk.likelihood.high)).set("impact_low", to: SQLBind(risk.impact.low))
                .set("impact_best", to: SQLBind(risk.impact.best)).set("impact_high", to: SQLBind(risk.impact.high))
                .set("confidence", to: SQLBind(risk.confidence.rawValue)).where("id", .equal, SQLBind(risk.id))
                .where("state_id", .equal, SQLBind(scope.stateID)).run()
        }
    }

}
