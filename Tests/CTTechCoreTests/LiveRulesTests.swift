import PropertyBased
import Testing

@testable import CTTechCore

/// Builders shared by the live-session rule tests: values chosen for hand computation.
enum LiveMock {
    static func session(_ status: LiveSession.Status, anonymity: LiveAnonymity = .pseudonymous, attributes: [LiveAttribute] = []) -> LiveSession {
        LiveSession(
            id: "session", stateID: "state", assessmentID: "assessment", title: "Regional workshop", code: "ACDEFG", anonymity: anonymity,
            askedAttributes: attributes, status: status, createdBy: "facilitator", createdAt: 1)
    }

    static func activity(
        _ kind: LiveActivity.Kind, _ keys: [String], limit: Int = 0, id: String = "activity", title: String = "Activity"
    ) -> LiveActivity {
        LiveActivity(
            id: id, sessionID: "session", kind: kind, title: title, position: 1, items: keys.map { LiveItem(key: $0, label: "Item \($0)") },
            limit: limit, createdAt: 1)
    }

    static func participant(
        _ id: String, _ status: LiveParticipant.Status = .admitted, _ attributes: [LiveAttribute: String] = [:]
    )
        -> LiveParticipant
    {
        LiveParticipant(
            id: id, sessionID: "session", number: 1, name: nil, checkCode: "ACD", attributes: LiveAttributes(attributes), status: status, joinedAt: 1)
    }

    static func round(_ activity: String, _ number: Int, _ status: ScoringRound.Status) -> LiveRound {
        LiveRound(activityID: activity, number: number, status: status, openedAt: Int64(number))
    }

    static func submission(_ participant: String, round: Int = 1, item: String = "", _ answer: LiveAnswer) -> LiveSubmission {
        LiveSubmission(activityID: "activity", round: round, participantID: participant, itemKey: item, answer: answer, submittedAt: 1)
    }

    static func score(
        _ assessor: String, scenario: String = "s1", round: Int = 1, intent: Int, capability: Int, access: Int, opportunity: Int,
        likelihood: Double, impact: [ImpactDimension: Int], rationale: String = ""
    ) throws -> ScenarioScore {
        ScenarioScore(
            scenarioID: scenario, round: round, assessorID: assessor, intent: intent, actorCapability: capability, technologyAccessibility: access,
            opportunity: opportunity, likelihood: try UncertainEstimate(low: 0, best: likelihood, high: 1, within: 0...1), impact: impact,
            confidence: .moderate, rationale: rationale)
    }

    /// Three scores of scenario s1, round 1:
    /// p1: I 4, C 3, A 5, O 2, p 0.05, fatalities 4 → threat 4 × min(3, 5) = 12;
    /// p2: I 5, C 4, A 2, O 3, p 0.03, fatalities 2 → threat 5 × min(4, 2) = 10;
    /// p3: I 3, C 2, A 4, O 3, p 0.20, fatalities 5, economic 3 → threat 3 × min(2, 4) = 6.
    static func threeScores() throws -> [ScenarioScore] {
        [
            try score(
                "p1", intent: 4, capability: 3, access: 5, opportunity: 2, likelihood: 0.05, impact: [.fatalities: 4],
                rationale: "Seized drones show the capability."),
            try score("p2", intent: 5, capability: 4, access: 2, opportunity: 3, likelihood: 0.03, impact: [.fatalities: 2]),
            try score(
                "p3", intent: 3, capability: 2, access: 4, opportunity: 3, likelihood: 0.2, impact: [.fatalities: 5, .economic: 3],
                rationale: "Also cheap kits online."),
        ]
    }
}

/// `field key` of every problem a draft reports, or `[]` when it passes.
private func problems<T>(_ body: () throws -> T) -> [String] {
    do {
        _ = try body()
        return []
    } catch let failure as ValidationFailure {
        return failure.issues.map { "\($0.field) \($0.key)" }
    } catch {
        return ["unexpected \(error)"]
    }
}

private func near(_ value: Double?, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let value else { return false }
    return abs(value - expected) < tolerance
}

private func allNear(_ values: [Double], _ expected: [Double]) -> Bool {
    values.count == expected.count && zip(values, expected).allSatisfy { abs($0 - $1) < 1e-9 }
}

@Suite("Live sessions: Kendall's W from the participants' rankings (issue 12)")
struct LiveRulesRankingTests {
    @Test func fullRankingsWithATie() throws {
        // P1: a 1, b 2, c 3, d 4. P2: a 1, b 1 (tied), c 3, d 4. P3: b 1, a 2, d 3, c 4.
        // Ranks with ties averaged (1 = first): P1 a 1, b 2, c 3, d 4 (T = 0); P2 a 1.5, b 1.5, c 3, d 4 (T = 2³ − 2 = 6);
        // P3 a 2, b 1, c 4, d 3 (T = 0). Rank sums: a 4.5, b 4.5, c 10, d 11; R̄ = m(n + 1)/2 = 3 · 5/2 = 7.5.
        // S = 3² + 3² + 2.5² + 3.5² = 9 + 9 + 6.25 + 12.25 = 36.5.
        // Denominator m²(n³ − n) − mΣT = 9 · 60 − 3 · 6 = 522. W = 12 · 36.5 / 522 = 438/522 = 73/87 ≈ 0.839.
        // (LiveRanking scores rank r as −r, which reverses every rank: R'ᵢ = m(n + 1) − Rᵢ, the same S.)
        let rankings = [["a": 1, "b": 2, "c": 3, "d": 4], ["a": 1, "b": 1, "c": 3, "d": 4], ["b": 1, "a": 2, "d": 3, "c": 4]]
        let ranking = LiveRanking(keys: ["d", "c", "b", "a"], rankings: rankings, limit: 0)

        #expect(near(ranking.concordance, 73.0 / 87.0, 1e-12))
        #expect(ranking.rankings == 3)
        // Mean ranks of the given ranks: a (1 + 1 + 2)/3 = 4/3, b (2 + 1 + 1)/3 = 4/3, c (3 + 3 + 4)/3 = 10/3, d (4 + 4 + 3)/3 = 11/3.
        // Medians: a [1, 1, 2] → 1, b [1, 1, 2] → 1, c [3, 3, 4] → 3, d [3, 4, 4] → 4. a and b tie on both: key order.
        #expect(ranking.items.map(\.key) == ["a", "b", "c", "d"])
        let means: [Double] = [4.0 / 3, 4.0 / 3, 10.0 / 3, 11.0 / 3]
        #expect(allNear(ranking.items.map(\.meanRank), means))
        #expect(ranking.items.map(\.medianRank) == [1, 1, 3, 4])
        // First places: a by P1 and P2 (tied first), b by P2 and P3.
        #expect(ranking.items.map(\.firstPlaces) == [2, 2, 0, 0])
        #expect(ranking.items.map(\.rankedBy) == [3, 3, 3, 3])
    }

    @Test func identicalRankingsAgreeFully() {
        // Rank sums 3, 6, 9, 12; R̄ = 7.5; S = 4.5² + 1.5² + 1.5² + 4.5² = 45; W = 12 · 45 / (9 · 60) = 1.
        let same = ["a": 1, "b": 2, "c": 3, "d": 4]
        let ranking = LiveRanking(keys: ["a", "b", "c", "d"], rankings: [same, same, same], limit: 0)
        #expect(near(ranking.concordance, 1, 1e-12))
        #expect(ranking.items.map(\.meanRank) == [1, 2, 3, 4])
        #expect(ranking.items.map(\.firstPlaces) == [3, 0, 0, 0])
    }

    @Test func aTopTwoRankingTiesTheItemsLeftOutAtRankThree() {
        // Top 2 of 4: items left out are tied at k + 1 = 3.
        // P1: a 1, b 2, c 3, d 3 → positions a 1, b 2, c 3.5, d 3.5 (T = 6). P2: a 1, c 2, b 3, d 3 → a 1, c 2, b 3.5, d 3.5 (T = 6).
        // P3: b 1, a 2, c 3, d 3 → b 1, a 2, c 3.5, d 3.5 (T = 6).
        // Rank sums: a 1 + 1 + 2 = 4, b 2 + 3.5 + 1 = 6.5, c 3.5 + 2 + 3.5 = 9, d 10.5; R̄ = 7.5.
        // S = 3.5² + 1² + 1.5² + 3² = 12.25 + 1 + 2.25 + 9 = 24.5. Denominator 9 · 60 − 3 · 18 = 486.
        // W = 12 · 24.5 / 486 = 294/486 = 49/81 ≈ 0.605.
        let rankings = [["a": 1, "b": 2], ["a": 1, "c": 2], ["b": 1, "a": 2]]
        let ranking = LiveRanking(keys: ["a", "b", "c", "d"], rankings: rankings, limit: 2)

        #expect(near(ranking.concordance, 49.0 / 81.0, 1e-12))
        // Means with the bottom at 3: a (1 + 1 + 2)/3 = 4/3, b (2 + 3 + 1)/3 = 2, c (3 + 2 + 3)/3 = 8/3, d 3.
        // Medians: a [1, 1, 2] → 1, b [1, 2, 3] → 2, c [2, 3, 3] → 3, d 3.
        #expect(ranking.items.map(\.key) == ["a", "b", "c", "d"])
        let means: [Double] = [4.0 / 3, 2, 8.0 / 3, 3]
        #expect(allNear(ranking.items.map(\.meanRank), means))
        #expect(ranking.items.map(\.medianRank) == [1, 2, 3, 3])
        #expect(ranking.items.map(\.firstPlaces) == [2, 1, 0, 0])
        #expect(ranking.items.map(\.rankedBy) == [3, 2, 1, 0])
    }

