import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Policy response rules: the way, the review gate, drafts (issue 10)")
struct PolicyRulesTests {
    /// The default method's checks with three of them mandatory, so each case names what blocks.
    static let method: MethodVersion = {
        var method = MethodVersion.ctTechDefault
        method.mandatoryChecks = ["H01", "H04", "G08"]
        return method
    }()

    static func response(
        version: Int = 1, status: ResponseStatus = .underReview, createdBy: String = "author", updatedBy: String = "author"
    )
        -> PolicyResponse
    {
        PolicyResponse(
            id: "r1", stateID: "vld", title: "Drone detection at mass gatherings", type: "R05", description: "", targets: [], effects: [],
            leadAgencyID: nil, partnerAgencyIDs: [], cost: nil, timeframe: nil, legalBasis: "", status: status, tlp: .amber,
            methodVersion: MethodVersion.defaultID, version: version, createdBy: createdBy, updatedBy: updatedBy, updatedAt: 0)
    }

    static func review(_ code: String, _ status: CheckStatus, version: Int = 1, at: Int64 = 1) -> CheckReview {
        CheckReview(
            responseID: "r1", kind: code.hasPrefix("H") ? .humanRights : .gender, code: code, status: status, reasoning: "Reasoned.",
            genderMarker: code == "G08" ? 2 : nil, reviewerID: "reviewer", reviewerLabel: "reviewer@valdoria.example", responseVersion: version,
            reviewedAt: at)
    }

    static func checklists(_ reviews: [CheckReview], version: Int = 1) -> [ReviewChecklist] {
        ReviewKind.allCases.map { ReviewChecklist(kind: $0, method: method, reviews: reviews, version: version) }
    }

    static func approval(_ reviews: [CheckReview], version: Int = 1, override: ReviewOverride? = nil) -> PolicyRuleViolation? {
        do throws(PolicyRuleViolation) {
            try PolicyRuleViolation.checkApproval(response(version: version), checklists: checklists(reviews, version: version), override: override)
            return nil
        } catch { return error }
    }

    static func override(_ checks: [String], version: Int = 1) -> ReviewOverride {
        ReviewOverride(
            responseID: "r1", responseVersion: version, checks: checks, justification: "The threat is imminent and the measure is temporary.",
            byID: "focal", byLabel: "focal@valdoria.example", at: 5)
    }

    // MARK: The way

    @Test func theWayFromIdeaToEvaluation() {
        #expect(ResponseStatus.idea.next == [.drafted, .withdrawn])
        #expect(ResponseStatus.drafted.next == [.underReview, .idea, .withdrawn])
        #expect(ResponseStatus.underReview.next == [.approved, .drafted, .withdrawn])
        #expect(ResponseStatus.approved.next == [.implementing, .underReview, .withdrawn])
        #expect(ResponseStatus.implementing.next == [.implemented, .withdrawn])
        #expect(ResponseStatus.implemented.next == [.evaluated])
        #expect(ResponseStatus.evaluated.next.isEmpty)
        #expect(ResponseStatus.withdrawn.next == [.drafted])
        #expect(ResponseStatus.allCases.filter(\.counts) == [.approved, .implementing, .implemented, .evaluated])
        #expect(ResponseStatus.allCases.filter(\.contentEditable) == [.idea, .drafted, .underReview, .approved])
        #expect(ResponseStatus.allCases.filter(\.reviewable) == [.drafted, .underReview, .approved])
        #expect(ResponseStatus.allCases.map(\.order) == Array(0..<8))
        #expect(ResponseStatus.underReview.rawValue == "under-review")
    }

