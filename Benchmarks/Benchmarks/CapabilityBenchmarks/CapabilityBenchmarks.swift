import Benchmark
import CTTechCore

/// Issue 11's computations at scale: the maturity grids, gaps and priorities of 50 agencies against a large framework,
/// and the order of a large roadmap.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(30), maxIterations: 20)

    // Inputs are global lets (built once, lazily); each benchmark's setup builds its own before the first iteration, so
    // no measured iteration pays for them.
    Benchmark(
        "Capability.levels-gaps-priorities",
        configuration: .init(setup: { CapabilityInputs.shared.check() })
    ) { benchmark in
        let inputs = CapabilityInputs.shared
        for _ in benchmark.scaledIterations {
            for agency in inputs.agencies {
                let grid = MaturityGrid(framework: inputs.framework, areas: inputs.areaCodes, records: agency.records)
                let relevance = AreaRelevance.compute(framework: inputs.framework, risks: inputs.risks)
                blackHole(DevelopmentPriority.rank(framework: inputs.framework, grid: grid, targets: agency.targets, relevance: relevance))
            }
        }
    }

    Benchmark(
        "Capability.roadmap-order",
        configuration: .init(maxDuration: .seconds(10), maxIterations: 100, setup: { _ = RoadmapInputs.shared })
    ) { benchmark in
        let items = RoadmapInputs.shared.items
        for _ in benchmark.scaledIterations {
            let outcome = RoadmapGraph(items: items).outcome()
            guard case .ordered(let order, _, _) = outcome, order.count == items.count else {
                preconditionFailure("the roadmap benchmark's graph has no order of every item")
            }
            blackHole(outcome)
        }
    }
}

/// A synthetic framework of 12 areas × 9 enablers × 5 stages with 20 criteria per area, enabler and stage (10,800
/// criteria, each of one area), 40 register scenarios, and for each of 50 agencies an answer to every criterion of every
/// area (a few unanswered) and a target for every cell.
struct CapabilityInputs: Sendable {
    struct Agency: Sendable {
        var records: [CriterionRecord]
        var targets: [CapabilityTarget]
    }

    let framework: CapabilityFramework
    let areaCodes: [String]
    let risks: [RelevantRisk]
    let agencies: [Agency]

    static let shared = CapabilityInputs()

    init() {
        var generator = SplitMix64(seed: 11)
        func pick<T>(_ choices: [T]) -> T { choices[Int(generator.next() % UInt64(choices.count))] }

        let areas = (1...12).map { ReferenceItem("A\($0 < 10 ? "0" : "")\($0)", "Area \($0)") }
        let enablers = (1...9).map { ReferenceItem("E\($0)", "Enabler \($0)") }
        let stages = CapabilityFramework.stageRange.map { ReferenceItem(String($0), "Stage \($0)") }
        let technologies = (1...10).map { "T\($0 < 10 ? "0" : "")\($0)" }
        let purposes = (1...6).map { "P\($0)" }

        // Every area but the last counters two technologies and a purpose; the last counters everything.
        var scope: [String: CapabilityFramework.AreaScope] = [:]
        for area in areas.dropLast() {
            scope[area.code] = .init(technologies: [pick(technologies), pick(technologies)], purposes: [pick(purposes)])
        }

        var criteria: [CapabilityFramework.Criterion] = []
        criteria.reserveCapacity(12 * 9 * 5 * 20)
        for area in areas {
            for enabler in enablers {
                for stage in CapabilityFramework.stageRange {
                    for k in 1...20 {
                        // At most 15 bytes, so the code is a small string and copying it allocates nothing.
                        criteria.append(
                            .init(
                                code: "\(area.code)\(enabler.code)S\(stage)C\(k)", area: area.code, enabler: enabler.code, stage: stage,
                                text: "Observable criterion \(k) of stage \(stage)"))
                    }
                }
            }
        }
        framework = CapabilityFramework(
            id: "bench-capability", title: "Benchmark framework", note: "", areas: areas, enablers: enablers, stages: stages, scope: scope,
            readiness: [ReferenceItem("R1", "Legal basis")], criteria: criteria)
        areaCodes = areas.map(\.code)

        risks = (0..<40).map { i in
            let inherent = 1 + generator.nextUnit() * 24
            return RelevantRisk(
                id: "risk-\(i)", title: "Valdoria scenario \(i)", technologies: (0...(i % 3)).map { _ in pick(technologies) },
                purposes: (0...(i % 2)).map { _ in pick(purposes) }, inherent: inherent, residual: inherent * (0.4 + 0.6 * generator.nextUnit()))
        }

        let meeting: [CriterionAnswer] = [.fully, .fully, .fully, .fully, .fully, .largely, .largely, .largely, .largely, .notApplicable]
        let next: [CriterionAnswer] = [.fully, .largely, .largely, .partially, .partially, .notImplemented, .notApplicable]
        let above: [CriterionAnswer] = [.fully, .largely, .partially, .partially, .notImplemented, .notImplemented, .notApplicable]
        let byCell = Dictionary(grouping: criteria, by: { MaturityGrid.Cell(area: $0.area ?? "", enabler: $0.enabler) })
        agencies = (0..<50).map { a in
            let assessmentID = "agency-\(a)"
            var records: [CriterionRecord] = []
            records.reserveCapacity(criteria.count)
            var targets: [CapabilityTarget] = []
            for area in areas {
                for enabler in enablers {
                    // The level the agency reaches in this cell: every criterion up to it is met (or N/A); above it,
                    // a mix, with a few left unanswered.
                    let reached = pick([0, 1, 1, 2, 2, 2, 3, 3, 4, 5])
                    for criterion in byCell[MaturityGrid.Cell(area: area.code, enabler: enabler.code)] ?? [] {
                        let answer: CriterionAnswer
                        if criterion.stage <= reached {
                            answer = pick(meeting)
                        } else {
                            if generator.next() % 20 == 0 { continue }
                            answer = criterion.stage == reached + 1 ? pick(next) : pick(above)
                        }
                        records.append(
                            CriterionRecord(
                                assessmentID: assessmentID, area: area.code, criterion: criterion.code, answer: answer,
                                confidence: pick(Confidence.allCases), answeredBy: "user-\(a)", answeredAt: 1_800_000_000_000))
                    }
                    let ratings = Feasibility.Rating.allCases
                    targets.append(
                        CapabilityTarget(
                            assessmentID: assessmentID, area: area.code, enabler: enabler.code, stage: 1 + Int(generator.next() % 5),
                            source: pick([.hand, .proposed]),
                            feasibility: Feasibility(cost: pick(ratings), prerequisites: pick(ratings), readiness: pick(ratings)),
                            setBy: "user-\(a)", setAt: 1_800_000_000_000))
                }
            }
            return Agency(records: records, targets: targets)
        }
    }