    @Test func theOrderFallsBackOnTheMedianThenTheKey() {
        // x: ranks 1, 4, 1 → mean 2, median 1. y: 2, 2, 2 → mean 2, median 2. z: 3, 1, 3 → mean 7/3. w: 4, 3, 4 → mean 11/3.
        let rankings = [["x": 1, "y": 2, "z": 3, "w": 4], ["x": 4, "y": 2, "z": 1, "w": 3], ["x": 1, "y": 2, "z": 3, "w": 4]]
        let ranking = LiveRanking(keys: ["w", "y", "x", "z"], rankings: rankings, limit: 0)
        #expect(ranking.items.map(\.key) == ["x", "y", "z", "w"])
        #expect(ranking.items.map(\.medianRank) == [1, 2, 3, 4])
    }

    @Test func fewerThanTwoRankingsOrItemsGiveNoConcordance() {
        let one = LiveRanking(keys: ["a", "b", "c"], rankings: [["a": 1, "b": 2, "c": 3]], limit: 0)
        #expect(one.concordance == nil)
        #expect(one.rankings == 1)
        #expect(one.items.map(\.meanRank) == [1, 2, 3])
        let none = LiveRanking(keys: ["a", "b"], rankings: [], limit: 0)
        #expect(none.concordance == nil && none.rankings == 0)
        #expect(none.items.map(\.meanRank) == [0, 0] && none.items.map(\.rankedBy) == [0, 0])
        #expect(LiveRanking(keys: ["a"], rankings: [["a": 1], ["a": 1]], limit: 0).concordance == nil)
    }

    /// Laws: W lies in [0, 1]; it does not change when the participants come in another order or the items get other names.
    @Test func concordanceIsBoundedAndFreeOfOrderAndLabels() async {
        let rows = Gen.int(in: 1...4).array(of: 4).array(of: 2...7)
        await propertyCheck(input: rows, Gen<[Int]>.shuffled([0, 1, 2, 3]), Gen.int(in: 0...6)) { rows, permutation, shift in
            let keys = ["a", "b", "c", "d"]
            let rankings = rows.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) }
            guard let w = LiveRanking(keys: keys, rankings: rankings, limit: 0).concordance else {
                // Undefined only when every participant tied every item.
                #expect(rows.allSatisfy { Set($0).count == 1 })
                return
            }
            #expect(w >= -1e-12 && w <= 1 + 1e-12)

            let k = shift % rankings.count
            let reordered = Array(rankings[k...] + rankings[..<k]).reversed()
            #expect(near(LiveRanking(keys: keys, rankings: Array(reordered), limit: 0).concordance, w))

            // Item keys[i] becomes "x<permutation[i]>", and the keys are listed in the new names' order.
            var names: [String: String] = [:]
            for (index, key) in keys.enumerated() { names[key] = "x\(permutation[index])" }
            let relabelled = rankings.map { ranking in Dictionary(uniqueKeysWithValues: ranking.map { (names[$0.key] ?? "", $0.value) }) }
            #expect(near(LiveRanking(keys: ["x0", "x1", "x2", "x3"], rankings: relabelled, limit: 0).concordance, w))
        }
    }
}

@Suite("Live sessions: convergence, min-n breakdowns and per-factor spread (issue 12)")
struct LiveRulesFiguresTests {
    @Test func convergenceBetweenTwoRounds() throws {
        // Before: p1 2, p2 3, p3 5, p4 4 → sorted 2, 3, 4, 5. Type 7: median h = 1.5 → 3.5; Q1 h = 0.75 → 2.75; Q3 h = 2.25 → 4.25;
        // IQR 1.5. After: p1 3, p2 3, p3 4, p5 3 → sorted 3, 3, 3, 4: median 3, Q1 3, Q3 h = 2.25 → 3 + 0.25 = 3.25; IQR 0.25.
        // Δ median = 3 − 3.5 = −0.5; Δ IQR = 0.25 − 1.5 = −1.25. Both rounds: p1, p2, p3; changed: p1 (2 → 3), p3 (5 → 4).
        let convergence = try #require(
            LiveConvergence(previous: ["p1": 2, "p2": 3, "p3": 5, "p4": 4], current: ["p1": 3, "p2": 3, "p3": 4, "p5": 3]))
        #expect(near(convergence.medianChange, -0.5))
        #expect(near(convergence.interquartileRangeChange, -1.25))
        #expect(convergence.answeredBoth == 3 && convergence.changed == 2)
        #expect(near(convergence.shareChanged, 2.0 / 3.0))
        #expect(convergence.converging)

        // Nobody answered both: the share is 0, not a division by zero. Spread widening (IQR 0 → 0.5): not converging.
        let apart = try #require(LiveConvergence(previous: ["p1": 1], current: ["p2": 2, "p3": 3]))
        #expect(apart.answeredBoth == 0 && apart.changed == 0 && apart.shareChanged == 0)
        #expect(near(apart.medianChange, 1.5) && near(apart.interquartileRangeChange, 0.5) && !apart.converging)

