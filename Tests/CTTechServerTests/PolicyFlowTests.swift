import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Steps 5–6: policy responses, reviews that gate approval, residual risk (web)")
struct PolicyFlowTests {
    func actions(_ world: TestWorld) async throws -> [String] {
        try await world.services.audit.list(SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 200))
            .map(\.action)
    }

    func responses(_ world: TestWorld) async throws -> [PolicyResponse] {
        try await world.services.policy.responses(SystemAuthority.tenant(world.home.id, permission: .viewResponses))
    }

    @Test(arguments: TestDatabase.kinds)
    func responsesAreDesignedReviewedOverriddenAndApproved(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let maker = try await world.session(.policyMaker)
            let reviewer = try await world.session(.reviewer)
            let focal = try await world.session(.focalPoint)
            let base = "/states/\(world.home.id)/responses"
            let records = try #require(world.records[world.home.id])
            let foreignRisk = try #require(world.records[world.foreign.id]).risk

            let list = try await client.send(.get, base, session: maker)
            #expect(list.status == .ok && list.text.contains("Drone registration") && list.text.contains("Add a response"))
            #expect(!(try await client.send(.get, base, session: reviewer)).text.contains("Add a response"))

            // Bad input: every problem by its field, nothing written.
            let before = try await responses(world).count
            let logged = try await actions(world).count
            let bad = try await client.send(
                .post, base, session: maker,
                form: [
                    "_csrf": maker.csrf, "title": "Counter-drone units", "type": "R05", "tlp": "AMBER", "target.\(foreignRisk)": "on",
                    "effect.1.factor": "opportunity", "effect.1.low": "150", "effect.1.best": "20", "effect.1.high": "30",
                    "effect.2.factor": "intent", "effect.2.low": "40", "effect.2.best": "20", "effect.2.high": "30", "costLow": "900",
                    "costHigh": "100", "currency": "EUR",
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("names a risk that is not a scenario or other national risk of this state"))
            #expect(bad.text.contains("must be a percentage from 0 to 100") && bad.text.contains("low must not exceed best"))
            #expect(bad.text.contains("the high cost must not be below the low cost"))
            #expect(bad.text.contains(#"value="Counter-drone units""#))
            #expect(try await responses(world).count == before)
            #expect(try await actions(world).count == logged, "a refused form writes no audit entry")

            // A response is added, then the seeded one goes under review.
            let added = try await client.send(
                .post, base, session: maker,
                form: [
                    "_csrf": maker.csrf, "title": "Counter-drone units", "type": "R05", "tlp": "AMBER", "target.\(records.risk)": "on",
                    "effect.1.factor": "impact", "effect.1.low": "20", "effect.1.best": "40", "effect.1.high": "60",
                ])
            #expect(added.status == .seeOther)
            let responsePath = base + "/" + records.response
            let sent = try await client.send(
                .post, responsePath + "/status", session: maker, form: ["_csrf": maker.csrf, "version": "1", "status": "under-review"])
            #expect(sent.status == .seeOther)

            // Approval is refused while mandatory checks are unreviewed.
            let early = try await client.send(.post, responsePath + "/approve", session: maker, form: ["_csrf": maker.csrf, "version": "1"])
            #expect(early.status == .conflict && early.text.contains("Approval is refused"))

            // The reviewer answers; H04 is Not met.
            var human = ["_csrf": reviewer.csrf, "version": "1"]
            for code in ["H01", "H02", "H03", "H05", "H06", "H09", "H11"] {
                human["check.\(code).status"] = "met"
                human["check.\(code).reasoning"] = "Fictional reasoning for \(code)."
            }
            human["check.H04.status"] = "not-met"
            human["check.H04.reasoning"] = "Registration of every hobby drone is broader than the threat needs."
            let missingReason = try await client.send(
                .post, responsePath + "/reviews/human-rights", session: reviewer,
                form: ["_csrf": reviewer.csrf, "version": "1", "check.H01.status": "met"])
            #expect(missingReason.status == .badRequest && missingReason.text.contains("is required"))
            #expect(
                try await client.send(.post, responsePath + "/reviews/human-rights", session: reviewer, form: human).status == .seeOther)
            let gender = [
                "_csrf": reviewer.csrf, "version": "1", "check.G03.status": "met", "check.G03.reasoning": "Impact analysed.",
                "check.G08.status": "met", "check.G08.reasoning": "Marker given.", "genderMarker": "1", "check.G09.status": "met",
                "check.G09.reasoning": "No harm found.",
            ]
            #expect(try await client.send(.post, responsePath + "/reviews/gender", session: reviewer, form: gender).status == .seeOther)
            #expect(
                try await client.send(.post, responsePath + "/reviews/gender", session: maker, form: gender).status == .forbidden)
            let blocked = try await client.send(.post, responsePath + "/approve", session: maker, form: ["_csrf": maker.csrf, "version": "1"])
            #expect(blocked.status == .conflict && blocked.text.contains("H04"))

            // An override needs a focal point and a justification of at least a sentence.
            #expect(
                try await client.send(
                    .post, responsePath + "/override", session: maker,
                    form: ["_csrf": maker.csrf, "version": "1", "justification": "Because the minister wants it quickly, we approve it now."]
                ).status == .forbidden)
            let short = try await client.send(
                .post, responsePath + "/override", session: focal, form: ["_csrf": focal.csrf, "version": "1", "justification": "Urgent."])
            #expect(short.status == .badRequest && short.text.contains("must explain the decision in at least a sentence"))
            let overridden = try await client.send(
                .post, responsePath + "/override", session: focal,
                form: [
                    "_csrf": focal.csrf, "version": "1",
                    "justification": "The registry starts as a pilot limited to drones above 250 g, reviewed again in six months.",
                ])
            #expect(overridden.status == .seeOther)
            let approved = try await client.send(.post, responsePath + "/approve", session: maker, form: ["_csrf": maker.csrf, "version": "1"])
            #expect(approved.status == .seeOther)
            let stored = try #require(try await responses(world).first { $0.id == records.response })
            #expect(stored.status == .approved)
            let log = try await actions(world)
            for action in ["response.create", "response.status", "response.review", "response.override", "response.approve"] {
                #expect(log.contains(action), "audit has \(action)")
            }
            let page = try await client.send(.get, responsePath, session: focal)
            #expect(page.text.contains("The registry starts as a pilot") && page.text.contains("Not met"))

            // The register shows inherent beside residual, with the trace.
            let assessment = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let register = try await client.send(.get, assessment + "/register", session: maker)
            #expect(register.status == .ok && register.text.contains("Inherent and residual risk"))
            let trace = try await client.send(.get, assessment + "/residual/\(records.risk)", session: maker)
            #expect(trace.status == .ok && trace.text.contains("Drone registration") && trace.text.contains("applied"))
            let json = try await client.send(.get, assessment + "/register.json", session: maker)
            #expect(json.text.contains("\"residual\"") && json.text.contains("\"plannedEffectiveness\""))

            // A stale edit is a 409 that keeps what was typed; an edit of the approved response sends it back to review.
            let edit = ResponseFields.of(stored, title: "Drone registration, pilot")
            let stale = try await client.send(.post, responsePath, session: maker, form: edit.merging(["_csrf": maker.csrf, "version": "7"]) { $1 })
            #expect(stale.status == .conflict && stale.text.contains("Drone registration, pilot"))
            let changed = try await client.send(
                .post, responsePath, session: maker, form: edit.merging(["_csrf": maker.csrf, "version": "1"]) { $1 })
            #expect(changed.status == .seeOther)
            let again = try #require(try await responses(world).first { $0.id == records.response })
            #expect(again.status == .underReview && again.version == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func indicatorsAndActualsAreRecorded(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let maker = try await world.session(.policyMaker)
            let records = try #require(world.records[world.home.id])
            let path = "/states/\(world.home.id)/responses/\(records.response)"
            let bad = try await client.send(
                .post, path + "/indicators", session: maker,
                form: [
                    "_csrf": maker.csrf, "name": "Officers trained", "level": "output", "unit": "officers", "direction": "increase",
                    "baseline": "50", "baselineDate": "2025-01-01", "target": "10", "targetDate": "2024-01-01",
                ])
            #expect(bad.status == .badRequest && bad.text.contains("is below the baseline") && bad.text.contains("must be after the baseline date"))
            let good = try await client.send(
                .post, path + "/indicators", session: maker,
                form: [
                    "_csrf": maker.csrf, "name": "Officers trained", "level": "output", "unit": "officers", "direction": "increase",
                    "baseline": "0", "baselineDate": "2025-01-01", "target": "40", "targetDate": "2026-12-31", "disaggregated": "on",
                ])
            #expect(good.status == .seeOther)
            let future = try await client.send(
                .post, path + "/indicators/\(records.indicator)/actuals", session: maker,
                form: ["_csrf": maker.csrf, "value": "10", "date": "2199-01-01", "evidence": "Report", "reliability": "B"])
            #expect(future.status == .badRequest && future.text.contains("must not be in the future"))
            let actual = try await client.send(
                .post, path + "/indicators/\(records.indicator)/actuals", session: maker,
                form: ["_csrf": maker.csrf, "value": "50", "date": "2025-06-30", "evidence": "Registry statistics", "reliability": "B"])
            #expect(actual.status == .seeOther)
            let page = try await client.send(.get, path, session: maker)
            #expect(page.text.contains("Registry statistics") && page.text.contains("Officers trained"))
            let foreign = try #require(world.records[world.foreign.id]).indicator
            let elsewhere = try await client.send(
                .post, path + "/indicators/\(foreign)/actuals", session: maker,
                form: ["_csrf": maker.csrf, "value": "1", "date": "2025-06-30", "evidence": "x", "reliability": "B"])
            #expect(elsewhere.status == .notFound)
        }
    }
}

/// A stored response as the form's fields, with a new title.
enum ResponseFields {
    static func of(_ r: PolicyResponse, title: String) -> [String: String] {
        var fields = ["title": title, "type": r.type, "description": r.description, "legalBasis": r.legalBasis, "tlp": r.tlp.rawValue]
        for target in r.targets { fields["target." + target.riskID] = "on" }
        for (index, effect) in r.effects.enumerated() {
            fields["effect.\(index + 1).factor"] = effect.factor.rawValue
            fields["effect.\(index + 1).low"] = String(effect.low)
            fields["effect.\(index + 1).best"] = String(effect.best)
            fields["effect.\(index + 1).high"] = String(effect.high)
        }
        if let lead = r.leadAgencyID { fields["leadAgency"] = lead }
        if let cost = r.cost {
            fields["costLow"] = String(cost.low)
            fields["costHigh"] = String(cost.high)
            fields["currency"] = cost.currency
        }
        return fields
    }
}
