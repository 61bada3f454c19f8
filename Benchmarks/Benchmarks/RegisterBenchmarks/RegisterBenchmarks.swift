import Benchmark
import CTTechCore

/// The register computation of issue 3's goal: 1,000 risks × 20 assessors, aggregated, then 10,000 Monte Carlo draws.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(20), maxIterations: 5)

    var generator = SplitMix64(seed: 7)
    let ratings: [[Double]] = (0..<1_000).map { _ in (0..<20).map { _ in Double(1 + Int(generator.next() % 25)) } }
    let risks: [RiskEstimate] = (0..<1_000).compactMap { i in
        let p = 0.001 + generator.nextUnit() * 0.3
        let impact = 1.5 + generator.nextUnit() * 3
        guard let likelihood = try? UncertainEstimate(low: p / 3, best: p, high: min(1, p * 2), within: 0...1),
            let impactEstimate = try? UncertainEstimate(low: max(1, impact - 1), best: impact, high: min(5, impact + 1), within: 1...5)
        else { return nil }
        return RiskEstimate(id: "r\(i)", likelihood: likelihood, impact: impactEstimate)
    }

    // The whole register as the product computes it: 1,000 scenarios each scored by 20 assessors (threat summary,
    // likelihood medians, impact per dimension, confidence, Kendall's W over the assessors) and 10,000 draws.
    let scenarios = (0..<1_000).map { i in
        ThreatScenario(
            id: "s\(i)", assessmentID: "a", title: "Scenario \(i)", narrative: "", actorType: "A1", technologies: ["T01"], purposes: ["P1"],
            targetSector: "", horizonYears: 2, version: 1)
    }
    let scores: [ScenarioScore] = scenarios.flatMap { scenario in
        (0..<20).compactMap { a -> ScenarioScore? in
            let p = 0.001 + generator.nextUnit() * 0.3
            guard let likelihood = try? UncertainEstimate(low: p / 3, best: p, high: min(1, p * 2), within: 0...1) else { return nil }
            func f() -> Int { 1 + Int(generator.next() % 5) }
            return ScenarioScore(
                scenarioID: scenario.id, round: 1, assessorID: "u\(a)", intent: f(), actorCapability: f(), technologyAccessibility: f(),
                opportunity: f(),
                likelihood: likelihood, impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, f()) }),
                confidence: [.low, .moderate, .high][a % 3], rationale: "")
        }
    }

    Benchmark("Register: 1,000 scenarios × 20 assessors, 10,000 draws") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(RiskRegister.compute(scenarios: scenarios, scores: scores, round: 1, otherRisks: [], draws: 10_000, seed: 1))
        }
    }

    // Issue 10's goal: the register with residual risk, 1,000 scenarios × 300 approved responses × 10,000 draws. Each
    // response addresses four scenarios and declares two effects (one on a factor, one on the likelihood or a dimension),
    // so every draw samples 600 reductions and works out the residual of about 700 scenarios by the likelihood model.
    let factors: [EffectFactor] = [.intent, .actorCapability, .technologyAccessibility, .opportunity]
    let responses = (0..<300).map { r in
        let targets = (0..<4).map { k in scenarios[(r * 7 + k * 251) % scenarios.count].id }
        let second =
            r % 2 == 0
            ? DeclaredEffect(factor: .likelihood, low: 5, best: 15, high: 30)
            : DeclaredEffect(factor: .impact, dimension: ImpactDimension.allCases[r % ImpactDimension.allCases.count], low: 10, best: 20, high: 40)
        return RegisterResponse(
            id: "response-\(r)", title: "Response \(r)",
            effects: [DeclaredEffect(factor: factors[r % factors.count], low: 10, best: 25, high: 50), second],
            targets: Dictionary(uniqueKeysWithValues: targets.map { ($0, Int?.none) }))
    }

    Benchmark("Register with residual risk: 1,000 scenarios × 300 responses, 10,000 draws") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(
                RiskRegister.compute(scenarios: scenarios, scores: scores, round: 1, otherRisks: [], draws: 10_000, seed: 1, responses: responses))
        }
    }

    Benchmark("Aggregate 1,000 items × 20 assessors") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(ratings.map { RatingSummary($0) }) }
    }

    Benchmark("Monte Carlo: 1,000 risks × 10,000 draws") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(MonteCarloPrioritisation.run(risks, draws: 10_000, seed: 1)) }
    }

    Benchmark("Monte Carlo: 200 risks × 10,000 draws") { benchmark in
        let subset = Array(risks.prefix(200))
        for _ in benchmark.scaledIterations { blackHole(MonteCarloPrioritisation.run(subset, draws: 10_000, seed: 1)) }
    }
}
