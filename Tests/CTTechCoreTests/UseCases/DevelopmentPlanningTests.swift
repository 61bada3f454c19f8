import CTTechCore
import CTTechDoubles
import Testing

@Suite("Targets, priorities and the development roadmap (step 8)")
struct DevelopmentPlanningTests {
    /// The default method's mandatory checks with the framework's adoption checks (H12, H13), in checklist order.
    static let adoptionMandatory = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "H12", "H13", "G03", "G08", "G09"]

    /// Three scenarios of the register: a drone attack (T09, P7), crypto financing (T04, P3) whose approved responses
    /// removed all its risk, and recruitment on encrypted chats (T02, P2). F03 digital forensics counters all three (16 of
    /// 20: stage 4); F07 counter-drone the drone attack (8 of 20: stage 2); F05 virtual assets only the financing (0: no
    /// stage).
    static let risks = [
        RelevantRisk(id: "s1", title: "Drone attack on a festival crowd", technologies: ["T09"], purposes: ["P7"], inherent: 20, residual: 8),
        RelevantRisk(id: "s2", title: "Crypto financing of a cell", technologies: ["T04"], purposes: ["P3"], inherent: 10, residual: 0),
        RelevantRisk(id: "s3", title: "Recruitment on encrypted chats", technologies: ["T02"], purposes: ["P2"], inherent: 16, residual: 16),
    ]

    static var relevance: [String: AreaRelevance] { AreaRelevance.compute(framework: .ctTechDefault, risks: risks) }

    /// The policy maker's planning scope.
    func planning(_ workspace: StateWorkspace) -> TenantScope { workspace.scope(workspace.policyMaker, .planDevelopment) }

    // MARK: Targets

    @Test func targetsAreSetByHandWithTheirAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        try await workspace.reach(2, area: "F07", enabler: "E4", of: assessment)
        let current = try await workspace.stored(assessment)
        let entries = workspace.repositories.audit.count

        // act
        let stored = try await workspace.developmentPlanning.setTargets(
            .setting(["E4": 3, "E5": 2], version: current.version, cost: .favourable), area: "F07", of: current, by: workspace.policyMaker.actor,
            scope: try workspace.granted(workspace.policyMaker, .planDevelopment))

        // check
        #expect(stored.version == current.version + 1)
        let targets = try await workspace.repositories.capabilityTargets(
            workspace.scope(workspace.focalPoint, .viewCapability), assessmentID: assessment.id)
        #expect(targets.map { "\($0.area) \($0.enabler) \($0.stage)" } == ["F07 E4 3", "F07 E5 2"])
        #expect(targets.allSatisfy { $0.source == .hand && $0.setBy == workspace.policyMaker.userID && $0.feasibility.cost == .favourable })
        #expect(workspace.repositories.audit.count == entries + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "capability.targets" && event.entityID == assessment.id && event.details == ["area": "F07", "source": "hand"])
    }

    @Test func aTargetBelowTheLevelReachedIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let current = try await workspace.reach(2, area: "F07", enabler: "E4", of: assessment)
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.developmentPlanning.setTargets(
                .setting(["E4": 1, "E5": 2], version: current.version), area: "F07", of: current, by: workspace.policyMaker.actor,
                scope: planning(workspace))
        }
        await #expect(throws: CapabilityRuleViolation.areaNotAssessed("F01")) {
            try await workspace.developmentPlanning.setTargets(
                .setting(["E4": 3], version: current.version), area: "F01", of: current, by: workspace.policyMaker.actor, scope: planning(workspace))
        }
        // A form read before the last answers is stale.
        await #expect(throws: StoreConflict.staleVersion(current: current.version)) {
            try await workspace.developmentPlanning.setTargets(
                .setting(["E4": 3], version: 1), area: "F07", of: current, by: workspace.policyMaker.actor, scope: planning(workspace))
        }

        // check
        #expect(failure?.issues == [FieldIssue(field: "target.E4", "validation.capability.target-below-level", ["level": "2"])])
        #expect(
            try await workspace.repositories.capabilityTargets(workspace.scope(workspace.focalPoint, .viewCapability), assessmentID: assessment.id)
                .isEmpty)
        #expect(try await workspace.stored(assessment) == current)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func theRegisterProposesTargetsNeverBelowTheLevelAndKeepsOtherAreas() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability(areas: ["F03", "F05", "F07"])
        try await workspace.reach(3, area: "F07", enabler: "E4", of: assessment)
        let answered = try await workspace.stored(assessment)
        let handSet = try await workspace.developmentPlanning.setTargets(
            .setting(["E1": 2], version: answered.version, cost: .unfavourable), area: "F05", of: answered, by: workspace.policyMaker.actor,
            scope: planning(workspace))
        let entries = workspace.repositories.audit.count

        // act
        let (stored, count) = try await workspace.developmentPlanning.proposeTargets(
            for: handSet, relevance: Self.relevance, expectedVersion: handSet.version, by: workspace.policyMaker.actor, scope: planning(workspace))

        // check
        #expect(count == 18 && stored.version == handSet.version + 1)
        let targets = try await workspace.repositories.capabilityTargets(
            workspace.scope(workspace.focalPoint, .viewCapability), assessmentID: assessment.id)
        #expect(targets.count == 19)
        let byCell = Dictionary(uniqueKeysWithValues: targets.map { ("\($0.area) \($0.enabler)", $0) })
        #expect(targets.filter { $0.area == "F03" }.allSatisfy { $0.stage == 4 && $0.source == .proposed })
        #expect(targets.filter { $0.area == "F07" && $0.enabler != "E4" }.allSatisfy { $0.stage == 2 && $0.source == .proposed })
        #expect(byCell["F07 E4"]?.stage == 3)  // its level, not the register's 2
        #expect(byCell["F05 E1"]?.source == .hand && byCell["F05 E1"]?.feasibility.cost == .unfavourable)
        #expect(workspace.repositories.audit.count == entries + 1)
        #expect(workspace.repositories.audit.last?.details == ["areas": "F03,F07", "source": "proposed"])
    }

    @Test func prioritiesRankTheGapsByGapRelevanceAndFeasibility() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability(areas: ["F03", "F05", "F07"])
        try await workspace.reach(3, area: "F07", enabler: "E4", of: assessment)
        let answered = try await workspace.stored(assessment)
        let handSet = try await workspace.developmentPlanning.setTargets(
            .setting(["E1": 2], version: answered.version), area: "F05", of: answered, by: workspace.policyMaker.actor, scope: planning(workspace))
        let (stored, _) = try await workspace.developmentPlanning.proposeTargets(
            for: handSet, relevance: Self.relevance, expectedVersion: handSet.version, by: workspace.policyMaker.actor, scope: planning(workspace))
        let entries = workspace.repositories.audit.count

        // act
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)
        let ranked = try await workspace.developmentPlanning.priorities(of: stored, relevance: Self.relevance, scope: viewing)
        let unweighted = try await workspace.developmentPlanning.priorities(of: stored, relevance: nil, scope: viewing)

        // check: F03 gap 4 × 0.8 × 6/9, then F07 gap 2 × 0.4 × 6/9, then F05 (not relevant) and F07 × E4 (no gap)
        #expect(ranked.count == 19)
        #expect(ranked.prefix(9).allSatisfy { $0.area == "F03" && $0.gap == 4 && abs($0.priority - 4 * 0.8 * 6 / 9) < 1e-12 })
        #expect(ranked.prefix(9).map(\.enabler) == ["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8", "E9"])
        #expect(ranked.prefix(9).first?.scenarios.map(\.id) == ["s3", "s1", "s2"])
        #expect(ranked[9..<17].allSatisfy { $0.area == "F07" && $0.gap == 2 && abs($0.priority - 2 * 0.4 * 6 / 9) < 1e-12 })
        #expect(ranked[17].area == "F05" && ranked[17].gap == 2 && ranked[17].priority == 0 && ranked[17].source == .hand)
        #expect(ranked[18].area == "F07" && ranked[18].enabler == "E4" && ranked[18].gap == 0 && ranked[18].priority == 0)
        #expect(unweighted.allSatisfy { $0.relevance == 1 } && unweighted.first?.area == "F03")
        #expect(workspace.repositories.audit.count == entries)  // reading writes nothing
    }

    // MARK: The roadmap

    @Test func anItemIsAddedAsProposedWithItsAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let entries = workspace.repositories.audit.count

        // act
        let item = try await workspace.developmentPlanning.add(
            .development(), agencies: [], by: workspace.policyMaker.actor, scope: try workspace.granted(workspace.policyMaker, .planDevelopment))

        // check
        #expect(item.status == .proposed && item.version == 1 && item.kind == .development && item.stateID == workspace.state.id)
        #expect(item.title == "Digital forensics laboratory" && item.area == "F03" && item.enabler == "E5" && item.toStage == 3)
        #expect(item.durationDays == 365 && item.cost == CostRange(low: 100_000, high: 250_000, currency: "EUR") && item.funding == .donor)
        #expect(item.milestones == [Milestone(title: "Laboratory equipped", due: CalendarDate("2026-06-30")!)])
        #expect(item.createdBy == workspace.policyMaker.userID && item.readiness.isEmpty)
        #expect(try await workspace.repositories.roadmapItems(workspace.scope(workspace.focalPoint, .viewCapability)) == [item])
        #expect(workspace.repositories.audit.count == entries + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "roadmap.create" && event.entityType == "roadmap_item" && event.entityID == item.id)
        #expect(event.details == ["title": "Digital forensics laboratory", "kind": "development"])
        // An adoption keeps its technology and readiness profile.
        let adoption = try await workspace.addItem(.adoption())
        #expect(adoption.kind == .adoption && adoption.technology == "T09")
        #expect(adoption.readiness == ["legal-basis": .partlyReady, "skills": .notReady, "safeguards": .partlyReady])
    }

    @Test func aPrerequisiteOfAnotherStateIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let elsewhere = workspace.repositories.seedPartnerState(code: "ARC", name: "Arcadia")
        let foreign = RoadmapItem(
            id: "arc-item", stateID: elsewhere.id, kind: .development, title: "Arcadian lab", horizon: .short, createdBy: "arc", createdAt: 1)
        workspace.repositories.seed(foreign)
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) { try await workspace.addItem(.development(requires: [foreign.id])) }

        // check
        #expect(failure?.issues == [FieldIssue(field: "prerequisites", "validation.capability.prerequisite-unknown")])
        #expect(try await workspace.repositories.roadmapItems(workspace.scope(workspace.focalPoint, .viewCapability)).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func revisingChangesTheContentAndTheVersion() async throws {
        // setup
        let workspace = StateWorkspace()
        let law = try await workspace.addItem(.development(title: "Forensics law"))
        let lab = try await workspace.addItem(.development())
        let entries = workspace.repositories.audit.count

        // act
        let revised = try await workspace.developmentPlanning.revise(
            lab, with: .development(title: "National digital forensics laboratory", requires: [law.id]), agencies: [],
            by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .planDevelopment))

        // check
        #expect(revised.version == 2 && revised.title == "National digital forensics laboratory" && revised.prerequisites == [law.id])
        #expect(revised.createdBy == workspace.policyMaker.userID && revised.updatedBy == workspace.focalPoint.userID)
        #expect(try await workspace.stored(lab) == revised)
        #expect(workspace.repositories.audit.count == entries + 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "roadmap.update" && event.entityID == lab.id && event.details == ["title": "National digital forensics laboratory"])
        // The same content again writes nothing.
        let same = try await workspace.developmentPlanning.revise(
            revised, with: RoadmapItemDraft(item: revised), agencies: [], by: workspace.focalPoint.actor,
            scope: workspace.scope(workspace.focalPoint, .planDevelopment))
        #expect(same == revised && workspace.repositories.audit.count == entries + 1)
    }

    @Test func aStaleRevisionIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let lab = try await workspace.addItem(.development())
        let first = try await workspace.developmentPlanning.revise(
            lab, with: .development(title: "First change"), agencies: [], by: workspace.policyMaker.actor, scope: planning(workspace))
        let entries = workspace.repositories.audit.count

        // act: a form read at version 1
        var old = RoadmapItemDraft.development(title: "Second change, from an old page")
        old.fields["version"] = "1"
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.developmentPlanning.revise(lab, with: old, agencies: [], by: workspace.policyMaker.actor, scope: planning(workspace))
        }
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.developmentPlanning.move(
                lab, to: .underReview, expectedVersion: 1, by: workspace.policyMaker.actor, scope: planning(workspace))
        }

        // check
        #expect(try await workspace.stored(lab) == first)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aCycleIsRefusedWithItsMembersNamedAndNothingWritten() async throws {
        // setup: law ← lab ← staff
        let workspace = StateWorkspace()
        let law = try await workspace.addItem(.development(title: "Forensics law"))
        let lab = try await workspace.addItem(.development(title: "Forensics lab", requires: [law.id]))
        let staff = try await workspace.addItem(.development(title: "Lab staff", requires: [lab.id]))
        let entries = workspace.repositories.audit.count

        // act: the law would need the staff
        let error = await #expect(throws: CapabilityRuleViolation.self) {
            try await workspace.developmentPlanning.revise(
                law, with: .development(title: "Forensics law", requires: [staff.id]), agencies: [], by: workspace.policyMaker.actor,
                scope: planning(workspace))
        }

        // check
        guard case .cycle(let members) = error else {
            Issue.record("a cycle is refused as one, got \(String(describing: error))")
            return
        }
        #expect(Set(members) == ["Forensics law", "Forensics lab", "Lab staff"] && members.count == 3)
        #expect(error?.explanation.key == "errors.rule.roadmap.cycle")
        #expect(try await workspace.stored(law) == law)
        #expect(workspace.repositories.audit.count == entries)
        // The roadmap as stored still has an order with the law first.
        guard
            case .ordered(let order, let path, _) = RoadmapGraph(items: try await workspace.repositories.roadmapItems(planning(workspace))).outcome()
        else {
            Issue.record("the stored roadmap has an order")
            return
        }
        #expect(order == [law.id, lab.id, staff.id] && path == [law.id, lab.id, staff.id])
    }

    @Test func anItemMovesAlongItsWayEachMoveWithItsAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let lab = try await workspace.addItem(.development())

        // act and check: a development item is approved without reviews
        for (target, action) in [
            (RoadmapItem.Status.underReview, "roadmap.status"), (.approved, "roadmap.approve"), (.inProgress, "roadmap.status"),
            (.done, "roadmap.status"),
        ] {
            let entries = workspace.repositories.audit.count
            let moved = try await workspace.move(lab, to: target)
            #expect(moved.status == target)
            #expect(workspace.repositories.audit.count == entries + 1)
            #expect(workspace.repositories.audit.last?.action == action && workspace.repositories.audit.last?.entityID == lab.id)
            #expect(workspace.repositories.audit.last?.details["to"] == target.rawValue)
        }
        let entries = workspace.repositories.audit.count
        await #expect(throws: CapabilityRuleViolation.statusTransition(from: .done, to: .inProgress)) {
            try await workspace.move(lab, to: .inProgress)
        }
        await #expect(throws: CapabilityRuleViolation.contentLocked(.done)) {
            try await workspace.developmentPlanning.revise(
                try await workspace.stored(lab), with: .development(title: "Too late"), agencies: [], by: workspace.policyMaker.actor,
                scope: planning(workspace))
        }
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func revisingAnApprovedItemSendsItBackUnderReview() async throws {
        // setup
        let workspace = StateWorkspace()
        let lab = try await workspace.addItem(.development())
        let approved = try await workspace.move(lab, to: .approved)

        // act
        let revised = try await workspace.developmentPlanning.revise(
            approved, with: .development(title: "Larger laboratory"), agencies: [], by: workspace.policyMaker.actor, scope: planning(workspace))

        // check
        #expect(revised.status == .underReview && revised.version == 2)
    }

    @Test func approvalNeedsTheApprovingScope() async throws {
        // setup
        let workspace = StateWorkspace()
        let lab = try await workspace.move(try await workspace.addItem(.development()), to: .underReview)
        let entries = workspace.repositories.audit.count

        // act and check
        await #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) {
            try await workspace.developmentPlanning.move(
                lab, to: .approved, expectedVersion: lab.version, by: workspace.policyMaker.actor, scope: planning(workspace))
        }
        #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) { try workspace.granted(workspace.policyMaker, .approveRoadmap) }
        #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) { try workspace.granted(workspace.reviewer, .approveRoadmap) }
        #expect(try await workspace.stored(lab).status == .underReview)
        #expect(workspace.repositories.audit.count == entries)
        let approved = try await workspace.developmentPlanning.move(
            lab, to: .approved, expectedVersion: lab.version, by: workspace.focalPoint.actor,
            scope: try workspace.granted(workspace.focalPoint, .approveRoadmap))
        #expect(approved.status == .approved)
    }

    // MARK: The review gate of an adoption

    @Test func anAdoptionIsApprovedOnlyAfterAReviewerMeetsItsChecks() async throws {
        // setup
        let workspace = StateWorkspace()
        let drones = try await workspace.move(try await workspace.addItem(.adoption()), to: .underReview)
        let entries = workspace.repositories.audit.count

        // act and check: refused without review, nothing written
        await #expect(throws: CapabilityRuleViolation.adoptionNotReviewed(checks: Self.adoptionMandatory)) {
            try await workspace.move(drones, to: .approved)
        }
        #expect(try await workspace.stored(drones).status == .underReview && workspace.repositories.audit.count == entries)

        // The reviewer meets every check but vendor due diligence (H12): still refused, naming H12.
        let human = Self.adoptionMandatory.filter { $0.hasPrefix("H") }
        let reviews = try await workspace.developmentPlanning.review(
            drones, kind: .humanRights, draft: .answering(human.filter { $0 != "H12" }, .met, version: 1), by: workspace.reviewer.actor,
            scope: try workspace.granted(workspace.reviewer, .reviewRoadmap))
        #expect(
            reviews.count == 9
                && reviews.allSatisfy { $0.responseID == drones.id && $0.reviewerID == workspace.reviewer.userID && $0.responseVersion == 1 })
        #expect(workspace.repositories.audit.last?.action == "roadmap.review" && workspace.repositories.audit.last?.details["H13"] == "met")
        try await workspace.review(drones, .gender, ["G03", "G08", "G09"])
        try await workspace.review(drones, .humanRights, ["H12"], .notMet)
        await #expect(throws: CapabilityRuleViolation.adoptionNotReviewed(checks: ["H12"])) { try await workspace.move(drones, to: .approved) }
        let lists = try await workspace.developmentPlanning.checklists(try await workspace.stored(drones), scope: planning(workspace))
        #expect(lists.flatMap(\.blocking) == ["H12"] && lists[1].genderMarker == 2)

        // H12 met: approved.
        try await workspace.review(drones, .humanRights, ["H12"])
        let before = workspace.repositories.audit.count
        let approved = try await workspace.move(drones, to: .approved)
        #expect(approved.status == .approved && workspace.repositories.audit.count == before + 1)
        #expect(workspace.repositories.audit.last?.action == "roadmap.approve")
    }

    @Test func theStatePagePointsReviewersAndTheFocalPointToWhatAwaitsThem() async throws {
        // setup: an adoption and a development item under review, a proposed item
        let workspace = StateWorkspace()
        let drones = try await workspace.move(try await workspace.addItem(.adoption()), to: .underReview)
        let lab = try await workspace.move(try await workspace.addItem(.development()), to: .underReview)
        _ = try await workspace.addItem(.development(title: "Second laboratory"))
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)
        func standing(_ who: Identity) async throws -> RoadmapStanding {
            let items = try await workspace.repositories.roadmapItems(viewing)
            var reviews: [CheckReview] = []
            for item in items { reviews += try await workspace.repositories.roadmapReviews(viewing, itemID: item.id) }
            return RoadmapStanding(
                identity: who, stateID: workspace.state.id, items: items, reviews: reviews, method: .ctTechDefault, framework: .ctTechDefault)
        }

        // act and check: the reviewer has the adoption to review (never the development item); the focal point may approve
        // the development item only, the adoption's checks still blocking
        let reviewer = try await standing(workspace.reviewer)
        #expect(reviewer.toReview.count == 1 && reviewer.toReview.first?.id == drones.id && reviewer.toApprove.count == 0)
        let focal = try await standing(workspace.focalPoint)
        #expect(focal.toReview.count == 0 && focal.toApprove.count == 1 && focal.toApprove.first?.id == lab.id)
        // the policy maker who wrote them has nothing to review or approve
        let author = try await standing(workspace.policyMaker)
        #expect(author.toReview.count == 0 && author.toApprove.count == 0)

        // every check answered: nothing left to review, and the adoption is ready for approval too
        let human = Self.adoptionMandatory.filter { $0.hasPrefix("H") }
        let all = ReviewChecklist.roadmap(drones, method: .ctTechDefault, framework: .ctTechDefault, reviews: [])
        for list in all { try await workspace.review(drones, list.kind, list.lines.map(\.check.code)) }
        #expect(!human.isEmpty)
        #expect(try await standing(workspace.reviewer).toReview.count == 0)
        #expect(try await standing(workspace.focalPoint).toApprove.count == 2)
    }

    @Test func targetsAreSetOnlyUnderThePlanningPermission() async throws {
        // setup: an assessor's writing scope handed to the planning use case
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let entries = workspace.repositories.audit.count

        // act and check
        await #expect(throws: AccessDenied.self) {
            try await workspace.developmentPlanning.setTargets(
                .setting(["E4": 3], version: assessment.version), area: "F03", of: assessment, by: workspace.assessor.actor,
                scope: workspace.scope(workspace.assessor, .writeCapability))
        }
        await #expect(throws: AccessDenied.self) {
            try await workspace.developmentPlanning.proposeTargets(
                for: assessment, relevance: Self.relevance, expectedVersion: assessment.version, by: workspace.assessor.actor,
                scope: workspace.scope(workspace.assessor, .writeCapability))
        }
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func milestonesChangedSinceTheyWereReadAreNotOverwritten() async throws {
        // setup: the laboratory's milestone renamed by someone else after this copy was read
        let workspace = StateWorkspace()
        let read = try await workspace.addItem(.development())
        var renamed = RoadmapItemDraft.development()
        renamed.fields["milestone.1.title"] = "Laboratory accredited"
        renamed.fields["version"] = "1"
        _ = try await workspace.developmentPlanning.revise(
            read, with: renamed, agencies: [], by: workspace.policyMaker.actor, scope: planning(workspace))
        let entries = workspace.repositories.audit.count

        // act and check: ticking from the stale copy is a conflict, and nothing changes
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.developmentPlanning.markMilestones([0], of: read, by: workspace.policyMaker.actor, scope: planning(workspace))
        }
        let stored = try await workspace.stored(read)
        #expect(stored.milestones.map(\.title) == ["Laboratory accredited"] && stored.milestones.allSatisfy { !$0.done })
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func reviewsOfAnEarlierVersionDoNotApproveARevisedAdoption() async throws {
        // setup
        let workspace = StateWorkspace()
        let drones = try await workspace.move(try await workspace.addItem(.adoption()), to: .underReview)
        try await workspace.review(drones, .humanRights, Self.adoptionMandatory.filter { $0.hasPrefix("H") })
        try await workspace.review(drones, .gender, ["G03", "G08", "G09"])
        let revised = try await workspace.developmentPlanning.revise(
            try await workspace.stored(drones), with: .adoption(title: "Drone detection at stadiums and airports"), agencies: [],
            by: workspace.policyMaker.actor, scope: planning(workspace))

        // act and check
        #expect(revised.version == 2)
        await #expect(throws: CapabilityRuleViolation.adoptionNotReviewed(checks: Self.adoptionMandatory)) {
            try await workspace.move(drones, to: .approved)
        }
        // A review made for version 1 is refused now.
        await #expect(throws: CapabilityRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 2)) {
            try await workspace.developmentPlanning.review(
                revised, kind: .humanRights, draft: .answering(["H12"], .met, version: 1), by: workspace.reviewer.actor,
                scope: workspace.scope(workspace.reviewer, .reviewRoadmap))
        }
    }

    @Test func theAuthorMayNotReviewTheirOwnItemAndAReviewNeedsTheReviewingScope() async throws {
        // setup
        let workspace = StateWorkspace()
        let author = workspace.repositories.seedAccount(
            email: "both@valdoria.example", displayName: "Plans and reviews",
            roles: [(.policyMaker, workspace.state.id), (.reviewer, workspace.state.id)])
        let drones = try await workspace.developmentPlanning.add(
            .adoption(), agencies: [], by: author.actor, scope: try workspace.granted(author, .planDevelopment))
        let entries = workspace.repositories.audit.count

        // act and check
        await #expect(throws: CapabilityRuleViolation.selfReview) {
            try await workspace.review(drones, .humanRights, ["H12"], as: author)
        }
        await #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) {
            try await workspace.developmentPlanning.review(
                drones, kind: .humanRights, draft: .answering(["H12"], .met, version: 1), by: workspace.reviewer.actor,
                scope: workspace.scope(workspace.reviewer, .planDevelopment))
        }
        #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) { try workspace.granted(workspace.policyMaker, .reviewRoadmap) }
        #expect(try await workspace.repositories.roadmapReviews(planning(workspace), itemID: drones.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    // MARK: Milestones

    @Test func milestonesAreTickedUntilTheItemIsDone() async throws {
        // setup
        let workspace = StateWorkspace()
        let lab = try await workspace.move(try await workspace.addItem(.development()), to: .approved)
        let entries = workspace.repositories.audit.count

        // act
        let ticked = try await workspace.developmentPlanning.markMilestones([0], of: lab, by: workspace.policyMaker.actor, scope: planning(workspace))

        // check
        #expect(ticked.milestones.map(\.done) == [true] && ticked.version == lab.version)
        #expect(workspace.repositories.audit.count == entries + 1 && workspace.repositories.audit.last?.details == ["milestones done": "1/1"])
        // The same ticks again write nothing; a done item's milestones are fixed.
        _ = try await workspace.developmentPlanning.markMilestones([0], of: ticked, by: workspace.policyMaker.actor, scope: planning(workspace))
        #expect(workspace.repositories.audit.count == entries + 1)
        try await workspace.move(lab, to: .inProgress)
        let done = try await workspace.move(lab, to: .done)
        await #expect(throws: CapabilityRuleViolation.contentLocked(.done)) {
            try await workspace.developmentPlanning.markMilestones([], of: done, by: workspace.policyMaker.actor, scope: planning(workspace))
        }
    }

    // MARK: Tenant isolation

    @Test func anotherStatesScopeSeesAndMovesNothingOfTheRoadmap() async throws {
        // setup
        let workspace = StateWorkspace()
        let lab = try await workspace.addItem(.development())
        try await workspace.review(lab, .humanRights, ["H01"])
        let elsewhere = workspace.repositories.seedPartnerState(code: "ARC", name: "Arcadia")
        let arcadia = SystemAuthority.tenant(elsewhere.id, permission: .approveRoadmap)
        let entries = workspace.repositories.audit.count

        // act and check
        #expect(try await workspace.repositories.roadmapItems(arcadia).isEmpty)
        #expect(try await workspace.repositories.roadmapItem(arcadia, id: lab.id) == nil)
        #expect(try await workspace.repositories.roadmapReviews(arcadia, itemID: lab.id).isEmpty)
        await #expect(throws: StoreConflict.missing) {
            try await workspace.developmentPlanning.move(lab, to: .approved, expectedVersion: 1, by: workspace.focalPoint.actor, scope: arcadia)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.developmentPlanning.revise(
                lab, with: .development(title: "Taken over"), agencies: [], by: workspace.focalPoint.actor,
                scope: SystemAuthority.tenant(elsewhere.id, permission: .planDevelopment))
        }
        // Arcadia's roadmap cannot name Valdoria's item as a prerequisite.
        await #expect(throws: ValidationFailure.self) {
            try await workspace.developmentPlanning.add(
                .development(requires: [lab.id]), agencies: [], by: workspace.focalPoint.actor,
                scope: SystemAuthority.tenant(elsewhere.id, permission: .planDevelopment))
        }
        #expect(try await workspace.stored(lab) == lab)
        #expect(workspace.repositories.audit.count == entries)
    }
}
