import Foundation
import Testing

@testable import CTTechCore

@Suite("Import format: checked as a whole before anything is written")
struct AssessmentImportTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/assessment-import.json")
    let assessors = [
        "assessor@demo.cttech.example": "u1", "analyst2@demo.cttech.example": "u2", "analyst3@demo.cttech.example": "u3",
    ]

    func plan(_ json: Data) throws(ValidationFailure) -> AssessmentImport.Plan {
        var counter = 0
        return try AssessmentImport.decode(json).plan(stateID: "st", method: .ctTechDefault, assessors: assessors) {
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
}
