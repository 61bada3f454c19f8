import CTTechDoubles
import Foundation
import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Import format: checked as a whole before anything is written")
struct AssessmentImportTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/assessment-import.json")
    let assessors = [
        "assessor@demo.cttech.example": "u1", "analyst2@demo.cttech.example": "u2", "analyst3@demo.cttech.example": "u3",
    ]
    let reviewers = ["reviewer@demo.cttech.example": "r1", "second-reviewer@demo.cttech.example": "r2", "importer@demo.cttech.example": "me"]
    let focalPoints = ["focal@demo.cttech.example": "f1"]
    /// The day the tests import on: after every date of the example.
    static let now = CalendarDate("2026-12-01")!.epochMilliseconds
    /// What a focal point may bring in a file's capability section: self-assessments and targets.
    static let focalRights = AssessmentImport.CapabilityRights(writeSelf: true, validate: false, plan: true)

    func plan(_ json: Data) throws(ValidationFailure) -> AssessmentImport.Plan {
        var counter = 0
        return try AssessmentImport.decode(json).plan(
            stateID: "st", method: .ctTechDefault, assessors: assessors, reviewers: reviewers, focalPoints: focalPoints, importer: "me",
            now: Self.now
        ) {
            counter += 1
            return "id-\(counter)"
        }
    }

    func mutated(_ change: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.example)) as? [String: Any])
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test func theDocumentedExampleImports() throws {
        let plan = try plan(try Data(contentsOf: Self.example))
        #expect(plan.assessment.stateID == "st" && plan.assessment.status == .draft && plan.assessment.methodVersion == MethodVersion.defaultID)
        #expect(plan.agencies.count == 3 && plan.raci.count == 7 && plan.horizonScan.count == 3)
        #expect(plan.scenarios.count == 3 && plan.evidence.count == 2 && plan.otherRisks.count == 2)
        #expect(plan.rounds == [ScoringRound(number: 1, status: .revealed), ScoringRound(number: 2, status: .revealed)])
        #expect(plan.scores.count == 18)
        // references are rewired to the new ids
        let scenarioIDs = Set(plan.scenarios.map(\.id))
        #expect(plan.scores.allSatisfy { scenarioIDs.contains($0.scenarioID) && ["u1", "u2", "u3"].contains($0.assessorID) })
        #expect(plan.raci.allSatisfy { a in plan.agencies.contains { $0.id == a.agencyID } })
        #expect(plan.evidence.contains { $0.subject == .technology("T08") })
        #expect(plan.evidence.contains { if case .scenario(let id) = $0.subject { scenarioIDs.contains(id) } else { false } })
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let data = try mutated { doc in
            var scenarios = doc["scenarios"] as? [[String: Any]] ?? []
            scenarios[1]["id"] = scenarios[0]["id"]  // duplicate id
            scenarios[2]["technologies"] = ["T77"]  // unknown technology
            doc["scenarios"] = scenarios
            var rounds = doc["rounds"] as? [[String: Any]] ?? []
            var scores = rounds[0]["scores"] as? [[String: Any]] ?? []
            scores[0]["assessor"] = "stranger@example.org"  // unknown assessor
            scores[1]["intent"] = 9  // out of range
            scores[2]["likelihood"] = ["low": 0.5, "best": 0.1, "high": 0.9]  // low > best
            rounds[0]["scores"] = scores
            var later = rounds[1]["scores"] as? [[String: Any]] ?? []
            later[0]["impact"] = ["fatalities": 3, "morale": 2]  // unknown dimension, missing ones
            rounds[1]["scores"] = later
            rounds[0]["status"] = "open"  // a later round follows
            doc["rounds"] = rounds
            var evidence = doc["evidence"] as? [[String: Any]] ?? []
            evidence[0]["ref"] = "no-such-scenario"
            evidence[1]["reliability"] = "Z"
            doc["evidence"] = evidence
            var raci = doc["raci"] as? [[String: Any]] ?? []
            raci[0]["agency"] = "nobody"
            doc["raci"] = raci
        }
        let failure = #expect(throws: ValidationFailure.self) { try plan(data) }
        let text = failure?.issues.map { "\($0.field): \($0.message)" }.joined(separator: "\n") ?? ""
        #expect(text.contains("scenarios[1].id: \"s-drone\" is used twice"))
        #expect(text.contains("scenarios[2].technologies: T77 is not a technology of this method"))
        #expect(text.contains("rounds[0].scores[0].assessor: \"stranger@example.org\" is not an account that may score for this state"))
        #expect(text.contains("rounds[0].scores[1].intent: must be a whole number from 1 to 5"))
        #expect(text.contains("rounds[0].scores[2].likelihood: low must not exceed best"))
        #expect(
            text.contains(
                "rounds[1].scores[0].impact.morale: is not an impact dimension (the dimensions are fatalities, economic, essential-services, "
                    + "societal, public-confidence, international, human-rights)"))
        #expect(text.contains("rounds[1].scores[0].impact.economic: must be a whole number from 1 to 5"))
        // the renamed scenario's scores point at an id the file no longer has; the invalid scenario's scores are still checked
        #expect(text.contains("rounds[0].scores[3].scenario: \"s-deepfake\" is not a scenario of this file"))
        #expect(!text.contains("\"s-crypto\" is not a scenario"))
        #expect(text.contains("raci.scoping: Scope and plan the assessment needs exactly one accountable agency (it has 0)"))
        #expect(text.contains("rounds[0].status: must be revealed: a later round follows it"))
        #expect(text.contains("evidence[0].ref: \"no-such-scenario\" is not a scenario of this file"))
        #expect(text.contains("evidence[1].reliability: must be a source reliability from A to F"))
        #expect(text.contains("raci[0].agency: \"nobody\" is not an agency of this file"))
    }

    @Test func scoringTwiceAndGapsInRoundsAreRefused() throws {
        let twice = try mutated { doc in
            var rounds = doc["rounds"] as? [[String: Any]] ?? []
            var scores = rounds[1]["scores"] as? [[String: Any]] ?? []
            scores.append(scores[0])
            rounds[1]["scores"] = scores
            doc["rounds"] = rounds
        }
        let failure = #expect(throws: ValidationFailure.self) { try plan(twice) }
        #expect(failure?.issues.contains { $0.message.contains("twice in round 2") } == true)
        let gap = try mutated { doc in
            var rounds = doc["rounds"] as? [[String: Any]] ?? []
            rounds[1]["number"] = 3
            doc["rounds"] = rounds
        }
        let gapFailure = #expect(throws: ValidationFailure.self) { try plan(gap) }
        #expect(gapFailure?.issues.first?.message.contains("without gaps or repeats (found 1, 3)") == true)
    }

    @Test func wrongShapesTooLargeFilesAndOtherFormatsGetClearMessages() throws {
        let notJSON = #expect(throws: ValidationFailure.self) { try AssessmentImport.decode(Data("{\"format\":".utf8)) }
        #expect(notJSON?.issues.first?.message == "is not valid JSON")
        let wrongType = #expect(throws: ValidationFailure.self) {
            try AssessmentImport.decode(Data(#"{"format":"cttech.assessment/1","assessment":{"title":5}}"#.utf8))
        }
        #expect(wrongType?.issues.first?.message == "has the wrong type at assessment.title")
        let missing = #expect(throws: ValidationFailure.self) { try AssessmentImport.decode(Data(#"{"format":"cttech.assessment/1"}"#.utf8)) }
        #expect(missing?.issues.first?.message == "is missing \"assessment\" at the document")
        let other = #expect(throws: ValidationFailure.self) {
            try AssessmentImport.decode(Data(#"{"format":"grc-export/7","assessment":{}}"#.utf8))
        }
        #expect(other?.issues.first?.field == "format")
        let huge = #expect(throws: ValidationFailure.self) { try AssessmentImport.decode(Data(count: 50_000_000)) }
        #expect(huge?.issues.first?.message.hasPrefix("is 50.0 MB; an import may be at most 16 MB") == true)
        let method = #expect(throws: ValidationFailure.self) {
            try plan(try mutated { doc in doc["assessment"] = ["title": "t", "period": "p", "methodVersion": "someone-else-1.0"] })
        }
        #expect(method?.issues.first?.field == "assessment.methodVersion")
    }

    // MARK: Keys the format does not define

    func issues(_ data: Data) -> [String] {
        let failure = #expect(throws: ValidationFailure.self) { try plan(data) }
        return failure?.issues.map { "\($0.field): \($0.message)" } ?? []
    }

    @Test func aMisspeltTopLevelKeyIsNamedWithTheKeyItWasMeantToBe() throws {
        // setup: `otherRisks` written without its s, so the file's other risks would silently be dropped
        let data = try mutated { doc in doc["otherRisk"] = doc.removeValue(forKey: "otherRisks") }
        // act and check: that is the only problem, and it is named
        #expect(issues(data) == ["otherRisk: is not a field of the import format (did you mean otherRisks?)"])
    }

    @Test func aMisspeltKeyInAScenarioComesWithWhatItLeftMissing() throws {
        let data = try mutated { doc in
            var scenarios = doc["scenarios"] as? [[String: Any]] ?? []
            scenarios[2]["titel"] = scenarios[2].removeValue(forKey: "title")
            doc["scenarios"] = scenarios
        }
        #expect(
            issues(data) == [
                "scenarios[2].titel: is not a field of the import format (did you mean title?)", "scenarios[2].title: is required",
            ])
    }

    @Test func aMisspeltImpactDimensionIsNamedInTheScore() throws {
        let data = try mutated { doc in
            var rounds = doc["rounds"] as? [[String: Any]] ?? []
            var scores = rounds[0]["scores"] as? [[String: Any]] ?? []
            var impact = scores[1]["impact"] as? [String: Any] ?? [:]
            impact["fatalites"] = impact.removeValue(forKey: "fatalities")
            impact["essential_services"] = impact.removeValue(forKey: "essential-services")
            scores[1]["impact"] = impact
            rounds[0]["scores"] = scores
            doc["rounds"] = rounds
        }
        #expect(
            issues(data) == [
                "rounds[0].scores[1].impact.essential_services: is not an impact dimension (did you mean essential-services?)",
                "rounds[0].scores[1].impact.fatalites: is not an impact dimension (did you mean fatalities?)",
                "rounds[0].scores[1].impact.fatalities: must be a whole number from 1 to 5",
                "rounds[0].scores[1].impact.essential-services: must be a whole number from 1 to 5",
            ])
    }

    @Test func everyUnknownKeyIsReportedAtOnceWithTheOtherProblems() throws {
        let data = try mutated { doc in
            doc["$schema"] = "https://cttech.example/schemas/assessment-import-1.json"  // defined: for editors
            var header = doc["assessment"] as? [String: Any] ?? [:]
            header["tpl"] = header.removeValue(forKey: "tlp")
            doc["assessment"] = header
            var agencies = doc["agencies"] as? [[String: Any]] ?? []
            agencies[1]["colour"] = "blue"  // nothing close: the fields are listed
            doc["agencies"] = agencies
            var risks = doc["otherRisks"] as? [[String: Any]] ?? []
            risks[0]["likelihood"] = ["low": 0.01, "bset": 0.02, "high": 0.05]
            doc["otherRisks"] = risks
            var evidence = doc["evidence"] as? [[String: Any]] ?? []
            evidence[1]["reliability"] = "Z"  // a problem of a value, found by the plan
            doc["evidence"] = evidence
        }
        #expect(
            issues(data) == [
                "assessment.tpl: is not a field of the import format (did you mean tlp?)",
                "agencies[1].colour: is not a field of the import format (the fields here are id, name, kind, mandate)",
                "otherRisks[0].likelihood.bset: is not a field of the import format (did you mean best?)",
                "evidence[1].reliability: must be a source reliability from A to F",
                "otherRisks[0].likelihoodBest: must be a probability from 0 to 1, such as 0.05 or 5 %",
            ])
    }

    @Test func unknownKeysComeWithAFileThatCannotBeRead() throws {
        // setup: a wrong type stops decoding; a misspelt key and the wrong format are reported with it
        let wrongType = Data(#"{"format":"cttech.assessment/1","assessment":{"title":5,"peroid":"2026"},"scenaros":[]}"#.utf8)
        let otherFormat = Data(#"{"format":"cttech.assessment/2","assessment":{"title":"t","period":"p","horizon":2}}"#.utf8)
        // act
        let unread = #expect(throws: ValidationFailure.self) { try AssessmentImport.decode(wrongType) }
        let foreign = #expect(throws: ValidationFailure.self) { try AssessmentImport.decode(otherFormat) }
        // check
        #expect(
            unread?.issues.map { "\($0.field): \($0.message)" } == [
                "scenaros: is not a field of the import format (did you mean scenarios?)",
                "assessment.peroid: is not a field of the import format (did you mean period?)",
                "file: has the wrong type at assessment.title",
            ])
        #expect(
            foreign?.issues.map { "\($0.field): \($0.message)" } == [
                "format: must be \"cttech.assessment/1\"",
                "assessment.horizon: is not a field of the import format (the fields here are title, period, horizonYears, tlp, methodVersion)",
            ])
    }

    @Test func aFloodOfUnknownKeysIsCountedNotListed() throws {
        let data = try mutated { doc in for i in 0..<150 { doc["extra\(i)"] = i } }
        let failure = #expect(throws: ValidationFailure.self) { try plan(data) }
        #expect(failure?.issues.count == 101)
        #expect(failure?.issues.last == FieldIssue(field: "file", message: "and 50 more problems"))
    }

    @Test(arguments: [
        ("titel", "title", true), ("tpl", "tlp", true), ("horizon_years", "horizonYears", true), ("Narative", "narrative", true),
        ("colour", "kind", false), ("", "id", false),
    ])
    func aSuggestionIsOnlyMadeWhenTheKeyIsClose(typed: String, defined: String, suggested: Bool) {
        let keys = [defined, "zzzzzzzzzzzz"]
        #expect((AssessmentImport.Layout.closest(to: typed, among: keys) == defined) == suggested)
    }

    // MARK: Policy responses (steps 5–6)

    /// The example with its responses changed by `change` (`responses[0]` is the approved drone detection, `responses[1]`
    /// the provenance labels under review).
    func withResponses(_ change: (inout [[String: Any]]) -> Void) throws -> Data {
        try mutated { doc in
            var responses = doc["responses"] as? [[String: Any]] ?? []
            change(&responses)
            doc["responses"] = responses
        }
    }

    func reviews(of response: [String: Any]) -> [[String: Any]] { response["reviews"] as? [[String: Any]] ?? [] }

    @Test func theExampleResponsesImportWithNewIdsTheirReviewsAndIndicators() throws {
        // act
        let plan = try plan(try Data(contentsOf: Self.example))

        // check: content as written, references rewired to the new ids, the importer as author
        #expect(
            plan.responses.map(\.title) == [
                "Drone detection and response at mass gatherings", "Provenance labels for synthetic media on large platforms",
            ])
        let drone = plan.responses[0]
        let labels = plan.responses[1]
        let scenario = try #require(plan.scenarios.first { $0.title == "Drone attack on a festival crowd" })
        let deepfake = try #require(plan.scenarios.first { $0.title.localizedCaseInsensitiveContains("deepfake") })
        #expect(drone.targets == [ResponseTarget(riskID: scenario.id, kind: .scenario, assessmentID: plan.assessment.id, baselineRound: 2)])
        #expect(labels.targets == [ResponseTarget(riskID: deepfake.id, kind: .scenario, assessmentID: plan.assessment.id, baselineRound: nil)])
        #expect(drone.status == .approved && labels.status == .underReview)
        #expect(
            drone.effects == [
                DeclaredEffect(factor: .opportunity, low: 20, best: 35, high: 50),
                DeclaredEffect(factor: .impact, dimension: .fatalities, low: 10, best: 20, high: 30),
            ])
        let police = try #require(plan.agencies.first { $0.kind == .lawEnforcement })
        let interior = try #require(plan.agencies.first { $0.kind == .ministry })
        #expect(drone.leadAgencyID == police.id && drone.partnerAgencyIDs == [interior.id])
        #expect(drone.cost == CostRange(low: 1_200_000, high: 2_000_000, currency: "EUR"))
        #expect(drone.timeframe == Timeframe(start: try #require(CalendarDate("2026-01-01")), end: try #require(CalendarDate("2027-12-31"))))
        #expect(drone.tlp == .amber && drone.type == "R05" && drone.legalBasis.hasPrefix("Aviation Security Act"))
        #expect(plan.responses.allSatisfy { $0.version == 1 && $0.createdBy == "me" && $0.updatedBy == "me" && $0.stateID == "st" })
        #expect(plan.responses.allSatisfy { $0.methodVersion == MethodVersion.defaultID && $0.updatedAt == Self.now })
        // every answer by the reviewer, about version 1, at the file's time (2026-02-11 14:00 UTC for the gender review)
        #expect(plan.reviews.count == 14 && plan.reviews.allSatisfy { $0.reviewerID == "r1" && $0.responseVersion == 1 })
        #expect(plan.reviews.filter { $0.responseID == drone.id }.count == 11)
        let marker = try #require(plan.reviews.first { $0.code == "G08" })
        #expect(marker.genderMarker == 1 && marker.reviewerLabel == "reviewer@demo.cttech.example")
        #expect(marker.reviewedAt == 1_770_818_400_000)
        // the approved one has every mandatory check answered; the other is blocked by H04 and the unanswered ones
        func blocking(_ response: PolicyResponse) -> [String] {
            let own = plan.reviews.filter { $0.responseID == response.id }
            return ReviewKind.allCases.flatMap { ReviewChecklist(kind: $0, method: .ctTechDefault, reviews: own, version: 1).blocking }
        }
        #expect(blocking(drone).isEmpty)
        #expect(blocking(labels) == ["H02", "H03", "H04", "H05", "H09", "H11", "G03", "G08", "G09"])
        // indicators with their actuals, recorded by the importer
        #expect(plan.indicators.map(\.responseID) == [drone.id, labels.id] && plan.indicators.map(\.actuals.count) == [2, 1])
        #expect(plan.indicators[0].actuals.map(\.value) == [3, 5] && plan.indicators[0].target == 12 && plan.indicators[0].level == .output)
        #expect(plan.indicators.allSatisfy { i in i.actuals.allSatisfy { $0.indicatorID == i.id && $0.recordedBy == "me" } })
        #expect(plan.overrides.isEmpty)
        let ids =
            [plan.assessment.id] + plan.agencies.map(\.id) + plan.scenarios.map(\.id) + plan.evidence.map(\.id)
            + plan.otherRisks.map(\.id) + plan.responses.map(\.id) + plan.indicators.map(\.id) + plan.indicators.flatMap { $0.actuals.map(\.id) }
        #expect(Set(ids).count == ids.count)
        #expect(
            plan.counts
                == "agencies 3, scan 3, scenarios 3, evidence 2, rounds 2, scores 18, other risks 2, responses 2, reviews 14, overrides 0, "
                + "indicators 2, actuals 3, capability assessments 1, capability evidence 2, criteria answered 8, targets 2")
    }

    @Test func everyProblemOfAResponseIsReportedAtItsPathInTheFile() throws {
        // setup: one problem of each kind, in both responses
        let data = try withResponses { responses in
            var effects = responses[0]["effects"] as? [[String: Any]] ?? []
            effects[0]["high"] = 120  // beyond 100 %
            effects[1]["low"] = 40  // above best (20)
            responses[0]["effects"] = effects
            responses[0]["targets"] = ["s-drone", "s-nowhere"]
            responses[0]["partners"] = ["interior", "nobody"]
            responses[0]["cost"] = ["low": 1_200_000, "high": 2_000_000, "currency": "euro"]
            responses[0]["status"] = "done"
            responses[0]["baselineRound"] = 5
            var reviews = reviews(of: responses[0])
            reviews[0]["reviewer"] = "stranger@example.org"
            reviews[1]["reviewer"] = "IMPORTER@demo.cttech.example"
            reviews[2]["kind"] = "ethics"
            reviews[3]["code"] = "H99"
            reviews[4]["status"] = "fine"
            reviews[5]["reviewedAt"] = "yesterday"
            reviews[6]["reviewedAt"] = "2027-01-01T00:00:00Z"
            reviews[7]["genderMarker"] = 2
            reviews[9].removeValue(forKey: "genderMarker")
            responses[0]["reviews"] = reviews
            var indicators = responses[0]["indicators"] as? [[String: Any]] ?? []
            indicators[0]["target"] = -1
            var actuals = indicators[0]["actuals"] as? [[String: Any]] ?? []
            actuals[1]["date"] = "2026-12-02"
            indicators[0]["actuals"] = actuals
            responses[0]["indicators"] = indicators
            responses[1]["timeframe"] = ["start": "2026-06-01", "end": "2026-05-31"]
            responses[1]["leadAgency"] = "coastguard"
            responses[1]["id"] = responses[0]["id"]
        }

        // act
        let found = issues(data)

        // check
        #expect(
            found == [
                "responses[1].id: \"r-drone-detection\" is used twice",
                "responses[0].targets[1]: \"s-nowhere\" is not a scenario or other national risk of this file",
                "responses[0].partners[1]: \"nobody\" is not an agency of this file",
                "responses[0].effects[0].high: must be a percentage from 0 to 100",
                "responses[0].effects[1].low: low must not exceed best",
                "responses[0].cost.currency: must be a three-letter currency code such as EUR or USD",
                "responses[0].status: must be one of: idea, drafted, under-review, approved, implementing, implemented, evaluated, withdrawn",
                "responses[0].baselineRound: must be the number of a revealed round of this file, from 1 to 2",
                "responses[0].reviews[0].reviewer: \"stranger@example.org\" is not an account that may review responses for this state",
                "responses[0].reviews[1].reviewer: \"IMPORTER@demo.cttech.example\" is importing this file and so becomes the author of its "
                    + "responses, who cannot review them: another reviewer must",
                "responses[0].reviews[2].kind: must be one of: human-rights, gender",
                "responses[0].reviews[3].code: names a check that is not in this review",
                "responses[0].reviews[4].status: must be one of: met, partly-met, not-met, not-applicable",
                "responses[0].reviews[5].reviewedAt: must be a date and time such as 2026-03-02T09:30:00Z, or a date such as 2026-03-02",
                "responses[0].reviews[6].reviewedAt: must not be in the future",
                "responses[0].reviews[7].genderMarker: the gender marker is given with the answer to G08",
                "responses[0].reviews[9].genderMarker: choose a gender marker from 0 to 3",
                "responses[0].indicators[0].target: is below the baseline, but an increase is better",
                "responses[0].indicators[0].actuals[1].date: must not be in the future",
                "responses[1].leadAgency: \"coastguard\" is not an agency of this file",
                "responses[1].timeframe.end: must not be before the start",
            ])
    }

    @Test func anApprovedResponseKeepsItsStatusOnlyIfItsReviewsAllowApproval() throws {
        // setup: the drone response without its answer to H04 (proportionality), a mandatory check
        func droneWithout(_ code: String, status: String = "approved", overrides: [[String: Any]] = []) throws -> Data {
            try withResponses { responses in
                responses[0]["reviews"] = reviews(of: responses[0]).filter { ($0["code"] as? String) != code }
                responses[0]["status"] = status
                if status == "under-review" { responses[0].removeValue(forKey: "baselineRound") }
                if !overrides.isEmpty { responses[0]["overrides"] = overrides }
            }
        }
        let override: [String: Any] = [
            "checks": ["H04"], "justification": "The retention limit is promised for the first revision; the risk to crowds cannot wait for it.",
            "by": "focal@demo.cttech.example", "at": "2026-02-12T08:00:00Z",
        ]
        let refusal =
            "is marked approved, but mandatory check H04 is unreviewed or Not met in the file's answers and no override names it: import "
            + "the response as under-review, or add the answer or the override that allowed its approval"

        // act and check: refused as approved, and as implementing; kept under review
        #expect(issues(try droneWithout("H04")) == ["responses[0].status: " + refusal])
        #expect(
            issues(try droneWithout("H04", status: "implementing")) == [
                "responses[0].status: " + refusal.replacingOccurrences(of: "approved,", with: "implementing,")
            ])
        #expect(try plan(try droneWithout("H04", status: "under-review")).responses[0].status == .underReview)
        // approved through an override that names the blocking check, as a focal point recorded it
        let overridden = try plan(try droneWithout("H04", overrides: [override]))
        #expect(overridden.responses[0].status == .approved)
        #expect(
            overridden.overrides == [
                ReviewOverride(
                    responseID: overridden.responses[0].id, responseVersion: 1, checks: ["H04"],
                    justification: override["justification"] as? String ?? "",
                    byID: "f1", byLabel: "focal@demo.cttech.example", at: 1_770_883_200_000)
            ])
        // the latest override counts: an older one naming H04 does not help when the latest names another check
        var later = override
        later["checks"] = ["H05"]
        later["at"] = "2026-02-13T08:00:00Z"
        #expect(issues(try droneWithout("H04", overrides: [later, override])) == ["responses[0].status: " + refusal])
        // two mandatory checks Not met: both named, counted
        let notMet = try withResponses { responses in
            var reviews = reviews(of: responses[0])
            for i in reviews.indices where ["H04", "G09"].contains(reviews[i]["code"] as? String ?? "") { reviews[i]["status"] = "not-met" }
            responses[0]["reviews"] = reviews
        }
        #expect(
            issues(notMet) == [
                "responses[0].status: is marked approved, but 2 mandatory checks (H04, G09) are unreviewed or Not met in the file's answers and "
                    + "no override names them: import the response as under-review, or add the answers or the override that allowed its approval"
            ])
    }

    @Test func overridesAreCheckedAsTheOverrideFormChecksThem() throws {
        let data = try withResponses { responses in
            responses[1]["overrides"] = [
                ["checks": [], "justification": "Fine.", "by": "assessor@demo.cttech.example", "at": "2026-02-30T08:00:00Z"],
                [
                    "checks": ["H04", "Z01"], "justification": "Approved by the minister after the hearing of the oversight committee.",
                    "by": "focal@demo.cttech.example", "at": "2026-12-01T00:00:01Z",
                ],
            ]
        }
        #expect(
            issues(data) == [
                "responses[1].overrides[0].checks: must name the checks it overrides, each a human-rights or gender check of the method",
                "responses[1].overrides[0].justification: must explain the decision in at least a sentence (6 words or more)",
                "responses[1].overrides[0].by: \"assessor@demo.cttech.example\" is not an account that may record overrides for this state (a focal point)",
                "responses[1].overrides[0].at: must be a date and time such as 2026-03-02T09:30:00Z, or a date such as 2026-03-02",
                "responses[1].overrides[1].checks: must name the checks it overrides, each a human-rights or gender check of the method",
                "responses[1].overrides[1].at: must not be in the future",
            ])
    }

    @Test func keysAndLimitsOfResponsesAreCheckedLikeTheRestOfTheFile() throws {
        // a misspelt key is named, never dropped
        let misspelt = try withResponses { responses in responses[1]["efects"] = responses[1].removeValue(forKey: "effects") }
        #expect(issues(misspelt) == ["responses[1].efects: is not a field of the import format (did you mean effects?)"])
        let inReview = try withResponses { responses in
            var reviews = reviews(of: responses[1])
            reviews[0]["reviwer"] = reviews[0].removeValue(forKey: "reviewer")
            responses[1]["reviews"] = reviews
        }
        let unread = #expect(throws: ValidationFailure.self) { try AssessmentImport.decode(inReview) }
        #expect(
            unread?.issues.map { "\($0.field): \($0.message)" }.first
                == "responses[1].reviews[0].reviwer: is not a field of the import format (did you mean reviewer?)")
        // bounds: indicators per response, baseline rounds of responses not yet approved
        let many = try withResponses { responses in
            let indicator = (responses[1]["indicators"] as? [[String: Any]] ?? [])[0]
            responses[1]["indicators"] = Array(repeating: indicator, count: PolicyLimits.indicatorsPerResponse + 1)
            responses[1]["baselineRound"] = 1
        }
        #expect(
            issues(many) == [
                "responses[1].baselineRound: is given only for a response that is approved or further along",
                "responses[1].indicators: may hold at most 30",
            ])
    }

    @Test func aFileWithoutRevealedRoundsHasNoBaselineRoundToName() throws {
        let data = try withResponses { responses in
            responses[0]["baselineRound"] = 1
        }
        let open = try mutated { doc in
            doc["rounds"] = [["number": 1, "status": "open", "scores": []]]
            doc["responses"] = (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["responses"]
        }
        #expect(issues(open) == ["responses[0].baselineRound: is given, but no round of this file is revealed"])
        // without one, an approved response in such a file has none: every later round is a follow-up
        let none = try mutated { doc in
            doc["rounds"] = [["number": 1, "status": "open", "scores": []]]
            var responses = doc["responses"] as? [[String: Any]] ?? []
            responses[0].removeValue(forKey: "baselineRound")
            doc["responses"] = responses
        }
        #expect(try plan(none).responses[0].targets.map(\.baselineRound) == [nil])
    }

    /// Law: export then import gives the same records (with the same id maker, the same ids), and the file again.
    @Test func anExportedAssessmentImportsAsItWas() throws {
        // setup: the example, with the labels response approved through an override of everything that blocks it
        let data = try withResponses { responses in
            responses[1]["status"] = "approved"
            responses[1]["baselineRound"] = 1
            responses[1]["overrides"] = [
                [
                    "checks": ["H02", "H03", "H04", "H05", "H09", "H11", "G03", "G08", "G09"],
                    "justification": "Ministers approved the regulation while the retention rule is revised in parliament.",
                    "by": "FOCAL@demo.cttech.example", "at": "2026-10-06T12:00:00.125+02:00",
                ]
            ]
        }
        let first = try plan(data)
        let emails = Dictionary(
            uniqueKeysWithValues: (assessors.merging(reviewers) { a, _ in a }.merging(focalPoints) { a, _ in a }).map { ($1, $0) })

        // act
        func export(_ p: AssessmentImport.Plan) throws -> Data {
            try AssessmentImport(
                exporting: AssessmentImport.Export(
                    assessment: p.assessment, agencies: p.agencies, raci: p.raci, horizonScan: p.horizonScan, scenarios: p.scenarios,
                    evidence: p.evidence, rounds: p.rounds, scores: p.scores, otherRisks: p.otherRisks, responses: p.responses, reviews: p.reviews,
                    overrides: p.overrides, indicators: p.indicators, emails: emails)
            ).json()
        }
        let file = try export(first)
        let second = try plan(file)

        // check
        #expect(second.assessment == first.assessment && second.agencies == first.agencies && second.raci == first.raci)
        #expect(second.horizonScan == first.horizonScan && second.scenarios == first.scenarios && second.evidence == first.evidence)
        #expect(second.rounds == first.rounds && second.scores == first.scores && second.otherRisks == first.otherRisks)
        #expect(second.responses == first.responses && second.reviews == first.reviews && second.overrides == first.overrides)
        #expect(second.indicators == first.indicators)
        #expect(first.responses.map(\.status) == [.approved, .approved] && first.responses[1].targets.map(\.baselineRound) == [1])
        #expect(first.overrides.map(\.at) == [1_791_280_800_125])
        #expect(try export(second) == file)
        let text = String(decoding: file, as: UTF8.self)
        #expect(text.contains("\"reviewer\" : \"reviewer@demo.cttech.example\"") && text.contains("\"at\" : \"2026-10-06T10:00:00.125Z\""))
    }

    /// The example's round 2 with a workshop participant's score and two workshop rankings (issue 12).
    func withWorkshop(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        try mutated { doc in
            var rounds = doc["rounds"] as? [[String: Any]] ?? []
            let scenarios = (doc["scenarios"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            var scores = rounds[1]["scores"] as? [[String: Any]] ?? []
            var workshop = scores[0]
            workshop["assessor"] = "workshop:VDR794-3"
            scores.append(workshop)
            rounds[1]["scores"] = scores
            var round = rounds[1]
            round["rankings"] = [
                ["ranker": "workshop:VDR794-3", "ranks": [scenarios[0]: 1, scenarios[1]: 2, scenarios[2]: 2]],
                ["ranker": "workshop:VDR794-4", "ranks": [scenarios[1]: 1], "limit": 1],
            ]
            change(&round)
            rounds[1] = round
            doc["rounds"] = rounds
        }
    }

    @Test func workshopScoresAndRankingsImportApartFromAccountsAndExportBack() throws {
        // setup / act
        let first = try plan(try withWorkshop())
        let emails = Dictionary(uniqueKeysWithValues: assessors.map { ($1, $0) })
        let file = try AssessmentImport(
            exporting: {
                var e = AssessmentImport.Export(
                    assessment: first.assessment, agencies: first.agencies, raci: first.raci, horizonScan: first.horizonScan,
                    scenarios: first.scenarios, evidence: first.evidence, rounds: first.rounds, scores: first.scores, otherRisks: first.otherRisks,
                    responses: [], reviews: [], overrides: [], indicators: [], emails: emails)
                e.rankings = first.rankings
                return e
            }()
        ).json()
        let second = try plan(file)

        // check: the pseudonym is kept, no account is looked up for it; rankings are rewired to the new scenario ids
        let workshop = first.scores.filter { WorkshopInput.isWorkshop($0.assessorID) }
        #expect(workshop.map(\.assessorID) == ["workshop:VDR794-3"] && workshop.map(\.round) == [2])
        #expect(first.scores.count == 19 && first.rankings.count == 2)
        #expect(first.rankings.map(\.ranker) == ["workshop:VDR794-3", "workshop:VDR794-4"] && first.rankings.map(\.limit) == [0, 1])
        let ids = first.scenarios.map(\.id)
        #expect(first.rankings[0].ranks == [ids[0]: 1, ids[1]: 2, ids[2]: 2] && first.rankings[1].ranks == [ids[1]: 1])
        #expect(first.counts.contains("other risks 2, rankings 2"))
        #expect(second.scores == first.scores && second.rankings == first.rankings)
        #expect(String(decoding: file, as: UTF8.self).contains("\"ranker\" : \"workshop:VDR794-4\""))
    }

    @Test func badWorkshopPseudonymsAndRanksAreRefusedAtTheirPaths() throws {
        // setup
        let data = try withWorkshop { round in
            var scores = round["scores"] as? [[String: Any]] ?? []
            scores[scores.count - 1]["assessor"] = "workshop:not a pseudonym"
            round["scores"] = scores
            round["rankings"] = [
                ["ranker": "VDR794-3", "ranks": ["s-drone": 1]],
                ["ranker": "workshop:A", "ranks": ["nowhere": 1, "s-drone": 9]],
                ["ranker": "workshop:A", "ranks": [:] as [String: Int]],
            ]
        }

        // act
        let failure = #expect(throws: ValidationFailure.self) { try plan(data) }

        // check
        let fields = failure?.issues.map(\.field) ?? []
        #expect(fields.contains { $0.hasPrefix("rounds[1].scores[") && $0.hasSuffix("].assessor") })
        #expect(fields.contains("rounds[1].rankings[0].ranker") && fields.contains("rounds[1].rankings[2].ranker"))
        #expect(fields.filter { $0 == "rounds[1].rankings[1].ranks" }.count == 2 && fields.contains("rounds[1].rankings[2].ranks"))
    }

    @Test func anExportLeavesOutWhatIsNotTheAssessmentsAndAnswersAboutOlderVersions() throws {
        // setup: the example's plan, with the drone response at version 3 also addressing a risk of another assessment
        var plan = try plan(try Data(contentsOf: Self.example))
        plan.responses[0].version = 3
        plan.responses[0].targets.append(ResponseTarget(riskID: "elsewhere", kind: .scenario, assessmentID: "other", baselineRound: 4))
        plan.responses[0].leadAgencyID = "agency-of-another-assessment"
        let current = CheckReview(
            responseID: plan.responses[0].id, kind: .humanRights, code: "H07", status: .met, reasoning: "No effect on assembly.",
            reviewerID: "r2", reviewerLabel: "Second Reviewer", responseVersion: 3, reviewedAt: 1_780_000_000_000)
        plan.reviews.append(current)
        let foreign = PolicyResponse(
            id: "foreign", stateID: "st", title: "Elsewhere only", type: "R01", description: "",
            targets: [
                ResponseTarget(riskID: "elsewhere", kind: .scenario, assessmentID: "other")
            ], effects: [], leadAgencyID: nil, partnerAgencyIDs: [], cost: nil, timeframe: nil, legalBasis: "", status: .idea, tlp: .green,
            methodVersion: MethodVersion.defaultID, version: 1, createdBy: "me", updatedBy: "me", updatedAt: 0)

        // act
        let file = AssessmentImport(
            exporting: AssessmentImport.Export(
                assessment: plan.assessment, agencies: plan.agencies, raci: plan.raci, horizonScan: plan.horizonScan, scenarios: plan.scenarios,
                evidence: plan.evidence, rounds: plan.rounds, scores: plan.scores, otherRisks: plan.otherRisks,
                responses: plan.responses + [foreign], reviews: plan.reviews, overrides: plan.overrides, indicators: plan.indicators,
                emails: ["r2": "second-reviewer@demo.cttech.example"]))

        // check: one response left out, the other keeps only this assessment's target and the answer about version 3
        let drone = try #require(file.responses?.first)
        #expect(file.responses?.count == 2)
        #expect(drone.targets == [plan.responses[0].targets[0].riskID] && drone.baselineRound == 2 && drone.leadAgency == nil)
        #expect(drone.reviews?.count == 1 && drone.reviews?.first?.reviewer == "second-reviewer@demo.cttech.example")
        #expect(drone.reviews?.first?.reviewedAt == "2026-05-28T20:26:40Z")
        #expect(file.responses?[1].reviews?.first?.reviewer == "reviewer@demo.cttech.example")
    }

    @Test func momentsAreReadInEveryDocumentedShape() {
        let day = CalendarDate("2026-03-02")!.epochMilliseconds
        #expect(AssessmentImport.epochMilliseconds("2026-03-02") == day)
        #expect(AssessmentImport.epochMilliseconds("2026-03-02T09:30:00Z") == day + 34_200_000)
        #expect(AssessmentImport.epochMilliseconds("2026-03-02T09:30Z") == day + 34_200_000)
        #expect(AssessmentImport.epochMilliseconds("2026-03-02T10:30:00+01:00") == day + 34_200_000)
        #expect(AssessmentImport.epochMilliseconds("2026-03-02T00:30:00-02:00") == day + 9_000_000)
        #expect(AssessmentImport.epochMilliseconds("2026-03-02T09:30:00.25Z") == day + 34_200_250)
        #expect(AssessmentImport.epochMilliseconds("2026-03-02T09:30:00.123456789Z") == day + 34_200_123)
        for wrong in [
            "", "yesterday", "2026-03-02T09:30:00", "2026-03-02T24:00Z", "2026-02-30T09:30Z", "2026-03-02T09:60Z", "2026-03-02T09:30:61Z",
            "2026-03-02T9:30Z", "2026-03-02T09:30:00.Z", "2026-03-02T09:30+1:00", "2026-03-02 09:30Z", "2026-03-02T09:30:00+0100",
        ] {
            #expect(AssessmentImport.epochMilliseconds(wrong) == nil, "\(wrong)")
        }
        #expect(AssessmentImport.timestamp(day + 34_200_000) == "2026-03-02T09:30:00Z")
        #expect(AssessmentImport.timestamp(day + 34_200_005) == "2026-03-02T09:30:00.005Z")
    }

    /// Law: a moment written by the export reads back as the same millisecond.
    @Test func aWrittenMomentReadsBackExactly() async {
        await propertyCheck(input: Gen.int(in: 0...7_000_000_000_000)) { ms in
            #expect(AssessmentImport.epochMilliseconds(AssessmentImport.timestamp(Int64(ms))) == Int64(ms))
        }
    }

    // MARK: Through the use case, on in-memory repositories

    /// The example with the workspace's people: its assessors, its reviewer.
    static func workspaceFile(reviewer: String = "reviewer@valdoria.example") throws -> Data {
        let text = try String(contentsOf: example, encoding: .utf8).replacingOccurrences(of: "@demo.cttech.example", with: "@valdoria.example")
            .replacingOccurrences(of: "analyst3@valdoria.example", with: "focal@valdoria.example")
            .replacingOccurrences(of: "reviewer@valdoria.example", with: reviewer)
        return Data(text.utf8)
    }

    @Test func responsesAreWrittenWithTheAssessmentInOneAuditedStep() async throws {
        // setup
        let workspace = StateWorkspace()
        let viewing = workspace.scope(workspace.policyMaker, .viewResponses)

        // act
        let assessment = try await workspace.importing.run(
            try Self.workspaceFile(), by: workspace.focalPoint.actor, scope: workspace.managing, capability: Self.focalRights)

        // check
        let responses = try await workspace.repositories.responses(viewing)
        #expect(responses.map(\.status) == [.underReview, .approved])
        #expect(responses.allSatisfy { $0.createdBy == workspace.focalPoint.userID && $0.targets.allSatisfy { $0.assessmentID == assessment.id } })
        let approved = try #require(responses.last)
        #expect(try await workspace.repositories.reviews(viewing, responseID: approved.id).count == 11)
        #expect(try await workspace.repositories.reviews(viewing, responseID: approved.id).allSatisfy { $0.reviewerID == workspace.reviewer.userID })
        #expect(try await workspace.repositories.indicators(viewing, responseID: approved.id).map(\.actuals.count) == [2])
        #expect(workspace.repositories.audit.count == 1)
        #expect(
            workspace.repositories.audit.last?.details["counts"]?.contains("responses 2, reviews 14, overrides 0, indicators 2, actuals 3") == true)
        // the approved response counts in the new assessment's residual risk at once
        let register = try await workspace.register.compute(assessment, scope: workspace.scope(workspace.focalPoint, .viewAssessment))
        let drone = try #require(register.entries.first { $0.title == "Drone attack on a festival crowd" })
        #expect(drone.residual.map { $0.plannedEffectiveness > 0 } == true)
    }

    @Test func aReviewerWithoutTheReviewerRoleHereIsRefusedAndNothingIsWritten() async throws {
        // setup: the file names an assessor as its reviewer
        let workspace = StateWorkspace()
        let file = try Self.workspaceFile(reviewer: "assessor@valdoria.example")

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.importing.run(file, by: workspace.focalPoint.actor, scope: workspace.managing, capability: Self.focalRights)
        }

        // check: every answer is named, and the approved response is not also reported (its answers are refused already)
        #expect(failure?.issues.count == 14)
        #expect(failure?.issues.first?.field == "responses[0].reviews[0].reviewer")
        #expect(try await workspace.repositories.list(workspace.managing).isEmpty)
        #expect(try await workspace.repositories.responses(workspace.scope(workspace.policyMaker, .viewResponses)).isEmpty)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func theImporterCannotBeTheReviewerOfTheResponsesTheyBring() async throws {
        // setup: the reviewer imports the file (with a scope the authorisation layer would not give them, to reach the rule)
        let workspace = StateWorkspace()

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.importing.run(
                try Self.workspaceFile(), by: workspace.reviewer.actor, scope: workspace.managing, capability: Self.focalRights)
        }

        // check
        #expect(failure?.issues.count == 14)
        #expect(failure?.issues.allSatisfy { $0.message.contains("is importing this file") } == true)
        #expect(workspace.repositories.audit.isEmpty)
    }
}

