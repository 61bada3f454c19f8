import Foundation
import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Residual risk: declared effects on the factors (issue 10)")
struct ResidualRiskTests {
    func effect(_ factor: EffectFactor, _ low: Double, _ best: Double, _ high: Double, on dimension: ImpactDimension? = nil) -> DeclaredEffect {
        DeclaredEffect(factor: factor, dimension: dimension, low: low, best: best, high: high)
    }

    func effect(_ factor: EffectFactor, _ percent: Double, on dimension: ImpactDimension? = nil) -> DeclaredEffect {
        effect(factor, percent, percent, percent, on: dimension)
    }

    /// Intent 4, capability min(3, 5) = 3: threat 12; opportunity 3; fatalities 4, economic 3, every other dimension 2; one year.
    let factors = ResidualRisk.Factors(
        intent: 4, actorCapability: 3, technologyAccessibility: 5, opportunity: 3,
        dimensions: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, $0 == .fatalities ? 4.0 : $0 == .economic ? 3 : 2) }),
        horizonYears: 1)

    // MARK: Rules, by hand

    @Test func aFactorIsReducedAboveItsFloor() {
        // F′ = 1 + (F − 1) · m
        #expect(ResidualRisk.reduce(5, 0.5) == 3)
        #expect(ResidualRisk.reduce(4, 0.25) == 1.75)
        #expect(ResidualRisk.reduce(4, 1) == 4)
        #expect(ResidualRisk.reduce(4, 0) == 1)  // a 100 % reduction brings it to "none"
        #expect(ResidualRisk.reduce(1, 0.3) == 1)
        #expect(ResidualRisk.reduce(3, 1.7) == 3 && ResidualRisk.reduce(3, -2) == 1)  // multipliers are bounded 0–1
    }

    @Test func twoHalvingsOnOneFactorLeaveAQuarter() {
        let m = ResidualRisk.Multipliers([effect(.intent, 50), effect(.intent, 50)], at: .best)
        #expect(m.intent == 0.25)
        #expect(m.actorCapability == 1 && m.opportunity == 1 && m.likelihood == 1 && m.impactAll == 1 && m.impact.isEmpty)
        #expect(ResidualRisk.reduce(5, m.intent) == 2)  // intent 5 → 1 + 4 · 0.25 = 2
        #expect(factors.reduced(by: m).intent == 1.75)  // intent 4 → 1 + 3 · 0.25
        // The point of the interval chooses the reduction: 20/50/80 % twice leaves 64 %, 25 % and 4 %.
        let wide = [effect(.opportunity, 20, 50, 80), effect(.opportunity, 20, 50, 80)]
        #expect(abs(ResidualRisk.Multipliers(wide, at: .low).opportunity - 0.64) < 1e-12)
        #expect(ResidualRisk.Multipliers(wide, at: .best).opportunity == 0.25)
        #expect(abs(ResidualRisk.Multipliers(wide, at: .high).opportunity - 0.04) < 1e-12)
    }

    @Test func reductionsOutsideZeroToHundredAreClamped() {
        #expect(effect(.intent, 150).share(.best) == 1)
        #expect(effect(.intent, -20).share(.low) == 0)
        #expect(effect(.intent, 35).share(.high) == 0.35)
        var m = ResidualRisk.Multipliers()
        m.apply(effect(.likelihood, 10), share: 1.5)
        #expect(m.likelihood == 0)
        m.apply(effect(.opportunity, 10), share: -0.5)
        #expect(m.opportunity == 1)
        // A triangular draw stays inside the clamped interval.
        let odd = effect(.intent, -10, 50, 130)
        for u in stride(from: 0.0, to: 1, by: 0.05) { #expect((0...1).contains(odd.sampledShare(u))) }
        #expect(effect(.intent, 30).sampledShare(0.7) == 0.3)
    }

    @Test func anImpactEffectNamesADimensionAndOtherEffectsDoNot() {
        #expect(effect(.intent, 50, on: .fatalities).dimension == nil)
        #expect(effect(.impact, 50, on: .economic).dimension == .economic)
        #expect(effect(.impact, 50).dimension == nil)
    }

    /// The likelihood model at one year: s = 0.6 · (T − 1)/24 + 0.4 · (O − 1)/4, p = 10^(−3 + 2.5 s).
    /// Scored: T = 4 × min(3, 5) = 12, O = 3 → s = 0.6 · 11/24 + 0.4 · 2/4 = 0.275 + 0.2 = 0.475.
    /// Intent halved: I′ = 1 + 3 · 0.5 = 2.5, T′ = 2.5 × 3 = 7.5 → s′ = 0.6 · 6.5/24 + 0.2 = 0.1625 + 0.2 = 0.3625.
    /// Ratio P(T′, O)/P(T, O) = 10^(2.5 · (0.3625 − 0.475)) = 10^(−0.28125) = 0.5232991146814947.
    /// With a direct 20 % likelihood reduction as well: 0.8 × 0.5232991146814947 = 0.41863929174519576.
    @Test func theLikelihoodRatioComesFromTheLikelihoodModel() {
        #expect(abs(factors.threat - 12) < 1e-12)
        #expect(abs(factors.derivedLikelihood - pow(10, -3 + 2.5 * 0.475)) < 1e-15)
        let intent = ResidualRisk.Multipliers([effect(.intent, 50)], at: .best)
        #expect(abs(ResidualRisk.likelihoodRatio(factors, intent) - 0.523_299_114_681_494_7) < 1e-12)
        let both = ResidualRisk.Multipliers([effect(.intent, 50), effect(.likelihood, 20)], at: .best)
        #expect(abs(ResidualRisk.likelihoodRatio(factors, both) - 0.418_639_291_745_195_76) < 1e-12)
        // Capability is the lower of actor capability (3) and technology accessibility (5): halving accessibility gives
        // 1 + 4 · 0.5 = 3, so the threat stays 4 × 3 and nothing changes; halving actor capability gives 2, T′ = 8,
        // s′ = 0.6 · 7/24 + 0.2 = 0.375, ratio 10^(2.5 · −0.1) = 10^(−0.25).
        #expect(ResidualRisk.likelihoodRatio(factors, ResidualRisk.Multipliers([effect(.technologyAccessibility, 50)], at: .best)) == 1)
        let capability = ResidualRisk.Multipliers([effect(.actorCapability, 50)], at: .best)
        #expect(abs(ResidualRisk.likelihoodRatio(factors, capability) - pow(10, -0.25)) < 1e-12)
        // Opportunity 3 → 1 + 2 · 0.5 = 2: s′ = 0.275 + 0.4 · 1/4 = 0.375, the same ratio.
        #expect(abs(ResidualRisk.likelihoodRatio(factors, ResidualRisk.Multipliers([effect(.opportunity, 50)], at: .best)) - pow(10, -0.25)) < 1e-12)
        // Only the direct reduction, or none: the ratio is the multiplier.
        #expect(ResidualRisk.likelihoodRatio(factors, ResidualRisk.Multipliers([effect(.likelihood, 30)], at: .best)) == 0.7)
        #expect(ResidualRisk.likelihoodRatio(factors, ResidualRisk.Multipliers()) == 1)
    }

    /// Impact combines the dimensions by their maximum: fatalities 4, economic 3, others 2, so max D = 4.
    /// Fatalities halved: 1 + 3 · 0.5 = 2.5, and economic 3 is now the highest: share (3 − 1)/(4 − 1) = 2/3; the register's
    /// impact 4 becomes 1 + 3 · 2/3 = 3. Every dimension halved as well: fatalities 1 + 3 · 0.25 = 1.75, economic
    /// 1 + 2 · 0.5 = 2, others 1.5: share (2 − 1)/3 = 1/3.
    @Test func theImpactShareIsTheMaximumOfTheReducedDimensions() {
        let fatalities = ResidualRisk.Multipliers([effect(.impact, 50, on: .fatalities)], at: .best)
        #expect(abs(ResidualRisk.impactShare(factors, fatalities) - 2.0 / 3) < 1e-12)
        let residual = ResidualRisk.residual(likelihood: 0.05, impact: 4, factors: factors, fatalities)
        #expect(residual.likelihood == 0.05)
        #expect(abs(residual.impact - 3) < 1e-12)
        let both = ResidualRisk.Multipliers([effect(.impact, 50, on: .fatalities), effect(.impact, 50)], at: .best)
        #expect(abs(ResidualRisk.impactShare(factors, both) - 1.0 / 3) < 1e-12)
        #expect(abs(factors.reduced(by: both).dimensions[.fatalities, default: 0] - 1.75) < 1e-12)
        // A dimension that is not the highest leaves the impact as it was.
        #expect(ResidualRisk.impactShare(factors, ResidualRisk.Multipliers([effect(.impact, 90, on: .societal)], at: .best)) == 1)
    }

    /// Another national risk has only a likelihood and one impact: intent and a named dimension do not apply to it.
    /// L′ = 0.2 · (1 − 0.25) = 0.15; I′ = 1 + (3 − 1) · 0.5 = 2.
    @Test func anotherRiskTakesOnlyLikelihoodAndWholeImpactEffects() {
        #expect(ResidualRisk.applies(effect(.likelihood, 25), to: .otherRisk))
        #expect(ResidualRisk.applies(effect(.impact, 50), to: .otherRisk))
        #expect(!ResidualRisk.applies(effect(.impact, 50, on: .fatalities), to: .otherRisk))
        for factor in [EffectFactor.intent, .actorCapability, .technologyAccessibility, .opportunity] {
            #expect(!ResidualRisk.applies(effect(factor, 50), to: .otherRisk))
            #expect(ResidualRisk.applies(effect(factor, 50), to: .scenario))
            #expect(!factor.appliesToOtherRisks)
        }
        let acting = [effect(.likelihood, 25), effect(.impact, 50)]
        let residual = ResidualRisk.residual(likelihood: 0.2, impact: 3, factors: nil, ResidualRisk.Multipliers(acting, at: .best))
        #expect(abs(residual.likelihood - 0.15) < 1e-15)
        #expect(residual.impact == 2)
    }

    // MARK: The register with responses, by hand

    static let assessment = Assessment(
        id: "a1", stateID: "vld", title: "Valdoria 2026", period: "2026", horizonYears: 1, methodVersion: MethodVersion.defaultID, tlp: .amber,
        status: .draft, version: 1)

    /// One scenario scored once in round 1 (the scores of `factors`, likelihood 0.01/0.05/0.2, one year), a river flood
    /// (0.1/0.2/0.4, impact 2/3/4) and a heat wave nobody addresses.
    struct TinyRegister {
        let scenario = ThreatScenario(
            id: "s1", assessmentID: "a1", title: "Drone attack on a festival crowd", narrative: "", actorType: "A3", technologies: ["T09"],
            purposes: ["P7"], targetSector: "", horizonYears: 1, version: 1)
        let score: ScenarioScore
        let flood: OtherRisk
        let heat: OtherRisk

        init() throws {
            score = ScenarioScore(
                scenarioID: "s1", round: 1, assessorID: "u1", intent: 4, actorCapability: 3, technologyAccessibility: 5, opportunity: 3,
                likelihood: try UncertainEstimate(low: 0.01, best: 0.05, high: 0.2, within: 0...1),
                impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, $0 == .fatalities ? 4 : $0 == .economic ? 3 : 2) }),
                confidence: .moderate, rationale: "")
            flood = OtherRisk(
                id: "o1", title: "River flood", family: "Natural hazard",
                likelihood: try UncertainEstimate(low: 0.1, best: 0.2, high: 0.4, within: 0...1),
                impact: try UncertainEstimate(low: 2, best: 3, high: 4, within: 1...5), confidence: .high)
            heat = OtherRisk(
                id: "o2", title: "Heat wave", family: "Natural hazard",
                likelihood: try UncertainEstimate(low: 0.2, best: 0.3, high: 0.5, within: 0...1),
                impact: try UncertainEstimate(low: 1, best: 2, high: 3, within: 1...5), confidence: .moderate)
        }

        func compute(_ responses: [RegisterResponse], draws: Int = 400) -> RiskRegister {
            RiskRegister.compute(
                scenarios: [scenario], scores: [score], round: 1, otherRisks: [flood, heat], draws: draws, seed: 7, responses: responses)
        }
    }

    /// Drone detection (approved with round 1 as its baseline): intent −40/50/60 %, fatalities −50 %. A patrol plan approved
    /// before round 1 (baseline round 0): its −30 % likelihood is already in the round-1 scores. Flood defences: intent (no
    /// such factor for a flood), likelihood −20/25/30 %, every impact dimension −50 %.
    ///
    /// Scenario, best: ratio 10^(−0.28125) = 0.5232991146814947 (see above), L′ = 0.05 · ratio = 0.026164955734074735;
    /// impact share 2/3, I′ = 1 + 3 · 2/3 = 3. Planned effectiveness 1 − (0.05 · 0.5233 · 3)/(0.05 · 4) = 1 − 0.75 · 0.5233
    /// = 0.607525663988879. Low reductions (40 %): I′ = 2.8, T′ = 8.4, s′ = 0.6 · 7.4/24 + 0.2 = 0.385, ratio 10^(−0.225),
    /// high likelihood 0.2 · 10^(−0.225) = 0.1191324287058021, effectiveness 1 − 0.75 · 10^(−0.225) = 0.5532533923532421.
    /// High reductions (60 %): I′ = 2.2, T′ = 6.6, s′ = 0.34, ratio 10^(−0.3375), low likelihood 0.01 · 10^(−0.3375) =
    /// 0.004597269885308722, effectiveness 1 − 0.75 · 10^(−0.3375) = 0.6552047586018459.
    /// Flood, best: L′ = 0.2 · 0.75 = 0.15, I′ = 1 + 2 · 0.5 = 2; effectiveness 1 − 0.3/0.6 = 0.5.
    @Test func aTinyRegisterWorkedByHand() throws {
        // setup
        let tiny = try TinyRegister()
        let detection = RegisterResponse(
            id: "r1", title: "Drone detection", effects: [effect(.intent, 40, 50, 60), effect(.impact, 50, on: .fatalities)], targets: ["s1": 1])
        let patrols = RegisterResponse(id: "r2", title: "Patrol plan", effects: [effect(.likelihood, 30)], targets: ["s1": 0])
        let defences = RegisterResponse(
            id: "r3", title: "Flood defences", effects: [effect(.intent, 50), effect(.likelihood, 20, 25, 30), effect(.impact, 50)],
            targets: ["o1": nil])

        // act
        let register = tiny.compute([detection, patrols, defences])

        // check
        let s1 = try #require(register.entries.first { $0.id == "s1" })
        let residual = try #require(s1.residual)
        #expect(abs(residual.likelihood.best - 0.026_164_955_734_074_735) < 1e-12)
        #expect(abs(residual.likelihood.low - 0.004_597_269_885_308_722) < 1e-12)
        #expect(abs(residual.likelihood.high - 0.119_132_428_705_802_1) < 1e-12)
        #expect(abs(residual.impact.best - 3) < 1e-12 && abs(residual.impact.low - 3) < 1e-12 && abs(residual.impact.high - 3) < 1e-12)
        let trace = residual.trace
        #expect(abs(trace.plannedEffectiveness - 0.607_525_663_988_879) < 1e-12)
        #expect(abs(trace.plannedEffectivenessLow - 0.553_253_392_353_242_1) < 1e-12)
        #expect(abs(trace.plannedEffectivenessHigh - 0.655_204_758_601_845_9) < 1e-12)
        #expect(abs(trace.inherentRisk - 0.2) < 1e-15)  // 0.05 × 4
        #expect(abs(trace.residualRisk - 0.026_164_955_734_074_735 * 3) < 1e-12)
        #expect(abs(trace.likelihoodRatio - 0.523_299_114_681_494_7) < 1e-12 && abs(trace.impactShare - 2.0 / 3) < 1e-12)
        #expect(trace.multipliers.intent == 0.5 && trace.multipliers.impact == ["fatalities": 0.5] && trace.multipliers.likelihood == 1)
        #expect(trace.factors?.threat == 12 && trace.reducedFactors?.intent == 2.5 && trace.reducedFactors?.threat == 7.5)
        #expect(trace.reducedFactors?.dimensions["fatalities"] == 2.5)
        #expect(trace.effects.map(\.responseId) == ["r1", "r1", "r2"])
        #expect(trace.effects.map(\.factor) == ["intent", "impact", "likelihood"])
        #expect(trace.effects.map(\.dimension) == [nil, "fatalities", nil])
        #expect(trace.effects.map(\.applied) == [true, true, false])
        #expect(trace.effects.map(\.reason) == [nil, nil, "follow-up-scores"])
        #expect(trace.effects[0].low == 40 && trace.effects[0].best == 50 && trace.effects[0].high == 60)

        let o1 = try #require(register.entries.first { $0.id == "o1" }?.residual)
        #expect(abs(o1.likelihood.best - 0.15) < 1e-15 && o1.impact.best == 2)
        #expect(abs(o1.likelihood.low - 0.1 * 0.7) < 1e-15 && abs(o1.likelihood.high - 0.4 * 0.8) < 1e-15)
        #expect(abs(o1.trace.plannedEffectiveness - 0.5) < 1e-12)
        #expect(o1.trace.effects.map(\.applied) == [false, true, true])
        #expect(o1.trace.effects.map(\.reason) == ["not-for-other-risks", nil, nil])
        #expect(o1.trace.factors == nil)

        let o2 = try #require(register.entries.first { $0.id == "o2" })
        let untouched = try #require(o2.residual)
        #expect(untouched.likelihood == o2.likelihood && untouched.impact == o2.impact && untouched.trace.effects.isEmpty)
        #expect(untouched.trace.plannedEffectiveness == 0)

        // The Monte Carlo effectiveness of the scenario lies between the low and high planned figures (each draw takes
        // a reduction inside 40–60 %).
        #expect(residual.effectiveness.p10 >= 0.55 - 0.01 && residual.effectiveness.p90 <= 0.66 + 0.01)
        #expect(residual.rank.meanScore < s1.rank.meanScore)
        // The document carries the residual and its trace as they are.
        let document = RegisterDocument(assessment: Self.assessment, register: register, basisRound: 1, draws: 400, seed: 7)
        let carried = try #require(document.entries.first { $0.id == "s1" }?.residual)
        #expect(carried.plannedEffectiveness == trace.plannedEffectiveness && carried.trace == trace)
        #expect(carried.likelihood.best == residual.likelihood.best && carried.impact.best == residual.impact.best)
    }

    @Test func withoutResponsesThereIsNoResidual() throws {
        let register = try TinyRegister().compute([])
        #expect(register.entries.count == 3 && register.entries.allSatisfy { $0.residual == nil })
        #expect(
            RegisterDocument(assessment: Self.assessment, register: register, basisRound: 1, draws: 400, seed: 7).entries.allSatisfy {
                $0.residual == nil
            })
    }

    // MARK: Properties

    @Test func addingAResponseNeverRaisesAnyResidual() async {
        await propertyCheck(count: 40, input: Gen.int(in: 1...1_000_000)) { seed in
            var random = RandomRegister(seed: UInt64(seed))
            let before = random.register(random.responses)
            let added = random.response(id: "added")
            let after = random.register(random.responses + [added])
            for entry in after.entries {
                guard let old = before.entries.first(where: { $0.id == entry.id })?.residual, let new = entry.residual else {
                    Issue.record("every entry has a residual when responses are given")
                    continue
                }
                #expect(notAbove(new.likelihood.low, old.likelihood.low) && notAbove(new.likelihood.best, old.likelihood.best))
                #expect(notAbove(new.likelihood.high, old.likelihood.high))
                #expect(notAbove(new.impact.low, old.impact.low) && notAbove(new.impact.best, old.impact.best))
                #expect(notAbove(new.impact.high, old.impact.high))
                #expect(notAbove(new.rank.meanScore, old.rank.meanScore))
            }
        }
    }

    @Test func withdrawingAResponseNeverLowersAnyResidual() async {
        await propertyCheck(count: 40, input: Gen.int(in: 1...1_000_000)) { seed in
            var random = RandomRegister(seed: UInt64(seed))
            let all = random.responses + [random.response(id: "withdrawn")]
            let withAll = random.register(all)
            let withdrawn = Int(random.generator.next() % UInt64(all.count))
            let without = random.register(all.enumerated().filter { $0.offset != withdrawn }.map(\.element))
            for entry in without.entries {
                guard let old = withAll.entries.first(where: { $0.id == entry.id })?.residual, let new = entry.residual else {
                    Issue.record("every entry has a residual when responses are given")
                    continue
                }
                #expect(notAbove(old.likelihood.best, new.likelihood.best) && notAbove(old.impact.best, new.impact.best))
                #expect(notAbove(old.likelihood.low, new.likelihood.low) && notAbove(old.likelihood.high, new.likelihood.high))
                #expect(notAbove(old.impact.low, new.impact.low) && notAbove(old.impact.high, new.impact.high))
                #expect(notAbove(old.rank.meanScore, new.rank.meanScore))
            }
        }
    }

    @Test func aResponseWithoutEffectsChangesNothing() async {
        await propertyCheck(count: 30, input: Gen.int(in: 1...1_000_000)) { seed in
            let random = RandomRegister(seed: UInt64(seed))
            let empty = RegisterResponse(
                id: "empty", title: "Nothing declared", effects: [], targets: Dictionary(uniqueKeysWithValues: random.riskIDs.map { ($0, nil) }))
            let register = random.register([empty])
            let inherent = MonteCarloPrioritisation.run(random.estimates, draws: RandomRegister.draws, seed: RandomRegister.seed).ranks
            for entry in register.entries {
                guard let residual = entry.residual else {
                    Issue.record("an entry addressed by a response has a residual")
                    continue
                }
                #expect(residual.likelihood == entry.likelihood && residual.impact == entry.impact)
                #expect(residual.rank == entry.rank)
                #expect(residual.trace.effects.isEmpty && residual.trace.plannedEffectiveness == 0)
                #expect(inherent.first { $0.id == entry.id } == entry.rank)
            }
        }
    }

    @Test func inherentRanksDoNotMoveWhenResponsesAreAdded() async {
        await propertyCheck(count: 30, input: Gen.int(in: 1...1_000_000)) { seed in
            var random = RandomRegister(seed: UInt64(seed))
            let without = random.register([])
            let with = random.register(random.responses + [random.response(id: "more")])
            #expect(without.entries.map(\.rank) == with.entries.map(\.rank))
            #expect(without.entries.allSatisfy { $0.residual == nil } && with.entries.allSatisfy { $0.residual != nil })
        }
    }

    /// With one draw, a risk's mean score is that draw's score: residual ≤ inherent in every draw of every seed.
    @Test func residualIsNeverAboveInherentInAnyDraw() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...1_000_000)) { seed in
            var random = RandomRegister(seed: UInt64(seed))
            let run = random.monteCarlo(draws: 1, seed: UInt64(seed))
            #expect(run.residual.count == run.inherent.count && !run.inherent.isEmpty)
            for (inherent, residual) in zip(run.inherent, run.residual) {
                #expect(residual.meanScore <= inherent.meanScore)
                #expect(residual.meanScore >= 0)
            }
            #expect(run.effectiveness.allSatisfy { $0.mean >= 0 && $0.mean <= 1 })
        }
    }

    /// The draws compute residuals through a flat array of multipliers; with every interval a point (low = best = high)
    /// for the risk and the reductions, one draw gives exactly ``ResidualRisk/residual(likelihood:impact:factors:_:)``.
    @Test func theFastPathOfTheDrawsAgreesWithTheRule() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...1_000_000)) { seed in
            var g = SplitMix64(seed: UInt64(seed))
            let factors = RandomRegister.factors(&g, horizonYears: 1 + Int(g.next() % 5))
            let likelihood = 0.001 + g.nextUnit() * 0.9
            let impact = 1 + g.nextUnit() * 4
            let effects = (0..<(1 + Int(g.next() % 6))).map { _ in
                let percent = (g.nextUnit() * 100).rounded()
                return RandomRegister.effect(&g, low: percent, best: percent, high: percent)
            }
            let scenario = g.next() % 4 != 0
            let acting = effects.filter { ResidualRisk.applies($0, to: scenario ? .scenario : .otherRisk) }
            let point = { (x: Double) in try? UncertainEstimate(low: x, best: x, high: x, within: 0...5) }
            guard let l = point(likelihood), let i = point(impact) else {
                Issue.record("point estimates are valid")
                return
            }
            let run = ResidualMonteCarlo.run(
                [RiskEstimate(id: "x", likelihood: l, impact: i)], factors: [scenario ? factors : nil], reductions: [Array(acting.indices)],
                effects: acting, effectSeeds: acting.indices.map { UInt64($0) }, draws: 1, seed: UInt64(seed))
            let rule = ResidualRisk.residual(
                likelihood: likelihood, impact: impact, factors: scenario ? factors : nil, ResidualRisk.Multipliers(acting, at: .best))
            #expect(abs(run.residual[0].meanScore - rule.likelihood * rule.impact) < 1e-9)
            #expect(abs(run.inherent[0].meanScore - likelihood * impact) < 1e-9)
        }
    }

    /// Law: no step of the rule raises a factor; the reduced factors, ratio and share stay within their bounds.
    @Test func theRuleNeverRaisesAnything() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...1_000_000)) { seed in
            var g = SplitMix64(seed: UInt64(seed))
            let factors = RandomRegister.factors(&g, horizonYears: 1 + Int(g.next() % 5))
            let effects = (0..<Int(g.next() % 6)).map { _ in RandomRegister.effect(&g) }
            for point in ReductionPoint.allCases {
                let m = ResidualRisk.Multipliers(effects, at: point)
                let reduced = factors.reduced(by: m)
                #expect(reduced.intent <= factors.intent && reduced.intent >= 1)
                #expect(reduced.opportunity <= factors.opportunity && reduced.threat <= factors.threat + 1e-12)
                #expect(reduced.derivedLikelihood <= factors.derivedLikelihood + 1e-15)
                let ratio = ResidualRisk.likelihoodRatio(factors, m)
                let share = ResidualRisk.impactShare(factors, m)
                #expect(ratio >= 0 && ratio <= 1 && share >= 0 && share <= 1)
            }
        }
    }

    func notAbove(_ value: Double, _ reference: Double) -> Bool { value <= reference * (1 + 1e-12) + 1e-15 }

    // MARK: Indicators, observed effectiveness, dates

    func indicator(direction: Indicator.Direction, baseline: Double, target: Double, actuals: [(String, Double)]) throws -> Indicator {
        Indicator(
            id: "i1", responseID: "r1", name: "Detections", level: .outcome, unit: "cases", direction: direction, baseline: baseline,
            baselineDate: try #require(CalendarDate("2025-01-01")), target: target, targetDate: try #require(CalendarDate("2027-01-01")),
            disaggregated: false,
            actuals: try actuals.enumerated().map { n, a in
                IndicatorActual(
                    id: "a\(n)", indicatorID: "i1", value: a.1, date: try #require(CalendarDate(a.0)), evidence: "Report", reliability: .b,
                    recordedBy: "u1")
            })
    }

    @Test func progressRunsFromBaselineToTargetInEitherDirection() {
        // (value − baseline) / (target − baseline), clamped to 0–1
        #expect(IndicatorProgress.progress(value: 30, baseline: 10, target: 50, direction: .increase) == 0.5)
        #expect(IndicatorProgress.progress(value: 60, baseline: 10, target: 50, direction: .increase) == 1)
        #expect(IndicatorProgress.progress(value: 5, baseline: 10, target: 50, direction: .increase) == 0)
        #expect(IndicatorProgress.progress(value: 70, baseline: 100, target: 40, direction: .decrease) == 0.5)  // −30 / −60
        #expect(IndicatorProgress.progress(value: 120, baseline: 100, target: 40, direction: .decrease) == 0)
        #expect(IndicatorProgress.progress(value: 30, baseline: 100, target: 40, direction: .decrease) == 1)
        // A target equal to the baseline is reached or not.
        #expect(IndicatorProgress.progress(value: 10, baseline: 10, target: 10, direction: .increase) == 1)
        #expect(IndicatorProgress.progress(value: 9, baseline: 10, target: 10, direction: .increase) == 0)
        #expect(IndicatorProgress.progress(value: 9, baseline: 10, target: 10, direction: .decrease) == 1)
        #expect(IndicatorProgress.progress(value: 11, baseline: 10, target: 10, direction: .decrease) == 0)
    }

    @Test func staleEvidenceHalvesForEveryFurtherPeriod() {
        #expect(IndicatorProgress.weight(ageDays: 0, maxAgeDays: 365) == 1)
        #expect(IndicatorProgress.weight(ageDays: 365, maxAgeDays: 365) == 1)
        #expect(IndicatorProgress.weight(ageDays: 730, maxAgeDays: 365) == 0.5)  // 0.5^((730 − 365)/365)
        #expect(IndicatorProgress.weight(ageDays: 1095, maxAgeDays: 365) == 0.25)
        #expect(abs(IndicatorProgress.weight(ageDays: 365 + 182, maxAgeDays: 365) - pow(0.5, 182.0 / 365)) < 1e-15)
        #expect(IndicatorProgress.weight(ageDays: 3, maxAgeDays: 0) == 0.25)  // a limit below a day counts as one day
    }

    @Test func anIndicatorsProgressTakesItsLatestActualAndItsAge() throws {
        // Latest actual 30 on 2025-06-01 (the earlier 20 does not count): progress (30 − 10)/(50 − 10) = 0.5.
        let measured = try indicator(direction: .increase, baseline: 10, target: 50, actuals: [("2025-06-01", 30), ("2025-01-01", 20)])
        let fresh = IndicatorProgress(measured, today: try #require(CalendarDate("2026-06-01")), maxAgeDays: 365)  // 365 days old
        #expect(fresh.latest?.value == 30 && fresh.progress == 0.5 && fresh.ageDays == 365 && !fresh.stale && fresh.weight == 1)
        #expect(fresh.credited == 0.5)
        let old = IndicatorProgress(measured, today: try #require(CalendarDate("2027-06-01")), maxAgeDays: 365)  // 730 days old
        #expect(old.ageDays == 730 && old.stale && old.weight == 0.5 && old.credited == 0.25)
        let unmeasured = IndicatorProgress(
            try indicator(direction: .decrease, baseline: 10, target: 5, actuals: []), today: try #require(CalendarDate("2026-01-01")),
            maxAgeDays: 365)
        #expect(unmeasured.progress == nil && unmeasured.latest == nil && unmeasured.weight == 0 && unmeasured.credited == 0 && !unmeasured.stale)
        #expect(IndicatorProgress.overall([old, unmeasured]) == 0.125)  // (0.25 + 0) / 2
        #expect(IndicatorProgress.overall([]) == nil)
        // An actual dated after the day of reading counts as fresh, not as a negative age.
        let early = IndicatorProgress(measured, today: try #require(CalendarDate("2025-05-01")), maxAgeDays: 365)
        #expect(early.ageDays == 0 && early.weight == 1)
    }

    func score(_ scenario: String, round: Int, best: Double, impact: Int, assessor: String) throws -> ScenarioScore {
        ScenarioScore(
            scenarioID: scenario, round: round, assessorID: assessor, intent: 3, actorCapability: 3, technologyAccessibility: 3, opportunity: 3,
            likelihood: try UncertainEstimate(low: best / 2, best: best, high: min(best * 2, 1), within: 0...1),
            impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, $0 == .economic ? impact : 1) }), confidence: .moderate,
            rationale: "")
    }

    /// Round 1: likelihoods 0.05 and 0.1 (median 0.075), combined impacts 4 and 2 (median 3): R₀ = 0.225. Round 3 (the
    /// latest after the baseline): 0.02 and 0.04 (median 0.03), impacts 3 and 3: R₁ = 0.09. Observed (0.225 − 0.09)/0.225 = 0.6.
    @Test func observedEffectivenessComparesTheBaselineWithTheLatestFollowUp() throws {
        let scores = [
            try score("s1", round: 1, best: 0.05, impact: 4, assessor: "a"), try score("s1", round: 1, best: 0.1, impact: 2, assessor: "b"),
            try score("s1", round: 2, best: 0.5, impact: 5, assessor: "a"),
            try score("s1", round: 3, best: 0.02, impact: 3, assessor: "a"), try score("s1", round: 3, best: 0.04, impact: 3, assessor: "b"),
            try score("s2", round: 3, best: 0.9, impact: 5, assessor: "a"),
        ]
        let observed = try #require(ObservedEffectiveness(scenarioID: "s1", baselineRound: 1, scores: scores))
        #expect(observed.followUpRound == 3)
        #expect(abs(observed.baselineRisk - 0.225) < 1e-12 && abs(observed.followUpRisk - 0.09) < 1e-12)
        #expect(abs(observed.observed - 0.6) < 1e-12)
        // Baseline round 2 is the latest up to a baseline of 2: R₀ = 0.5 · 5 = 2.5.
        #expect(abs((ObservedEffectiveness(scenarioID: "s1", baselineRound: 2, scores: scores)?.baselineRisk ?? 0) - 2.5) < 1e-12)
        #expect(ObservedEffectiveness(scenarioID: "s1", baselineRound: 3, scores: scores) == nil)  // no follow-up yet
        #expect(ObservedEffectiveness(scenarioID: "s2", baselineRound: 1, scores: scores) == nil)  // nothing up to the baseline
    }

    @Test func calendarDatesAreCheckedStrictly() throws {
        let leap = try #require(CalendarDate("2024-02-29"))
        #expect(leap.year == 2024 && leap.month == 2 && leap.day == 29 && leap.description == "2024-02-29")
        #expect(CalendarDate(" 2000-02-29 ")?.description == "2000-02-29")  // 2000 is a leap year (divisible by 400)
        for invalid in [
            "2023-02-29", "2100-02-29", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00", "2024-1-01", "24-01-01", "2024/01/01", "1899-12-31",
            "2201-01-01", "２０２４-01-01", "2024-01-01T00:00", "", "+024-01-01",
        ] {
            #expect(CalendarDate(invalid) == nil, "\(invalid)")
        }
        #expect(try #require(CalendarDate("1970-01-01")).daysSinceEpoch == 0)
        #expect(try #require(CalendarDate("2000-03-01")).daysSinceEpoch == 11017)
        #expect(try #require(CalendarDate("1900-01-01")).daysSinceEpoch == -25567)
        #expect(CalendarDate(epochMilliseconds: -1).description == "1969-12-31")
        #expect(CalendarDate(epochMilliseconds: 1_767_225_600_000 + 86_399_999).description == "2026-01-01")
        #expect(try #require(CalendarDate("2026-01-01")).epochMilliseconds == 1_767_225_600_000)
        let march = try #require(CalendarDate("2024-03-01"))
        let newYearsEve = try #require(CalendarDate("2023-12-31"))
        #expect(leap < march && newYearsEve < leap)
    }

    /// Law: days since the epoch and the text both round-trip for every date the type accepts (1900–2200).
    @Test func calendarDatesRoundTrip() async {
        await propertyCheck(input: Gen.int(in: -25567...84370)) { days in
            let date = CalendarDate(epochMilliseconds: Int64(days) * 86_400_000 + 43_200_000)
            #expect(date.daysSinceEpoch == days)
            #expect(CalendarDate(date.description) == date)
            #expect(date.epochMilliseconds == Int64(days) * 86_400_000)
            let next = CalendarDate(epochMilliseconds: date.epochMilliseconds + 86_400_000)
            #expect(date < next && next.daysSinceEpoch == days + 1)
        }
    }
}