    /// Stops the run when the inputs do not exercise the computation: the first agency's grid must reach every level from
    /// 0 to 5 and its ranking must have gaps of positive priority.
    func check() {
        guard let first = agencies.first else { preconditionFailure("no agency") }
        let grid = MaturityGrid(framework: framework, areas: areaCodes, records: first.records)
        let levels = Set(grid.cells.values.map(\.level))
        let ranked = DevelopmentPriority.rank(
            framework: framework, grid: grid, targets: first.targets, relevance: AreaRelevance.compute(framework: framework, risks: risks))
        precondition(grid.cells.count == 12 * 9 && levels == Set(0...5), "levels reached: \(levels.sorted())")
        precondition(ranked.count == 12 * 9 && ranked.contains { $0.priority > 0 }, "no gap has a priority")
    }
}

/// 2,000 roadmap items with 5,000 distinct prerequisites, each from an item to one of lower index (so the graph has no
/// cycle), then shuffled.
struct RoadmapInputs: Sendable {
    let items: [RoadmapItem]

    static let shared = RoadmapInputs()

    init() {
        var generator = SplitMix64(seed: 12)
        let count = 2_000
        var prerequisites = [Set<Int>](repeating: [], count: count)
        var edges = 0
        while edges < 5_000 {
            let later = 1 + Int(generator.next() % UInt64(count - 1))
            let earlier = Int(generator.next() % UInt64(later))
            if prerequisites[later].insert(earlier).inserted { edges += 1 }
        }
        let firstDay = CalendarDate(epochMilliseconds: 1_798_761_600_000).daysSinceEpoch  // 2027-01-01
        var items = (0..<count).map { i in
            let horizon = RoadmapItem.Horizon.allCases[Int(generator.next() % 3)]
            var timeframe: Timeframe?
            if generator.next() % 3 != 0 {
                let start = firstDay + Int(generator.next() % 1_500)
                let end = start + 30 + Int(generator.next() % UInt64(horizon.defaultDays))
                timeframe = Timeframe(
                    start: CalendarDate(epochMilliseconds: Int64(start) * 86_400_000), end: CalendarDate(epochMilliseconds: Int64(end) * 86_400_000))
            }
            var required = prerequisites[i].sorted().map { "item-\($0)" }
            required.shuffle(using: &generator)
            return RoadmapItem(
                id: "item-\(i)", stateID: "valdoria", kind: i % 10 == 0 ? .adoption : .development, title: "Roadmap item \(i)", horizon: horizon,
                timeframe: timeframe, prerequisites: required, createdBy: "user-1", createdAt: 1_800_000_000_000)
        }
        items.shuffle(using: &generator)
        self.items = items
    }
}
