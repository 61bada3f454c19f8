import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import PropertyBased
import Testing

@Suite("Steps 5–6 through the JSON API: responses, reviews that gate approval, overrides, indicators, residual risk")
struct PolicyAPITests: JSONAPITest {
    func stored(_ world: TestWorld) async throws -> [PolicyResponse] {
        try await world.services.policy.responses(SystemAuthority.tenant(world.home.id, permission: .viewResponses))
    }

    /// A response body as JSON: one effect row per tuple (factor, dimension, low, best, high).
    static func body(
        title: String = "Counter-drone units", type: String = "R05", targets: [String], effects: [(String, String?, Double, Double, Double)],
        extra: [String: Any] = [:]
    ) -> String {
        var object: [String: Any] = [
            "title": title, "type": type, "tlp": "AMBER", "targets": targets,
            "effects": effects.map { factor, dimension, low, best, high in
                var row: [String: Any] = ["factor": factor, "low": low, "best": best, "high": high]
                if let dimension { row["dimension"] = dimension }
                return row
            },
        ]
        object.merge(extra) { $1 }
        // (an object of strings, numbers and arrays always serialises; an empty body would fail the test that sends it)
        return String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }

    static let justification = "The registry starts as a pilot limited to drones above 250 g, reviewed again in six months."