/// A register drawn at random from a seed: scenarios with one to three assessors' scores in round 1, other national risks,
/// and responses addressing random risks with random effects (some approved before round 1, so follow-up scores occur).
struct RandomRegister {
    static let draws = 150
    static let seed: UInt64 = 99
    var generator: SplitMix64
    let scenarios: [ThreatScenario]
    let scores: [ScenarioScore]
    let otherRisks: [OtherRisk]
    var responses: [RegisterResponse] = []

    init(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        let scenarioCount = 1 + Int(g.next() % 5)
        scenarios = (0..<scenarioCount).map { n in
            ThreatScenario(
                id: "s\(n)", assessmentID: "a", title: "Scenario \(n)", narrative: "", actorType: "A1", technologies: [], purposes: [],
                targetSector: "", horizonYears: 1 + Int(g.next() % 5), version: 1)
        }
        var scores: [ScenarioScore] = []
        for scenario in scenarios {
            for assessor in 0..<(1 + Int(g.next() % 3)) {
                let best = 0.001 + g.nextUnit() * 0.5
                let low = best * g.nextUnit()
                let high = min(best + g.nextUnit() * 0.4, 1)
                guard let likelihood = try? UncertainEstimate(low: low, best: best, high: high, within: 0...1) else { continue }
                scores.append(
                    ScenarioScore(
                        scenarioID: scenario.id, round: 1, assessorID: "u\(assessor)", intent: Self.point(&g), actorCapability: Self.point(&g),
                        technologyAccessibility: Self.point(&g), opportunity: Self.point(&g), likelihood: likelihood,
                        impact: Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, Self.point(&g)) }), confidence: .moderate,
                        rationale: ""))
            }
        }
        self.scores = scores
        otherRisks = (0..<Int(g.next() % 4)).compactMap { n in
            let best = 0.001 + g.nextUnit() * 0.6
            let impact = 1 + g.nextUnit() * 4
            guard let likelihood = try? UncertainEstimate(low: best * 0.5, best: best, high: min(best * 1.5, 1), within: 0...1),
                let impacts = try? UncertainEstimate(low: max(impact - 1, 1), best: impact, high: min(impact + 1, 5), within: 1...5)
            else { return nil }
            return OtherRisk(id: "o\(n)", title: "Other \(n)", family: "Hazard", likelihood: likelihood, impact: impacts, confidence: .low)
        }
        generator = g
        responses = (0..<(1 + Int(generator.next() % 4))).map { response(id: "r\($0)") }
    }

    var riskIDs: [String] { scenarios.map(\.id) + otherRisks.map(\.id) }

    /// The inputs as the register estimates them (a single round, so the same medians as ``RiskRegister/compute``).
    var estimates: [RiskEstimate] {
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: 1, otherRisks: otherRisks, draws: 1, seed: Self.seed, responses: [])
        let byID = Dictionary(uniqueKeysWithValues: register.entries.map { ($0.id, $0) })
        return riskIDs.compactMap { id in byID[id].map { RiskEstimate(id: id, likelihood: $0.likelihood, impact: $0.impact) } }
    }

    mutating func response(id: String) -> RegisterResponse {
        let ids = riskIDs
        var targets: [String: Int?] = [:]
        for risk in ids where generator.next() % 2 == 0 { targets[risk] = generator.next() % 5 == 0 ? 0 : 1 }
        if targets.isEmpty, let first = ids.first { targets[first] = 1 }
        let effects = (0..<Int(generator.next() % 4)).map { _ in Self.effect(&generator) }
        return RegisterResponse(id: id, title: "Response \(id)", effects: effects, targets: targets)
    }

    func register(_ responses: [RegisterResponse]) -> RiskRegister {
        RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: 1, otherRisks: otherRisks, draws: Self.draws, seed: Self.seed, responses: responses)
    }

    /// The register's Monte Carlo on these risks with random factors and effects acting on random risks.
    mutating func monteCarlo(draws: Int, seed: UInt64) -> ResidualMonteCarlo.Result {
        let risks = estimates
        let factors = risks.map { risk in risk.id.hasPrefix("s") ? Self.factors(&generator, horizonYears: 1 + Int(generator.next() % 5)) : nil }
        let effects = (0..<(1 + Int(generator.next() % 8))).map { _ in Self.effect(&generator) }
        let reductions = risks.indices.map { i in
            effects.indices.filter {
                generator.next() % 2 == 0 && ResidualRisk.applies(effects[$0], to: factors[i] == nil ? .otherRisk : .scenario)
            }
        }
        return ResidualMonteCarlo.run(
            risks, factors: factors, reductions: reductions, effects: effects, effectSeeds: effects.indices.map { _ in generator.next() },
            draws: draws, seed: seed)
    }

    static func point(_ g: inout SplitMix64) -> Int { 1 + Int(g.next() % 5) }

    static func factors(_ g: inout SplitMix64, horizonYears: Int) -> ResidualRisk.Factors {
        let value = { (g: inout SplitMix64) in 1 + (g.nextUnit() * 8).rounded() / 2 }
        var dimensions: [ImpactDimension: Double] = [:]
        for dimension in ImpactDimension.allCases where g.next() % 3 != 0 { dimensions[dimension] = value(&g) }
        return ResidualRisk.Factors(
            intent: value(&g), actorCapability: value(&g), technologyAccessibility: value(&g), opportunity: value(&g), dimensions: dimensions,
            horizonYears: horizonYears)
    }

    /// An effect on a random factor, its interval drawn in 0–100 % unless given.
    static func effect(_ g: inout SplitMix64, low: Double? = nil, best: Double? = nil, high: Double? = nil) -> DeclaredEffect {
        let factor = EffectFactor.allCases[Int(g.next() % UInt64(EffectFactor.allCases.count))]
        let dimension = g.next() % 2 == 0 ? ImpactDimension.allCases[Int(g.next() % UInt64(ImpactDimension.allCases.count))] : nil
        let points = [g.nextUnit() * 100, g.nextUnit() * 100, g.nextUnit() * 100].sorted()
        return DeclaredEffect(factor: factor, dimension: dimension, low: low ?? points[0], best: best ?? points[1], high: high ?? points[2])
    }
}
