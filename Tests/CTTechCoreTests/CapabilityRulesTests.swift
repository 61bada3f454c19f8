import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Capability and roadmap rules: levels, priorities, relevance, the roadmap graph, drafts (issue 11)")
struct CapabilityRulesTests {
    // MARK: Helpers

    /// Answers as the property generators draw them: 0 unanswered, 1 not implemented, 2 partially, 3 largely, 4 fully,
    /// 5 N/A.
    static let drawn: [CriterionAnswer?] = [nil, .notImplemented, .partially, .largely, .fully, .notApplicable]

    /// The order an answer rises along: unanswered (counted as not met), then not implemented … fully.
    static let rungs: [CriterionAnswer?] = [nil, .notImplemented, .partially, .largely, .fully]

    /// A grid cell's answers by stage (1…5) from drawn numbers.
    static func stages(_ drawn: [[Int]]) -> [Int: [CriterionAnswer?]] {
        var answers: [Int: [CriterionAnswer?]] = [:]
        for (index, stage) in drawn.prefix(5).enumerated() { answers[index + 1] = stage.map { Self.drawn[$0] } }
        return answers
    }

    /// The level rule as the issue words it, by brute force: the highest stage with an applicable criterion that it and
    /// every stage below it meet (N/A criteria ignored), 0 when there is none.
    static func bruteLevel(_ answers: [Int: [CriterionAnswer?]]) -> Int {
        var best = 0
        for stage in 1...5 {
            let applicable = (answers[stage] ?? []).filter { $0 != .notApplicable }
            if applicable.isEmpty { continue }
            let met = (1...stage).allSatisfy { below in (answers[below] ?? []).allSatisfy { $0 == .notApplicable || ($0?.meets ?? false) } }
            if met { best = stage }
        }
        return best
    }

    static func level(_ answers: [Int: [CriterionAnswer?]]) -> MaturityLevel { MaturityLevel.compute(answers) }

    static let framework = CapabilityFramework.ctTechDefault

    static func record(
        _ area: String, _ criterion: String, _ answer: CriterionAnswer, evidence: [String] = [], assessment: String = "c1"
    )
        -> CriterionRecord
    {
        CriterionRecord(
            assessmentID: assessment, area: area, criterion: criterion, answer: answer, confidence: .moderate, evidenceIDs: evidence,
            answeredBy: "assessor", answeredAt: 1)
    }

