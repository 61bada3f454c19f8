import CTTechCore
import Foundation
import Testing

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
        #expect(text.contains("rounds[1].scores[0].impact: \"morale\" is not an impact dimension"))
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
}