    /// Law: a move is allowed exactly when ``ResponseStatus/next`` lists it; a refusal names both ends.
    @Test func checkTransitionFollowsTheWay() async {
        await propertyCheck(input: Gen<ResponseStatus>.case, Gen<ResponseStatus>.case) { from, to in
            do throws(PolicyRuleViolation) {
                try PolicyRuleViolation.checkTransition(from: from, to: to)
                #expect(from.next.contains(to))
            } catch {
                #expect(!from.next.contains(to))
                #expect(error == .statusTransition(from: from, to: to))
                #expect(error.explanation == Message("errors.rule.response-transition.\(from.rawValue)"))
            }
        }
        #expect(throws: PolicyRuleViolation.statusTransition(from: .idea, to: .approved)) {
            try PolicyRuleViolation.checkTransition(from: .idea, to: .approved)
        }
    }

    // MARK: The review gate

    @Test func approvalIsBlockedByUnreviewedMandatoryChecks() {
        #expect(Self.approval([]) == .approvalBlocked(checks: ["H01", "H04", "G08"]))
        #expect(Self.approval([Self.review("H01", .met)]) == .approvalBlocked(checks: ["H04", "G08"]))
        #expect(Self.approval([Self.review("H01", .met), Self.review("H04", .met), Self.review("G08", .met)]) == nil)
        let blocked = Self.approval([])
        #expect(blocked?.explanation == Message("errors.rule.approval-blocked", count: 3, ["checks": "H01, H04, G08"]))
    }

    @Test func notMetBlocksButPartlyMetAndNotApplicablePass() {
        let base = [Self.review("H01", .met), Self.review("G08", .met)]
        #expect(Self.approval(base + [Self.review("H04", .notMet)]) == .approvalBlocked(checks: ["H04"]))
        #expect(Self.approval(base + [Self.review("H04", .partlyMet)]) == nil)
        #expect(Self.approval([Self.review("H01", .notApplicable), Self.review("H04", .partlyMet), Self.review("G08", .met)]) == nil)
        // An advisory check Not met does not block.
        #expect(Self.approval(base + [Self.review("H04", .met), Self.review("H07", .notMet), Self.review("G01", .notMet)]) == nil)
    }

    @Test func theLatestAnswerForACheckStands() {
        let base = [Self.review("H01", .met), Self.review("G08", .met)]
        #expect(Self.approval(base + [Self.review("H04", .notMet, at: 1), Self.review("H04", .met, at: 2)]) == nil)
        #expect(Self.approval(base + [Self.review("H04", .met, at: 2), Self.review("H04", .notMet, at: 3)]) == .approvalBlocked(checks: ["H04"]))
        // The order in which answers arrive does not matter: the time does.
        #expect(Self.approval(base + [Self.review("H04", .met, at: 9), Self.review("H04", .notMet, at: 3)]) == nil)
    }

    @Test func aReviewOfAnOlderVersionDoesNotCount() {
        let old = [Self.review("H01", .met), Self.review("H04", .met), Self.review("G08", .met)]
        #expect(Self.approval(old, version: 2) == .approvalBlocked(checks: ["H01", "H04", "G08"]))
        let lists = Self.checklists(old, version: 2)
        let line = lists[0].lines.first { $0.check.code == "H04" }
        #expect(line?.current == nil && line?.outdated?.responseVersion == 1 && line?.blocks == true)
        #expect(
            Self.approval(old + [Self.review("H01", .met, version: 2), Self.review("G08", .met, version: 2)], version: 2)
                == .approvalBlocked(checks: ["H04"]))
    }

    @Test func anOverrideOfThisVersionCoveringTheBlockingChecksLetsApprovalThrough() {
        let notMet = [Self.review("H01", .met), Self.review("H04", .notMet), Self.review("G08", .met)]
        #expect(Self.approval(notMet, override: Self.override(["H04"])) == nil)
        #expect(Self.approval(notMet, override: Self.override(["H01", "H04"])) == nil)
        // An override of an older version does not carry over.
        #expect(
            Self.approval(notMet, version: 2, override: Self.override(["H01", "H04", "G08"], version: 1))
                == .approvalBlocked(checks: ["H01", "H04", "G08"]))
        // Nor does one that does not name every check that blocks now.
        #expect(Self.approval([Self.review("H04", .notMet)], override: Self.override(["H04"])) == .approvalBlocked(checks: ["H01", "H04", "G08"]))
    }

    @Test func theChecklistCountsAndTheGenderMarker() {
        let reviews = [Self.review("H01", .met), Self.review("H04", .notMet), Self.review("H07", .partlyMet), Self.review("G08", .met)]
        let lists = Self.checklists(reviews)
        #expect(lists.map(\.kind) == [.humanRights, .gender])
        #expect(lists[0].lines.count == 13 && lists[1].lines.count == 10)
        #expect(lists[0].counts == [.met: 1, .notMet: 1, .partlyMet: 1])
        #expect(lists[0].unreviewed == 10 && lists[1].unreviewed == 9)
        #expect(lists[0].blocking == ["H04"] && lists[1].blocking.isEmpty)
        #expect(lists[1].genderMarker == 2 && lists[0].genderMarker == nil)
        #expect(lists[0].lines.filter(\.mandatory).map(\.check.code) == ["H01", "H04"])
    }

    @Test func checkReviewRefusesAuthorsOtherVersionsAndClosedResponses() {
        #expect(throws: PolicyRuleViolation.selfReview) { try PolicyRuleViolation.checkReview(of: Self.response(), by: "author", version: 1) }
        let revised = Self.response(version: 2, createdBy: "author", updatedBy: "editor")
        #expect(throws: PolicyRuleViolation.selfReview) { try PolicyRuleViolation.checkReview(of: revised, by: "editor", version: 2) }
        #expect(throws: PolicyRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 2)) {
            try PolicyRuleViolation.checkReview(of: revised, by: "reviewer", version: 1)
        }
        #expect(throws: PolicyRuleViolation.notReviewable(.idea)) {
            try PolicyRuleViolation.checkReview(of: Self.response(status: .idea), by: "reviewer", version: 1)
        }
        #expect(throws: PolicyRuleViolation.notReviewable(.implementing)) {
            try PolicyRuleViolation.checkReview(of: Self.response(status: .implementing), by: "reviewer", version: 1)
        }
        #expect(throws: Never.self) { try PolicyRuleViolation.checkReview(of: revised, by: "reviewer", version: 2) }
        #expect(throws: Never.self) { try PolicyRuleViolation.checkReview(of: Self.response(status: .approved), by: "reviewer", version: 1) }
        #expect(
            PolicyRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 2).explanation
                == Message("errors.rule.review-other-version", ["reviewed": "1", "current": "2"]))
    }

    @Test func checkOverrideNeedsThisVersionAndSomethingThatBlocks() {
        #expect(throws: Never.self) { try PolicyRuleViolation.checkOverride(of: Self.response(), blocking: ["H04"], version: 1) }
        #expect(throws: Never.self) { try PolicyRuleViolation.checkOverride(of: Self.response(status: .drafted), blocking: ["H04"], version: 1) }
        #expect(throws: PolicyRuleViolation.nothingToOverride) {
            try PolicyRuleViolation.checkOverride(of: Self.response(), blocking: [], version: 1)
        }
        #expect(throws: PolicyRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 3)) {
            try PolicyRuleViolation.checkOverride(of: Self.response(version: 3), blocking: ["H04"], version: 1)
        }
        #expect(throws: PolicyRuleViolation.notReviewable(.approved)) {
            try PolicyRuleViolation.checkOverride(of: Self.response(status: .approved), blocking: ["H04"], version: 1)
        }
    }

    @Test func contentIsLockedOnceImplementationStartsAndWithdrawnResponsesAreNotMeasured() {
        for status in ResponseStatus.allCases {
            if status.contentEditable {
                #expect(throws: Never.self) { try PolicyRuleViolation.checkEditable(Self.response(status: status)) }
            } else {
                #expect(throws: PolicyRuleViolation.contentLocked(status)) { try PolicyRuleViolation.checkEditable(Self.response(status: status)) }
            }
            if status == .withdrawn {
                #expect(throws: PolicyRuleViolation.notMeasurable(.withdrawn)) {
                    try PolicyRuleViolation.checkMeasurable(Self.response(status: status))
                }
            } else {
                #expect(throws: Never.self) { try PolicyRuleViolation.checkMeasurable(Self.response(status: status)) }
            }
        }
    }

    @Test func aChangeOfContentIsSeenButNotAChangeOfStatus() {
        var changed = Self.response()
        changed.status = .approved
        changed.version = 4
        changed.updatedBy = "someone"
        #expect(changed.content == Self.response().content)
        changed.effects = [DeclaredEffect(factor: .intent, low: 10, best: 20, high: 30)]
        #expect(changed.content != Self.response().content)
        #expect(Self.response().isAuthor("author") && !Self.response().isAuthor("reviewer"))
    }

    // MARK: Drafts

    @Test func anOverrideNeedsAtLeastASentence() throws {
        let fine = try OverrideDraft(fields: ["version": "2", "justification": "  The threat is imminent and the measure is temporary.  "])
            .validated()
        #expect(fine.version == 2 && fine.justification == "The threat is imminent and the measure is temporary.")
        let short = #expect(throws: ValidationFailure.self) {
            try OverrideDraft(fields: ["version": "1", "justification": "Approved anyway."]).validated()
        }
        #expect(short?.issues == [FieldIssue(field: "justification", "validation.policy.justification", ["words": "6"])])
        // Six words but fewer than thirty characters is still not a sentence.
        #expect(!OverrideDraft.isSentence("It is ok as it is now."))
        let missing = #expect(throws: ValidationFailure.self) { try OverrideDraft(fields: [:]).validated() }
        #expect(missing?.issues.map(\.field) == ["version", "justification"])
        #expect(missing?.issues.map(\.key) == ["validation.policy.version", "validation.required"])
        // A sentence in Chinese has no spaces between words: 15 characters or more, most of them ideographs.
        let chinese = "由于威胁迫在眉睫，该措施仅为临时性质并受独立监督。"
        #expect(chinese.count >= 15)
        #expect(try OverrideDraft(fields: ["version": "1", "justification": chinese]).validated().justification == chinese)
        #expect(!OverrideDraft.isSentence("威胁迫在眉睫，措施临时。"))  // 12 characters
    }

    func reviewFields(_ extra: [String: String]) -> ReviewDraft { ReviewDraft(fields: ["version": "3"].merging(extra) { $1 }) }

    @Test func aReviewDraftKeepsTheAnsweredChecks() throws {
        let human = try reviewFields([
            "check.H04.status": "not-met", "check.H04.reasoning": "Blanket surveillance of every visitor.", "check.H01.status": "",
            "check.H01.reasoning": " ",
        ]).validated(kind: .humanRights, method: Self.method)
        #expect(human.version == 3)
        #expect(
            human.answers == [
                ReviewDraft.Answer(code: "H04", status: .notMet, reasoning: "Blanket surveillance of every visitor.", genderMarker: nil)
            ])
        let gender = try reviewFields(["check.G08.status": "met", "check.G08.reasoning": "Targets women's safety.", "genderMarker": "2"])
            .validated(kind: .gender, method: Self.method)
        #expect(gender.answers.map(\.genderMarker) == [2])
        let typed = try ReviewDraft(version: 3, answers: [("H02", "partly-met", "Aim stated, not evidenced.")], genderMarker: nil)
            .validated(kind: .humanRights, method: Self.method)
        #expect(typed.answers.map(\.code) == ["H02"] && typed.answers.map(\.status) == [.partlyMet])
    }

    static let reviewCases: [([String: String], ReviewKind, String, String)] = [
        (["check.H04.status": "fine", "check.H04.reasoning": "x"], ReviewKind.humanRights, "check.H04.status", "validation.policy.check-status"),
        (["check.H04.status": "met"], .humanRights, "check.H04.reasoning", "validation.required"),
        (["check.H99.status": "met", "check.H99.reasoning": "x"], .humanRights, "checks", "validation.policy.check-unknown"),
        (["check.G08.status": "met", "check.G08.reasoning": "x"], .humanRights, "checks", "validation.policy.check-unknown"),
        (["check.G08.status": "met", "check.G08.reasoning": "x"], .gender, "genderMarker", "validation.policy.gender-marker"),
        (["check.G08.status": "met", "check.G08.reasoning": "x", "genderMarker": "4"], .gender, "genderMarker", "validation.policy.gender-marker"),
        (
            ["check.G01.status": "met", "check.G01.reasoning": "x", "genderMarker": "1"], .gender, "genderMarker",
            "validation.policy.gender-marker-without-check"
        ),
        ([:], .gender, "checks", "validation.policy.no-answer"),
        (["version": "", "check.H01.status": "met", "check.H01.reasoning": "x"], .humanRights, "version", "validation.policy.version"),
    ]

    @Test(arguments: PolicyRulesTests.reviewCases)
    func aReviewDraftNamesTheFieldAndTheProblem(fields: [String: String], kind: ReviewKind, field: String, key: String) {
        let failure = #expect(throws: ValidationFailure.self) { try reviewFields(fields).validated(kind: kind, method: Self.method) }
        #expect(failure?.issues.contains { $0.field == field && $0.key == key } == true, "\(failure?.issues ?? [])")
    }

    @Test func aGenderMarkerIsNotAskedForWhenTheMarkerCheckIsNotApplicable() throws {
        let answer = try reviewFields(["check.G08.status": "not-applicable", "check.G08.reasoning": "No people are concerned."])
            .validated(kind: .gender, method: Self.method)
        #expect(answer.answers.map(\.genderMarker) == [nil])
    }

    static let context = PolicyResponseDraft.Context(
        responseTypes: Set(MethodVersion.ctTechDefault.items(.responseTypes).map(\.code)),
        risks: [
            AddressableRisk(id: "s1", kind: .scenario, assessmentID: "a1", assessmentTitle: "Valdoria 2026", title: "Drone attack"),
            AddressableRisk(id: "o1", kind: .otherRisk, assessmentID: "a1", assessmentTitle: "Valdoria 2026", title: "River flood"),
        ], agencyIDs: ["police", "interior"])

    static let good: [String: String] = [
        "title": " Drone detection at mass gatherings ", "type": "R05", "description": "Detectors at festivals.", "legalBasis": "Aviation Act §12",
        "tlp": "AMBER", "target.s1": "on", "target.o1": "", "effect.1.factor": "intent", "effect.1.low": "10", "effect.1.best": "20,5",
        "effect.1.high": "30 %", "effect.2.factor": "impact", "effect.2.dimension": "fatalities", "effect.2.low": "50", "effect.2.best": "50",
        "effect.2.high": "50", "effect.3.factor": "", "effect.3.low": "", "leadAgency": "police", "partner.interior": "on", "partner.police": "on",
        "costLow": "1,000,000", "costHigh": "2000000", "currency": "eur", "start": "2026-01-01", "end": "2027-12-31",
    ]

    func validated(_ changes: [String: String]) throws(ValidationFailure) -> PolicyResponseDraft.Content {
        try PolicyResponseDraft(fields: Self.good.merging(changes) { $1 }).validated(in: Self.context)
    }

    @Test func aResponseDraftKeepsEveryInput() throws {
        let content = try validated([:])
        #expect(content.title == "Drone detection at mass gatherings" && content.type == "R05" && content.tlp == .amber)
        #expect(content.targets == [ResponseTarget(riskID: "s1", kind: .scenario, assessmentID: "a1")])
        #expect(
            content.effects == [
                DeclaredEffect(factor: .intent, low: 10, best: 20.5, high: 30),
                DeclaredEffect(factor: .impact, dimension: .fatalities, low: 50, best: 50, high: 50),
            ])
        #expect(content.leadAgencyID == "police" && content.partnerAgencyIDs == ["interior"])  // the lead is not its own partner
        #expect(content.cost == CostRange(low: 1_000_000, high: 2_000_000, currency: "EUR"))
        #expect(content.timeframe == Timeframe(start: CalendarDate("2026-01-01")!, end: CalendarDate("2027-12-31")!))
        #expect(content.legalBasis == "Aviation Act §12")
        // Without cost, timeframe, lead or effects the draft is still whole.
        let bare = try validated([
            "costLow": "", "costHigh": "", "currency": "", "start": "", "end": "", "leadAgency": "", "effect.1.factor": "", "effect.1.low": "",
            "effect.1.best": "", "effect.1.high": "", "effect.2.factor": "", "effect.2.dimension": "", "effect.2.low": "", "effect.2.best": "",
            "effect.2.high": "",
        ])
        #expect(bare.cost == nil && bare.timeframe == nil && bare.leadAgencyID == nil && bare.effects.isEmpty)
        // One cost figure is a range of one amount.
        #expect(try validated(["costHigh": ""]).cost == CostRange(low: 1_000_000, high: 1_000_000, currency: "EUR"))
    }

    static let draftCases: [([String: String], String, String)] = [
        (["effect.1.low": "120"], "effect.1.low", "validation.policy.percent"),
        (["effect.1.high": "-5"], "effect.1.high", "validation.policy.percent"),
        (["effect.1.best": "lots"], "effect.1.best", "validation.policy.percent"),
        (["effect.1.low": "25"], "effect.1.low", "validation.estimate.low-above-best"),
        (["effect.1.high": "15"], "effect.1.high", "validation.estimate.best-above-high"),
        (["effect.1.factor": "morale"], "effect.1.factor", "validation.policy.factor"),
        (["effect.1.dimension": "economic"], "effect.1.dimension", "validation.policy.dimension"),
        (["effect.2.dimension": "weather"], "effect.2.dimension", "validation.policy.dimension"),
        (["effect.7.factor": "intent"], "effects", "validation.policy.too-many-effects"),
        (["target.s-foreign": "on"], "targets", "validation.policy.target-unknown"),
        (["leadAgency": "army"], "leadAgency", "validation.policy.agency-unknown"),
        (["partner.army": "on"], "partners", "validation.policy.agency-unknown"),
        (["costLow": "3000000"], "costHigh", "validation.policy.cost-order"),
        (["costLow": "-1"], "costLow", "validation.policy.amount"),
        (["currency": "EURO"], "currency", "validation.policy.currency"),
        (["currency": ""], "currency", "validation.policy.currency"),
        (["start": "2026-02-30"], "start", "validation.date"),
        (["end": "2025-12-31"], "end", "validation.policy.end-before-start"),
        (["type": "R13"], "type", "validation.policy.type"),
        (["tlp": "PURPLE"], "tlp", "validation.one-of"),
        (["title": ""], "title", "validation.required"),
    ]

    @Test(arguments: PolicyRulesTests.draftCases)
    func aResponseDraftNamesTheFieldAndTheProblem(changes: [String: String], field: String, key: String) {
        let failure = #expect(throws: ValidationFailure.self) { try validated(changes) }
        #expect(failure?.issues == [failure?.issues.first { $0.field == field && $0.key == key }].compactMap { $0 }, "\(failure?.issues ?? [])")
    }

    @Test func everyProblemOfADraftIsReportedAtOnce() {
        let failure = #expect(throws: ValidationFailure.self) {
            try validated(["effect.1.low": "150", "target.elsewhere": "on", "currency": "E", "end": "2020-01-01", "type": ""])
        }
        #expect(Set(failure?.issues.map(\.field) ?? []) == ["effect.1.low", "targets", "currency", "end", "type"])
    }

    @Test func theTypedDraftFillsTheFormsFields() throws {
        let draft = PolicyResponseDraft(
            title: "Drone detection", type: "R05", description: "", targets: ["s1"],
            effects: [DeclaredEffect(factor: .opportunity, low: 10, best: 20, high: 40)],
            leadAgencyID: "police", partnerAgencyIDs: ["interior"], cost: CostRange(low: 10, high: 20, currency: "USD"),
            timeframe: (start: "2026-01-01", end: "2026-06-30"), legalBasis: "", tlp: "GREEN")
        let content = try draft.validated(in: Self.context)
        #expect(content.effects == [DeclaredEffect(factor: .opportunity, low: 10, best: 20, high: 40)])
        #expect(content.targets.map(\.riskID) == ["s1"] && content.tlp == .green && content.cost?.currency == "USD")
        let many = PolicyResponseDraft(
            title: "Too much", type: "R05", description: "", targets: [],
            effects: Array(repeating: DeclaredEffect(factor: .intent, low: 1, best: 1, high: 1), count: 7),
            leadAgencyID: nil, partnerAgencyIDs: [], cost: nil, timeframe: nil, legalBasis: "", tlp: "GREEN")
        let failure = #expect(throws: ValidationFailure.self) { try many.validated(in: Self.context) }
        #expect(failure?.issues.map(\.field) == ["effects"])
    }

    // MARK: Abilities

    @Test func abilitiesFollowTheRolesAndTheStatus() {
        let drafted = Self.response(status: .drafted)
        let maker = PolicyAbilities(
            write: true, review: false, approve: true, override: false, userID: "author", response: drafted, blocking: ["H04"])
        #expect(maker.edit && maker.measure && !maker.review && !maker.ownResponse && !maker.override)
        #expect(maker.statusMoves == [.underReview, .idea, .withdrawn])
        let underReview = Self.response(status: .underReview)
        let noApprover = PolicyAbilities(
            write: true, review: false, approve: false, override: false, userID: "x", response: underReview, blocking: [])
        #expect(noApprover.statusMoves == [.drafted, .withdrawn])
        let approverOnly = PolicyAbilities(
            write: false, review: false, approve: true, override: false, userID: "x", response: underReview, blocking: [])
        #expect(approverOnly.statusMoves == [.approved] && !approverOnly.edit && !approverOnly.measure)
        let reviewer = PolicyAbilities(
            write: false, review: true, approve: false, override: false, userID: "reviewer", response: underReview, blocking: [])
        #expect(reviewer.review && !reviewer.ownResponse && reviewer.statusMoves.isEmpty)
        let author = PolicyAbilities(
            write: false, review: true, approve: false, override: false, userID: "author", response: underReview, blocking: [])
        #expect(!author.review && author.ownResponse)
        let focal = PolicyAbilities(
            write: true, review: false, approve: true, override: true, userID: "focal", response: underReview, blocking: ["H04"])
        #expect(focal.override)
        #expect(
            !PolicyAbilities(write: true, review: false, approve: true, override: true, userID: "f", response: underReview, blocking: []).override)
        let implementing = PolicyAbilities(
            write: true, review: true, approve: true, override: true, userID: "f", response: Self.response(status: .implementing), blocking: ["H04"])
        #expect(!implementing.edit && !implementing.review && !implementing.override && implementing.measure)
        let withdrawn = PolicyAbilities(
            write: true, review: true, approve: true, override: true, userID: "f", response: Self.response(status: .withdrawn), blocking: [])
        #expect(!withdrawn.measure && !withdrawn.edit && withdrawn.statusMoves == [.drafted])
    }

    @Test func abilitiesFromAnIdentitysGrants() {
        let response = Self.response(status: .underReview)
        func identity(_ role: Role, state: String = "vld", id: String = "someone") -> Identity {
            Identity(
                userID: id, email: "\(id)@valdoria.example", displayName: id, grants: [RoleGrant(id: "g", userID: id, role: role, stateID: state)])
        }
        let focal = PolicyAbilities(identity: identity(.focalPoint), response: response, blocking: ["H04"])
        #expect(focal.edit && focal.override && !focal.review && focal.statusMoves == [.approved, .drafted, .withdrawn])
        let maker = PolicyAbilities(identity: identity(.policyMaker), response: response, blocking: ["H04"])
        #expect(maker.edit && !maker.override && maker.statusMoves == [.approved, .drafted, .withdrawn])
        let reviewer = PolicyAbilities(identity: identity(.reviewer), response: response, blocking: ["H04"])
        #expect(reviewer.review && !reviewer.edit && reviewer.statusMoves.isEmpty && !reviewer.measure)
        let writingReviewer = PolicyAbilities(identity: identity(.reviewer, id: "author"), response: response, blocking: [])
        #expect(!writingReviewer.review && writingReviewer.ownResponse)
        let assessor = PolicyAbilities(identity: identity(.assessor), response: response, blocking: ["H04"])
        #expect(!assessor.edit && !assessor.review && !assessor.override && assessor.statusMoves.isEmpty)
        let foreign = PolicyAbilities(identity: identity(.focalPoint, state: "elsewhere"), response: response, blocking: ["H04"])
        #expect(!foreign.edit && !foreign.override && foreign.statusMoves.isEmpty)
        let administrator = Identity(
            userID: "admin", email: "admin@cttech.example", displayName: "Admin",
            grants: [RoleGrant(id: "g", userID: "admin", role: .administrator, stateID: nil)])
        #expect(PolicyAbilities(identity: administrator, response: response, blocking: ["H04"]).statusMoves.isEmpty)
    }
}