    static func grid(_ areas: [String], _ records: [CriterionRecord]) -> MaturityGrid {
        MaturityGrid(framework: framework, areas: areas, records: records)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) < 1e-12 }

    // MARK: The level rule by hand

    @Test func theDefaultFrameworkIsWhole() {
        let framework = Self.framework
        #expect(framework.problems().isEmpty, "\(framework.problems())")
        #expect(framework.id == CapabilityFramework.defaultID)
        #expect(framework.areas.count == 12 && framework.enablers.count == 9 && framework.stages.map(\.code) == ["1", "2", "3", "4", "5"])
        #expect(framework.adoptionChecks == ["H06", "H09", "H12", "H13"])
        // Every stage of every enabler has generic criteria, so every cell of every area has a full scale.
        for area in framework.areas.map(\.code) {
            for enabler in framework.enablers.map(\.code) {
                for stage in CapabilityFramework.stageRange {
                    #expect(!framework.criteria(area: area, enabler: enabler, stage: stage).isEmpty)
                }
            }
        }
    }

    @Test func stagesMetUpToTheFirstUnmetOneGiveTheLevelAndTheProgressTowardTheNext() {
        let level = Self.level([
            1: [.fully, .largely], 2: [.largely, .fully, .fully], 3: [.fully, .partially, .largely], 4: [.fully], 5: [nil],
        ])
        #expect(level.level == 2 && level.next == 3)
        #expect(level.progress.map { Self.close($0, 2.0 / 3.0) } == true)
        #expect(level.answered == 9 && level.criteria == 10)
        // Stages above the first unmet one do not count, even when they are met.
        #expect(Self.level([1: [.fully], 2: [.notImplemented], 3: [.fully], 4: [.fully], 5: [.fully]]).level == 1)
    }

    @Test func unansweredCountsAsNotMet() {
        let level = Self.level([1: [.fully, nil], 2: [.fully, .fully]])
        #expect(level.level == 0 && level.next == 1 && level.progress == 0.5)
        #expect(level.answered == 3 && level.criteria == 4)
        let nothing = Self.level([1: [nil, nil], 2: [nil]])
        #expect(nothing.level == 0 && nothing.next == 1 && nothing.progress == 0 && nothing.answered == 0)
    }

    @Test func everyStageMetIsTheTopWithoutANextStage() {
        let top = Self.level(Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [CriterionAnswer?.some(.fully), .largely]) }))
        #expect(top.level == 5 && top.next == nil && top.progress == nil)
        let empty = Self.level([:])
        #expect(empty.level == 0 && empty.next == nil && empty.progress == nil && empty.criteria == 0)
    }

    @Test func notApplicableCriteriaNeitherHelpNorBlock() {
        // A stage's N/A criterion does not block it.
        #expect(Self.level([1: [.fully, .notApplicable], 2: [.partially]]).level == 1)
        // Progress counts only applicable criteria.
        let partial = Self.level([1: [.fully], 2: [.fully, .notApplicable, .notImplemented]])
        #expect(partial.level == 1 && partial.next == 2 && partial.progress == 0.5)
    }

    @Test func aStageOfOnlyNotApplicableCriteriaNeitherBlocksNorIsAchievedOnItsOwn() {
        // Stage 2 all N/A, stages 1 and 3 met: level 3.
        let skipped = Self.level([
            1: [.fully, .largely], 2: [.notApplicable, .notApplicable], 3: [.fully, .fully], 4: [.notImplemented, .largely],
        ])
        #expect(skipped.level == 3 && skipped.next == 4 && skipped.progress == 0.5)
        // Only stage 1 is all N/A and nothing else is met: level 0, the next stage is 2.
        let nothingMet = Self.level([1: [.notApplicable, .notApplicable], 2: [.partially, .notImplemented], 3: [.fully]])
        #expect(nothingMet.level == 0 && nothingMet.next == 2 && nothingMet.progress == 0)
        // Stage 3 all N/A above two met stages, nothing above: level 2, not 3.
        let capped = Self.level([1: [.fully], 2: [.largely], 3: [.notApplicable], 4: [], 5: [.notApplicable]])
        #expect(capped.level == 2 && capped.next == nil && capped.progress == nil)
        // Every criterion N/A: nothing achieved and nothing to reach.
        let none = Self.level(Dictionary(uniqueKeysWithValues: (1...5).map { ($0, [CriterionAnswer?.some(.notApplicable)]) }))
        #expect(none.level == 0 && none.next == nil && none.answered == 5 && none.criteria == 5)
    }

    @Test func aCellOfTheDefaultFrameworkCountsTheGenericAndTheAreasCriteria() {
        // F07 × E4 has the generic criteria of each stage plus F07.E4.3.a and F07.E4.3.b at stage 3.
        #expect(Self.framework.criteria(area: "F07", enabler: "E4", stage: 3).map(\.code) == ["E4.3.a", "E4.3.b", "F07.E4.3.a", "F07.E4.3.b"])
        var answers: [String: CriterionAnswer] = [:]
        for stage in 1...3 {
            for criterion in Self.framework.criteria(area: "F07", enabler: "E4", stage: stage) { answers[criterion.code] = .fully }
        }
        answers["F07.E4.3.b"] = .partially
        let level = MaturityLevel.compute(framework: Self.framework, area: "F07", enabler: "E4", answers: answers)
        #expect(level.level == 2 && level.next == 3 && level.progress == 0.75)
        // The same answers without the area's own criteria (another area): stage 3 is met.
        let other = MaturityLevel.compute(framework: Self.framework, area: "F02", enabler: "E4", answers: answers)
        #expect(other.level == 2)  // F02 has its own F02.E4.3.a, unanswered
        answers["F02.E4.3.a"] = .largely
        #expect(MaturityLevel.compute(framework: Self.framework, area: "F02", enabler: "E4", answers: answers).level == 3)
        // The grid agrees with the cell rule and covers every area in scope × every enabler.
        let records = answers.map { Self.record("F07", $0.key, $0.value) }.filter { !$0.criterion.hasPrefix("F02") }
        let grid = Self.grid(["F07", "F02"], records)
        #expect(grid.cells.count == 18 && grid.enablers == Self.framework.enablers.map(\.code))
        #expect(grid.level("F07", "E4")?.level == 2 && grid.level("F02", "E4")?.level == 0 && grid.level("F01", "E4") == nil)
    }

    // MARK: The level rule as properties

    static let grids = Gen.int(in: 0...5).array(of: 0...3).array(of: 5...5)

    @Test func theLevelIsTheHighestApplicableStageMetWithEveryStageBelow() async {
        await propertyCheck(input: Self.grids) { drawn in
            let answers = Self.stages(drawn)
            let level = Self.level(answers)
            #expect(level.level == Self.bruteLevel(answers), "\(drawn)")
            let next = ((level.level + 1)..<6).first { stage in (answers[stage] ?? []).contains { $0 != .notApplicable } }
            #expect(level.next == next)
            if let next {
                let applicable = (answers[next] ?? []).filter { $0 != .notApplicable }
                let met = applicable.filter { $0?.meets ?? false }.count
                #expect(level.progress == Double(met) / Double(applicable.count))
                #expect(met < applicable.count)
            } else {
                #expect(level.progress == nil)
            }
        }
    }

    @Test func raisingAnyCriterionsAnswerNeverLowersALevel() async {
        await propertyCheck(input: Self.grids, Gen.int(in: 0...999), Gen.int(in: 1...4)) { drawn, pick, steps in
            var answers = Self.stages(drawn)
            let positions = (1...5).flatMap { stage in
                (answers[stage] ?? []).indices.filter { answers[stage]?[$0] != .notApplicable }.map { (stage, $0) }
            }
            guard !positions.isEmpty else { return }
            let before = Self.level(answers)
            let (stage, index) = positions[pick % positions.count]
            let rung = Self.rungs.firstIndex { $0 == answers[stage]?[index] } ?? 0
            answers[stage]?[index] = Self.rungs[min(Self.rungs.count - 1, rung + steps)]
            #expect(Self.level(answers).level >= before.level, "\(drawn) raising stage \(stage) #\(index)")
        }
    }

    @Test func turningAnUnmetCriterionToNotApplicableNeverLowersALevel() async {
        await propertyCheck(input: Self.grids, Gen.int(in: 0...999)) { drawn, pick in
            var answers = Self.stages(drawn)
            let unmet = (1...5).flatMap { stage in
                (answers[stage] ?? []).indices.filter {
                    let answer = answers[stage]?[$0] ?? nil
                    return answer != .notApplicable && !(answer?.meets ?? false)
                }.map { (stage, $0) }
            }
            guard !unmet.isEmpty else { return }
            let before = Self.level(answers)
            let (stage, index) = unmet[pick % unmet.count]
            answers[stage]?[index] = .notApplicable
            #expect(Self.level(answers).level >= before.level, "\(drawn) stage \(stage) #\(index) to N/A")
        }
    }

    @Test func addingANotApplicableCriterionToAStageNeverChangesTheLevel() async {
        await propertyCheck(input: Self.grids, Gen.int(in: 1...5)) { drawn, stage in
            var answers = Self.stages(drawn)
            let before = Self.level(answers)
            answers[stage, default: []].append(.notApplicable)
            let after = Self.level(answers)
            #expect(after.level == before.level && after.next == before.next && after.progress == before.progress, "\(drawn) stage \(stage)")
        }
    }

    /// Random answers for one area of the default framework: raising any one of them never lowers any cell of the grid.
    @Test func raisingAnAnswerNeverLowersACellOfTheDefaultGrid() async {
        let area = "F07"
        let codes = Self.framework.criteria(area: area).map(\.code)
        await propertyCheck(count: 60, input: Gen.int(in: 0...5).array(of: codes.count), Gen.int(in: 0...999), Gen.int(in: 1...4)) {
            drawn, pick, steps in
            let answers = drawn.map { Self.drawn[$0] }
            func records(_ answers: [CriterionAnswer?]) -> [CriterionRecord] {
                zip(codes, answers).compactMap { code, answer in answer.map { Self.record(area, code, $0) } }
            }
            let raisable = answers.indices.filter { answers[$0] != .notApplicable }
            guard !raisable.isEmpty else { return }
            let before = Self.grid([area], records(answers))
            var raised = answers
            let index = raisable[pick % raisable.count]
            let rung = Self.rungs.firstIndex { $0 == answers[index] } ?? 0
            raised[index] = Self.rungs[min(Self.rungs.count - 1, rung + steps)]
            let after = Self.grid([area], records(raised))
            for (cell, level) in before.cells {
                #expect((after.cells[cell]?.level ?? -1) >= level.level, "\(cell) after raising \(codes[index])")
            }
        }
    }

    // MARK: Priority

    @Test func feasibilityIsTheMeanOfItsThreeJudgements() {
        #expect(Feasibility(cost: .favourable, prerequisites: .moderate, readiness: .unfavourable).value == 6.0 / 9.0)
        #expect(Feasibility(cost: .favourable, prerequisites: .favourable, readiness: .favourable).value == 1)
        #expect(Feasibility(cost: .unfavourable, prerequisites: .unfavourable, readiness: .unfavourable).value == 3.0 / 9.0)
        #expect(Feasibility().value == 6.0 / 9.0)  // moderate by default
    }

    @Test func priorityIsGapTimesRelevanceTimesFeasibility() {
        let feasibility = Feasibility(cost: .favourable, prerequisites: .moderate, readiness: .unfavourable).value
        #expect(Self.close(DevelopmentPriority.priority(gap: 2, relevance: 0.5, feasibility: feasibility), 2 * 0.5 * 6 / 9))
        let row = DevelopmentPriority(
            area: "F07", enabler: "E5", current: 1, target: 3, relevance: 0.5, feasibility: feasibility, scenarios: [], source: .hand)
        #expect(row.gap == 2 && Self.close(row.priority, 2.0 / 3.0))
        // A target at or below the level reached is no gap.
        let reached = DevelopmentPriority(
            area: "F07", enabler: "E5", current: 4, target: 3, relevance: 1, feasibility: 1, scenarios: [], source: .hand)
        #expect(reached.gap == 0 && reached.priority == 0)
        #expect(DevelopmentPriority.priority(gap: -2, relevance: 1, feasibility: 1) == 0)
    }

    @Test func priorityIsMonotoneInTheGap() async {
        await propertyCheck(input: Gen.int(in: 0...5), Gen.int(in: 0...5), Gen.int(in: 0...100), Gen.int(in: 3...9)) { a, b, relevance, points in
            let (low, high) = (min(a, b), max(a, b))
            let r = Double(relevance) / 100
            let f = Double(points) / 9
            #expect(
                DevelopmentPriority.priority(gap: low, relevance: r, feasibility: f)
                    <= DevelopmentPriority.priority(gap: high, relevance: r, feasibility: f))
            // Through the rows: a lower current level is a larger gap and never a lower priority.
            let rows = [low, high].map { current in
                DevelopmentPriority(
                    area: "F01", enabler: "E1", current: current, target: 5, relevance: r, feasibility: f, scenarios: [], source: .hand)
            }
            #expect(rows[0].priority >= rows[1].priority)
        }
    }

    @Test func priorityIsMonotoneInTheRelevance() async {
        await propertyCheck(input: Gen.int(in: 0...5), Gen.int(in: 0...100), Gen.int(in: 0...100), Gen.int(in: 3...9)) { gap, a, b, points in
            let (low, high) = (Double(min(a, b)) / 100, Double(max(a, b)) / 100)
            let f = Double(points) / 9
            #expect(
                DevelopmentPriority.priority(gap: gap, relevance: low, feasibility: f)
                    <= DevelopmentPriority.priority(gap: gap, relevance: high, feasibility: f))
        }
    }

    @Test func priorityIsMonotoneInFeasibility() async {
        let rating = Gen<Feasibility.Rating>.case
        await propertyCheck(input: rating, rating, rating, Gen.int(in: 0...2), Gen.int(in: 0...5), Gen.int(in: 0...100)) {
            cost, prerequisites, readiness, which, gap, relevance in
            let before = Feasibility(cost: cost, prerequisites: prerequisites, readiness: readiness)
            var after = before
            switch which {
            case 0: after.cost = .favourable
            case 1: after.prerequisites = .favourable
            default: after.readiness = .favourable
            }
            #expect(after.value >= before.value)
            let r = Double(relevance) / 100
            #expect(
                DevelopmentPriority.priority(gap: gap, relevance: r, feasibility: before.value)
                    <= DevelopmentPriority.priority(gap: gap, relevance: r, feasibility: after.value))
            // Each judgement moves the value by a ninth per step.
            var lowered = before
            lowered.cost = .unfavourable
            #expect(Self.close(before.value - lowered.value, Double(before.cost.points - 1) / 9))
        }
    }

    @Test func aZeroGapHasZeroPriority() async {
        await propertyCheck(input: Gen.int(in: 1...5), Gen.int(in: 0...5), Gen.int(in: 0...100), Gen.int(in: 3...9)) {
            target, above, relevance, points in
            let row = DevelopmentPriority(
                area: "F01", enabler: "E1", current: min(5, target + above), target: target, relevance: Double(relevance) / 100,
                feasibility: Double(points) / 9, scenarios: [], source: .proposed)
            #expect(row.gap == 0 && row.priority == 0)
        }
    }

    static func target(
        _ area: String, _ enabler: String, _ stage: Int,
        _ feasibility: Feasibility = Feasibility(cost: .favourable, prerequisites: .favourable, readiness: .favourable),
        source: CapabilityTarget.Source = .hand
    ) -> CapabilityTarget {
        CapabilityTarget(
            assessmentID: "c1", area: area, enabler: enabler, stage: stage, source: source, feasibility: feasibility, setBy: "focal", setAt: 1)
    }

    static func risk(_ id: String, _ technologies: [String], _ purposes: [String], inherent: Double, residual: Double) -> RelevantRisk {
        RelevantRisk(id: id, title: "Scenario \(id)", technologies: technologies, purposes: purposes, inherent: inherent, residual: residual)
    }

    @Test func gapsAreRankedByPriorityThenGapThenFrameworkOrder() {
        // F03 × E1 reached stage 1; nothing else is met.
        let grid = Self.grid(["F01", "F02", "F03"], [Self.record("F03", "E1.1.a", .fully), Self.record("F03", "E1.1.b", .largely)])
        let scenarios = (1...7).map { Self.risk("s\($0)", ["T09"], ["P7"], inherent: 20, residual: Double(20 - $0)) }
        let relevance = [
            "F01": AreaRelevance(area: "F01", relevance: 1, scenarios: scenarios),
            "F02": AreaRelevance(area: "F02", relevance: 0.5, scenarios: []),
        ]
        let targets = [
            Self.target("F01", "E3", 1),  // 1 × 1 × 1 = 1, gap 1
            Self.target("F03", "E1", 1),  // reached: 0
            Self.target("F02", "E1", 2),  // 2 × 0.5 × 1 = 1, gap 2
            Self.target("F01", "E4", 3, Feasibility()),  // 3 × 1 × 6/9 = 2
            Self.target("F03", "E2", 2, source: .proposed),  // F03 counters nothing scored: 0, gap 2
            Self.target("F01", "E2", 1),  // 1, gap 1, before E3
            Self.target("F09", "E1", 3),  // an area the assessment does not cover: no row
        ]
        let ranked = DevelopmentPriority.rank(framework: Self.framework, grid: grid, targets: targets, relevance: relevance)
        #expect(ranked.map { "\($0.area)/\($0.enabler)" } == ["F01/E4", "F02/E1", "F01/E2", "F01/E3", "F03/E2", "F03/E1"])
        #expect(ranked.map(\.gap) == [3, 2, 1, 1, 2, 0])
        #expect(Self.close(ranked[0].priority, 2) && ranked[1].priority == 1 && ranked[2].priority == 1 && ranked[3].priority == 1)
        #expect(ranked[4].priority == 0 && ranked[4].relevance == 0 && ranked[4].source == .proposed && ranked[5].current == 1)
        // The scenarios that justify a gap: the area's first five.
        #expect(ranked[0].scenarios.map(\.id) == ["s1", "s2", "s3", "s4", "s5"] && ranked[1].scenarios.isEmpty)
        // Without a register every area counts as fully relevant.
        let unweighted = DevelopmentPriority.rank(framework: Self.framework, grid: grid, targets: targets, relevance: nil)
        #expect(unweighted.allSatisfy { $0.relevance == 1 && $0.scenarios.isEmpty })
        #expect(unweighted.map { "\($0.area)/\($0.enabler)" } == ["F01/E4", "F02/E1", "F03/E2", "F01/E2", "F01/E3", "F03/E1"])
        // Nothing without targets.
        #expect(DevelopmentPriority.rank(framework: Self.framework, grid: grid, targets: [], relevance: relevance).isEmpty)
    }

    @Test func rankedPrioritiesNeverRise() async {
        let areas = ["F01", "F02", "F03"]
        await propertyCheck(input: Gen.int(in: 0...8).array(of: 1...12), Gen.int(in: 1...5).array(of: 12), Gen.int(in: 0...100).array(of: 3)) {
            enablers, stages, relevances in
            let targets = enablers.enumerated().map { index, enabler in
                Self.target(areas[index % 3], "E\(enabler + 1)", stages[index], Feasibility(cost: index % 2 == 0 ? .moderate : .favourable))
            }
            let relevance = Dictionary(
                uniqueKeysWithValues: areas.enumerated().map { ($1, AreaRelevance(area: $1, relevance: Double(relevances[$0]) / 100, scenarios: [])) }
            )
            let ranked = DevelopmentPriority.rank(framework: Self.framework, grid: Self.grid(areas, []), targets: targets, relevance: relevance)
            #expect(ranked.count == targets.count)
            for (a, b) in zip(ranked, ranked.dropFirst()) {
                #expect(a.priority >= b.priority)
                if a.priority == b.priority { #expect(a.gap >= b.gap) }
            }
        }
    }

    // MARK: Relevance

    /// Two areas: F01 counters everything (no scope), F05 virtual assets (T04) or financing (P3).
    static let twoAreas = CapabilityFramework(
        id: "valdoria-test-1", title: "Two areas", note: "",
        areas: [ReferenceItem("F01", "Threat assessment and foresight"), ReferenceItem("F05", "Virtual-asset tracing")],
        enablers: [ReferenceItem("E1", "Legal authority"), ReferenceItem("E5", "Tools")],
        stages: (1...5).map { ReferenceItem(String($0), "Stage \($0)") },
        scope: ["F05": .init(technologies: ["T04"], purposes: ["P3"])], readiness: [ReferenceItem("skills", "Skills")],
        criteria: ["E1", "E5"].flatMap { enabler in
            (1...5).map { CapabilityFramework.Criterion(code: "\(enabler).\($0).a", enabler: enabler, stage: $0, text: "Criterion.") }
        })

    @Test func relevanceIsTheHighestResidualCounteredOverTheHighestInherent() throws {
        #expect(Self.twoAreas.problems().isEmpty)
        let risks = [
            Self.risk("r1", ["T09"], ["P7"], inherent: 20, residual: 12),  // neither T04 nor P3
            Self.risk("r2", ["T04"], ["P6"], inherent: 10, residual: 8),  // shares T04
            Self.risk("r3", ["T02"], ["P3"], inherent: 15, residual: 6),  // shares P3
        ]
        let relevance = AreaRelevance.compute(framework: Self.twoAreas, risks: risks)
        #expect(relevance.keys.sorted() == ["F01", "F05"])
        let all = try #require(relevance["F01"])
        #expect(all.relevance == 12.0 / 20.0 && all.scenarios.map(\.id) == ["r1", "r2", "r3"] && all.proposedStage == 3)
        let assets = try #require(relevance["F05"])
        #expect(assets.relevance == 8.0 / 20.0 && assets.scenarios.map(\.id) == ["r2", "r3"] && assets.proposedStage == 2)
    }

    @Test func anEmptyScopeCountersEveryScenario() {
        #expect(CapabilityFramework.AreaScope().counters(technologies: ["T17"], purposes: ["P10"]))
        #expect(CapabilityFramework.AreaScope().counters(technologies: [], purposes: []))
        #expect(Self.twoAreas.scope(of: "F01") == CapabilityFramework.AreaScope())
        let assets = CapabilityFramework.AreaScope(technologies: ["T04"], purposes: ["P3"])
        #expect(assets.counters(technologies: ["T01", "T04"], purposes: []) && assets.counters(technologies: [], purposes: ["P3"]))
        #expect(!assets.counters(technologies: ["T09"], purposes: ["P7"]) && !assets.counters(technologies: [], purposes: []))
        // Only purposes: a scenario needs one of them.
        let purposes = CapabilityFramework.AreaScope(purposes: ["P3"])
        #expect(purposes.counters(technologies: ["T04"], purposes: ["P3"]) && !purposes.counters(technologies: ["T04"], purposes: ["P1"]))
    }

    @Test func withoutRisksNoAreaIsRelevantAndNothingIsProposed() {
        let relevance = AreaRelevance.compute(framework: Self.twoAreas, risks: [])
        #expect(relevance.values.allSatisfy { $0.relevance == 0 && $0.proposedStage == nil && $0.scenarios.isEmpty })
        #expect(relevance.count == 2)
        // Risks the area does not counter leave it irrelevant too; unscored risks make every area irrelevant.
        let unrelated = AreaRelevance.compute(framework: Self.twoAreas, risks: [Self.risk("r1", ["T09"], ["P7"], inherent: 20, residual: 20)])
        #expect(unrelated["F05"]?.relevance == 0 && unrelated["F05"]?.proposedStage == nil && unrelated["F01"]?.proposedStage == 4)
        let unscored = AreaRelevance.compute(framework: Self.twoAreas, risks: [Self.risk("r1", ["T04"], ["P3"], inherent: 0, residual: 0)])
        #expect(unscored.values.allSatisfy { $0.relevance == 0 && $0.proposedStage == nil })
    }

    /// ⌈4 × relevance⌉: stage 5 (Dynamic) is set by hand, never proposed.
    @Test func theProposedStageIsTheRelevanceOnFourStagesRoundedUp() async {
        let cases: [(Double, Int?)] = [(0, nil), (0.01, 1), (0.25, 1), (0.26, 2), (0.5, 2), (0.6, 3), (0.75, 3), (0.76, 4), (0.99, 4), (1, 4)]
        for (relevance, stage) in cases {
            #expect(AreaRelevance(area: "F01", relevance: relevance, scenarios: []).proposedStage == stage, "\(relevance)")
        }
        await propertyCheck(input: Gen.int(in: 0...1000), Gen.int(in: 0...1000)) { a, b in
            let low = AreaRelevance(area: "F01", relevance: Double(min(a, b)) / 1000, scenarios: []).proposedStage ?? 0
            let high = AreaRelevance(area: "F01", relevance: Double(max(a, b)) / 1000, scenarios: []).proposedStage ?? 0
            #expect(low <= high && (1...4).contains(high) == (max(a, b) > 0))
        }
    }

    static let assessment = CapabilityAssessment(
        id: "c1", stateID: "vld", kind: .selfAssessed, title: "Valdoria police 2026", frameworkVersion: CapabilityFramework.defaultID,
        areas: ["F01", "F05"], conductedOn: CalendarDate("2026-03-01")!, createdBy: "focal", createdAt: 1)

    @Test func proposalsGiveEveryEnablerTheAreasStageButNeverBelowItsLevel() {
        // F01 × E1 reached stage 5; F05 is not relevant.
        let records = (1...5).flatMap { stage in ["a", "b"].map { Self.record("F01", "E1.\(stage).\($0)", .fully) } }
        let grid = Self.grid(Self.assessment.areas, records)
        #expect(grid.level("F01", "E1")?.level == 5)
        let relevance = [
            "F01": AreaRelevance(area: "F01", relevance: 0.3, scenarios: []), "F05": AreaRelevance(area: "F05", relevance: 0, scenarios: []),
        ]
        let kept = Feasibility(cost: .unfavourable, prerequisites: .favourable, readiness: .moderate)
        let proposals = DevelopmentPlanning.proposals(
            framework: Self.framework, assessment: Self.assessment, grid: grid, relevance: relevance,
            existing: [Self.target("F01", "E3", 4, kept)], by: "focal", at: 9)
        #expect(proposals.count == 9 && proposals.allSatisfy { $0.area == "F01" && $0.source == .proposed && $0.setBy == "focal" && $0.setAt == 9 })
        #expect(proposals.map(\.stage) == [5, 2, 2, 2, 2, 2, 2, 2, 2])
        #expect(proposals.first { $0.enabler == "E3" }?.feasibility == kept && proposals.first { $0.enabler == "E2" }?.feasibility == Feasibility())
    }

    @Test func proposalsNeverFallBelowTheCurrentLevel() async {
        let codes = Self.framework.criteria(area: "F05").map(\.code)
        await propertyCheck(count: 60, input: Gen.int(in: 0...5).array(of: codes.count), Gen.int(in: 0...100)) { drawn, relevance in
            let records = zip(codes, drawn).compactMap { code, n in Self.drawn[n].map { Self.record("F05", code, $0) } }
            let grid = Self.grid(Self.assessment.areas, records)
            let area = AreaRelevance(area: "F05", relevance: Double(relevance) / 100, scenarios: [])
            let proposals = DevelopmentPlanning.proposals(
                framework: Self.framework, assessment: Self.assessment, grid: grid, relevance: ["F05": area], existing: [], by: "focal", at: 1)
            #expect(proposals.count == (area.proposedStage == nil ? 0 : 9))
            for proposal in proposals {
                let level = grid.level("F05", proposal.enabler)?.level ?? 0
                #expect(proposal.stage >= level && proposal.stage == max(level, area.proposedStage ?? 0))
            }
        }
    }

    // MARK: The roadmap graph

    static func node(_ id: String, _ prerequisites: [String] = [], days: Int = 10, key: String? = nil) -> RoadmapGraph.Node {
        RoadmapGraph.Node(id: id, prerequisites: prerequisites, durationDays: days, sortKey: key ?? id)
    }

    @Test func theOrderPutsPrerequisitesFirstAndReadyItemsBySortKey() {
        let graph = RoadmapGraph(nodes: [
            Self.node("law", key: "2"), Self.node("lab", ["law", "budget"], key: "1"), Self.node("budget", key: "3"),
            Self.node("training", ["lab", "nowhere"], key: "0"), Self.node("pilot", key: "1"),
        ])
        guard case .ordered(let order, _, _) = graph.outcome() else {
            Issue.record("an acyclic roadmap has an order")
            return
        }
        #expect(order == ["pilot", "law", "budget", "lab", "training"])
        #expect(RoadmapGraph(nodes: []).outcome() == .ordered(order: [], criticalPath: [], criticalDays: 0))
    }

    @Test func itemsReadyTogetherGoByHorizonThenStartThenTitle() {
        func item(_ id: String, _ title: String, _ horizon: RoadmapItem.Horizon, start: String? = nil) -> RoadmapItem {
            RoadmapItem(
                id: id, stateID: "vld", kind: .development, title: title, horizon: horizon,
                timeframe: start.map { Timeframe(start: CalendarDate($0)!, end: CalendarDate("2030-12-31")!) }, createdBy: "focal", createdAt: 1)
        }
        let items = [
            item("a", "Analytics unit", .long), item("b", "Budget line", .short, start: "2027-01-01"), item("c", "Crypto desk", .short),
            item("d", "Drone team", .short, start: "2026-06-01"), item("e", "E-evidence desk", .medium),
        ]
        guard case .ordered(let order, _, _) = RoadmapGraph(items: items).outcome() else {
            Issue.record("an acyclic roadmap has an order")
            return
        }
        #expect(order == ["d", "b", "c", "e", "a"])
        // Durations: the dates inclusive, or the horizon's default.
        #expect(items[2].durationDays == 182 && items[4].durationDays == 730 && items[0].durationDays == 1461)
        #expect(item("x", "x", .short, start: "2030-12-01").durationDays == 31)
    }

    @Test func theCriticalPathIsTheLongestChainByDuration() {
        // A diamond: the slow branch decides, not the one with more items.
        let graph = RoadmapGraph(nodes: [
            Self.node("start", days: 10), Self.node("fast", ["start"], days: 5), Self.node("faster", ["fast"], days: 5),
            Self.node("slow", ["start"], days: 30), Self.node("end", ["faster", "slow"], days: 3), Self.node("aside", days: 40),
        ])
        guard case .ordered(_, let path, let days) = graph.outcome() else {
            Issue.record("an acyclic roadmap has a critical path")
            return
        }
        #expect(path == ["start", "slow", "end"] && days == 43)
        // A lone long item is a critical path of its own.
        guard
            case .ordered(_, let alone, let aloneDays) = RoadmapGraph(nodes: [
                Self.node("a", days: 5), Self.node("b", ["a"], days: 5), Self.node("c", days: 11),
            ]).outcome()
        else {
            Issue.record("an acyclic roadmap has a critical path")
            return
        }
        #expect(alone == ["c"] && aloneDays == 11)
    }

    @Test func everyCycleIsReportedWithItsMembers() {
        let triangle = RoadmapGraph(nodes: [Self.node("A", ["C"]), Self.node("B", ["A"]), Self.node("C", ["B"]), Self.node("D", ["A"])])
        #expect(triangle.outcome() == .cycles([["A", "B", "C"]]))
        #expect(RoadmapGraph(nodes: [Self.node("X", ["X"]), Self.node("Y", ["X"])]).outcome() == .cycles([["X"]]))
        let two = RoadmapGraph(nodes: [
            Self.node("A", ["B"]), Self.node("B", ["A"]), Self.node("E"), Self.node("C", ["D", "E"]), Self.node("D", ["C"]),
        ])
        #expect(two.outcome() == .cycles([["A", "B"], ["C", "D"]]))
    }

    /// A random acyclic roadmap: each item may require earlier ones (and, now and then, an id that names nothing), then
    /// the items are shuffled.
    static func randomDAG(seed: Int, maxNodes: Int) -> [RoadmapGraph.Node] {
        var g = SplitMix64(seed: UInt64(seed))
        let count = 1 + Int(g.next() % UInt64(maxNodes))
        var nodes: [RoadmapGraph.Node] = []
        for i in 0..<count {
            var prerequisites = (0..<i).filter { _ in g.next() % 3 == 0 }.map { "n\($0)" }
            if g.next() % 10 == 0 { prerequisites.append("ghost") }
            if let first = prerequisites.first, g.next() % 10 == 0 { prerequisites.append(first) }
            nodes.append(
                RoadmapGraph.Node(
                    id: "n\(i)", prerequisites: prerequisites.shuffled(using: &g), durationDays: 1 + Int(g.next() % 60), sortKey: "k\(g.next() % 3)"))
        }
        nodes.shuffle(using: &g)
        return nodes
    }

    @Test func theOrderRespectsEveryPrerequisite() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...1_000_000)) { seed in
            let nodes = Self.randomDAG(seed: seed, maxNodes: 14)
            guard case .ordered(let order, _, _) = RoadmapGraph(nodes: nodes).outcome() else {
                Issue.record("seed \(seed): an acyclic roadmap has an order")
                return
            }
            #expect(order.sorted() == nodes.map(\.id).sorted())
            let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            for node in nodes {
                for prerequisite in node.prerequisites where prerequisite != "ghost" {
                    #expect((position[prerequisite] ?? .max) < (position[node.id] ?? .min), "seed \(seed): \(prerequisite) before \(node.id)")
                }
            }
        }
    }

    /// The longest chain by duration, trying every chain.
    static func bruteLongest(_ nodes: [RoadmapGraph.Node]) -> Int {
        let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0) })
        func longestEndingAt(_ id: String) -> Int {
            guard let node = byID[id] else { return 0 }
            var best = 0
            for prerequisite in Set(node.prerequisites) where byID[prerequisite] != nil { best = max(best, longestEndingAt(prerequisite)) }
            return best + node.durationDays
        }
        return nodes.map { longestEndingAt($0.id) }.max() ?? 0
    }

    @Test func theCriticalPathIsTheLongestPathByDuration() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...1_000_000)) { seed in
            let nodes = Self.randomDAG(seed: seed, maxNodes: 9)
            guard case .ordered(_, let path, let days) = RoadmapGraph(nodes: nodes).outcome() else {
                Issue.record("seed \(seed): an acyclic roadmap has a critical path")
                return
            }
            let byID = Dictionary(uniqueKeysWithValues: nodes.map { ($0.id, $0) })
            #expect(days == Self.bruteLongest(nodes), "seed \(seed)")
            #expect(path.compactMap { byID[$0]?.durationDays }.reduce(0, +) == days, "seed \(seed): \(path)")
            for (earlier, later) in zip(path, path.dropFirst()) {
                #expect(byID[later]?.prerequisites.contains(earlier) == true, "seed \(seed): \(later) requires \(earlier)")
            }
            // With positive durations the longest chain starts at an item that requires nothing.
            let starts = path.first.flatMap { first in byID[first]?.prerequisites.allSatisfy { byID[$0] == nil } }
            #expect(starts == true, "seed \(seed)")
        }
    }

    @Test func aBackEdgeOnAChainIsReportedAsACycleWithBothEnds() async {
        await propertyCheck(count: 200, input: Gen.int(in: 2...10), Gen.int(in: 0...99), Gen.int(in: 0...99), Gen.int(in: 1...1_000_000)) {
            length, a, b, seed in
            var g = SplitMix64(seed: UInt64(seed))
            let (from, to) = (min(a, b) % length, max(a, b) % length)
            let (low, high) = (min(from, to), max(from, to))
            // c(k) requires c(k−1); the back edge: c(low) requires c(high).
            var nodes = (0..<length).map { k in
                Self.node("c\(k)", k == 0 ? [] : ["c\(k - 1)"], days: 1 + Int(g.next() % 30))
            }
            nodes[low].prerequisites.append("c\(high)")
            nodes.shuffle(using: &g)
            guard case .cycles(let cycles) = RoadmapGraph(nodes: nodes).outcome() else {
                Issue.record("length \(length): c\(low) requiring c\(high) closes a cycle")
                return
            }
            #expect(cycles.count == 1)
            #expect(Set(cycles.first ?? []) == Set((low...high).map { "c\($0)" }), "length \(length), c\(low) requires c\(high): \(cycles)")
            #expect(cycles.first?.contains("c\(low)") == true && cycles.first?.contains("c\(high)") == true)
        }
    }

    static func item(
        _ id: String, _ title: String, kind: RoadmapItem.Kind = .development, status: RoadmapItem.Status = .underReview, requires: [String] = [],
        version: Int = 1, createdBy: String = "planner", updatedBy: String? = nil
    ) -> RoadmapItem {
        RoadmapItem(
            id: id, stateID: "vld", kind: kind, title: title, technology: kind == .adoption ? "T08" : nil, horizon: .medium, status: status,
            prerequisites: requires, version: version, createdBy: createdBy, updatedBy: updatedBy, createdAt: 1)
    }

    @Test func checkPrerequisitesNamesTheCycleByTitleAndRefusesUnknownItems() {
        let items = [
            Self.item("i1", "Forensics law", requires: ["i3"]), Self.item("i2", "Forensics lab", requires: ["i1"]),
            Self.item("i3", "Lab staff", requires: ["i2"]), Self.item("i4", "Unrelated"),
        ]
        #expect(throws: CapabilityRuleViolation.cycle(members: ["Forensics law", "Forensics lab", "Lab staff"])) {
            try CapabilityRuleViolation.checkPrerequisites(of: items[0], in: items)
        }
        let ghost = Self.item("i5", "Ghost", requires: ["i-of-another-state"])
        #expect(throws: CapabilityRuleViolation.unknownPrerequisite("i-of-another-state")) {
            try CapabilityRuleViolation.checkPrerequisites(of: ghost, in: [items[3], ghost])
        }
        #expect(throws: Never.self) {
            try CapabilityRuleViolation.checkPrerequisites(of: items[1], in: [Self.item("i1", "Forensics law"), items[1], items[3]])
        }
        #expect(
            CapabilityRuleViolation.cycle(members: ["A", "B"]).explanation == Message("errors.rule.roadmap.cycle", ["members": "A → B"]))
    }

    // MARK: The review gate of an adoption

    static func review(_ code: String, _ status: CheckStatus = .met, version: Int = 1, at: Int64 = 1) -> CheckReview {
        CheckReview(
            responseID: "i1", kind: code.hasPrefix("H") ? .humanRights : .gender, code: code, status: status, reasoning: "Checked the plan.",
            genderMarker: code == "G08" ? 2 : nil, reviewerID: "reviewer", reviewerLabel: "reviewer@valdoria.example", responseVersion: version,
            reviewedAt: at)
    }

    static func transition(
        _ item: RoadmapItem, to target: RoadmapItem.Status = .approved, reviews: [CheckReview], method: MethodVersion = .ctTechDefault
    ) -> CapabilityRuleViolation? {
        let checklists = ReviewChecklist.roadmap(item, method: method, framework: Self.framework, reviews: reviews)
        do throws(CapabilityRuleViolation) {
            try CapabilityRuleViolation.checkTransition(item, to: target, checklists: checklists)
            return nil
        } catch { return error }
    }

    @Test func anAdoptionIsApprovedOnlyOnceItsAdoptionChecksAreMetForThisVersion() {
        var method = MethodVersion.ctTechDefault
        method.mandatoryChecks = []
        let adoption = Self.item("i1", "Deepfake detection", kind: .adoption)
        #expect(Self.transition(adoption, reviews: [], method: method) == .adoptionNotReviewed(checks: ["H06", "H09", "H12", "H13"]))
        let three = ["H06", "H09", "H12"].map { Self.review($0) }
        #expect(Self.transition(adoption, reviews: three, method: method) == .adoptionNotReviewed(checks: ["H13"]))
        #expect(Self.transition(adoption, reviews: three + [Self.review("H13", .notMet)], method: method) == .adoptionNotReviewed(checks: ["H13"]))
        #expect(Self.transition(adoption, reviews: three + [Self.review("H13", .partlyMet)], method: method) == nil)
        // Reviews of an older version do not count.
        let revised = Self.item("i1", "Deepfake detection", kind: .adoption, version: 2)
        #expect(
            Self.transition(revised, reviews: three + [Self.review("H13")], method: method)
                == .adoptionNotReviewed(checks: ["H06", "H09", "H12", "H13"]))
        // With the default method its mandatory checks block too, in checklist order.
        let mandatory = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "H12", "H13", "G03", "G08", "G09"]
        #expect(Self.transition(adoption, reviews: []) == .adoptionNotReviewed(checks: mandatory))
        let allButVendor = mandatory.filter { $0 != "H12" }.map { Self.review($0) }
        #expect(Self.transition(adoption, reviews: allButVendor) == .adoptionNotReviewed(checks: ["H12"]))
        #expect(Self.transition(adoption, reviews: allButVendor + [Self.review("H12")]) == nil)
        #expect(
            CapabilityRuleViolation.adoptionNotReviewed(checks: ["H12", "H13"]).explanation
                == Message("errors.rule.roadmap.adoption-not-reviewed", count: 2, ["checks": "H12, H13"]))
    }

    @Test func aDevelopmentItemIsApprovedWithoutReviews() {
        #expect(Self.transition(Self.item("i1", "Forensics lab"), reviews: []) == nil)
        #expect(Self.transition(Self.item("i1", "Forensics lab", status: .proposed), reviews: []) == nil)
        // Its checklists carry the method's mandatory checks, but not the adoption checks.
        let lists = ReviewChecklist.roadmap(Self.item("i1", "Forensics lab"), method: .ctTechDefault, framework: Self.framework, reviews: [])
        #expect(lists.flatMap(\.blocking).contains("H01") && !lists.flatMap(\.blocking).contains("H12"))
    }

    @Test func aMoveIsAllowedExactlyWhenTheStatusListsIt() async {
        #expect(RoadmapItem.Status.proposed.next == [.underReview, .approved, .dropped])
        #expect(RoadmapItem.Status.underReview.next == [.approved, .proposed, .dropped])
        #expect(RoadmapItem.Status.approved.next == [.inProgress, .dropped])
        #expect(RoadmapItem.Status.inProgress.next == [.done, .dropped])
        #expect(RoadmapItem.Status.done.next.isEmpty && RoadmapItem.Status.dropped.next.isEmpty)
        #expect(RoadmapItem.Status.allCases.filter(\.isEditable) == [.proposed, .underReview, .approved])
        await propertyCheck(input: Gen<RoadmapItem.Status>.case, Gen<RoadmapItem.Status>.case) { from, to in
            let failure = Self.transition(Self.item("i1", "Forensics lab", status: from), to: to, reviews: [])
            if from.next.contains(to) {
                #expect(failure == nil)
            } else {
                #expect(failure == .statusTransition(from: from, to: to))
            }
        }
    }

    @Test func checkReviewRefusesTheAuthorsOtherVersionsAndClosedItems() {
        let item = Self.item("i1", "Deepfake detection", kind: .adoption, version: 2, createdBy: "planner", updatedBy: "editor")
        #expect(throws: CapabilityRuleViolation.selfReview) { try CapabilityRuleViolation.checkReview(of: item, by: "planner", version: 2) }
        #expect(throws: CapabilityRuleViolation.selfReview) { try CapabilityRuleViolation.checkReview(of: item, by: "editor", version: 2) }
        #expect(throws: CapabilityRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 2)) {
            try CapabilityRuleViolation.checkReview(of: item, by: "reviewer", version: 1)
        }
        #expect(throws: CapabilityRuleViolation.notReviewable(.inProgress)) {
            try CapabilityRuleViolation.checkReview(of: Self.item("i1", "x", status: .inProgress), by: "reviewer", version: 1)
        }
        #expect(throws: Never.self) { try CapabilityRuleViolation.checkReview(of: item, by: "reviewer", version: 2) }
        for status in RoadmapItem.Status.allCases {
            if status.isEditable {
                #expect(throws: Never.self) { try CapabilityRuleViolation.checkEditable(Self.item("i1", "x", status: status)) }
            } else {
                #expect(throws: CapabilityRuleViolation.contentLocked(status)) {
                    try CapabilityRuleViolation.checkEditable(Self.item("i1", "x", status: status))
                }
            }
        }
    }

    // MARK: Drafts

    @Test func answersAreKeptWithTheirConfidenceNoteAndEvidence() throws {
        let records = try AnswersDraft(fields: [
            "answer.E1.1.a": "fully", "confidence.E1.1.a": "high", "note.E1.1.a": " Legal opinion of 2025. ", "evidence.E1.1.a.ev1": "on",
            "evidence.E1.1.a.ev2": "", "answer.E1.1.b": "not-applicable", "answer.E1.2.a": "", "note.E1.2.a": "Not yet assessed.",
            "answer.F07.E4.3.a": "partially", "version": "4",
        ]).validated(framework: Self.framework, area: "F07", assessmentID: "c1", evidenceIDs: ["ev1", "ev2"], by: "assessor", at: 7)
        #expect(records.map(\.criterion) == ["E1.1.a", "E1.1.b", "F07.E4.3.a"])
        #expect(records.map(\.answer) == [.fully, .notApplicable, .partially])
        #expect(records[0].confidence == .high && records[0].note == "Legal opinion of 2025." && records[0].evidenceIDs == ["ev1"])
        #expect(records[1].confidence == .moderate && records[1].evidenceIDs.isEmpty)
        #expect(records.allSatisfy { $0.area == "F07" && $0.assessmentID == "c1" && $0.answeredBy == "assessor" && $0.answeredAt == 7 })
        #expect(AnswersDraft(fields: ["version": " 4 "]).version == 4 && AnswersDraft(fields: [:]).version == nil)
        let typed = try AnswersDraft(answers: [("E1.1.a", "largely", "low", "Typed.", ["ev2"])], version: 3)
            .validated(framework: Self.framework, area: "F07", assessmentID: "c1", evidenceIDs: ["ev2"], by: "api", at: 1)
        #expect(typed.map(\.answer) == [.largely] && typed[0].confidence == .low && typed[0].evidenceIDs == ["ev2"])
    }

    @Test func answersForCriteriaOfAnotherFrameworkOrAreaAreRefusedByCode() {
        let failure = #expect(throws: ValidationFailure.self) {
            try AnswersDraft(fields: ["answer.E1.1.a": "fully", "answer.X9.9.z": "fully", "note.F02.E1.2.a": "Another area's."])
                .validated(framework: Self.framework, area: "F07", assessmentID: "c1", evidenceIDs: [], by: "assessor", at: 1)
        }
        #expect(
            failure?.issues == [
                FieldIssue(field: "answers", Message("validation.capability.criteria-unknown", count: 2, ["codes": "F02.E1.2.a, X9.9.z"]))
            ])
        // The rule inside the write refuses them too, and answers for an area the assessment does not cover.
        let assessment = Self.assessment
        #expect(throws: CapabilityRuleViolation.criteriaOfOtherFramework(codes: ["F07.E4.3.a", "X9.9.z"])) {
            try CapabilityRuleViolation.checkAnswers(
                [Self.record("F01", "X9.9.z", .fully), Self.record("F01", "F07.E4.3.a", .fully), Self.record("F01", "E1.1.a", .fully)],
                assessment: assessment, framework: Self.framework, evidenceIDs: [])
        }
        #expect(throws: CapabilityRuleViolation.areaNotAssessed("F07")) {
            try CapabilityRuleViolation.checkAnswers(
                [Self.record("F07", "E1.1.a", .fully)], assessment: assessment, framework: Self.framework, evidenceIDs: [])
        }
    }

    @Test func evidenceOfAnotherAssessmentIsRefused() {
        let failure = #expect(throws: ValidationFailure.self) {
            try AnswersDraft(fields: ["answer.E1.1.a": "fully", "evidence.E1.1.a.ev1": "on", "evidence.E1.1.a.ev-foreign": "on"])
                .validated(framework: Self.framework, area: "F01", assessmentID: "c1", evidenceIDs: ["ev1"], by: "assessor", at: 1)
        }
        #expect(failure?.issues == [FieldIssue(field: "evidence.E1.1.a", "validation.capability.evidence-unknown")])
        #expect(throws: CapabilityRuleViolation.foreignEvidence(ids: ["ev-foreign"])) {
            try CapabilityRuleViolation.checkAnswers(
                [Self.record("F01", "E1.1.a", .fully, evidence: ["ev1", "ev-foreign"])], assessment: Self.assessment, framework: Self.framework,
                evidenceIDs: ["ev1"])
        }
        #expect(throws: Never.self) {
            try CapabilityRuleViolation.checkAnswers(
                [Self.record("F01", "E1.1.a", .fully, evidence: ["ev1"]), Self.record("F05", "F05.E1.2.a", .largely)], assessment: Self.assessment,
                framework: Self.framework, evidenceIDs: ["ev1"])
        }
    }

    @Test func badAnswersAndConfidencesNameTheirField() {
        let failure = #expect(throws: ValidationFailure.self) {
            try AnswersDraft(fields: [
                "answer.E1.1.a": "mostly", "answer.E1.1.b": "fully", "confidence.E1.1.b": "certain", "answer.E1.2.a": "fully",
                "note.E1.2.a": String(repeating: "n", count: 1_001),
            ]).validated(framework: Self.framework, area: "F01", assessmentID: "c1", evidenceIDs: [], by: "assessor", at: 1)
        }
        #expect(failure?.issues.map(\.field) == ["answer.E1.1.a", "confidence.E1.1.b", "note.E1.2.a"])
        #expect(failure?.issues.map(\.key).prefix(2) == ["validation.one-of", "validation.one-of"])
    }

    @Test func targetsAreCheckedAgainstTheLevelReached() throws {
        // F01 × E1 reached stage 2.
        let grid = Self.grid(["F01"], ["E1.1.a", "E1.1.b", "E1.2.a", "E1.2.b"].map { Self.record("F01", $0, .fully) })
        func validated(_ fields: [String: String]) throws(ValidationFailure) -> [CapabilityTarget] {
            try TargetsDraft(fields: fields).validated(framework: Self.framework, area: "F01", assessmentID: "c1", grid: grid, by: "focal", at: 3)
        }
        let targets = try validated(["target.E1": "2", "target.E5": " 4 ", "target.E9": "", "cost": "favourable", "readiness": "unfavourable"])
        #expect(targets.map(\.enabler) == ["E1", "E5"] && targets.map(\.stage) == [2, 4])
        #expect(
            targets.allSatisfy {
                $0.source == .hand && $0.feasibility == Feasibility(cost: .favourable, prerequisites: .moderate, readiness: .unfavourable)
            })
        let below = #expect(throws: ValidationFailure.self) { try validated(["target.E1": "1", "target.E5": "3"]) }
        #expect(below?.issues == [FieldIssue(field: "target.E1", "validation.capability.target-below-level", ["level": "2"])])
        let bad = #expect(throws: ValidationFailure.self) { try validated(["target.E2": "6", "target.E99": "3", "cost": "cheap"]) }
        #expect(bad?.issues.map(\.field).sorted() == ["cost", "target.E2", "targets"])
        #expect(bad?.issues.first { $0.field == "target.E2" }?.key == "validation.capability.stage")
        #expect(bad?.issues.first { $0.field == "targets" }?.key == "validation.capability.enabler-unknown")
        // Inside the write the same rule holds on the stored answers.
        #expect(throws: CapabilityRuleViolation.targetBelowLevel(area: "F01", enabler: "E1", target: 1, level: 2)) {
            try CapabilityRuleViolation.checkTargets([Self.target("F01", "E1", 1)], grid: grid)
        }
        #expect(throws: Never.self) {
            try CapabilityRuleViolation.checkTargets([Self.target("F01", "E1", 2), Self.target("F01", "E2", 1)], grid: grid)
        }
    }

    static let itemContext = RoadmapItemDraft.Context(
        framework: CapabilityRulesTests.framework, technologies: Set(MethodVersion.ctTechDefault.items(.technologies).map(\.code)),
        agencyIDs: ["police"], itemIDs: ["i1", "i2"])

    static let goodItem: [String: String] = [
        "kind": "development", "title": " Digital forensics laboratory ", "description": "Accredited lab for seized devices.", "area": "F03",
        "enabler": "E5", "toStage": "3", "horizon": "medium", "start": "2026-01-01", "end": "2026-12-31", "ownerAgency": "police",
        "costLow": "100000", "costHigh": "250000", "currency": "eur", "funding": "donor", "prerequisite.i1": "on", "prerequisite.i2": "",
        "milestone.2.title": "Accreditation", "milestone.2.due": "2026-11-30", "milestone.1.title": "Lab equipped", "milestone.1.due": "2026-06-30",
        "milestone.1.done": "on", "readiness.skills": "ready",
    ]

    func validatedItem(_ changes: [String: String]) throws(ValidationFailure) -> RoadmapItemDraft.Content {
        try RoadmapItemDraft(fields: Self.goodItem.merging(changes) { $1 }).validated(in: Self.itemContext)
    }

    @Test func anItemDraftKeepsEveryInput() throws {
        let content = try validatedItem([:])
        #expect(content.kind == .development && content.title == "Digital forensics laboratory" && content.area == "F03" && content.enabler == "E5")
        #expect(content.toStage == 3 && content.horizon == .medium && content.ownerAgencyID == "police" && content.funding == .donor)
        #expect(content.timeframe == Timeframe(start: CalendarDate("2026-01-01")!, end: CalendarDate("2026-12-31")!))
        #expect(content.cost == CostRange(low: 100_000, high: 250_000, currency: "EUR") && content.prerequisites == ["i1"])
        #expect(
            content.milestones == [
                Milestone(title: "Lab equipped", due: CalendarDate("2026-06-30")!, done: true),
                Milestone(title: "Accreditation", due: CalendarDate("2026-11-30")!),
            ])
        #expect(content.readiness.isEmpty && content.technology == nil)  // readiness belongs to adoptions
        let adoption = try validatedItem(["kind": "adoption", "technology": "T08", "area": "", "enabler": "", "toStage": ""])
        #expect(adoption.kind == .adoption && adoption.technology == "T08" && adoption.readiness == ["skills": .ready] && adoption.area == nil)
        // The form's fields of a stored item give the same content back.
        var item = Self.item("i3", "x")
        item.apply(content)
        #expect(try RoadmapItemDraft(item: item).validated(in: Self.itemContext) == content)
    }

    static let itemCases: [([String: String], String, String)] = [
        (["prerequisite.i9": "on"], "prerequisites", "validation.capability.prerequisite-unknown"),
        (["kind": "adoption", "technology": ""], "technology", "validation.capability.technology-required"),
        (["kind": "adoption", "technology": "T42"], "technology", "validation.capability.technology-unknown"),
        (["start": "2026-02-30"], "start", "validation.date"),
        (["end": "2025-12-31"], "end", "validation.policy.end-before-start"),
        (["milestone.1.due": "2026-13-01"], "milestone.1.due", "validation.date"),
        (["milestone.1.title": ""], "milestone.1.title", "validation.required"),
        (["milestone.7.title": "One too many"], "milestones", "validation.capability.too-many-milestones"),
        (["toStage": "6"], "toStage", "validation.capability.stage"),
        (["area": "F13"], "area", "validation.capability.area-unknown"),
        (["enabler": "E10"], "enabler", "validation.capability.enabler-unknown"),
        (["horizon": "someday"], "horizon", "validation.one-of"),
        (["kind": "purchase"], "kind", "validation.one-of"),
        (["ownerAgency": "army"], "ownerAgency", "validation.policy.agency-unknown"),
        (["funding": "lottery"], "funding", "validation.one-of"),
        (["kind": "adoption", "technology": "T08", "readiness.skills": "eager"], "readiness.skills", "validation.one-of"),
        (["kind": "adoption", "technology": "T08", "readiness.charisma": "ready"], "readiness.charisma", "validation.one-of"),
        (["title": ""], "title", "validation.required"),
    ]

    @Test(arguments: CapabilityRulesTests.itemCases)
    func anItemDraftNamesTheFieldAndTheProblem(changes: [String: String], field: String, key: String) {
        let failure = #expect(throws: ValidationFailure.self) { try validatedItem(changes) }
        #expect(failure?.issues == [failure?.issues.first { $0.field == field && $0.key == key }].compactMap { $0 }, "\(failure?.issues ?? [])")
    }

    static let assessmentContext = CapabilityAssessmentDraft.Context(
        areas: CapabilityRulesTests.framework.areas.map(\.code), agencies: ["police": "National Police"], selfAssessments: ["self1"],
        assessments: ["self1", "val1"], threatAssessments: ["ta1"])

    func openAssessment(_ kind: CapabilityAssessment.Kind, _ fields: [String: String]) throws(ValidationFailure) -> CapabilityAssessmentDraft.Content
    {
        try CapabilityAssessmentDraft(fields: fields).validated(kind: kind, in: Self.assessmentContext)
    }

    @Test func anAssessmentDraftKeepsItsAreasInFrameworkOrderAndItsLinks() throws {
        let content = try openAssessment(
            .selfAssessed,
            [
                "title": "Valdoria police 2026", "agency": "police", "conductedOn": "2026-03-01", "area.F03": "yes", "area.F01": "on", "area.F02": "",
                "baseline": "self1", "registerAssessment": "ta1",
            ])
        #expect(content.title == "Valdoria police 2026" && content.agencyID == "police" && content.agencyName == "National Police")
        #expect(content.areas == ["F01", "F03"] && content.conductedOn == CalendarDate("2026-03-01") && content.validates == nil)
        #expect(content.baselineID == "self1" && content.registerAssessmentID == "ta1")
        // A validated assessment names its self-assessment and may leave the areas to it.
        let validated = try openAssessment(
            .validated, ["title": "Validated at the national workshop", "conductedOn": "2026-04-02", "validates": "self1"])
        #expect(validated.validates == "self1" && validated.areas.isEmpty)
    }

    static let assessmentCases: [(CapabilityAssessment.Kind, [String: String], String, String)] = [
        (.validated, [:], "validates", "validation.capability.validates"),
        (.validated, ["validates": "val1"], "validates", "validation.capability.validates"),
        (.validated, ["validates": "self-of-another-state"], "validates", "validation.capability.validates"),
        (.selfAssessed, ["area.F01": ""], "areas", "validation.capability.no-area"),
        (.selfAssessed, ["area.F99": "on"], "areas", "validation.capability.area-unknown"),
        (.selfAssessed, ["agency": "army"], "agency", "validation.policy.agency-unknown"),
        (.selfAssessed, ["baseline": "elsewhere"], "baseline", "validation.capability.baseline"),
        (.selfAssessed, ["registerAssessment": "ta9"], "registerAssessment", "validation.capability.register"),
        (.selfAssessed, ["conductedOn": "2026-02-30"], "conductedOn", "validation.date"),
        (.selfAssessed, ["title": " "], "title", "validation.required"),
    ]

    @Test(arguments: CapabilityRulesTests.assessmentCases)
    func anAssessmentDraftNamesTheFieldAndTheProblem(kind: CapabilityAssessment.Kind, changes: [String: String], field: String, key: String) {
        let fields = ["title": "Valdoria police 2026", "conductedOn": "2026-03-01", "area.F01": "on"].merging(changes) { $1 }
        let failure = #expect(throws: ValidationFailure.self) { try openAssessment(kind, fields) }
        #expect(failure?.issues == [failure?.issues.first { $0.field == field && $0.key == key }].compactMap { $0 }, "\(failure?.issues ?? [])")
    }

    // MARK: Comparison

    @Test func aComparisonShowsTheLevelsThatMovedAndTheCriteriaThatChangedWithBothEvidences() {
        let before = [
            Self.record("F01", "E1.1.a", .fully), Self.record("F01", "E1.1.b", .largely),
            Self.record("F01", "E1.2.a", .partially, evidence: ["ev-2025"]), Self.record("F01", "E1.2.b", .fully),
            Self.record("F02", "E1.1.a", .notImplemented),
        ]
        let after = [
            Self.record("F01", "E1.1.a", .fully), Self.record("F01", "E1.1.b", .largely),
            Self.record("F01", "E1.2.a", .largely, evidence: ["ev-2026"]), Self.record("F01", "E1.2.b", .fully),
            Self.record("F01", "E2.1.a", .fully), Self.record("F03", "E1.1.a", .fully),
        ]
        let comparison = CapabilityComparison(
            framework: Self.framework, before: Self.grid(["F01", "F02"], before), after: Self.grid(["F01", "F03"], after), beforeRecords: before,
            afterRecords: after)
        // Only F01 is in both.
        #expect(comparison.cells.count == 9 && comparison.cells.allSatisfy { $0.area == "F01" })
        #expect(comparison.moved.map(\.enabler) == ["E1"] && comparison.moved.first?.delta == 1)
        #expect(comparison.moved.first?.before.level == 1 && comparison.moved.first?.after.level == 2)
        #expect(comparison.criteria.map(\.criterion) == ["E1.2.a", "E2.1.a"])
        let raised = comparison.criteria[0]
        #expect(raised.direction == 1 && raised.before?.evidenceIDs == ["ev-2025"] && raised.after?.evidenceIDs == ["ev-2026"])
        #expect(comparison.criteria[1].direction == 0 && comparison.criteria[1].before == nil && comparison.criteria[1].after?.answer == .fully)
        // The other way round, the raise is a fall.
        let back = CapabilityComparison(
            framework: Self.framework, before: Self.grid(["F01"], after), after: Self.grid(["F01"], before), beforeRecords: after,
            afterRecords: before)
        #expect(back.moved.first?.delta == -1 && back.criteria.first?.direction == -1)
    }
}