        #expect(LiveConvergence(previous: [:], current: ["p1": 3]) == nil)
        #expect(LiveConvergence(previous: ["p1": 3], current: [:]) == nil)
    }

    func sexes(_ groups: [String?: [Double]]) -> (answers: [String: Double], attributes: [String: LiveAttributes]) {
        var answers: [String: Double] = [:]
        var attributes: [String: LiveAttributes] = [:]
        for (value, list) in groups {
            for (index, answer) in list.enumerated() {
                let id = "\(value ?? "none")-\(index)"
                answers[id] = answer
                attributes[id] = LiveAttributes(value.map { [.sex: $0] } ?? [:])
            }
        }
        return (answers, attributes)
    }

    @Test func groupsUnderTheMinimumAreSuppressed() throws {
        // Minimum 3: female 4 answers and male 3 are shown; other 1 and "not declared" 2 are suppressed (two groups: no more needed).
        let data = sexes(["female": [1, 2, 4, 5], "male": [3, 3, 4], "other": [5], nil: [1, 2]])
        let breakdown = LiveBreakdown(.sex, answers: data.answers, attributes: data.attributes, minimum: 3, minimumForConsensus: 3)
        #expect(breakdown.attribute == .sex)
        #expect(breakdown.groups.map(\.value) == ["female", "male", "other", nil])
        #expect(breakdown.groups.map(\.suppressed) == [false, false, true, true])
        // female 1, 2, 4, 5: median h = 1.5 → 3, mean 3; male 3, 3, 4: median 3, mean 10/3.
        let female = try #require(breakdown.groups[0].summary)
        #expect(female.count == 4 && female.median == 3 && female.mean == 3)
        let male = try #require(breakdown.groups[1].summary)
        #expect(male.count == 3 && male.median == 3 && near(male.mean, 10.0 / 3.0))
    }

    @Test func oneSuppressedGroupTakesTheNextSmallestWithIt() {
        // Minimum 3: only "other" (1) is under it; shown beside the total, it could be worked out, so the next smallest (male, 4)
        // is suppressed too; female (5) stays.
        let data = sexes(["female": [1, 2, 3, 4, 5], "male": [2, 2, 3, 3], "other": [5]])
        let breakdown = LiveBreakdown(.sex, answers: data.answers, attributes: data.attributes, minimum: 3, minimumForConsensus: 3)
        #expect(breakdown.groups.map(\.value) == ["female", "male", "other"])
        #expect(breakdown.groups.map(\.suppressed) == [false, true, true])
        #expect(breakdown.groups[0].summary?.count == 5 && breakdown.groups[0].summary?.median == 3)

        // Two groups, one too small: both go.
        let pair = sexes(["female": [1, 2, 3, 4, 5], nil: [4]])
        let two = LiveBreakdown(.sex, answers: pair.answers, attributes: pair.attributes, minimum: 2, minimumForConsensus: 3)
        #expect(two.groups.map(\.value) == ["female", nil] && two.groups.allSatisfy(\.suppressed))
    }

    @Test func notDeclaredIsAGroupAndNothingIsSuppressedWhenAllAreLargeEnough() {
        // Minimum 2: female 2, male 3, not declared 2 (one declared nothing, one is not in the attributes at all).
        var data = sexes(["female": [4, 5], "male": [1, 2, 3], nil: [3]])
        data.answers["stranger"] = 5
        let breakdown = LiveBreakdown(.sex, answers: data.answers, attributes: data.attributes, minimum: 2, minimumForConsensus: 3)
        #expect(breakdown.groups.map(\.value) == ["female", "male", nil])
        #expect(breakdown.groups.allSatisfy { !$0.suppressed })
        #expect(breakdown.groups.map { $0.summary?.count } == [2, 3, 2])
        // Not declared: 3 and 5 → median 4.
        #expect(breakdown.groups[2].summary?.median == 4)
    }

    /// Laws: with two groups or more, never exactly one is suppressed; every group shown has at least the minimum and its true
    /// count; every group under the minimum is suppressed.
    @Test func suppressionNeverLeavesOneGroupToWorkOut() async {
        await propertyCheck(input: Gen.int(in: 0...3).array(of: 0...30), Gen.int(in: 1...5).array(of: 30), Gen.int(in: 2...6)) {
            declared, values, minimum in
            var answers: [String: Double] = [:]
            var attributes: [String: LiveAttributes] = [:]
            var truth: [String?: Int] = [:]
            for (index, choice) in declared.enumerated() {
                let value: String? = choice < 3 ? LiveAttribute.sex.values[choice] : nil
                answers["p\(index)"] = values.isEmpty ? 1 : Double(values[index % values.count])
                attributes["p\(index)"] = LiveAttributes(value.map { [.sex: $0] } ?? [:])
                truth[value, default: 0] += 1
            }
            let breakdown = LiveBreakdown(.sex, answers: answers, attributes: attributes, minimum: minimum, minimumForConsensus: 3)
            #expect(breakdown.groups.count == truth.count)
            if breakdown.groups.count >= 2 { #expect(breakdown.groups.filter(\.suppressed).count != 1) }
            for group in breakdown.groups {
                let count = truth[group.value] ?? 0
                if let summary = group.summary {
                    #expect(summary.count == count && count >= minimum)
                } else {
                    #expect(group.suppressed)
                }
                if count < minimum { #expect(group.suppressed) }
            }
        }
    }

    @Test func everyFactorsSpreadInOneRound() throws {
        let summaries = FactorSummary.of(try LiveMock.threeScores(), minimumForConsensus: 3)
        // Factors someone gave a value for, in ScoreFactor order; impact dimensions nobody scored are left out.
        #expect(
            summaries.map(\.factor) == [
                .intent, .actorCapability, .technologyAccessibility, .opportunity, .likelihood, .impact(.fatalities), .impact(.economic), .threat,
            ])
        func of(_ factor: ScoreFactor) throws -> FactorSummary { try #require(summaries.first { $0.factor == factor }) }

        // Intent 3, 4, 5: median 4, Q1 h = 0.5 → 3.5, Q3 h = 1.5 → 4.5, IQR 1; all within ±1 → consensus.
        let intent = try of(.intent)
        #expect(intent.summary.median == 4 && intent.summary.interquartileRange == 1 && intent.agreement == .consensus)
        // Actor capability 3, 4, 2 → sorted 2, 3, 4: median 3, IQR 1.
        let capability = try of(.actorCapability)
        #expect(capability.summary.median == 3 && capability.summary.interquartileRange == 1)
        // Accessibility 5, 2, 4 → 2, 4, 5: median 4, Q1 3, Q3 4.5, IQR 1.5 → no consensus.
        let access = try of(.technologyAccessibility)
        #expect(access.summary.median == 4 && access.summary.interquartileRange == 1.5 && access.agreement == .noConsensus)
        // Fatalities 4, 2, 5 → 2, 4, 5: median 4, IQR 1.5; economic only p3: too few ratings.
        #expect(try of(.impact(.fatalities)).summary.median == 4)
        let economic = try of(.impact(.economic))
        #expect(economic.summary.count == 1 && economic.agreement == .tooFewRatings)
        // Threat = I × min(C, A): 12, 10, 6 → sorted 6, 10, 12: median 10, Q1 6 + 0.5 · 4 = 8, Q3 10 + 0.5 · 2 = 11, IQR 3.
        let threat = try of(.threat)
        #expect(threat.summary.median == 10 && threat.summary.lowerQuartile == 8 && threat.summary.upperQuartile == 11)
        #expect(threat.agreement == .noConsensus)
        // Likelihood 0.05, 0.03, 0.2: median 0.05; bands possible, possible, likely (2, 2, 3): IQR 0.5 → consensus.
        let likelihood = try of(.likelihood)
        #expect(near(likelihood.summary.median, 0.05) && likelihood.agreement == .consensus)
        #expect(ScoreFactor.impact(.essentialServices).code == "impact.essential-services" && ScoreFactor.actorCapability.code == "actor-capability")
    }

    @Test func likelihoodAgreementIsJudgedOnBands() throws {
        // 0.001, 0.03, 0.5: on the raw probabilities IQR = (0.03 + 0.5 · 0.47) − (0.001 + 0.5 · 0.029) = 0.265 − 0.0155 ≈ 0.25 and
        // all lie within ±1 of the median (a "consensus" that means nothing); on bands remote 0, possible 2, very likely 4:
        // IQR 3 − 1 = 2 → no consensus.
        let scores = try [0.001, 0.03, 0.5].enumerated().map { index, p in
            try LiveMock.score("p\(index)", intent: 3, capability: 3, access: 3, opportunity: 3, likelihood: p, impact: [.fatalities: 3])
        }
        let likelihood = try #require(FactorSummary.of(scores, minimumForConsensus: 3).first { $0.factor == .likelihood })
        #expect(likelihood.summary.agreement == .consensus)
        #expect(near(likelihood.summary.interquartileRange, 0.2495))
        #expect(likelihood.agreement == .noConsensus)
    }

    @Test func everyRoundKeepsItsOwnFigures() throws {
        // s1 round 1: intent 4, 5, 3 (median 4); s1 round 2: intent 5, 5 (median 5); s2 round 1: one score, intent 2.
        var scores = try LiveMock.threeScores()
        for assessor in ["p1", "p2"] {
            scores.append(
                try LiveMock.score(
                    assessor, round: 2, intent: 5, capability: 4, access: 4, opportunity: 3, likelihood: 0.05, impact: [.fatalities: 3]))
        }
        scores.append(
            try LiveMock.score("p1", scenario: "s2", intent: 2, capability: 2, access: 2, opportunity: 2, likelihood: 0.01, impact: [.economic: 2]))
        let byRound = FactorSummary.byRound(scores, minimumForConsensus: 3)

        #expect(Set(byRound.keys) == ["s1", "s2"])
        #expect(byRound["s1"].map { Set($0.keys) } == Set([1, 2]))
        #expect(byRound["s2"].map { Set($0.keys) } == Set([1]))
        func intent(_ scenario: String, _ round: Int) -> RatingSummary? { byRound[scenario]?[round]?.first { $0.factor == .intent }?.summary }
        #expect(intent("s1", 1)?.median == 4 && intent("s1", 1)?.count == 3)
        #expect(intent("s1", 2)?.median == 5 && intent("s1", 2)?.count == 2)
        #expect(intent("s2", 1)?.median == 2 && intent("s2", 1)?.count == 1)
        // Round 2 threat: 5 × min(4, 4) = 20 twice.
        #expect(byRound["s1"]?[2]?.first { $0.factor == .threat }?.summary.median == 20)
    }
}

@Suite("Live sessions: results of a round, by kind of activity (issue 12)")
struct LiveRulesResultsTests {
    typealias M = LiveMock

    @Test func scoringGivesTheThreatEveryFactorAndTheRationalesSortedByText() throws {
        let activity = LiveActivity(
            id: "activity", sessionID: "session", kind: .scoring, title: "Score", position: 1, items: [LiveItem(key: "s1", label: "Drone attack")],
            createdAt: 1)
        let submissions = try M.threeScores().map { M.submission($0.assessorID, round: 1, item: "s1", .score($0)) }
        let results = LiveResults.compute(
            activity: activity, round: 1, submissions: submissions, ideas: [], participants: [], minimumGroupSize: 5, minimumForConsensus: 3)

        #expect(results.participants == 3 && results.round == 1 && results.ranking == nil && results.quiz == nil)
        let item = try #require(results.items.first)
        #expect(results.items.count == 1 && item.key == "s1" && item.label == "Drone attack" && item.count == 3)
        // Main value: threat 12, 10, 6 → median 10.
        #expect(item.values == [6, 10, 12] && item.summary?.median == 10)
        #expect(item.factors.count == 8 && item.factors.first?.factor == .intent && item.factors.first?.summary.median == 4)
        // Rationales sorted by text so their order says nothing of who wrote them; p2 wrote none.
        #expect(item.texts.map(\.text) == ["Also cheap kits online.", "Seized drones show the capability."])
        #expect(item.texts.map(\.participantID) == ["p3", "p1"])
        #expect(item.convergence == nil && item.quadrants == nil && item.secondary == nil && item.breakdowns.isEmpty)
    }

    @Test func matrixGivesQuadrantSharesAndTheImpactAxis() throws {
        // (likelihood, impact): p1 (70, 80) high/high; p2 (50, 20) high/low (50 is high); p3 (30, 55) low/high; p4 (10, 10) low/low;
        // p5 (90, 60) high/high. Shares of 5: HH 2/5, HL 1/5, LH 1/5, LL 1/5.
        let placements = [("p1", 70, 80), ("p2", 50, 20), ("p3", 30, 55), ("p4", 10, 10), ("p5", 90, 60)]
        let submissions = placements.map { M.submission($0.0, item: "s1", .placement(likelihood: $0.1, impact: $0.2)) }
        let results = LiveResults.compute(
            activity: M.activity(.matrix, ["s1"]), round: 1, submissions: submissions, ideas: [], participants: [], minimumGroupSize: 5)

        let item = try #require(results.items.first)
        let quadrants = try #require(item.quadrants)
        #expect(quadrants.highLikelihoodHighImpact == 0.4 && quadrants.highLikelihoodLowImpact == 0.2)
        #expect(quadrants.lowLikelihoodHighImpact == 0.2 && quadrants.lowLikelihoodLowImpact == 0.2)
        // Likelihood 10, 30, 50, 70, 90: median 50, Q1 30, Q3 70. Impact 10, 20, 55, 60, 80: median 55, Q1 20, Q3 60.
        #expect(item.summary?.median == 50 && item.summary?.lowerQuartile == 30 && item.summary?.upperQuartile == 70)
        #expect(item.secondary?.median == 55 && item.secondary?.lowerQuartile == 20 && item.secondary?.upperQuartile == 60)
        #expect(item.values == [10, 30, 50, 70, 90])
    }

    @Test func allocationCountsZeroForItemsAParticipantGaveNothing() throws {
        // p1 60 / 40 / –, p2 20 / 30 / 50, p3 – / – / 100.
        // i1: 60, 20, 0 → sorted 0, 20, 60: median 20, mean 80/3. i2: 40, 30, 0 → median 30. i3: 0, 50, 100 → median 50, mean 50.
        let submissions = [
            M.submission("p1", .allocation(["i1": 60, "i2": 40])), M.submission("p2", .allocation(["i1": 20, "i2": 30, "i3": 50])),
            M.submission("p3", .allocation(["i3": 100])),
        ]
        let results = LiveResults.compute(
            activity: M.activity(.allocation, ["i1", "i2", "i3"]), round: 1, submissions: submissions, ideas: [], participants: [],
            minimumGroupSize: 5)
        #expect(results.items.map(\.key) == ["i1", "i2", "i3"])
        #expect(results.items.map(\.count) == [3, 3, 3])
        #expect(results.items.map(\.values) == [[0, 20, 60], [0, 30, 40], [0, 50, 100]])
        #expect(results.items.map { $0.summary?.median } == [20, 30, 50])
        #expect(near(results.items[0].summary?.mean, 80.0 / 3.0) && results.items[2].summary?.mean == 50)
    }

    /// Two questions: q1 (A, B, C), B correct; q2 (X, Y), X correct.
    static let quiz = LiveActivity(
        id: "activity", sessionID: "session", kind: .quiz, title: "Quiz", position: 1,
        items: [
            LiveItem(key: "q1", label: "Q1", options: ["A", "B", "C"], correctOption: 1),
            LiveItem(key: "q2", label: "Q2", options: ["X", "Y"], correctOption: 0),
        ],
        createdAt: 1)

    @Test func quizScoresCorrectnessAndTheGainOfThoseWhoTookBoth() throws {
        // Round 1: p1 q1 B ✓, q2 Y ✗ → 1/2; p2 q1 A ✗, q2 X ✓ → 1/2; p3 q1 C ✗ only → 0/2 (a question not answered is wrong).
        // Round 2: p1 q1 B ✓, q2 X ✓ → 1; p2 q1 B ✓, q2 Y ✗ → 1/2; p4 q1 B ✓ only → 1/2.
        let submissions = [
            M.submission("p1", round: 1, item: "q1", .choice(1)), M.submission("p1", round: 1, item: "q2", .choice(1)),
            M.submission("p2", round: 1, item: "q1", .choice(0)), M.submission("p2", round: 1, item: "q2", .choice(0)),
            M.submission("p3", round: 1, item: "q1", .choice(2)),
            M.submission("p1", round: 2, item: "q1", .choice(1)), M.submission("p1", round: 2, item: "q2", .choice(0)),
            M.submission("p2", round: 2, item: "q1", .choice(1)), M.submission("p2", round: 2, item: "q2", .choice(1)),
            M.submission("p4", round: 2, item: "q1", .choice(1)),
        ]
        let first = LiveResults.compute(
            activity: Self.quiz, round: 1, submissions: submissions, ideas: [], participants: [], minimumGroupSize: 5)
        let second = LiveResults.compute(
            activity: Self.quiz, round: 2, submissions: submissions, ideas: [], participants: [], minimumGroupSize: 5)

        // Share correct per question: round 1 q1 1/3 (p1 of p1–p3), q2 1/2; round 2 q1 3/3, q2 1/2.
        #expect(near(first.items[0].summary?.mean, 1.0 / 3.0) && first.items[1].summary?.mean == 0.5)
        #expect(second.items[0].summary?.mean == 1 && second.items[1].summary?.mean == 0.5)
        // Round 1 scores 1/2, 1/2, 0: median 1/2; no gain before round 2.
        #expect(first.quiz?.scores?.median == 0.5 && first.quiz?.scores?.count == 3)
        #expect(first.quiz?.meanGain == nil && first.quiz?.paired == 0)
        // Round 2 scores 1, 1/2, 1/2: median 1/2. Paired p1 (1 − 1/2 = 1/2) and p2 (1/2 − 1/2 = 0): mean gain 1/4.
        #expect(second.quiz?.scores?.median == 0.5 && second.quiz?.scores?.count == 3)
        #expect(second.quiz?.paired == 2 && near(second.quiz?.meanGain, 0.25))
        // q1 convergence: before p1 1, p2 0, p3 0 (median 0, IQR 0.5 − 0 = 0.5); after 1, 1, 1 (median 1, IQR 0): Δ median 1,
        // Δ IQR −0.5; both rounds p1 and p2, p2 changed.
        let convergence = try #require(second.items[0].convergence)
        #expect(convergence.medianChange == 1 && convergence.interquartileRangeChange == -0.5)
        #expect(convergence.answeredBoth == 2 && convergence.changed == 1)
        #expect(first.participants == 3 && second.participants == 3)
    }

    @Test func surveyGivesTheAgreementCommentsAndSuppressedBreakdowns() throws {
        // Ratings 5, 4, 2 → median 4; comments sorted by text; p2 left none.
        let participants = [M.participant("p1", .admitted, [.sex: "female"]), M.participant("p2", .admitted, [.sex: "female"]), M.participant("p3")]
        let submissions = [
            M.submission("p1", item: "i1", .rating(5, comment: "Useful")), M.submission("p2", item: "i1", .rating(4, comment: "")),
            M.submission("p3", item: "i1", .rating(2, comment: "Too long")),
        ]
        let results = LiveResults.compute(
            activity: M.activity(.survey, ["i1"]), round: 1, submissions: submissions, ideas: [], participants: participants, minimumGroupSize: 2)
        let item = try #require(results.items.first)
        #expect(item.summary?.median == 4 && item.count == 3)
        #expect(item.texts.map(\.text) == ["Too long", "Useful"] && item.texts.map(\.participantID) == ["p3", "p1"])
        // By sex with minimum 2: female 2 would be shown, "not declared" 1 is suppressed, and so female goes with it.
        let breakdown = try #require(item.breakdowns.first)
        #expect(item.breakdowns.count == 1 && breakdown.attribute == .sex)
        #expect(breakdown.groups.map(\.value) == ["female", nil] && breakdown.groups.allSatisfy(\.suppressed))
    }

    @Test func ideasTallyVotesForVotableIdeasOnly() throws {
        let ideas = [
            LiveIdea(id: "I1", activityID: "activity", participantID: "p1", text: "Drone registry", createdAt: 1),
            LiveIdea(id: "I2", activityID: "activity", participantID: "p2", text: "Registry of drones", mergedInto: "I1", createdAt: 2),
            LiveIdea(id: "I3", activityID: "activity", participantID: "p3", text: "Something rude", hidden: true, createdAt: 3),
            LiveIdea(id: "I4", activityID: "activity", participantID: "p4", text: "Cyber patrols", createdAt: 4),
        ]
        // Votes: p1 I1 + I4, p2 I1, p3 I4 + I3 (hidden since), p4 I2 (merged into I1 since). A vote for a merged idea goes to
        // the idea it was merged into; a vote for a hidden one counts for nothing. I1: 3 (p1, p2, p4), I4: 2; I2 and I3 are not
        // listed.
        let submissions = [
            M.submission("p1", round: 2, .votes(["I1", "I4"])), M.submission("p2", round: 2, .votes(["I1"])),
            M.submission("p3", round: 2, .votes(["I3", "I4"])), M.submission("p4", round: 2, .votes(["I2"])),
        ]
        let results = LiveResults.compute(
            activity: M.activity(.ideas, [], limit: 3), round: 2, submissions: submissions, ideas: ideas, participants: [], minimumGroupSize: 5)
        // Most votes first. I1 has I2 merged into it.
        #expect(results.ideas.map(\.ideaID) == ["I1", "I4"])
        #expect(results.ideas.map(\.votes) == [3, 2] && results.ideas.map(\.merged) == [1, 0])
        #expect(results.participants == 4 && results.items.isEmpty)

        // Two more votes for I4 put it first.
        let more = LiveResults.compute(
            activity: M.activity(.ideas, [], limit: 3), round: 2,
            submissions: submissions + [M.submission("p5", round: 2, .votes(["I4"])), M.submission("p6", round: 2, .votes(["I4"]))],
            ideas: ideas, participants: [], minimumGroupSize: 5)
        #expect(more.ideas.map(\.ideaID) == ["I4", "I1"] && more.ideas.map(\.votes) == [4, 3])
    }

    @Test func rankingResultsCarryTheParticipantsW() throws {
        // The top-2 case of LiveRulesRankingTests: W = 49/81.
        let submissions = [["a": 1, "b": 2], ["a": 1, "c": 2], ["b": 1, "a": 2]].enumerated().map {
            M.submission("p\($0.offset)", .ranking($0.element))
        }
        let results = LiveResults.compute(
            activity: M.activity(.ranking, ["a", "b", "c", "d"], limit: 2), round: 1, submissions: submissions, ideas: [], participants: [],
            minimumGroupSize: 5)
        let ranking = try #require(results.ranking)
        #expect(near(ranking.concordance, 49.0 / 81.0, 1e-12) && ranking.rankings == 3)
        #expect(ranking.items.first?.key == "a" && results.items.isEmpty && results.participants == 3)
    }

    @Test func gridShowsConvergenceFromRoundTwo() throws {
        // Round 1: p1 1, p2 2, p3 4 → sorted 1, 2, 4: median 2, Q1 1.5, Q3 3, IQR 1.5.
        // Round 2: p1 2, p2 3, p3 4 → median 3, Q1 2.5, Q3 3.5, IQR 1. Δ median +1, Δ IQR −0.5; 3 in both rounds, 2 changed.
        let submissions = [
            M.submission("p1", round: 1, item: "a1", .level(1)), M.submission("p2", round: 1, item: "a1", .level(2)),
            M.submission("p3", round: 1, item: "a1", .level(4)), M.submission("p1", round: 2, item: "a1", .level(2)),
            M.submission("p2", round: 2, item: "a1", .level(3)), M.submission("p3", round: 2, item: "a1", .level(4)),
        ]
        let grid = M.activity(.grid, ["a1"])
        let first = LiveResults.compute(activity: grid, round: 1, submissions: submissions, ideas: [], participants: [], minimumGroupSize: 5)
        let second = LiveResults.compute(activity: grid, round: 2, submissions: submissions, ideas: [], participants: [], minimumGroupSize: 5)
        #expect(first.items[0].summary?.median == 2 && first.items[0].convergence == nil)
        #expect(second.items[0].summary?.median == 3 && second.items[0].values == [2, 3, 4])
        let convergence = try #require(second.items[0].convergence)
        #expect(convergence.medianChange == 1 && convergence.interquartileRangeChange == -0.5)
        #expect(convergence.answeredBoth == 3 && convergence.changed == 2 && near(convergence.shareChanged, 2.0 / 3.0))
    }
}

@Suite("Live sessions: rules of rounds, answers, settings and moves (issue 12)")
struct LiveRulesViolationTests {
    typealias M = LiveMock
    let scoring = M.activity(.scoring, ["s1"], id: "A", title: "Scoring")
    let quiz = M.activity(.quiz, ["q1"], id: "B", title: "Knowledge quiz")
    let survey = M.activity(.survey, ["i1"], id: "C", title: "Survey")
    var activities: [LiveActivity] { [scoring, quiz, survey] }

    func opening(_ activity: LiveActivity, _ rounds: [LiveRound], session: LiveSession = M.session(.running)) throws -> Int {
        try LiveRuleViolation.checkOpen(activity, session: session, rounds: rounds, activities: activities)
    }

    @Test func roundsOpenOneAfterAnotherOnlyOnceRevealed() throws {
        #expect(try opening(scoring, []) == 1)
        #expect(throws: LiveRuleViolation.previousRoundNotRevealed(1)) { try opening(scoring, [M.round("A", 1, .open)]) }
        #expect(throws: LiveRuleViolation.previousRoundNotRevealed(1)) { try opening(scoring, [M.round("A", 1, .closed)]) }
        #expect(try opening(scoring, [M.round("A", 1, .revealed)]) == 2)
        #expect(throws: LiveRuleViolation.previousRoundNotRevealed(2)) {
            try opening(scoring, [M.round("A", 1, .revealed), M.round("A", 2, .closed)])
        }
        // Five rounds at most for scoring.
        let five = (1...5).map { M.round("A", $0, .revealed) }
        #expect(throws: LiveRuleViolation.noMoreRounds(5)) { try opening(scoring, five) }
        #expect(try opening(scoring, Array(five.prefix(4))) == 5)
    }

    @Test func oneRoundAtATimeInASession() throws {
        #expect(throws: LiveRuleViolation.anotherRoundRunning(activity: "Knowledge quiz")) { try opening(scoring, [M.round("B", 1, .open)]) }
        #expect(throws: LiveRuleViolation.anotherRoundRunning(activity: "Knowledge quiz")) { try opening(scoring, [M.round("B", 1, .closed)]) }
        #expect(try opening(scoring, [M.round("B", 1, .revealed)]) == 1)
        // An activity the list does not hold is named by its id.
        #expect(throws: LiveRuleViolation.anotherRoundRunning(activity: "Z")) { try opening(scoring, [M.round("Z", 1, .open)]) }
    }

    @Test func aQuizRunsTwiceAndASurveyOnce() throws {
        #expect(try opening(quiz, [M.round("B", 1, .revealed)]) == 2)
        #expect(throws: LiveRuleViolation.noMoreRounds(2)) { try opening(quiz, [M.round("B", 1, .revealed), M.round("B", 2, .revealed)]) }
        #expect(throws: LiveRuleViolation.noMoreRounds(1)) { try opening(survey, [M.round("C", 1, .revealed)]) }
        #expect(LiveActivity.Kind.ideas.maximumRounds == 2 && LiveActivity.Kind.ranking.maximumRounds == LiveLimits.rounds)
    }

    @Test func roundsOpenOnlyWhileTheSessionRuns() {
        #expect(throws: LiveRuleViolation.sessionNotRunning(.setup)) { try opening(scoring, [], session: M.session(.setup)) }
        #expect(throws: LiveRuleViolation.sessionNotRunning(.ended)) { try opening(scoring, [], session: M.session(.ended)) }
    }

    @Test func roundsMoveOpenClosedRevealed() throws {
        try LiveRuleViolation.checkAdvance(M.round("A", 1, .open), to: .closed)
        try LiveRuleViolation.checkAdvance(M.round("A", 1, .closed), to: .revealed)
        #expect(throws: LiveRuleViolation.roundTransition(from: .open, to: .revealed)) {
            try LiveRuleViolation.checkAdvance(M.round("A", 1, .open), to: .revealed)
        }
        #expect(throws: LiveRuleViolation.roundTransition(from: .open, to: .open)) {
            try LiveRuleViolation.checkAdvance(M.round("A", 1, .open), to: .open)
        }
        #expect(throws: LiveRuleViolation.roundTransition(from: .closed, to: .open)) {
            try LiveRuleViolation.checkAdvance(M.round("A", 1, .closed), to: .open)
        }
        #expect(throws: LiveRuleViolation.roundTransition(from: .revealed, to: .closed)) {
            try LiveRuleViolation.checkAdvance(M.round("A", 1, .revealed), to: .closed)
        }
    }

    @Test func answersNeedARunningSessionAnAdmittedParticipantAndAnOpenRound() throws {
        let open = M.round("A", 1, .open)
        try LiveRuleViolation.checkAnswer(session: M.session(.running), participant: M.participant("p1"), round: open)
        #expect(throws: LiveRuleViolation.notAdmitted) {
            try LiveRuleViolation.checkAnswer(session: M.session(.running), participant: M.participant("p1", .waiting), round: open)
        }
        #expect(throws: LiveRuleViolation.notAdmitted) {
            try LiveRuleViolation.checkAnswer(session: M.session(.running), participant: M.participant("p1", .refused), round: open)
        }
        #expect(throws: LiveRuleViolation.roundNotOpen) {
            try LiveRuleViolation.checkAnswer(session: M.session(.running), participant: M.participant("p1"), round: nil)
        }
        #expect(throws: LiveRuleViolation.roundNotOpen) {
            try LiveRuleViolation.checkAnswer(session: M.session(.running), participant: M.participant("p1"), round: M.round("A", 1, .closed))
        }
        // The session is checked first.
        #expect(throws: LiveRuleViolation.sessionNotRunning(.ended)) {
            try LiveRuleViolation.checkAnswer(session: M.session(.ended), participant: M.participant("p1", .waiting), round: nil)
        }
        #expect(throws: LiveRuleViolation.sessionNotRunning(.setup)) {
            try LiveRuleViolation.checkAnswer(session: M.session(.setup), participant: M.participant("p1"), round: open)
        }
    }

    @Test func anonymityAndAttributesAreFixedOnceStarted() throws {
        var changed = M.session(.setup)
        changed.anonymity = .named
        changed.askedAttributes = [.sex]
        changed.title = "Renamed"
        try LiveRuleViolation.checkSettings(M.session(.setup), changed)

        for status in [LiveSession.Status.running, .ended] {
            let stored = M.session(status, anonymity: .pseudonymous, attributes: [.sex, .ageBand])
            var anonymity = stored
            anonymity.anonymity = .named
            #expect(throws: LiveRuleViolation.settingsFixed) { try LiveRuleViolation.checkSettings(stored, anonymity) }
            var attributes = stored
            attributes.askedAttributes = [.ageBand, .sex]
            #expect(throws: LiveRuleViolation.settingsFixed) { try LiveRuleViolation.checkSettings(stored, attributes) }
            var title = stored
            title.title = "Afternoon session"
            try LiveRuleViolation.checkSettings(stored, title)
        }
    }

    @Test func sessionsMoveSetupRunningEnded() throws {
        try LiveRuleViolation.checkSessionMove(.setup, to: .running)
        try LiveRuleViolation.checkSessionMove(.running, to: .ended)
        for (from, to) in [(LiveSession.Status.setup, LiveSession.Status.ended), (.running, .setup), (.ended, .running), (.running, .running)] {
            #expect(throws: LiveRuleViolation.sessionTransition(from: from, to: to)) { try LiveRuleViolation.checkSessionMove(from, to: to) }
        }
    }

    @Test func violationsExplainThemselves() {
        #expect(LiveRuleViolation.sessionNotRunning(.setup).explanation.key == "errors.rule.live.session-setup")
        #expect(LiveRuleViolation.previousRoundNotRevealed(2).explanation.values == ["round": "2"])
        #expect(LiveRuleViolation.noMoreRounds(2).explanation.count == 2)
        #expect(LiveRuleViolation.full("ideas").explanation.key == "errors.rule.live.full-ideas")
    }

    @Test func onlyEventsForEveryoneOrForThemselvesReachAParticipant() {
        let everyone = LiveEvent.draft(.roundOpened, session: "session", audience: .everyone)
        let own = LiveEvent.draft(.participantAdmitted, session: "session", audience: .participant, participant: "p1")
        let facilitator = LiveEvent.draft(.submission, session: "session", audience: .facilitator)
        #expect(everyone.isHeard(by: "p1") && own.isHeard(by: "p1"))
        #expect(!own.isHeard(by: "p2") && !facilitator.isHeard(by: "p1"))
    }
}

