import CTTechCore
import Foundation
import PropertyBased
import Testing

@Suite("Steps 1–2, evidence, approval, import and export rules")
struct AssessmentStepsTests {
    let agencies: Set<String> = ["police", "security", "interior"]

    @Test func raciNeedsOneAccountablePerActivityAndKnownAgencies() throws {
        try RaciMatrix.check(
            [
                RaciAssignment(activity: .scoping, agencyID: "interior", role: .accountable),
                RaciAssignment(activity: .scoping, agencyID: "police", role: .responsible),
                RaciAssignment(activity: .approval, agencyID: "interior", role: .accountable),
            ], agencies: agencies)
        try RaciMatrix.check([], agencies: agencies)
        let twoAccountable = #expect(throws: ValidationFailure.self) {
            try RaciMatrix.check(
                [
                    RaciAssignment(activity: .scoring, agencyID: "police", role: .accountable),
                    RaciAssignment(activity: .scoring, agencyID: "security", role: .accountable),
                ], agencies: agencies)
        }
        #expect(twoAccountable?.issues.first?.message == "Score scenarios needs exactly one accountable agency (it has 2)")
        let none = #expect(throws: ValidationFailure.self) {
            try RaciMatrix.check([RaciAssignment(activity: .scoring, agencyID: "police", role: .responsible)], agencies: agencies)
        }
        #expect(none?.issues.first?.message.contains("(it has 0)") == true)
        let unknown = #expect(throws: ValidationFailure.self) {
            try RaciMatrix.check([RaciAssignment(activity: .scoring, agencyID: "ghost", role: .accountable)], agencies: agencies)
        }
        #expect(unknown?.issues.first?.message == "names an agency that is not part of this assessment")
        let twice = #expect(throws: ValidationFailure.self) {
            try RaciMatrix.check(
                [
                    RaciAssignment(activity: .scoring, agencyID: "police", role: .accountable),
                    RaciAssignment(activity: .scoring, agencyID: "police", role: .informed),
                ], agencies: agencies)
        }
        #expect(twice?.issues.contains { $0.message.contains("two roles") } == true)
        let nobodyResponsible = #expect(throws: ValidationFailure.self) {
            try RaciMatrix.check(
                [
                    RaciAssignment(activity: .scoring, agencyID: "police", role: .accountable),
                    RaciAssignment(activity: .scoring, agencyID: "security", role: .informed),
                ], agencies: agencies)
        }
        #expect(nobodyResponsible?.issues.first?.message.contains("nobody responsible") == true)
    }

    /// Law: a matrix passes exactly when, per activity, the agencies are distinct and known, exactly one is accountable,
    /// and anyone beyond the accountable one comes with somebody responsible.
    @Test func raciCheckAgreesWithItsDefinition() async {
        let agencyList = ["police", "security", "interior"]
        await propertyCheck(input: Gen.int(in: 0...4).array(of: 3...3).array(of: 1...3)) { rows in
            // rows[activity][agency]: 0 = no role, 1…4 = R, A, C, I
            var cells: [RaciAssignment] = []
            var expectedValid = true
            for (a, row) in rows.enumerated() {
                let activity = AssessmentActivity.allCases[a]
                let roles = row.enumerated().compactMap { i, r -> RaciAssignment? in
                    r == 0 ? nil : RaciAssignment(activity: activity, agencyID: agencyList[i], role: RaciRole.allCases[r - 1])
                }
                cells += roles
                guard !roles.isEmpty else { continue }
                let accountable = roles.filter { $0.role == .accountable }.count
                if accountable != 1 { expectedValid = false }
                if accountable == 1 && roles.count > 1 && !roles.contains(where: { $0.role == .responsible }) { expectedValid = false }
            }
            let passed = (try? RaciMatrix.check(cells, agencies: Set(agencyList))) != nil
            #expect(passed == expectedValid)
        }
    }

    @Test func evidenceIsGradedAndDatesAreReal() throws {
        let item = try EvidenceDraft(fields: [
            "summary": "Seized drone", "source": "Liaison report", "reliability": "b", "credibility": "2", "observedOn": "2024-02-29",
        ]).validated(id: "e", subject: .scenario("s"))
        #expect(item.grading == "B2")
        #expect(item.reliability == .b)
        for date in ["2023-02-29", "2025-13-01", "2025-04-31", "25-01-01", "2025-1-01", "２０２５-01-01"] {
            #expect(!EvidenceDraft.isCalendarDate(date), "\(date)")
        }
        #expect(EvidenceDraft.isCalendarDate("2000-02-29"))
        #expect(!EvidenceDraft.isCalendarDate("1900-02-29"))
        let failure = #expect(throws: ValidationFailure.self) {
            try EvidenceDraft(fields: ["summary": "", "source": "x", "reliability": "G", "credibility": "7", "observedOn": "yesterday"])
                .validated(id: "e", subject: .technology("T01"))
        }
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["summary", "reliability", "credibility", "observedOn"])
    }

    @Test func statusMovesOnlyAlongTheWorkflow() {
        let allowed: Set<String> = ["draft>in-review", "in-review>approved", "in-review>draft", "approved>draft"]
        for from in Assessment.Status.allCases {
            for to in Assessment.Status.allCases {
                #expect(from.canMove(to: to) == allowed.contains("\(from.rawValue)>\(to.rawValue)"), "\(from) → \(to)")
            }
        }
        #expect(Assessment.Status.approved.isFrozen && !Assessment.Status.draft.isFrozen && !Assessment.Status.inReview.isFrozen)
    }

    @Test func horizonScanChecksCodesStagesAndTrends() throws {
        let method = MethodVersion.ctTechDefault
        let entry = try HorizonScanDraft(fields: ["technology": "T09", "stage": "attempted", "trend": "rising", "notes": "One attempt"])
            .validated(against: method)
        #expect(entry.stage == .attempted && entry.trend == .rising)
        #expect(DiffusionStage.aspiration < DiffusionStage.routine)
        let failure = #expect(throws: ValidationFailure.self) {
            try HorizonScanDraft(fields: ["technology": "T77", "stage": "everywhere", "trend": "up"]).validated(against: method)
        }
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["technology", "stage", "trend"])
    }

    // MARK: Register

    func score(_ scenario: String, _ assessor: String, best: Double, impact: [ImpactDimension: Int]) throws -> ScenarioScore {
        ScenarioScore(
            scenarioID: scenario, round: 1, assessorID: assessor, intent: 3, actorCapability: 3, technologyAccessibility: 3, opportunity: 3,
            likelihood: try UncertainEstimate(low: best / 2, best: best, high: min(1, best * 2), within: 0...1), impact: impact,
            confidence: .moderate,
            rationale: "")
    }

    func scenario(_ id: String) -> ThreatScenario {
        ThreatScenario(
            id: id, assessmentID: "a", title: id, narrative: "", actorType: "A1", technologies: ["T01"], purposes: ["P1"], targetSector: "",
            horizonYears: 2, version: 1)
    }

    /// Hand-computed: two assessors rank three scenarios in the same order → W = 1; in opposite orders → every rank sum
    /// is 4, S = 0, W = 0. Impact per dimension is the median of the assessors' scores: (2, 4, 5) → 4.
    @Test func agreementAndImpactByDimension() throws {
        let full = Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, 3) })
        let same = try ["x", "y", "z"].enumerated().flatMap { i, id in
            try ["u1", "u2"].map { try score(id, $0, best: [0.1, 0.2, 0.3][i], impact: full) }
        }
        let together = RiskRegister.compute(scenarios: ["x", "y", "z"].map(scenario), scores: same, round: 1, otherRisks: [], draws: 100)
        #expect(together.agreement?.w == 1 && together.agreement?.assessors == 2 && together.agreement?.scenarios == 3)
        let opposite = try ["x", "y", "z"].enumerated().flatMap { i, id in
            [try score(id, "u1", best: [0.1, 0.2, 0.3][i], impact: full), try score(id, "u2", best: [0.3, 0.2, 0.1][i], impact: full)]
        }
        let apart = RiskRegister.compute(scenarios: ["x", "y", "z"].map(scenario), scores: opposite, round: 1, otherRisks: [], draws: 100)
        #expect(apart.agreement?.w == 0)
        var dims = [full, full, full]
        (dims[0][.fatalities], dims[1][.fatalities], dims[2][.fatalities]) = (2, 4, 5)
        let three = try (0..<3).map { try score("x", "u\($0)", best: 0.1, impact: dims[$0]) }
        let register = RiskRegister.compute(scenarios: [scenario("x")], scores: three, round: 1, otherRisks: [], draws: 100)
        #expect(register.entries.first?.impactByDimension[.fatalities] == 4)
        #expect(register.entries.first?.impactByDimension[.economic] == 3)
        // One scenario: nothing to rank, so no W.
        #expect(register.agreement == nil)
    }

    /// Hand-computed: I = C = O = 3 → T = 9, s = 0.6·8/24 + 0.4·2/4 = 0.4, 10^−2 = 1 % a year, 1 − 0.99² = 1.99 % over two
    /// years. An elicited 10 % is 5.03 times that (kept); 30 % is 15.1 times (flagged for discussion).
    @Test func elicitedLikelihoodIsComparedWithTheDerivedOne() throws {
        let full = Dictionary(uniqueKeysWithValues: ImpactDimension.allCases.map { ($0, 3) })
        let scores = try [("x", 0.1), ("y", 0.3)].flatMap { id, best in try ["u1", "u2"].map { try score(id, $0, best: best, impact: full) } }
        let register = RiskRegister.compute(scenarios: ["x", "y"].map(scenario), scores: scores, round: 1, otherRisks: [], draws: 100)
        let x = try #require(register.entries.first { $0.id == "x" })
        let y = try #require(register.entries.first { $0.id == "y" })
        #expect(abs((x.derivedLikelihood ?? 0) - 0.0199) < 1e-12)
        #expect(!x.likelihoodDivergent && y.likelihoodDivergent)
    }

    @Test func csvEscapesAndMarksEveryRow() throws {
        let assessment = Assessment(
            id: "a", stateID: "s", title: "t", period: "p", horizonYears: 2, methodVersion: "m", tlp: .amberStrict, status: .draft, version: 1)
        let risks = try ["=HYPERLINK(\"http://x\")", "Floods, \"big\" ones", "Plain"].enumerated().map { i, title in
            OtherRisk(
                id: "r\(i)", title: title, family: "f",
                likelihood: try UncertainEstimate(low: 0.1, best: 0.2 + Double(i) / 10, high: 0.9, within: 0...1),
                impact: try UncertainEstimate(low: 1, best: 3, high: 5, within: 1...5), confidence: .low)
        }
        let document = RegisterDocument(
            assessment: assessment, register: RiskRegister.compute(scenarios: [], scores: [], round: 0, otherRisks: risks, draws: 200),
            basisRound: nil,
            draws: 200, seed: 7)
        let lines = document.csv().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("tlp,rank,rank_low_p10,rank_high_p90,p_top5,id,kind,title,"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("AMBER+STRICT,") })
        #expect(lines.contains { $0.contains(#""'=HYPERLINK(""http://x"")""#) })
        #expect(lines.contains { $0.contains(#""Floods, ""big"" ones""#) })
        // JSON: the same bytes for the same register, and it decodes back to the same document.
        let json = try document.json()
        #expect(try document.json() == json)
        #expect(try JSONDecoder().decode(RegisterDocument.self, from: json) == document)
    }

    @Test func comparisonFollowsTheLaterRanking() throws {
        let a = Assessment(
            id: "a", stateID: "s", title: "t", period: "p", horizonYears: 2, methodVersion: "m", tlp: .amber, status: .approved, version: 1)
        func risk(_ id: String, _ best: Double) throws -> OtherRisk {
            OtherRisk(
                id: id, title: id, family: "f", likelihood: try UncertainEstimate(low: best, best: best, high: best, within: 0...1),
                impact: try UncertainEstimate(low: 3, best: 3, high: 3, within: 1...5), confidence: .high)
        }
        func content(_ risks: [OtherRisk], scan: [HorizonScanEntry]) -> SnapshotContent {
            SnapshotContent(
                assessment: a, agencies: [], raci: [], horizonScan: scan, scenarios: [], evidence: [], otherRisks: risks,
                register: RegisterDocument(
                    assessment: a, register: RiskRegister.compute(scenarios: [], scores: [], round: 0, otherRisks: risks, draws: 50), basisRound: nil,
                    draws: 50, seed: 1))
        }
        let before = content(
            [try risk("flood", 0.5), try risk("quake", 0.1), try risk("old", 0.01)],
            scan: [HorizonScanEntry(technology: "T08", stage: .discussed, trend: .rising, notes: "")])
        let after = content(
            [try risk("flood", 0.05), try risk("quake", 0.6), try risk("new", 0.3)],
            scan: [HorizonScanEntry(technology: "T08", stage: .observed, trend: .surging, notes: "")])
        let comparison = SnapshotComparison(before: before.self, after: after)
        #expect(comparison.risks.map(\.id) == ["quake", "new", "flood", "old"])
        #expect(comparison.risks[0].rankChange == 1)
        #expect(comparison.risks[1].rankChange == nil && comparison.risks[1].before == nil)
        #expect(comparison.risks[2].rankChange == -2)
        #expect(comparison.risks[3].after == nil)
        #expect(comparison.scan.first?.changed == true)
    }
}

