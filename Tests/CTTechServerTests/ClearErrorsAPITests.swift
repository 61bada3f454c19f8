import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Clear errors: the spec's enums are Core's, and a wrong value or key is named")
struct ClearErrorsAPITests {
    func problem(_ response: TestResponse) throws -> Components.Schemas.Problem {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try JSONDecoder().decode(Components.Schemas.Problem.self, from: Data(buffer: response.body))
    }

    @Test func everyEnumOfTheSpecHasCoreValuesInCoreOrder() throws {
        #expect(Components.Schemas.Region.allCases.map(\.rawValue) == Region.allCases.map(\.rawValue))
        #expect(Components.Schemas.Tlp.allCases.map(\.rawValue) == TLP.allCases.map(\.rawValue))
        #expect(Components.Schemas.Role.allCases.map(\.rawValue) == Role.allCases.map(\.rawValue))
        #expect(Components.Schemas.ReferenceKind.allCases.map(\.rawValue) == ReferenceKind.allCases.map(\.rawValue))
        #expect(Components.Schemas.AssessmentStatus.allCases.map(\.rawValue) == Assessment.Status.allCases.map(\.rawValue))
        #expect(Components.Schemas.Confidence.allCases.map(\.rawValue) == Confidence.allCases.map(\.rawValue))
        #expect(Components.Schemas.ThreatBand.allCases.map(\.rawValue) == ThreatBand.allCases.map(\.rawValue))
        #expect(Components.Schemas.AgencyKind.allCases.map(\.rawValue) == Agency.Kind.allCases.map(\.rawValue))
        #expect(Components.Schemas.AssessmentActivity.allCases.map(\.rawValue) == AssessmentActivity.allCases.map(\.rawValue))
        #expect(Components.Schemas.RaciRole.allCases.map(\.rawValue) == RaciRole.allCases.map(\.rawValue))
        #expect(Components.Schemas.DiffusionStage.allCases.map(\.rawValue) == DiffusionStage.allCases.map(\.rawValue))
        #expect(Components.Schemas.Trend.allCases.map(\.rawValue) == Trend.allCases.map(\.rawValue))
        #expect(Components.Schemas.SourceReliability.allCases.map(\.rawValue) == SourceReliability.allCases.map(\.rawValue))
        #expect(Components.Schemas.ResponseStatus.allCases.map(\.rawValue) == ResponseStatus.allCases.map(\.rawValue))
        #expect(Components.Schemas.EffectFactor.allCases.map(\.rawValue) == EffectFactor.allCases.map(\.rawValue))
        #expect(Components.Schemas.ImpactDimension.allCases.map(\.rawValue) == ImpactDimension.allCases.map(\.rawValue))
        #expect(Components.Schemas.RiskKind.allCases.map(\.rawValue) == RiskRegister.Kind.allCases.map(\.rawValue))
        #expect(Components.Schemas.CheckStatus.allCases.map(\.rawValue) == CheckStatus.allCases.map(\.rawValue))
        #expect(Components.Schemas.ReviewKind.allCases.map(\.rawValue) == ReviewKind.allCases.map(\.rawValue))
        #expect(Components.Schemas.IndicatorLevel.allCases.map(\.rawValue) == Indicator.Level.allCases.map(\.rawValue))
        #expect(Components.Schemas.IndicatorDirection.allCases.map(\.rawValue) == Indicator.Direction.allCases.map(\.rawValue))
        #expect(Components.Schemas.CapabilityAssessmentKind.allCases.map(\.rawValue) == CapabilityAssessment.Kind.allCases.map(\.rawValue))
        #expect(Components.Schemas.CriterionAnswer.allCases.map(\.rawValue) == CriterionAnswer.allCases.map(\.rawValue))
        #expect(Components.Schemas.FeasibilityRating.allCases.map(\.rawValue) == Feasibility.Rating.allCases.map(\.rawValue))
        #expect(Components.Schemas.TargetSource.allCases.map(\.rawValue) == CapabilityTarget.Source.allCases.map(\.rawValue))
        #expect(Components.Schemas.RoadmapItemKind.allCases.map(\.rawValue) == RoadmapItem.Kind.allCases.map(\.rawValue))
        #expect(Components.Schemas.RoadmapHorizon.allCases.map(\.rawValue) == RoadmapItem.Horizon.allCases.map(\.rawValue))
        #expect(Components.Schemas.RoadmapFunding.allCases.map(\.rawValue) == RoadmapItem.Funding.allCases.map(\.rawValue))
        #expect(Components.Schemas.RoadmapItemStatus.allCases.map(\.rawValue) == RoadmapItem.Status.allCases.map(\.rawValue))
        #expect(Components.Schemas.ReadinessRating.allCases.map(\.rawValue) == ReadinessRating.allCases.map(\.rawValue))
        // issue 12: live sessions and the figures of every round
        #expect(Components.Schemas.LiveSessionStatus.allCases.map(\.rawValue) == LiveSession.Status.allCases.map(\.rawValue))
        #expect(Components.Schemas.LiveAnonymity.allCases.map(\.rawValue) == LiveAnonymity.allCases.map(\.rawValue))
        #expect(Components.Schemas.LiveAttribute.allCases.map(\.rawValue) == LiveAttribute.allCases.map(\.rawValue))
        #expect(Components.Schemas.LiveActivityKind.allCases.map(\.rawValue) == LiveActivity.Kind.allCases.map(\.rawValue))
        #expect(Components.Schemas.ScoreFactorCode.allCases.map(\.rawValue) == ScoreFactor.allCases.map(\.code))
        // (ScoringRound.Status — also a live round's status — and EvidenceSubject list no cases in Core: every spec value must
        // at least be one of them)
        #expect(Components.Schemas.RoundStatus.allCases.allSatisfy { ScoringRound.Status(rawValue: $0.rawValue) != nil })
        #expect(Components.Schemas.EvidenceSubject.allCases.allSatisfy { EvidenceSubject(kind: $0.rawValue, reference: "x") != nil })
        // (nor does RatingSummary.Agreement: its three values, each one of Core's)
        #expect(Components.Schemas.Agreement.allCases.count == 3)
        #expect(Components.Schemas.Agreement.allCases.allSatisfy { RatingSummary.Agreement(rawValue: $0.rawValue) != nil })
        // the impact dimensions are the named properties of the impact objects (and of a trace's dimension multipliers)
        let scores = Components.Schemas.ImpactScores(
            fatalities: 1, economic: 1, essentialServices: 1, societal: 1, publicConfidence: 1, international: 1, humanRights: 1)
        let medians = Components.Schemas.ImpactByDimension(
            fatalities: 1, economic: 1, essentialServices: 1, societal: 1, publicConfidence: 1, international: 1, humanRights: 1)
        let multipliers = Components.Schemas.DimensionMultipliers(
            fatalities: 1, economic: 1, essentialServices: 1, societal: 1, publicConfidence: 1, international: 1, humanRights: 1)
        for encoded in [try JSONEncoder().encode(scores), try JSONEncoder().encode(medians), try JSONEncoder().encode(multipliers)] {
            let keys = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any]).keys
            #expect(Set(keys) == Set(ImpactDimension.allCases.map(\.rawValue)))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aValueOutsideItsEnumIsRefusedNamingTheField(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let admin: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            let focal: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let base = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            // act
            let state = try await client.send(
                .post, "/api/v1/states", json: #"{"code":"ATL","name":"Atlantis","region":"atlantis"}"#, headers: admin)
            let agency = try await client.send(.post, base + "/agencies", json: #"{"name":"Spies","kind":"spies"}"#, headers: focal)
            let evidence = try await client.send(
                .post, base + "/evidence",
                json: #"{"subject":"technology","ref":"T08","summary":"x","source":"y","reliability":"Z","credibility":1}"#, headers: focal)
            let raci = try await client.send(
                .put, base + "/raci",
                json: #"{"cells":[{"activity":"scoring","agencyId":"x","role":"A"},{"activity":"lunch","agencyId":"x","role":"R"}]}"#,
                headers: focal)
            // check: 400 problem+json whose detail names the field; nothing was written
            for (response, field) in [(state, "region"), (agency, "kind"), (evidence, "reliability"), (raci, "activity")] {
                #expect(response.status == .badRequest)
                let detail = try problem(response).detail ?? ""
                #expect(detail.contains(field), "\(field): \(detail)")
            }
            let states = try await client.send(.get, "/api/v1/states", headers: admin)
            #expect(!states.text.contains("Atlantis"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func unknownImpactDimensionsAreNamedWithEveryOtherProblem(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: `fatalities` misspelt, and an intent out of range
            let assessor: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.assessor))"]
            let path = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)/scenarios/\(world.homeScenarioID)/scores"
            let impact = ImpactDimension.allCases.map { "\"\($0 == .fatalities ? "fatalites" : $0.rawValue)\":3" }.joined(separator: ",")
            let body =
                #"{"intent":9,"actorCapability":3,"technologyAccessibility":3,"opportunity":3,"likelihood":{"low":0.01,"best":0.02,"high":0.04},"impact":{\#(impact)},"confidence":"low"}"#
            // act
            let response = try await client.send(.post, path, json: body, headers: assessor)
            // check
            #expect(response.status == .badRequest)
            let issues = try problem(response).errors?.map { "\($0.field): \($0.message)" } ?? []
            #expect(issues.contains("impact: fatalites is not an impact dimension"))
            #expect(issues.contains("impact.fatalities: must be a whole number from 1 to 5"))
            #expect(issues.contains("intent: must be a whole number from 1 to 5"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anImportWithAMisspeltKeyIsRefusedNamingTheKey(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let auth: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let file = try ImportExportTests.document { doc in
                var scenarios = doc["scenarios"] as? [[String: Any]] ?? []
                scenarios[2]["titel"] = scenarios[2].removeValue(forKey: "title")
                doc["scenarios"] = scenarios
            }
            // act
            let response = try await client.send(
                .post, "/api/v1/states/\(world.home.id)/assessments/import", json: String(decoding: file, as: UTF8.self), headers: auth)
            // check: the unknown key, and what it left missing, at once; nothing imported
            #expect(response.status == .badRequest)
            let issues = try problem(response).errors?.map { "\($0.field): \($0.message)" } ?? []
            #expect(
                issues == [
                    "scenarios[2].titel: is not a field of the import format (did you mean title?)", "scenarios[2].title: is required",
                ])
            let list = try await client.send(.get, "/api/v1/states/\(world.home.id)/assessments", headers: auth)
            #expect(!list.text.contains("Imported example assessment"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func bodyFieldsAreNamedAsTheAPISpellsThem(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let admin: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            let user = world.user(.assessor).id
            // act: a programme-wide role with a state, a role for one state without one, a probability out of range
            let grant = try await client.send(
                .post, "/api/v1/users/\(user)/grants", json: #"{"role":"administrator","stateId":"\#(world.home.id)"}"#, headers: admin)
            let created = try await client.send(
                .post, "/api/v1/users",
                json: #"{"email":"new@valdoria.example","displayName":"New","password":"long enough password","role":"focal-point"}"#,
                headers: admin)
            // check: the body's `stateId`, not Core's `stateID`
            for response in [grant, created] {
                #expect(response.status == .badRequest)
                #expect(try problem(response).errors?.map(\.field) == ["stateId"])
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aNumberOutOfRangeIsNamedNotCalledInvalidJSON(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let focal: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let assessor: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.assessor))"]
            let base = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let impact = ImpactDimension.allCases.map { "\"\($0.rawValue)\":3" }.joined(separator: ",")
            // act
            let state = try await client.send(
                .put, "/api/v1/states/\(world.home.id)",
                json: #"{"code":"VLD","name":"Valdoria","region":"other","defaultTlp":"AMBER","version":9223372036854775808}"#, headers: focal)
            let score = try await client.send(
                .post, base + "/scenarios/\(world.homeScenarioID)/scores",
                json:
                    #"{"intent":3,"actorCapability":3,"technologyAccessibility":3,"opportunity":3,"likelihood":{"low":0.01,"best":0.02,"high":1e400},"impact":{\#(impact)},"confidence":"low"}"#,
                headers: assessor)
            let fraction = try await client.send(
                .post, base + "/scenarios/\(world.homeScenarioID)/scores",
                json:
                    #"{"intent":2.5,"actorCapability":3,"technologyAccessibility":3,"opportunity":3,"likelihood":{"low":1,"best":1,"high":1},"impact":{\#(impact)},"confidence":"low"}"#,
                headers: assessor)
            let broken = try await client.send(.put, "/api/v1/states/\(world.home.id)", json: #"{"version": 1,"#, headers: focal)
            // check: each names its field and says what is wrong with the number; a body that is not JSON still says so
            for (response, field, words) in [
                (state, "version", "out of range"), (score, "likelihood.high", "out of range"), (fraction, "intent", "whole number"),
                (broken, "the body", "not valid JSON"),
            ] {
                #expect(response.status == .badRequest)
                let issues = try problem(response).errors ?? []
                #expect(issues.map(\.field) == [field])
                #expect(issues.first?.message.contains(words) == true, "\(field): \(issues)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aQueryOrPathParameterThatDoesNotConvertIsNamed(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let admin: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            // act and check: the parameter, not "the body"
            for (uri, field, words) in [
                ("/api/v1/audit?limit=abc", "limit", "whole number"), ("/api/v1/audit?before=x&limit=5", "before", "whole number"),
                ("/api/v1/audit?stateId=abc&before=99999999999999999999", "before", "out of range"),
                ("/api/v1/reference-data/bogus", "kind", "not one of the values"),
            ] {
                let response = try await client.send(.get, uri, headers: admin)
                #expect(response.status == .badRequest, "\(uri)")
                let issues = try problem(response).errors ?? []
                #expect(issues.map(\.field) == [field], "\(uri)")
                #expect(issues.first?.message.contains(words) == true, "\(uri): \(issues)")
            }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anUndeclaredMethodOnAnAPIPathIs405WithAllow(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let admin: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.administrator))"]
            // act and check
            for (method, uri, allow) in [
                (HTTPRequest.Method.put, "/api/v1/audit", "GET, HEAD"), (.delete, "/api/v1/states", "GET, HEAD, POST"),
                (.get, "/api/v1/states/\(world.home.id)/assessments/import", "POST"),
                (.post, "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)", "GET, HEAD"),
            ] {
                let response = try await client.send(method, uri, headers: admin)
                #expect(response.status == .methodNotAllowed, "\(method) \(uri)")
                #expect(response.headers[HTTPField.Name("Allow")!] == allow, "\(method) \(uri)")
                #expect(try problem(response).status == 405)
            }
            // the declared ones still answer
            #expect(try await client.send(.get, "/api/v1/audit", headers: admin).status == .ok)
        }
    }
}