@Suite("Live sessions: forms and answers as typed (issue 12)")
struct LiveRulesDraftTests {
    typealias M = LiveMock

    // MARK: Session

    @Test func aSessionNeedsATitleAKnownAnonymityAndAKnownAssessment() throws {
        let ok = try LiveSessionDraft(
            title: "  Regional workshop ", assessmentID: " a1 ", anonymity: "named", attributes: ["agency-type", "sex", "hair-colour"],
            minimumGroupSize: nil
        ).validated(assessments: ["a1"])
        #expect(ok.title == "Regional workshop" && ok.assessmentID == "a1" && ok.anonymity == .named)
        // Attributes in the order asked on the form (LiveAttribute order), unknown names ignored; minimum 5 by default.
        #expect(ok.askedAttributes == [.sex, .agencyType] && ok.minimumGroupSize == 5)
        let none = try LiveSessionDraft(title: "Open", assessmentID: nil, anonymity: "anonymous", attributes: [], minimumGroupSize: 2)
            .validated(assessments: [])
        #expect(none.assessmentID == nil && none.askedAttributes.isEmpty && none.minimumGroupSize == 2)

        #expect(
            problems {
                try LiveSessionDraft(title: " ", assessmentID: nil, anonymity: "anonymous", attributes: [], minimumGroupSize: nil).validated(
                    assessments: [])
            } == ["title validation.required"])
        let anonymity = #expect(throws: ValidationFailure.self) {
            try LiveSessionDraft(title: "T", assessmentID: nil, anonymity: "secret", attributes: [], minimumGroupSize: nil).validated(assessments: [])
        }
        #expect(anonymity?.issues.map(\.field) == ["anonymity"] && anonymity?.issues.first?.values == ["values": "anonymous, pseudonymous, named"])
        #expect(
            problems {
                try LiveSessionDraft(title: "T", assessmentID: "a9", anonymity: "named", attributes: [], minimumGroupSize: nil).validated(
                    assessments: ["a1"])
            } == ["assessment live.validation.unknown-assessment"])
        // Every problem at once.
        #expect(
            problems {
                try LiveSessionDraft(title: "", assessmentID: "a9", anonymity: "", attributes: [], minimumGroupSize: 1).validated(assessments: [])
            } == [
                "title validation.required", "anonymity validation.one-of", "assessment live.validation.unknown-assessment",
                "minimum-group validation.number-from-to",
            ])
    }

    @Test(arguments: [("1", nil), ("2", 2), ("50", 50), ("51", nil), ("five", nil), ("", 5), (" 7 ", 7)] as [(String, Int?)])
    func theMinimumGroupIsBetweenTwoAndFifty(typed: String, expected: Int?) throws {
        let draft = LiveSessionDraft(fields: ["title": "T", "anonymity": "anonymous", "minimum-group": typed])
        if let expected {
            #expect(try draft.validated(assessments: []).minimumGroupSize == expected)
        } else {
            let failure = #expect(throws: ValidationFailure.self) { try draft.validated(assessments: []) }
            #expect(failure?.issues.map(\.field) == ["minimum-group"] && failure?.issues.first?.values == ["min": "2", "max": "50"])
        }
    }

    // MARK: Activity

    func activity(_ draft: LiveActivityDraft, scenarios: [(id: String, title: String)] = []) throws -> LiveActivity {
        try draft.validated(id: "new", sessionID: "session", position: 3, scenarios: scenarios, at: 7)
    }

    @Test func quizLinesMarkTheCorrectOptionWithAStar() throws {
        let quiz = try activity(
            LiveActivityDraft(
                kind: "quiz", title: "Before the workshop",
                items: ["Which of these is a drone? | Car | *Quadcopter | Boat", "", "  Who regulates drones? | * Aviation authority | Police  "],
                scenarios: [], limit: nil))
        #expect(quiz.kind == .quiz && quiz.title == "Before the workshop" && quiz.position == 3 && quiz.sessionID == "session")
        #expect(
            quiz.items == [
                LiveItem(key: "i1", label: "Which of these is a drone?", options: ["Car", "Quadcopter", "Boat"], correctOption: 1),
                LiveItem(key: "i2", label: "Who regulates drones?", options: ["Aviation authority", "Police"], correctOption: 0),
            ])
    }

    @Test func aBadQuizLineIsNamedByItsNumber() {
        let nine = "Too many? | *1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9"
        let failure = #expect(throws: ValidationFailure.self) {
            try activity(
                LiveActivityDraft(
                    kind: "quiz", title: "Quiz",
                    items: ["Fine? | *Yes | No", "No options here", "Which? | A | B", "Both? | *A | *B", " | *A | B", nine, "Empty? | *A | "],
                    scenarios: [], limit: nil))
        }
        #expect(
            failure?.issues.map(\.key) == [
                "live.validation.quiz-line", "live.validation.quiz-correct", "live.validation.quiz-correct", "live.validation.quiz-line",
                "live.validation.quiz-line",
                "live.validation.quiz-line",
            ])
        #expect(failure?.issues.map { $0.values["line"] } == ["2", "3", "4", "5", "6", "7"])
        #expect(failure?.issues.allSatisfy { $0.field == "items" } == true)
    }

    @Test func scenarioActivitiesTakeTheTickedScenariosOrAll() throws {
        let scenarios = [(id: "s1", title: "Drone attack"), (id: "s2", title: "Crypto financing"), (id: "s3", title: "Recruitment")]
        let ticked = try activity(
            LiveActivityDraft(kind: "scoring", title: "Score", items: [], scenarios: ["s3", "s1"], limit: nil), scenarios: scenarios)
        #expect(ticked.items == [LiveItem(key: "s1", label: "Drone attack"), LiveItem(key: "s3", label: "Recruitment")])
        let all = try activity(LiveActivityDraft(kind: "matrix", title: "2 × 2", items: ["ignored"], scenarios: [], limit: nil), scenarios: scenarios)
        #expect(all.items.map(\.key) == ["s1", "s2", "s3"])
        #expect(
            problems { try activity(LiveActivityDraft(kind: "ranking", title: "Rank", items: [], scenarios: [], limit: nil)) } == [
                "items live.validation.no-scenarios"
            ])
    }

    @Test func aRankingLimitOfAllItemsOrMoreMeansAFullRanking() throws {
        let scenarios = [(id: "s1", title: "A"), (id: "s2", title: "B"), (id: "s3", title: "C")]
        func limit(_ typed: Int, ticked: [String] = []) throws -> Int {
            try activity(LiveActivityDraft(kind: "ranking", title: "Rank", items: [], scenarios: ticked, limit: typed), scenarios: scenarios).limit
        }
        #expect(try limit(2) == 2)
        #expect(try limit(3) == 0)
        #expect(try limit(5) == 0)
        #expect(try limit(2, ticked: ["s1", "s2"]) == 0)
        #expect(try limit(1, ticked: ["s1", "s2"]) == 1)
        #expect(problems { try limit(61) } == ["limit validation.number-from-to"])
        #expect(problems { try limit(-1) } == ["limit validation.number-from-to"])
    }

    @Test func anIdeaBoardHasNoItemsAndThreeVotesByDefault() throws {
        let board = try activity(LiveActivityDraft(kind: "ideas", title: "Ideas", items: ["ignored"], scenarios: [], limit: nil))
        #expect(board.items.isEmpty && board.limit == 3)
        #expect(try activity(LiveActivityDraft(kind: "ideas", title: "Ideas", items: [], scenarios: [], limit: 5)).limit == 5)
        #expect(try activity(LiveActivityDraft(kind: "ideas", title: "Ideas", items: [], scenarios: [], limit: 0)).limit == 3)
    }

    @Test func otherActivitiesTakeOneItemPerLine() throws {
        let allocation = try activity(
            LiveActivityDraft(fields: [
                "kind": "allocation", "title": "Priorities", "items": "Police\n\n  Border guards  \nProsecutors", "limit": "7",
            ]))
        #expect(
            allocation.items == [
                LiveItem(key: "i1", label: "Police"), LiveItem(key: "i2", label: "Border guards"), LiveItem(key: "i3", label: "Prosecutors"),
            ])
        #expect(allocation.limit == 7 && allocation.createdAt == 7 && allocation.id == "new")
        #expect(
            problems { try activity(LiveActivityDraft(kind: "survey", title: "S", items: [" ", ""], scenarios: [], limit: nil)) } == [
                "items live.validation.no-items"
            ])
        let many = (1...61).map { "Statement \($0)" }
        #expect(
            problems { try activity(LiveActivityDraft(kind: "grid", title: "G", items: many, scenarios: [], limit: nil)) } == [
                "items live.validation.too-many-items"
            ])
        #expect(
            problems { try activity(LiveActivityDraft(kind: "poll", title: "", items: ["x"], scenarios: [], limit: nil)) } == [
                "kind validation.one-of", "title validation.required",
            ])
    }

    /// A browser sends a textarea's lines separated by CR LF (HTML form encoding). In Swift "\r\n" is one Character, equal to
    /// neither "\r" nor "\n", so splitting on those two leaves the lines joined (and then refused for their control characters).
    @Test func linesTypedInABrowserAreSeparatedByCarriageReturnLineFeed() throws {
        let survey = try activity(
            LiveActivityDraft(fields: ["kind": "survey", "title": "Feedback", "items": "The workshop was useful\r\nThe pace was right"]))
        #expect(survey.items.map(\.label) == ["The workshop was useful", "The pace was right"])
        let quiz = try activity(LiveActivityDraft(fields: ["kind": "quiz", "title": "Quiz", "items": "Q1? | *A | B\r\nQ2? | C | *D"]))
        #expect(quiz.items.map(\.correctOption) == [0, 1])
    }

    // MARK: Join

    @Test func aNamedSessionNeedsANameAndAttributesAreChecked() throws {
        let named = M.session(.running, anonymity: .named, attributes: [.sex, .ageBand])
        #expect(problems { try LiveJoinDraft(fields: [:]).validated(for: named) } == ["name validation.required"])
        let joined = try LiveJoinDraft(fields: ["name": "  Amina ", "sex": "female", "age-band": "", "agency-type": "police"]).validated(for: named)
        #expect(joined.name == "Amina")
        // Age band left as "prefer not to say"; agency type not asked: ignored, even though "police" is no value of it.
        #expect(joined.attributes == LiveAttributes([.sex: "female"]))
        let wrong = #expect(throws: ValidationFailure.self) {
            try LiveJoinDraft(fields: ["name": "A", "sex": "unknown", "age-band": "18"]).validated(for: named)
        }
        #expect(wrong?.issues.map(\.field) == ["sex", "age-band"])
        #expect(wrong?.issues.first?.values == ["values": "female, male, other"])

        let anonymous = M.session(.running, anonymity: .anonymous)
        let nobody = try LiveJoinDraft(fields: ["name": "Amina", "sex": "female"]).validated(for: anonymous)
        #expect(nobody.name == nil && nobody.attributes == LiveAttributes())
    }

    // MARK: Answers

    func answer(
        _ fields: [String: String], to activity: LiveActivity, item: String = "", round: Int = 1, ideas: [LiveIdea] = []
    ) throws -> LiveAnswerDraft.Checked {
        try LiveAnswerDraft(fields: fields).validated(activity: activity, round: round, participantID: "p1", itemKey: item, ideas: ideas, at: 9)
    }

    func stored(_ answer: LiveAnswer, to activity: LiveActivity, item: String = "", round: Int = 1) -> LiveAnswerDraft.Checked {
        .answer(LiveSubmission(activityID: activity.id, round: round, participantID: "p1", itemKey: item, answer: answer, submittedAt: 9))
    }

    @Test func aFullRankingRanksEveryItemWithTiesAllowed() throws {
        let full = M.activity(.ranking, ["a", "b", "c"])
        #expect(try answer(["rank.a": "1", "rank.b": "1", "rank.c": " 3 "], to: full) == stored(.ranking(["a": 1, "b": 1, "c": 3]), to: full))
        #expect(problems { try answer(["rank.a": "1", "rank.b": "2"], to: full) } == ["rank.c validation.required"])
        let high = #expect(throws: ValidationFailure.self) { try answer(["rank.a": "1", "rank.b": "2", "rank.c": "4"], to: full) }
        #expect(high?.issues.map(\.field) == ["rank.c"] && high?.issues.first?.values == ["min": "1", "max": "3"])
        #expect(problems { try answer(["rank.a": "1", "rank.b": "2", "rank.c": "3"], to: full, item: "a") } == ["item live.validation.unknown-item"])
    }

    @Test func aTopKRankingRanksAtMostKItems() throws {
        let top = M.activity(.ranking, ["a", "b", "c", "d"], limit: 2)
        #expect(try answer(["rank.a": "1", "rank.c": "2", "rank.b": ""], to: top) == stored(.ranking(["a": 1, "c": 2]), to: top))
        #expect(try answer(["rank.d": "1"], to: top) == stored(.ranking(["d": 1]), to: top))
        #expect(problems { try answer(["rank.a": "1", "rank.b": "1", "rank.c": "2"], to: top) } == ["ranks live.validation.too-many-ranked"])
        let low = #expect(throws: ValidationFailure.self) { try answer(["rank.a": "3"], to: top) }
        #expect(low?.issues.first?.field == "rank.a" && low?.issues.first?.values == ["min": "1", "max": "2"])
        #expect(problems { try answer([:], to: top) } == ["ranks live.validation.no-ranks"])
    }

    @Test func anAllocationSharesExactlyAHundredPoints() throws {
        let allocation = M.activity(.allocation, ["i1", "i2", "i3"])
        // 60 + 40 + 0 = 100; items given 0 are left out.
        #expect(
            try answer(["points.i1": "60", "points.i2": "40", "points.i3": "0"], to: allocation)
                == stored(.allocation(["i1": 60, "i2": 40]), to: allocation))
        let short = #expect(throws: ValidationFailure.self) { try answer(["points.i1": "60", "points.i2": "30"], to: allocation) }
        #expect(short?.issues.map(\.key) == ["live.validation.points-total"] && short?.issues.first?.values == ["total": "90", "points": "100"])
        #expect(problems { try answer(["points.i1": "101"], to: allocation) } == ["points.i1 validation.number-from-to"])
        #expect(
            problems { try answer(["points.i1": "-5", "points.i2": "x"], to: allocation) } == [
                "points.i1 validation.number-from-to", "points.i2 validation.number-from-to",
            ])
        #expect(problems { try answer(["points.i1": "100"], to: allocation, item: "i1") } == ["item live.validation.unknown-item"])
    }

    @Test func votesGoOnlyToVotableIdeasAndNoMoreThanTheLimit() throws {
        let board = M.activity(.ideas, [], limit: 2)
        let ideas = [
            LiveIdea(id: "I1", activityID: "activity", participantID: "p2", text: "Drone registry", createdAt: 1),
            LiveIdea(id: "I2", activityID: "activity", participantID: "p3", text: "Hidden", hidden: true, createdAt: 2),
            LiveIdea(id: "I3", activityID: "activity", participantID: "p4", text: "Duplicate", mergedInto: "I1", createdAt: 3),
            LiveIdea(id: "I4", activityID: "activity", participantID: "p5", text: "Cyber patrols", createdAt: 4),
            LiveIdea(id: "I5", activityID: "activity", participantID: "p6", text: "Training", createdAt: 5),
        ]
        #expect(
            try answer(["vote.I4": "on", "vote.I1": "on", "vote.I5": "off"], to: board, round: 2, ideas: ideas)
                == stored(.votes(["I1", "I4"]), to: board, round: 2))
        #expect(
            problems { try answer(["vote.I1": "on", "vote.I2": "on"], to: board, round: 2, ideas: ideas) } == ["votes live.validation.unknown-idea"])
        #expect(problems { try answer(["vote.I3": "on"], to: board, round: 2, ideas: ideas) } == ["votes live.validation.unknown-idea"])
        #expect(problems { try answer(["vote.nope": "on"], to: board, round: 2, ideas: ideas) } == ["votes live.validation.unknown-idea"])
        #expect(
            problems { try answer(["vote.I1": "on", "vote.I4": "on", "vote.I5": "on"], to: board, round: 2, ideas: ideas) } == [
                "votes live.validation.too-many-votes"
            ])
        #expect(problems { try answer([:], to: board, round: 2, ideas: ideas) } == ["votes live.validation.no-votes"])
        // Round 1 is the silent entry: an idea's text.
        #expect(try answer(["idea": "  Register drone sellers "], to: board) == .idea("Register drone sellers"))
        #expect(problems { try answer(["idea": " "], to: board) } == ["idea validation.required"])
        #expect(problems { try answer(["idea": String(repeating: "x", count: 281)], to: board) } == ["idea validation.at-most-characters"])
    }

    @Test func singleValueAnswersStayWithinTheirScales() throws {
        let quiz = LiveRulesResultsTests.quiz
        #expect(try answer(["choice": "2"], to: quiz, item: "q1") == stored(.choice(2), to: quiz, item: "q1"))
        let beyond = #expect(throws: ValidationFailure.self) { try answer(["choice": "2"], to: quiz, item: "q2") }
        #expect(beyond?.issues.first?.values == ["min": "0", "max": "1"])
        #expect(problems { try answer([:], to: quiz, item: "q1") } == ["choice validation.required"])
        #expect(problems { try answer(["choice": "0"], to: quiz, item: "q9") } == ["item live.validation.unknown-item"])

        let survey = M.activity(.survey, ["i1"])
        #expect(
            try answer(["rating": "5", "comment": " Good "], to: survey, item: "i1") == stored(.rating(5, comment: "Good"), to: survey, item: "i1"))
        #expect(try answer(["rating": "1"], to: survey, item: "i1") == stored(.rating(1, comment: ""), to: survey, item: "i1"))
        #expect(problems { try answer(["rating": "0"], to: survey, item: "i1") } == ["rating validation.number-from-to"])
        #expect(problems { try answer(["rating": "6"], to: survey, item: "i1") } == ["rating validation.number-from-to"])

        let matrix = M.activity(.matrix, ["s1"])
        #expect(
            try answer(["likelihood": "0", "impact": "100"], to: matrix, item: "s1")
                == stored(.placement(likelihood: 0, impact: 100), to: matrix, item: "s1"))
        #expect(
            problems { try answer(["likelihood": "101", "impact": ""], to: matrix, item: "s1") } == [
                "likelihood validation.number-from-to", "impact validation.required",
            ])

        let grid = M.activity(.grid, ["a1"])
        #expect(try answer(["level": "5"], to: grid, item: "a1") == stored(.level(5), to: grid, item: "a1"))
        #expect(problems { try answer(["level": "6"], to: grid, item: "a1") } == ["level validation.number-from-to"])
        #expect(problems { try answer(["level": "3"], to: grid) } == ["item live.validation.unknown-item"])
    }

    @Test func aScoreIsTheScenarioFormsFields() throws {
        let scoring = M.activity(.scoring, ["s1"])
        let fields = ScoreDraft.mock.fields
        guard case .answer(let submission) = try answer(fields, to: scoring, item: "s1", round: 2) else {
            Issue.record("a score is an answer")
            return
        }
        guard case .score(let score) = submission.answer else {
            Issue.record("a score answer holds a score")
            return
        }
        // ScoreDraft.mock: intent 4, capability min(3, 5) = 3 → threat 12; the participant is the assessor.
        #expect(score.scenarioID == "s1" && score.round == 2 && score.assessorID == "p1" && score.threat == 12)
        #expect(submission.itemKey == "s1" && submission.round == 2 && submission.participantID == "p1")
        var wrong = fields
        wrong["intent"] = "9"
        #expect(problems { try answer(wrong, to: scoring, item: "s1") } == ["intent validation.factor-score"])
        #expect(problems { try answer(fields, to: scoring, item: "s9") } == ["item live.validation.unknown-item"])
    }

    // MARK: Join codes

    @Test func joinCodesAreTypedInAnyCaseWithSpacesOrDashes() {
        #expect(JoinCode.normalised("acd-efg") == "ACDEFG")
        #expect(JoinCode.normalised(" AC DE FG ") == "ACDEFG")
        #expect(JoinCode.normalised("x7k-9p3") == "X7K9P3")
        #expect(JoinCode.normalised("ACDEF") == nil)
        #expect(JoinCode.normalised("ACDEFGH") == nil)
        #expect(JoinCode.normalised("") == nil)
        // Look-alikes are not in the alphabet: 0/O, 1/I/L, 2/Z, 5/S, 8/B.
        for lookAlike in ["0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B"] {
            #expect(JoinCode.normalised("ACDEF" + lookAlike) == nil, "\(lookAlike) must be refused")
        }
    }

    /// Law: a new code is six characters of the alphabet and normalises to itself, typed in any case.
    @Test func newCodesNormaliseToThemselves() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1)) { _ in
            let code = JoinCode.make()
            #expect(code.count == JoinCode.length && code.allSatisfy { JoinCode.alphabet.contains($0) })
            #expect(JoinCode.normalised(code) == code)
            #expect(JoinCode.normalised(code.lowercased()) == code)
            let check = LiveParticipant.makeCheckCode()
            #expect(check.count == 3 && check.allSatisfy { JoinCode.alphabet.contains($0) })
        }
    }
}