@Suite("Derived likelihood: threat and opportunity over the horizon")
struct LikelihoodModelTests {
    /// Hand-computed: T = 1, O = 1 → s = 0 → 10⁻³ a year; T = 25, O = 5 → s = 1 → 10^−0.5 = 0.3162 a year, and over two
    /// years 1 − (1 − 0.3162)² = 0.5324; T = 13, O = 3 → s = 0.5 → 10^−1.75 = 0.01778 a year.
    @Test func handComputedCases() {
        #expect(abs(LikelihoodModel.derived(threat: 1, opportunity: 1, horizonYears: 1).best - 0.001) < 1e-12)
        #expect(abs(LikelihoodModel.derived(threat: 25, opportunity: 5, horizonYears: 1).best - 0.316_227_766) < 1e-9)
        #expect(abs(LikelihoodModel.derived(threat: 25, opportunity: 5, horizonYears: 2).best - 0.532_455_532) < 1e-9)
        #expect(abs(LikelihoodModel.derived(threat: 13, opportunity: 3, horizonYears: 1).best - 0.017_782_794) < 1e-9)
        // at the top the interval's upper end is clamped to s = 1
        let top = LikelihoodModel.derived(threat: 25, opportunity: 5, horizonYears: 1)
        #expect(top.high == top.best && top.low < top.best)
    }

    /// Laws: within 0–1, low ≤ best ≤ high, and non-decreasing in threat, opportunity and horizon.
    @Test func monotoneAndBounded() async {
        await propertyCheck(input: Gen.int(in: 1...25), Gen.int(in: 1...5), Gen.int(in: 1...10)) { t, o, h in
            let base = LikelihoodModel.derived(threat: t, opportunity: o, horizonYears: h)
            #expect(0 < base.low && base.low <= base.best && base.best <= base.high && base.high < 1)
            #expect(LikelihoodModel.derived(threat: min(t + 1, 25), opportunity: o, horizonYears: h).best >= base.best)
            #expect(LikelihoodModel.derived(threat: t, opportunity: min(o + 1, 5), horizonYears: h).best >= base.best)
            #expect(LikelihoodModel.derived(threat: t, opportunity: o, horizonYears: h + 1).best >= base.best)
        }
    }
}