// MARK: The capability section (steps 7–8)

extension AssessmentImportTests {
    /// The example's capability section with `change` applied to its only assessment.
    func capabilityMutated(_ change: @escaping (inout [String: Any]) -> Void) throws -> Data {
        try mutated { object in
            var section = object["capability"] as? [String: Any] ?? [:]
            var lines = section["assessments"] as? [[String: Any]] ?? []
            change(&lines[0])
            section["assessments"] = lines
            object["capability"] = section
        }
    }

    func planCapability(
        _ json: Data, rights: AssessmentImport.CapabilityRights = .init(writeSelf: true, validate: false, plan: true)
    ) throws(ValidationFailure) -> AssessmentImport.Plan {
        var counter = 0
        return try AssessmentImport.decode(json).plan(
            stateID: "st", method: .ctTechDefault, assessors: assessors, reviewers: reviewers, focalPoints: focalPoints, importer: "me",
            now: Self.now,
            capability: .init(frameworks: [.ctTechDefault], current: CapabilityFramework.defaultID, rights: rights)
        ) {
            counter += 1
            return "id-\(counter)"
        }
    }

    @Test func theExampleCapabilityAssessmentImportsLinkedToTheNewAssessment() throws {
        // act
        let plan = try planCapability(try Data(contentsOf: Self.example))

        // check
        let capability = try #require(plan.capability.assessments.first)
        #expect(plan.capability.assessments.count == 1 && capability.kind == .selfAssessed && capability.areas == ["F03", "F07"])
        #expect(capability.registerAssessmentID == plan.assessment.id && capability.stateID == "st" && capability.version == 1)
        #expect(capability.agencyID == plan.agencies.first?.id && capability.agencyName == plan.agencies.first?.name)
        #expect(capability.frameworkVersion == CapabilityFramework.defaultID && capability.createdBy == "me")
        #expect(plan.capability.evidence.count == 2 && plan.capability.evidence.allSatisfy { $0.assessmentID == capability.id })
        #expect(
            plan.capability.answers.count == 8 && plan.capability.answers.allSatisfy { $0.assessmentID == capability.id && $0.answeredBy == "me" })
        // evidence is cited by its new id
        let audit = try #require(plan.capability.evidence.first)
        #expect(plan.capability.answers.filter { $0.evidenceIDs == [audit.id] }.map(\.criterion) == ["E4.1.a", "E4.1.b", "F03.E4.2.a"])
        // E4 in F03: stage 1 met (E4.1.a fully, E4.1.b largely), stage 2 not (E4.2.a partially): level 1, target 3 above it
        let grid = MaturityGrid(framework: .ctTechDefault, areas: capability.areas, records: plan.capability.answers)
        #expect(grid.level("F03", "E4")?.level == 1)
        #expect(plan.capability.targets.map { "\($0.area)/\($0.enabler)/\($0.stage)/\($0.source.rawValue)" } == ["F03/E4/3/hand", "F07/E1/2/hand"])
    }

    @Test func answersForACriterionOfAnotherAreaOrVersionAreRefusedByName() throws {
        // setup: F05's tracing criterion answered under F03, and a code no version has
        let json = try capabilityMutated { line in
            var answers = line["answers"] as? [[String: Any]] ?? []
            answers.append(["area": "F03", "criterion": "F05.E4.3.a", "answer": "fully"])
            answers.append(["area": "F07", "criterion": "E1.9.z", "answer": "largely"])
            line["answers"] = answers
        }

        // act
        let failure = #expect(throws: ValidationFailure.self) { try planCapability(json) }

        // check
        let issues = failure?.issues.map { "\($0.field): \($0.message)" } ?? []
        #expect(
            issues == [
                "capability.assessments[0].answers[8].criterion: criterion F05.E4.3.a is not in framework version ctt-capability-2024.1 for area F03",
                "capability.assessments[0].answers[9].criterion: criterion E1.9.z is not in framework version ctt-capability-2024.1 for area F07",
            ])
    }

    @Test func unknownAreasEvidenceAndLinksAreRefusedEachAtItsPath() throws {
        // setup
        let json = try capabilityMutated { line in
            line["areas"] = ["F03", "F07", "F13"]
            line["baseline"] = "c-nowhere"
            var answers = line["answers"] as? [[String: Any]] ?? []
            answers[0]["evidence"] = ["ce-of-another-state"]
            answers[1]["area"] = "F09"
            line["answers"] = answers
        }

        // act
        let failure = #expect(throws: ValidationFailure.self) { try planCapability(json) }

        // check
        #expect(
            Set(failure?.issues.map(\.field) ?? []) == [
                "capability.assessments[0].areas[2]", "capability.assessments[0].baseline", "capability.assessments[0].answers[0].evidence[0]",
                "capability.assessments[0].answers[1].area",
            ])
        #expect(failure?.issues.first { $0.field.hasSuffix("areas[2]") }?.message == "\"F13\" is not a functional area of the capability framework")
    }

    @Test func aTargetBelowTheLevelReachedIsRefused() throws {
        // setup: F03 E4 answered up to stage 2 (E4.2.a and E4.2.b fully, F03.E4.2.a largely): level 2; its target set to 1,
        // and a second target for F07 E1
        let json = try capabilityMutated { line in
            var answers = line["answers"] as? [[String: Any]] ?? []
            answers[2]["answer"] = "fully"
            answers.append(["area": "F03", "criterion": "E4.2.b", "answer": "fully"])
            line["answers"] = answers
            var targets = line["targets"] as? [[String: Any]] ?? []
            targets[0]["stage"] = 1
            targets.append(["area": "F07", "enabler": "E1", "stage": 3])
            line["targets"] = targets
        }

        // act
        let failure = #expect(throws: ValidationFailure.self) { try planCapability(json) }

        // check
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["capability.assessments[0].targets[0].stage", "capability.assessments[0].targets[2]"])
        #expect(failure?.issues.first?.key == "validation.capability.target-below-level")
    }

    @Test func aValidatedAssessmentNeedsProgrammeStaff() throws {
        // setup: a validated assessment of the example's self-assessment
        let json = try mutated { object in
            var section = object["capability"] as? [String: Any] ?? [:]
            var lines = section["assessments"] as? [[String: Any]] ?? []
            lines.append([
                "id": "c-validated", "kind": "validated", "title": "Validated at the workshop", "conductedOn": "2026-10-01",
                "validates": "c-police-self", "answers": [["area": "F03", "criterion": "E4.1.a", "answer": "largely"]],
            ])
            section["assessments"] = lines
            object["capability"] = section
        }

        // act
        let refused = #expect(throws: ValidationFailure.self) { try planCapability(json) }
        let plan = try planCapability(json, rights: .all)

        // check
        #expect(refused?.issues.map(\.field) == ["capability.assessments[1].kind"])
        let validated = try #require(plan.capability.assessments.last)
        #expect(validated.kind == .validated && validated.validates == plan.capability.assessments.first?.id)
        #expect(validated.areas == ["F03", "F07"], "takes the areas of what it validates")
    }

    @Test func aFileBringsOnlyWhatItsImporterMayWrite() throws {
        // setup
        let json = try Data(contentsOf: Self.example)

        // act
        let nothing = #expect(throws: ValidationFailure.self) { try planCapability(json, rights: .none) }
        let noTargets = #expect(throws: ValidationFailure.self) {
            try planCapability(json, rights: .init(writeSelf: true, validate: true, plan: false))
        }

        // check: the self-assessment needs a writer, its targets a planner
        #expect(nothing?.issues.map(\.field) == ["capability.assessments[0].kind", "capability.assessments[0].targets"])
        #expect(nothing?.issues.map(\.key) == ["validation.import.capability-self-writer", "validation.import.capability-targets-planner"])
        #expect(noTargets?.issues.map(\.field) == ["capability.assessments[0].targets"])
    }

    @Test func exportWritesTheCapabilitySectionThatImportsBackTheSame() throws {
        // setup
        let first = try planCapability(try Data(contentsOf: Self.example))
        let export = AssessmentImport.Export(
            assessment: first.assessment, agencies: first.agencies, raci: first.raci, horizonScan: first.horizonScan, scenarios: first.scenarios,
            evidence: first.evidence, rounds: first.rounds, scores: first.scores, otherRisks: first.otherRisks, responses: [], reviews: [],
            overrides: [], indicators: [],
            emails: ["u1": "assessor@demo.cttech.example", "u2": "analyst2@demo.cttech.example", "u3": "analyst3@demo.cttech.example"])
        var withCapability = export
        withCapability.capabilityAssessments = first.capability.assessments
        withCapability.capabilityEvidence = first.capability.evidence
        withCapability.criterionRecords = first.capability.answers
        withCapability.capabilityTargets = first.capability.targets

        // act
        let again = try planCapability(try AssessmentImport(exporting: withCapability).json())

        // check
        func shape(_ p: AssessmentImport.Plan) -> [String] {
            p.capability.answers.map {
                "\($0.area) \($0.criterion) \($0.answer.rawValue) \($0.confidence.rawValue) \($0.note) \($0.evidenceIDs.count)"
            }
                + p.capability.targets.map { "\($0.area) \($0.enabler) \($0.stage) \($0.source.rawValue) \($0.feasibility)" }
                + p.capability.evidence.map { "\($0.summary) \($0.grading) \($0.observedOn?.description ?? "")" }
        }
        #expect(shape(again) == shape(first))
        #expect(again.capability.assessments.map(\.title) == first.capability.assessments.map(\.title))
        #expect(AssessmentImport(exporting: export).capability == nil, "no capability assessment, no section")
    }
}