    @Test(arguments: TestDatabase.kinds)
    func aResponseIsDesignedReviewedOverriddenApprovedAndShowsInTheRegister(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let maker = try await auth(world, .policyMaker)
            let reviewer = try await auth(world, .reviewer)
            let focal = try await auth(world, .focalPoint)
            let records = try #require(world.records[world.home.id])
            let base = "/api/v1/states/\(world.home.id)/responses"

            // create: drafted, reducing the flood's likelihood by 20–60 % (best 40 %), with a cost and a timeframe
            let created = try await client.send(
                .post, base,
                json: Self.body(
                    targets: [records.risk], effects: [("likelihood", nil, 20, 40, 60)],
                    extra: [
                        "status": "drafted", "leadAgencyId": records.agency, "cost": ["low": 1000, "high": 5000, "currency": "eur"],
                        "timeframe": ["start": "2026-01-01", "end": "2026-12-31"], "legalBasis": "Aviation act, art. 12",
                    ]),
                headers: maker)
            #expect(created.status == .created)
            let response = try decode(Components.Schemas.PolicyResponse.self, created)
            #expect(response.status == .drafted && response.version == 1 && response.tlp == .amber && response.stateId == world.home.id)
            #expect(response.targets.map(\.riskId) == [records.risk] && response.targets.first?.kind == .otherRisk)
            #expect(response.targets.first?.baselineRound == nil)
            #expect(response.effects.map { [$0.low, $0.best, $0.high] } == [[20, 40, 60]] && response.effects.first?.factor == .likelihood)
            #expect(response.cost == .init(low: 1000, high: 5000, currency: "EUR"))
            #expect(response.timeframe == .init(start: "2026-01-01", end: "2026-12-31") && response.leadAgencyId == records.agency)
            let path = base + "/" + response.id

            // list: the seeded response and the new one
            let list = try decode([Components.Schemas.PolicyResponse].self, try await client.send(.get, base, headers: reviewer))
            #expect(Set(list.map(\.id)) == [records.response, response.id])

            // get: every check of both lists, the mandatory ones blocking until reviewed
            let fresh = try decode(Components.Schemas.PolicyResponseDetail.self, try await client.send(.get, path, headers: maker))
            #expect(fresh.checklists.map(\.kind) == [.humanRights, .gender])
            #expect(fresh.checklists.map(\.lines.count) == [13, 10])
            #expect(fresh.blocking == ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "G03", "G08", "G09"])
            #expect(fresh.checklists.flatMap(\.lines).allSatisfy { $0.current == nil && $0.blocks == $0.mandatory })
            #expect(fresh.overrides.isEmpty && fresh.indicators.isEmpty && fresh.progress == nil)

            // update: a stale version is a 409 and changes nothing; the version read saves and rises
            let edit = Self.body(
                title: "Counter-drone units, pilot", targets: [records.risk], effects: [("likelihood", nil, 20, 40, 60)], extra: ["version": 7])
            let stale = try await client.send(.put, path, json: edit, headers: maker)
            let staleProblem = try problem(stale)
            #expect(stale.status == .conflict && staleProblem.status == 409)
            #expect(try await stored(world).first { $0.id == response.id }?.title == "Counter-drone units")
            let saved = try await client.send(.put, path, json: edit.replacingOccurrences(of: #""version":7"#, with: #""version":1"#), headers: maker)
            #expect(saved.status == .ok)
            let revised = try decode(Components.Schemas.PolicyResponse.self, saved)
            #expect(revised.version == 2 && revised.title == "Counter-drone units, pilot" && revised.cost == nil)

            // status: under review; approval refused while mandatory checks are unreviewed, naming them
            let moved = try await client.send(.post, path + "/status", json: #"{"to":"under-review","version":2}"#, headers: maker)
            let underReview = try decode(Components.Schemas.PolicyResponse.self, moved)
            #expect(moved.status == .ok && underReview.status == .underReview)
            let early = try await client.send(.post, path + "/status", json: #"{"to":"approved","version":2}"#, headers: maker)
            #expect(early.status == .conflict)
            let earlyDetail = try problem(early).detail ?? ""
            #expect(earlyDetail.contains("H01") && earlyDetail.contains("H11") && earlyDetail.contains("G09"), "\(earlyDetail)")

            // review: the reviewer answers every mandatory check, H04 Not met; the gender review gives the marker
            let human = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11"].map { code in
                #"{"code":"\#(code)","status":"\#(code == "H04" ? "not-met" : "met")","reasoning":"Fictional reasoning for \#(code)."}"#
            }
            let reviewed = try await client.send(
                .post, path + "/reviews", json: #"{"kind":"human-rights","version":2,"answers":[\#(human.joined(separator: ","))]}"#,
                headers: reviewer)
            #expect(reviewed.status == .created)
            let answers = try decode([Components.Schemas.CheckReview].self, reviewed)
            #expect(answers.count == 8 && answers.allSatisfy { $0.responseVersion == 2 && $0.reviewer == world.user(.reviewer).email })
            #expect(answers.first { $0.code == "H04" }?.status == .notMet)
            let gender = try await client.send(
                .post, path + "/reviews",
                json:
                    #"{"kind":"gender","version":2,"genderMarker":2,"answers":[{"code":"G03","status":"met","reasoning":"Analysed."},{"code":"G08","status":"met","reasoning":"Marker given."},{"code":"G09","status":"partly-met","reasoning":"Mostly."}]}"#,
                headers: reviewer)
            #expect(gender.status == .created)
            let reviewedDetail = try decode(Components.Schemas.PolicyResponseDetail.self, try await client.send(.get, path, headers: maker))
            #expect(reviewedDetail.blocking == ["H04"])
            #expect(reviewedDetail.checklists[1].genderMarker == 2)
            let h04 = try #require(reviewedDetail.checklists[0].lines.first { $0.code == "H04" })
            #expect(h04.blocks && h04.current?.status == .notMet && h04.current?.reasoning == "Fictional reasoning for H04.")
            let blocked = try await client.send(.post, path + "/status", json: #"{"to":"approved","version":2}"#, headers: maker)
            #expect(blocked.status == .conflict)
            let blockedDetail = try problem(blocked).detail ?? ""
            #expect(blockedDetail.contains("H04") && !blockedDetail.contains("H01"), "\(blockedDetail)")

            // override: focal points only, with at least a sentence
            let justification = #"{"version":2,"justification":"\#(Self.justification)"}"#
            #expect(try await client.send(.post, path + "/override", json: justification, headers: maker).status == .forbidden)
            let short = try await client.send(
                .post, path + "/override", json: #"{"version":2,"justification":"Urgent, approve it now."}"#, headers: focal)
            let shortFields = try fields(short)
            #expect(short.status == .badRequest && shortFields == ["justification"])
            let overridden = try await client.send(.post, path + "/override", json: justification, headers: focal)
            #expect(overridden.status == .created)
            let override = try decode(Components.Schemas.ReviewOverride.self, overridden)
            #expect(override.checks == ["H04"] && override.responseVersion == 2 && override.by == world.user(.focalPoint).email)

            // approve: the override covers H04
            let approved = try await client.send(.post, path + "/status", json: #"{"to":"approved","version":2}"#, headers: maker)
            let approvedResponse = try decode(Components.Schemas.PolicyResponse.self, approved)
            #expect(approved.status == .ok && approvedResponse.status == .approved)
            let after = try decode(Components.Schemas.PolicyResponseDetail.self, try await client.send(.get, path, headers: reviewer))
            #expect(after.overrides.map(\.justification) == [Self.justification] && after.response.status == .approved)

            // the register: the flood's residual, hand-computed. Another national risk has only L and I: L′ = L · (1 − r),
            // so the best 0.2 becomes 0.2 × 0.6 = 0.12, the low 0.1 × (1 − 0.6) = 0.04 and the high 0.3 × (1 − 0.2) = 0.24;
            // the impact (3) is untouched; planned effectiveness (R₀ − R₁) / R₀ = 0.4 (0.2 and 0.6 at the low and high ends).
            let registerPath = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)/register"
            let register = try decode(Components.Schemas.Register.self, try await client.send(.get, registerPath, headers: maker))
            let flood = try #require(register.entries.first { $0.id == records.risk })
            let residual = try #require(flood.residual)
            func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-9 }
            #expect(close(residual.likelihood.low, 0.04) && close(residual.likelihood.best, 0.12) && close(residual.likelihood.high, 0.24))
            #expect(close(residual.impact.best, 3) && close(residual.impact.low, 2) && close(residual.impact.high, 4))
            #expect(close(residual.plannedEffectiveness, 0.4) && close(residual.plannedEffectivenessLow, 0.2))
            #expect(close(residual.plannedEffectivenessHigh, 0.6))
            #expect(residual.effectivenessP10 <= residual.effectivenessP90)
            let trace = residual.trace
            #expect(trace.effects.map(\.responseId) == [response.id] && trace.effects.allSatisfy(\.applied))
            #expect(trace.effects.first?.responseTitle == "Counter-drone units, pilot" && trace.effects.first?.factor == .likelihood)
            #expect(close(trace.multipliers.likelihood, 0.6) && close(trace.likelihoodRatio, 0.6) && close(trace.impactShare, 1))
            #expect(close(trace.inherentRisk, 0.6) && close(trace.residualRisk, 0.36) && trace.factors == nil)
            #expect(flood.factors == nil, "another national risk has no scored factors")

            // every step is in the audit log
            let actions = try await world.services.audit.list(
                SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 50)
            ).map(\.action)
            for action in ["response.create", "response.update", "response.status", "response.review", "response.override", "response.approve"] {
                #expect(actions.contains(action), "audit has \(action)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func rolesAndStatesAreChecked(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let maker = try await auth(world, .policyMaker)
            let reviewer = try await auth(world, .reviewer)
            let donor = try await auth(world, .donorViewer)
            let focal = try await auth(world, .focalPoint)
            let records = try #require(world.records[world.home.id])
            let foreign = try #require(world.records[world.foreign.id])
            let base = "/api/v1/states/\(world.home.id)/responses"
            let path = base + "/" + records.response
            // (after the tokens, whose creation is audited)
            let head = try await auditHead(world)

            // a reviewer approving, a policy maker reviewing, a donor viewer reading: refused for the role (403)
            let approving = try await client.send(.post, path + "/status", json: #"{"to":"approved","version":1}"#, headers: reviewer)
            let approvingProblem = try problem(approving)
            #expect(approving.status == .forbidden && approvingProblem.status == 403)
            let reviewing = try await client.send(
                .post, path + "/reviews",
                json: #"{"kind":"human-rights","version":1,"answers":[{"code":"H01","status":"met","reasoning":"Fine."}]}"#, headers: maker)
            #expect(reviewing.status == .forbidden)
            #expect(try await client.send(.get, base, headers: donor).status == .forbidden)
            #expect(
                try await client.send(.post, path + "/status", json: #"{"to":"under-review","version":1}"#, headers: reviewer).status == .forbidden)

            // a foreign state's response or indicator named under the home state: 404, without a word of it
            let foreignPath = base + "/" + foreign.response
            let attempts: [(HTTPRequest.Method, String, String?)] = [
                (.get, foreignPath, nil),
                (.put, foreignPath, Self.body(targets: [], effects: [], extra: ["version": 1])),
                (.post, foreignPath + "/status", #"{"to":"withdrawn","version":1}"#),
                (.post, foreignPath + "/indicators", Self.indicator(name: "Hostile")),
                (.post, foreignPath + "/indicators/\(foreign.indicator)/actuals", Self.actual(date: "2025-06-30")),
                (.post, path + "/indicators/\(foreign.indicator)/actuals", Self.actual(date: "2025-06-30")),
                (.get, base + "/not-an-id", nil),
            ]
            for (method, uri, json) in attempts {
                let answer = try await client.send(method, uri, json: json, headers: maker)
                #expect(answer.status == .notFound, "\(method) \(uri): \(answer.status)")
                #expect(!answer.text.contains(TestWorld.foreignMarker))
            }
            let foreignReview = try await client.send(
                .post, foreignPath + "/reviews",
                json: #"{"kind":"gender","version":1,"answers":[{"code":"G03","status":"met","reasoning":"x"}]}"#, headers: reviewer)
            #expect(foreignReview.status == .notFound)
            let foreignOverride = try await client.send(
                .post, foreignPath + "/override", json: #"{"version":1,"justification":"\#(Self.justification)"}"#,
                headers: focal)
            #expect(foreignOverride.status == .notFound)
            // and the foreign state itself answers 404 to a home user
            #expect(try await client.send(.get, "/api/v1/states/\(world.foreign.id)/responses", headers: maker).status == .notFound)

            // nothing was written by any of it
            #expect(try await auditHead(world) == head)
            let foreignScope = SystemAuthority.tenant(world.foreign.id, permission: .viewResponses)
            #expect(try await world.services.policy.response(foreignScope, id: foreign.response)?.status == .drafted)
            #expect(try await world.services.policy.indicators(foreignScope, responseID: foreign.response).allSatisfy(\.actuals.isEmpty))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theResponseRegisterComesAsCSV(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let records = try #require(world.records[world.home.id])
            let path = "/api/v1/states/\(world.home.id)/responses.csv"
            // act
            let csv = try await client.send(.get, path, headers: try await auth(world, .reviewer))
            // check: the seeded response by hand (drafted and unreviewed, so every mandatory check blocks; one indicator
            // without an actual, so its progress is 0)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let row = [
                "AMBER", records.response, "Drone registration", "R02", "drafted", "1", "1", "Flood", "likelihood 10/20/30", "Police", "1000", "2000",
                "EUR", "", "", "H01; H02; H03; H04; H05; H06; H09; H11; G03; G08; G09", "no", "", "1", "0",
            ]
            #expect(csv.text == ResponsesCSV.columns.joined(separator: ",") + "\r\n" + row.joined(separator: ",") + "\r\n")
            #expect(try await client.send(.get, path, headers: try await auth(world, .donorViewer)).status == .forbidden)
            let foreign = try await client.send(
                .get, "/api/v1/states/\(world.foreign.id)/responses.csv", headers: try await auth(world, .focalPoint))
            #expect(foreign.status == .notFound && !foreign.text.contains(TestWorld.foreignMarker))
        }
    }

    static func indicator(name: String, target: Double = 100, targetDate: String = "2026-12-31") -> String {
        #"{"name":"\#(name)","level":"output","unit":"drones","direction":"increase","baseline":0,"baselineDate":"2025-01-01","target":\#(target),"targetDate":"\#(targetDate)","disaggregated":true}"#
    }

    static func actual(value: Double = 50, date: String) -> String {
        #"{"value":\#(value),"date":"\#(date)","evidence":"Registry statistics","reliability":"B"}"#
    }

    @Test(arguments: TestDatabase.kinds)
    func badBodiesAreRefusedNamingTheirFieldsAndWriteNothing(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let maker = try await auth(world, .policyMaker)
            let reviewer = try await auth(world, .reviewer)
            let records = try #require(world.records[world.home.id])
            let foreign = try #require(world.records[world.foreign.id])
            let base = "/api/v1/states/\(world.home.id)/responses"
            let path = base + "/" + records.response
            let head = try await auditHead(world)
            let before = try await stored(world)

            // act and check: every problem at once, each by its field, from Core (the spec's bounds are not trusted)
            let cases: [(HTTPRequest.Method, String, String, [String])] = [
                (.post, base, Self.body(targets: [records.risk], effects: [("opportunity", nil, 150, 20, 30)]), ["effect.1.low"]),
                (.post, base, Self.body(targets: [records.risk], effects: [("intent", nil, 40, 20, 30)]), ["effect.1.low"]),
                (.post, base, Self.body(targets: [records.risk], effects: [("intent", nil, 10, 40, 30)]), ["effect.1.high"]),
                (.post, base, Self.body(targets: [foreign.risk], effects: []), ["targets"]),
                (.post, base, Self.body(targets: ["no-such-risk"], effects: []), ["targets"]),
                (
                    .post, base, Self.body(targets: [], effects: [("likelihood", "fatalities", 1, 2, 3), ("impact", "planets", 1, 2, 3)]),
                    [
                        "effect.1.dimension", "effect.2.dimension",
                    ]
                ),
                (
                    .post, base,
                    Self.body(
                        type: "R99", targets: [records.risk], effects: [("opportunity", nil, 150, 20, 30), ("intent", nil, 40, 20, 30)],
                        extra: [
                            "status": "approved", "cost": ["low": 900, "high": 100, "currency": "EUR"], "leadAgencyId": foreign.agency,
                            "partnerAgencyIds": [foreign.agency], "timeframe": ["start": "2026-05-01", "end": "2026-01-01"],
                        ]),
                    ["status", "type", "effect.1.low", "effect.2.low", "leadAgencyId", "partnerAgencyIds", "cost.high", "timeframe.end"]
                ),
                (
                    .put, path,
                    Self.body(title: "  ", targets: [], effects: [], extra: ["version": 1, "cost": ["low": 1, "high": 2, "currency": "EURO"]]),
                    [
                        "title", "cost.currency",
                    ]
                ),
                (
                    .post, path + "/indicators", Self.indicator(name: "Officers trained", target: -5, targetDate: "2024-01-01"),
                    ["targetDate", "target"]
                ),
                (.post, path + "/indicators/\(records.indicator)/actuals", Self.actual(date: "2199-01-01"), ["date"]),
                (.post, path + "/indicators/\(records.indicator)/actuals", Self.actual(date: "2025-02-30"), ["date"]),
            ]
            for (method, uri, json, expected) in cases {
                let answer = try await client.send(method, uri, json: json, headers: maker)
                #expect(answer.status == .badRequest, "\(json): \(answer.status)")
                let named = try fields(answer)
                #expect(Set(named) == Set(expected), "\(json): \(named)")
            }
            let reviews: [(String, [String])] = [
                (#"{"kind":"human-rights","version":1,"answers":[{"code":"H99","status":"met","reasoning":"x"}]}"#, ["checks"]),
                (#"{"kind":"human-rights","version":1,"answers":[{"code":"H01","status":"met","reasoning":"   "}]}"#, ["check.H01.reasoning"]),
                (#"{"kind":"gender","version":1,"genderMarker":7,"answers":[{"code":"G08","status":"met","reasoning":"x"}]}"#, ["genderMarker"]),
                (#"{"kind":"gender","version":1,"genderMarker":1,"answers":[{"code":"G03","status":"met","reasoning":"x"}]}"#, ["genderMarker"]),
            ]
            for (json, expected) in reviews {
                let answer = try await client.send(.post, path + "/reviews", json: json, headers: reviewer)
                #expect(answer.status == .badRequest, "\(json): \(answer.status)")
                let named = try fields(answer)
                #expect(Set(named) == Set(expected), "\(json): \(named)")
            }
            // a value outside the spec's enum is refused while the body is read, naming its place
            let factor = try await client.send(.post, base, json: Self.body(targets: [], effects: [("luck", nil, 1, 2, 3)]), headers: maker)
            let factorFields = try fields(factor)
            #expect(factor.status == .badRequest && factorFields == ["effects[0].factor"])

            // nothing was written
            #expect(try await auditHead(world) == head)
            #expect(try await stored(world) == before)
            let indicators = try await world.services.policy.indicators(
                SystemAuthority.tenant(world.home.id, permission: .viewResponses), responseID: records.response)
            #expect(indicators.count == 1 && indicators.allSatisfy(\.actuals.isEmpty))
        }
    }

    /// Law: a declared effect is accepted exactly when its reductions are percentages 0–100 with low ≤ best ≤ high, and
    /// then comes back as sent; otherwise the refusal names exactly the row's fields Core names (each value out of range,
    /// else the first of low > best, best > high), and nothing is written.
    @Test func anEffectIsAcceptedExactlyWhenItsReductionsAreOrderedPercentages() async throws {
        try await withApp(.sqlite) { world, client in
            let maker = try await auth(world, .policyMaker)
            let base = "/api/v1/states/\(world.home.id)/responses"
            let risk = try #require(world.records[world.home.id]).risk
            let percent = Gen.int(in: -20...120)
            await propertyCheck(count: 60, input: percent, percent, percent) { low, best, high in
                let head = try await auditHead(world)
                let answer = try await client.send(
                    .post, base, json: Self.body(targets: [risk], effects: [("opportunity", nil, Double(low), Double(best), Double(high))]),
                    headers: maker)
                var expected = zip(["low", "best", "high"], [low, best, high]).filter { !(0...100).contains($0.1) }.map { "effect.1.\($0.0)" }
                if expected.isEmpty && low > best { expected = ["effect.1.low"] }
                if expected.isEmpty && best > high { expected = ["effect.1.high"] }
                if expected.isEmpty {
                    #expect(answer.status == .created, "\(low) \(best) \(high)")
                    let effect = try decode(Components.Schemas.PolicyResponse.self, answer).effects.first
                    #expect(effect.map { [$0.low, $0.best, $0.high] } == [Double(low), Double(best), Double(high)])
                    #expect(try await auditHead(world) != head)
                } else {
                    #expect(answer.status == .badRequest, "\(low) \(best) \(high)")
                    let named = try fields(answer)
                    #expect(Set(named) == Set(expected), "\(low) \(best) \(high): \(named)")
                    #expect(try await auditHead(world) == head)
                }
            }
        }
    }
}
