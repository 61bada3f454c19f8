import CTTechCore
import CTTechTestSupport
import Foundation
import SQLKit
import Testing

@testable import CTTechStore

@Suite("Policy responses, reviews and indicators in the store")
struct PolicyStoreTests {
    struct Setup {
        let db: Persistence
        let state: PartnerState
        let foreign: PartnerState
        /// Round 1 revealed and round 2 open: its latest revealed round is 1.
        let national: Assessment
        /// Round 1 still open: nothing revealed.
        let regional: Assessment
        /// The other state's assessment, whose revision no write here may move.
        let foreignAssessment: Assessment
        let scenario: ThreatScenario
        let otherRisk: OtherRisk
        let police: Agency
        let ministry: Agency
        let policy: PolicyStore
        var scope: TenantScope { Fixture.scope(state) }
        var foreignScope: TenantScope { Fixture.scope(foreign) }
    }

    static let author = AuditActor(id: "author-1", label: "Author")
    static let reviewer = AuditActor(id: "reviewer-1", label: "Reviewer")
    static let focalPoint = AuditActor(id: "focal-1", label: "Focal point")

    func setup(_ db: Persistence) async throws -> Setup {
        let state = Fixture.state()
        let foreign = Fixture.state(code: "NRV", name: "Kingdom of Norvania")
        for s in [state, foreign] { try await PartnerStateStore(db).create(s, by: Fixture.admin, audit: Fixture.event("state.create")) }
        let stores = AssessmentStores(db)
        func assessment(_ title: String, in state: PartnerState) async throws -> Assessment {
            let assessment = Assessment(
                id: Identifier.make(), stateID: state.id, title: title, period: "2025–2026", horizonYears: 3,
                methodVersion: MethodVersion.defaultID, tlp: .amber, status: .draft, version: 1)
            try await stores.records.create(assessment, scope: Fixture.scope(state), audit: Fixture.event("assessment.create", state: state.id))
            return assessment
        }
        let national = try await assessment("National assessment", in: state)
        let regional = try await assessment("Coastal region assessment", in: state)
        let foreignAssessment = try await assessment("Norvanian assessment", in: foreign)
        let scope = Fixture.scope(state)
        let scenario = ThreatScenario(
            id: Identifier.make(), assessmentID: national.id, title: "Drone attack on a stadium", narrative: "Fictional.", actorType: "A3",
            technologies: ["T09"], purposes: ["P7"], targetSector: "Stadiums", horizonYears: 5, version: 1)
        try await stores.scoring.addScenario(scenario, scope: scope, audit: Fixture.event("scenario.create", state: state.id))
        let otherRisk = OtherRisk(
            id: Identifier.make(), title: "Coastal flood", family: "Natural hazard",
            likelihood: try UncertainEstimate(low: 0.1, best: 0.2, high: 0.3, within: 0...1),
            impact: try UncertainEstimate(low: 2, best: 3, high: 4, within: 1...5), confidence: .moderate)
        try await stores.risks.addOtherRisk(otherRisk, assessmentID: regional.id, scope: scope, audit: Fixture.event("risk.create", state: state.id))
        let police = Agency(id: Identifier.make(), name: "National Police", kind: .lawEnforcement, mandate: "Investigates.")
        let ministry = Agency(id: Identifier.make(), name: "Ministry of the Interior", kind: .ministry, mandate: "Approves.")
        try await stores.institutions.addAgency(police, assessmentID: national.id, scope: scope, audit: Fixture.event("agency.create"))
        try await stores.institutions.addAgency(ministry, assessmentID: regional.id, scope: scope, audit: Fixture.event("agency.create"))
        for status in [ScoringRound.Status.closed, .revealed, .open] {
            try await stores.scoring.advanceRound(scope, assessmentID: national.id, to: status, audit: Fixture.event("round.advance"))
        }
        return Setup(
            db: db, state: state, foreign: foreign, national: national, regional: regional, foreignAssessment: foreignAssessment,
            scenario: scenario, otherRisk: otherRisk, police: police, ministry: ministry, policy: PolicyStore(db))
    }

    /// A response with every field filled, addressing the scenario (national) and the flood (regional).
    func fullResponse(_ s: Setup, title: String = "Counter-drone perimeter", status: ResponseStatus = .drafted) -> PolicyResponse {
        PolicyResponse(
            id: Identifier.make(), stateID: s.state.id, title: title, type: "R04", description: "Detection and interception around venues.",
            targets: [
                ResponseTarget(riskID: s.scenario.id, kind: .scenario, assessmentID: s.national.id),
                ResponseTarget(riskID: s.otherRisk.id, kind: .otherRisk, assessmentID: s.regional.id),
            ],
            effects: [
                DeclaredEffect(factor: .technologyAccessibility, low: 20, best: 35, high: 50),
                DeclaredEffect(factor: .impact, dimension: .fatalities, low: 5, best: 10, high: 25.5),
                DeclaredEffect(factor: .likelihood, low: 0, best: 0, high: 0),
            ],
            leadAgencyID: s.police.id, partnerAgencyIDs: [s.ministry.id, s.police.id],
            cost: CostRange(low: 250_000, high: 1_250_000.5, currency: "EUR"),
            timeframe: Timeframe(start: CalendarDate("2026-01-01")!, end: CalendarDate("2027-12-31")!),
            legalBasis: "Aviation Security Act, art. 12", status: status, tlp: .amber, methodVersion: MethodVersion.defaultID, version: 1,
            createdBy: Self.author.id, updatedBy: Self.author.id, updatedAt: 1_760_000_000_123)
    }

    /// A response with every optional field empty.
    func bareResponse(_ s: Setup, title: String, status: ResponseStatus) -> PolicyResponse {
        PolicyResponse(
            id: Identifier.make(), stateID: s.state.id, title: title, type: "R01", description: "", targets: [], effects: [], leadAgencyID: nil,
            partnerAgencyIDs: [], cost: nil, timeframe: nil, legalBasis: "", status: status, tlp: .green, methodVersion: MethodVersion.defaultID,
            version: 1, createdBy: Self.author.id, updatedBy: Self.author.id, updatedAt: 1_760_000_000_000)
    }

    func event(_ action: AuditAction, _ s: Setup, entity: String, by actor: AuditActor = author) -> AuditEvent {
        AuditEvent(action, by: actor, entity: entity, state: s.state.id)
    }

    /// The actions of the audit entries about the state, oldest first.
    func auditActions(_ s: Setup) async throws -> [String] {
        try await AuditLogStore(s.db).list(s.scope, page: PageRequest(limit: 200)).reversed().map(\.action)
    }

    /// Revision and `updated_at` of every assessment, by id.
    func revisions(_ s: Setup) async throws -> [String: [Int64]] {
        struct Row: Codable {
            var id: String
            var revision: Int64
            var updatedAt: Int64
        }
        let rows = try await s.db.sql.select().column("id").column("revision").column("updated_at").from("assessments")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id, [$0.revision, $0.updatedAt]) })
    }

    func reviews(
        _ s: Setup, of response: PolicyResponse, version: Int, by actor: AuditActor = reviewer, at: Int64, except: [String: CheckStatus] = [:]
    ) -> [CheckReview] {
        ReviewKind.allCases.flatMap { kind in
            MethodVersion.ctTechDefault.items(kind.checks).map { check in
                CheckReview(
                    responseID: response.id, kind: kind, code: check.code, status: except[check.code] ?? .met, reasoning: "Reviewed \(check.code).",
                    genderMarker: check.code == "G08" ? 2 : nil, reviewerID: actor.id, reviewerLabel: actor.label, responseVersion: version,
                    reviewedAt: at)
            }
        }
    }

    // MARK: Responses

    @Test(arguments: TestDatabase.kinds)
    func aFullResponseRoundTripsAndStaysInItsState(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let full = fullResponse(s, title: "Counter-drone perimeter", status: .drafted)
            let bare = bareResponse(s, title: "Awareness campaign", status: .drafted)
            let idea = bareResponse(s, title: "Youth outreach", status: .idea)
            for response in [full, bare, idea] {
                try await s.policy.addResponse(response, scope: s.scope, audit: event(.responseCreate, s, entity: response.id))
            }
            #expect(try await s.policy.response(s.scope, id: full.id) == full)
            #expect(try await s.policy.response(s.scope, id: bare.id) == bare)
            // along the way (idea before drafted), then by title
            #expect(try await s.policy.responses(s.scope) == [idea, bare, full])

            // what a response may address and who may lead it: the state's risks and agencies, by assessment title then kind
            #expect(
                try await s.policy.addressableRisks(s.scope) == [
                    AddressableRisk(
                        id: s.otherRisk.id, kind: .otherRisk, assessmentID: s.regional.id, assessmentTitle: "Coastal region assessment",
                        title: "Coastal flood"),
                    AddressableRisk(
                        id: s.scenario.id, kind: .scenario, assessmentID: s.national.id, assessmentTitle: "National assessment",
                        title: "Drone attack on a stadium"),
                ])
            #expect(try await s.policy.stateAgencies(s.scope) == [s.ministry, s.police])
            #expect(try await s.policy.revealedRounds(s.scope) == [s.national.id: 1])

            // another state's scope sees none of it, even with the right ids, and cannot write to it
            let foreign = s.foreignScope
            #expect(try await s.policy.responses(foreign).isEmpty)
            #expect(try await s.policy.response(foreign, id: full.id) == nil)
            #expect(try await s.policy.addressableRisks(foreign).isEmpty)
            #expect(try await s.policy.stateAgencies(foreign).isEmpty)
            #expect(try await s.policy.revealedRounds(foreign).isEmpty)
            let before = try await auditActions(s)
            await #expect(throws: StoreConflict.duplicate(field: "id")) {
                try await s.policy.addResponse(full, scope: s.scope, audit: event(.responseCreate, s, entity: full.id))
            }
            var changed = full
            changed.title = "Taken over"
            await #expect(throws: StoreConflict.missing) {
                _ = try await s.policy.updateResponse(changed, expectedVersion: 1, scope: foreign, audit: event(.responseUpdate, s, entity: full.id))
            }
            await #expect(throws: StoreConflict.missing) {
                _ = try await s.policy.changeStatus(
                    full.id, to: .withdrawn, expectedVersion: 1, method: .ctTechDefault, scope: foreign,
                    audit: event(.responseStatus, s, entity: full.id))
            }
            await #expect(throws: StoreConflict.missing) {
                try await s.policy.addReviews(
                    reviews(s, of: full, version: 1, at: 1), responseID: full.id, scope: foreign, audit: event(.responseReview, s, entity: full.id))
            }
            await #expect(throws: StoreConflict.missing) {
                _ = try await s.policy.addOverride(
                    ReviewOverride(
                        responseID: full.id, responseVersion: 1, checks: [], justification: "Because.", byID: "x", byLabel: "x", at: 1),
                    method: .ctTechDefault, scope: foreign, audit: event(.responseOverride, s, entity: full.id))
            }
            let indicator = Indicator(
                id: Identifier.make(), responseID: full.id, name: "Venues covered", level: .output, unit: "venues", direction: .increase,
                baseline: 0, baselineDate: CalendarDate("2026-01-01")!, target: 12, targetDate: CalendarDate("2027-12-31")!, disaggregated: false)
            await #expect(throws: StoreConflict.missing) {
                try await s.policy.addIndicator(indicator, scope: foreign, audit: event(.indicatorCreate, s, entity: indicator.id))
            }
            #expect(try await auditActions(s) == before)
            #expect(try await s.policy.response(s.scope, id: full.id) == full)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func aStaleOrLockedEditIsRefusedAndWritesNothing(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let original = fullResponse(s)
            try await s.policy.addResponse(original, scope: s.scope, audit: event(.responseCreate, s, entity: original.id))
            var first = original
            first.title = "Counter-drone perimeter, phase 1"
            first.effects = [DeclaredEffect(factor: .opportunity, low: 10, best: 20, high: 30)]
            first.targets = [ResponseTarget(riskID: s.scenario.id, kind: .scenario, assessmentID: s.national.id)]
            first.partnerAgencyIDs = []
            first.cost = nil
            first.updatedBy = "editor-2"
            first.updatedAt = 1_760_000_100_000
            let updated = try await s.policy.updateResponse(
                first, expectedVersion: 1, scope: s.scope, audit: event(.responseUpdate, s, entity: first.id))
            var expected = first
            expected.version = 2
            #expect(updated == expected)
            #expect(try await s.policy.response(s.scope, id: original.id) == expected)

            // a second edit made from version 1 is stale: nothing of it is written, no audit entry, no register renewal
            let actions = try await auditActions(s)
            let revisionsBefore = try await revisions(s)
            var second = original
            second.title = "Someone else's edit"
            await #expect(throws: StoreConflict.staleVersion(current: 2)) {
                _ = try await s.policy.updateResponse(second, expectedVersion: 1, scope: s.scope, audit: event(.responseUpdate, s, entity: second.id))
            }
            await #expect(throws: StoreConflict.staleVersion(current: 2)) {
                _ = try await s.policy.changeStatus(
                    original.id, to: .underReview, expectedVersion: 1, method: .ctTechDefault, scope: s.scope,
                    audit: event(.responseStatus, s, entity: original.id))
            }
            // approval is not a move from drafted
            await #expect(throws: PolicyRuleViolation.statusTransition(from: .drafted, to: .approved)) {
                _ = try await s.policy.changeStatus(
                    original.id, to: .approved, expectedVersion: 2, method: .ctTechDefault, scope: s.scope,
                    audit: event(.responseApprove, s, entity: original.id))
            }
            #expect(try await s.policy.response(s.scope, id: original.id) == expected)
            #expect(try await auditActions(s) == actions)
            #expect(try await revisions(s) == revisionsBefore)

            // withdrawn: its content is locked
            let withdrawn = try await s.policy.changeStatus(
                original.id, to: .withdrawn, expectedVersion: 2, method: .ctTechDefault, scope: s.scope,
                audit: event(.responseStatus, s, entity: original.id))
            #expect(withdrawn.status == .withdrawn)
            #expect(withdrawn.version == 2)
            await #expect(throws: PolicyRuleViolation.contentLocked(.withdrawn)) {
                _ = try await s.policy.updateResponse(second, expectedVersion: 2, scope: s.scope, audit: event(.responseUpdate, s, entity: second.id))
            }
            #expect(try await s.policy.response(s.scope, id: original.id)?.title == "Counter-drone perimeter, phase 1")
        }
    }

    // MARK: The gate

    @Test(arguments: TestDatabase.kinds)
    func approvalIsGatedByTheMandatoryChecksOfTheCurrentVersion(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            // the stored default method, whose mandatory checks M0010 marked
            let method = try #require(try await ReferenceDataStore(db).method())
            let allMandatory = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "G03", "G08", "G09"]
            let response = fullResponse(s, status: .drafted)
            let id = response.id
            try await s.policy.addResponse(response, scope: s.scope, audit: event(.responseCreate, s, entity: id))
            _ = try await s.policy.changeStatus(
                id, to: .underReview, expectedVersion: 1, method: method, scope: s.scope, audit: event(.responseStatus, s, entity: id))
            func approve(_ version: Int) async throws -> PolicyResponse {
                try await s.policy.changeStatus(
                    id, to: .approved, expectedVersion: version, method: method, scope: s.scope, audit: event(.responseApprove, s, entity: id))
            }

            // nothing reviewed: every mandatory check blocks
            await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: allMandatory)) { _ = try await approve(1) }
            // the author may not review their own response; a review of another version is refused; nothing is written
            await #expect(throws: PolicyRuleViolation.selfReview) {
                try await s.policy.addReviews(
                    reviews(s, of: response, version: 1, by: Self.author, at: 10), responseID: id, scope: s.scope,
                    audit: event(.responseReview, s, entity: id, by: Self.author))
            }
            await #expect(throws: PolicyRuleViolation.reviewOfOtherVersion(reviewed: 2, current: 1)) {
                try await s.policy.addReviews(
                    reviews(s, of: response, version: 2, at: 10), responseID: id, scope: s.scope,
                    audit: event(.responseReview, s, entity: id, by: Self.reviewer))
            }
            #expect(try await s.policy.reviews(s.scope, responseID: id).isEmpty)

            // reviewed, with H04 (proportionality) Not met: H04 alone blocks
            let firstReviews = reviews(s, of: response, version: 1, at: 20, except: ["H04": .notMet, "H07": .partlyMet])
            try await s.policy.addReviews(
                firstReviews, responseID: id, scope: s.scope, audit: event(.responseReview, s, entity: id, by: Self.reviewer))
            #expect(try await s.policy.reviews(s.scope, responseID: id) == firstReviews)
            #expect(Set(try await s.policy.allReviews(s.scope)) == Set(firstReviews))
            #expect(try await s.policy.reviews(s.foreignScope, responseID: id).isEmpty)
            #expect(try await s.policy.allReviews(s.foreignScope).isEmpty)
            await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: ["H04"])) { _ = try await approve(1) }

            // a focal point's override names what blocks now (whatever the caller listed), and lets approval through
            let asked = ReviewOverride(
                responseID: id, responseVersion: 1, checks: [], justification: "The threat to the venue is imminent; reviewed in six months.",
                byID: Self.focalPoint.id, byLabel: Self.focalPoint.label, at: 30)
            await #expect(throws: PolicyRuleViolation.reviewOfOtherVersion(reviewed: 2, current: 1)) {
                var wrongVersion = asked
                wrongVersion.responseVersion = 2
                _ = try await s.policy.addOverride(
                    wrongVersion, method: method, scope: s.scope, audit: event(.responseOverride, s, entity: id, by: Self.focalPoint))
            }
            let recorded = try await s.policy.addOverride(
                asked, method: method, scope: s.scope, audit: event(.responseOverride, s, entity: id, by: Self.focalPoint))
            var expectedOverride = asked
            expectedOverride.checks = ["H04"]
            #expect(recorded == expectedOverride)
            #expect(try await s.policy.overrides(s.scope, responseID: id) == [expectedOverride])
            let overrideEntry = try #require(try await AuditLogStore(db).list(s.scope, page: PageRequest(limit: 1)).first)
            #expect(overrideEntry.action == "response.override")
            #expect(overrideEntry.details.contains(#""checks":"H04""#))
            #expect(try await s.policy.allOverrides(s.scope) == [expectedOverride])
            #expect(try await s.policy.overrides(s.foreignScope, responseID: id).isEmpty)
            #expect(try await s.policy.allOverrides(s.foreignScope).isEmpty)

            let revisionsBefore = try await revisions(s)
            let approved = try await approve(1)
            #expect(approved.status == .approved)
            #expect(approved.version == 1)
            // each target's baseline is its assessment's latest revealed round at approval (none revealed: nil)
            #expect(
                approved.targets == [
                    ResponseTarget(riskID: s.scenario.id, kind: .scenario, assessmentID: s.national.id, baselineRound: 1),
                    ResponseTarget(riskID: s.otherRisk.id, kind: .otherRisk, assessmentID: s.regional.id, baselineRound: nil),
                ])
            #expect(try await s.policy.response(s.scope, id: id) == approved)
            let revisionsAfter = try await revisions(s)
            for assessment in [s.national, s.regional] {
                #expect(revisionsAfter[assessment.id]?[0] == (revisionsBefore[assessment.id]?[0] ?? 0) + 1)
                #expect(revisionsAfter[assessment.id]?[1] == revisionsBefore[assessment.id]?[1])
            }
            #expect(revisionsAfter[s.foreignAssessment.id] == revisionsBefore[s.foreignAssessment.id])

            // nothing blocks an approved response: no override to record
            await #expect(throws: PolicyRuleViolation.notReviewable(.approved)) {
                _ = try await s.policy.addOverride(
                    asked, method: method, scope: s.scope, audit: event(.responseOverride, s, entity: id, by: Self.focalPoint))
            }

            // a change of content after approval: version 2, back under review, and the reviews and override of version 1
            // no longer count
            var revised = approved
            revised.effects[0].best = 40
            revised.updatedAt = 1_760_000_200_000
            let underReview = try await s.policy.updateResponse(
                revised, expectedVersion: 1, scope: s.scope, audit: event(.responseUpdate, s, entity: id))
            #expect(underReview.version == 2)
            #expect(underReview.status == .underReview)
            await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: allMandatory)) { _ = try await approve(2) }

            // reviewed again for version 2, every check Met: approved without an override
            let secondReviews = reviews(s, of: underReview, version: 2, at: 40)
            try await s.policy.addReviews(
                secondReviews, responseID: id, scope: s.scope, audit: event(.responseReview, s, entity: id, by: Self.reviewer))
            await #expect(throws: PolicyRuleViolation.nothingToOverride) {
                var again = asked
                again.responseVersion = 2
                _ = try await s.policy.addOverride(
                    again, method: method, scope: s.scope, audit: event(.responseOverride, s, entity: id, by: Self.focalPoint))
            }
            #expect(try await approve(2).status == .approved)
            #expect(try await s.policy.reviews(s.scope, responseID: id) == firstReviews + secondReviews)

            // every successful write appended its entry, and no refusal did
            #expect(
                try await auditActions(s).filter { $0.hasPrefix("response.") } == [
                    "response.create", "response.status", "response.review", "response.override", "response.approve", "response.update",
                    "response.review", "response.approve",
                ])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func responseWritesRenewTheRegistersOfTheStateOnly(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let response = fullResponse(s, status: .drafted)
            var last = try await revisions(s)
            func expectRenewed(_ step: String) async throws {
                let now = try await revisions(s)
                for assessment in [s.national, s.regional] {
                    #expect(now[assessment.id]?[0] == (last[assessment.id]?[0] ?? 0) + 1, "\(step): revision")
                    #expect(now[assessment.id]?[1] == last[assessment.id]?[1], "\(step): updated_at")
                }
                #expect(now[s.foreignAssessment.id] == last[s.foreignAssessment.id], "\(step): the other state")
                last = now
            }
            try await s.policy.addResponse(response, scope: s.scope, audit: event(.responseCreate, s, entity: response.id))
            try await expectRenewed("add")
            var changed = response
            changed.title = "Counter-drone perimeter (revised)"
            _ = try await s.policy.updateResponse(changed, expectedVersion: 1, scope: s.scope, audit: event(.responseUpdate, s, entity: response.id))
            try await expectRenewed("update")
            _ = try await s.policy.changeStatus(
                response.id, to: .withdrawn, expectedVersion: 2, method: .ctTechDefault, scope: s.scope,
                audit: event(.responseStatus, s, entity: response.id))
            try await expectRenewed("status")
        }
    }

    // MARK: Method settings

    @Test(arguments: TestDatabase.kinds)
    func theMethodsMandatoryChecksAndEvidenceAgeRoundTrip(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let reference = ReferenceDataStore(db)
            // the default method as migrated: M0010 marked its mandatory checks
            let stored = try #require(try await reference.method(id: MethodVersion.defaultID))
            #expect(stored.mandatoryChecks == MethodVersion.defaultMandatoryChecks)
            #expect(stored.evidenceMaxAgeDays == 365)

            // a method version with other settings keeps them
            var custom = MethodVersion.ctTechDefault
            custom.id = "custom-2026.1"
            custom.title = "Custom"
            custom.mandatoryChecks = ["H07", "G01"]
            custom.evidenceMaxAgeDays = 90
            custom.consensusMinimumRatings = 4
            try await ReferenceDataStore.insert(custom, current: false, on: db.sql)
            let read = try #require(try await reference.method(id: custom.id))
            #expect(read.mandatoryChecks == ["H07", "G01"])
            #expect(read.evidenceMaxAgeDays == 90)
            #expect(read == custom)
            // a code of another list is never taken for a check, even when it repeats a mandatory code
            struct Row: Codable {
                var kind: String
                var code: String
            }
            let marked = try await db.sql.select().column("kind").column("code").from("reference_items")
                .where("method_version", .equal, SQLBind(custom.id)).where("mandatory", .equal, SQLBind(true))
                .all(decoding: Row.self)
            #expect(Set(marked.map(\.code)) == ["H07", "G01"])
            #expect(Set(marked.map(\.kind)) == [ReferenceKind.humanRightsChecks.rawValue, ReferenceKind.genderChecks.rawValue])

            // the path the first migration takes (settings: false) leaves them at their defaults
            var early = custom
            early.id = "early-2024.0"
            try await ReferenceDataStore.insert(early, current: false, settings: false, on: db.sql)
            let earlyRead = try #require(try await reference.method(id: early.id))
            #expect(earlyRead.mandatoryChecks.isEmpty)
            #expect(earlyRead.evidenceMaxAgeDays == MethodVersion.defaultEvidenceMaxAgeDays)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func theMigrationRevertsAndAppliesAgain(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            // One connection reverts, is checked and prepares again, asking the pool for nothing meanwhile: an SQLite
            // connection parses DDL against the schema it last read, so another pooled one that had not run a statement
            // since the revert would still find the dropped column (CI saw "duplicate column name").
            try await db.fluent.withConnection { connection in
                try await M0010PolicyResponses().revert(on: connection)
                let sql = try connection.sqlDatabase
                for (column, table) in [("id", "policy_responses"), ("mandatory", "reference_items"), ("evidence_max_age_days", "method_versions")] {
                    await #expect(throws: (any Error).self, "\(table).\(column) is gone") {
                        try await sql.select().column(SQLIdentifier(column)).from(table).all()
                    }
                }
                try await M0010PolicyResponses().prepare(on: connection)
            }
            #expect(try await ReferenceDataStore(db).method()?.mandatoryChecks == MethodVersion.defaultMandatoryChecks)
            let s = try await setup(db)
            let response = fullResponse(s)
            try await s.policy.addResponse(response, scope: s.scope, audit: event(.responseCreate, s, entity: response.id))
            #expect(try await s.policy.response(s.scope, id: response.id) == response)
        }
    }

    // MARK: Indicators

    @Test(arguments: TestDatabase.kinds)
    func indicatorsAndActualsRoundTripWithinTheirResponse(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let response = fullResponse(s, status: .drafted)
            let other = fullResponse(s, title: "Drone registry", status: .drafted)
            for r in [response, other] { try await s.policy.addResponse(r, scope: s.scope, audit: event(.responseCreate, s, entity: r.id)) }
            let venues = Indicator(
                id: Identifier.make(), responseID: response.id, name: "Venues covered", level: .output, unit: "venues", direction: .increase,
                baseline: 0, baselineDate: CalendarDate("2026-01-01")!, target: 12, targetDate: CalendarDate("2027-12-31")!, disaggregated: false)
            let incidents = Indicator(
                id: Identifier.make(), responseID: response.id, name: "Drone incursions", level: .outcome, unit: "incidents per year",
                direction: .decrease, baseline: 40.5, baselineDate: CalendarDate("2025-12-31")!, target: 10, targetDate: CalendarDate("2028-06-30")!,
                disaggregated: true)
            let registered = Indicator(
                id: Identifier.make(), responseID: other.id, name: "Drones registered", level: .output, unit: "drones", direction: .increase,
                baseline: 100, baselineDate: CalendarDate("2026-01-01")!, target: 5_000, targetDate: CalendarDate("2027-01-01")!, disaggregated: false
            )
            for indicator in [venues, incidents, registered] {
                try await s.policy.addIndicator(indicator, scope: s.scope, audit: event(.indicatorCreate, s, entity: indicator.id))
            }
            func actual(_ indicator: Indicator, _ value: Double, _ date: String) -> IndicatorActual {
                IndicatorActual(
                    id: Identifier.make(), indicatorID: indicator.id, value: value, date: CalendarDate(date)!, evidence: "Inspection report \(date)",
                    reliability: .b, recordedBy: "officer-1")
            }
            // recorded out of date order: read back oldest first
            let later = actual(venues, 7, "2026-12-31")
            let earlier = actual(venues, 3, "2026-06-30")
            let fewer = actual(incidents, 31, "2026-12-31")
            for a in [later, earlier, fewer] {
                try await s.policy.addActual(a, responseID: response.id, scope: s.scope, audit: event(.indicatorActual, s, entity: a.indicatorID))
            }
            var expectedVenues = venues
            expectedVenues.actuals = [earlier, later]
            var expectedIncidents = incidents
            expectedIncidents.actuals = [fewer]
            #expect(try await s.policy.indicators(s.scope, responseID: response.id) == [expectedVenues, expectedIncidents])
            #expect(try await s.policy.indicators(s.scope, responseID: other.id) == [registered])
            #expect(Set(try await s.policy.allIndicators(s.scope)) == [expectedVenues, expectedIncidents, registered])
            #expect(try await s.policy.indicators(s.foreignScope, responseID: response.id).isEmpty)
            #expect(try await s.policy.allIndicators(s.foreignScope).isEmpty)

            let actions = try await auditActions(s)
            // an actual for another response's indicator, for no indicator, or under another state's scope: missing
            for (stray, responseID, scope) in [
                (actual(registered, 200, "2026-06-30"), response.id, s.scope), (actual(venues, 5, "2026-09-30"), other.id, s.scope),
                (
                    IndicatorActual(
                        id: Identifier.make(), indicatorID: Identifier.make(), value: 1, date: CalendarDate("2026-01-02")!, evidence: "x",
                        reliability: .c,
                        recordedBy: "x"), response.id, s.scope
                ),
                (actual(venues, 5, "2026-09-30"), response.id, s.foreignScope),
            ] {
                await #expect(throws: StoreConflict.missing) {
                    try await s.policy.addActual(
                        stray, responseID: responseID, scope: scope, audit: event(.indicatorActual, s, entity: stray.indicatorID))
                }
            }
            #expect(try await s.policy.indicators(s.scope, responseID: response.id) == [expectedVenues, expectedIncidents])
            #expect(try await s.policy.indicators(s.scope, responseID: other.id) == [registered])
            #expect(try await auditActions(s) == actions)

            // a withdrawn response is no longer measured
            _ = try await s.policy.changeStatus(
                other.id, to: .withdrawn, expectedVersion: 1, method: .ctTechDefault, scope: s.scope,
                audit: event(.responseStatus, s, entity: other.id))
            await #expect(throws: PolicyRuleViolation.notMeasurable(.withdrawn)) {
                try await s.policy.addActual(
                    actual(registered, 300, "2026-09-30"), responseID: other.id, scope: s.scope,
                    audit: event(.indicatorActual, s, entity: registered.id))
            }
            await #expect(throws: PolicyRuleViolation.notMeasurable(.withdrawn)) {
                var more = registered
                more.id = Identifier.make()
                try await s.policy.addIndicator(more, scope: s.scope, audit: event(.indicatorCreate, s, entity: more.id))
            }
            #expect(try await s.policy.indicators(s.scope, responseID: other.id) == [registered])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func indicatorsPerResponseAreBounded(_ kind: DatabaseKind) async throws {
        try await withTestDatabase(kind) { db in
            let s = try await setup(db)
            let response = bareResponse(s, title: "Awareness campaign", status: .drafted)
            try await s.policy.addResponse(response, scope: s.scope, audit: event(.responseCreate, s, entity: response.id))
            func indicator(_ n: Int) -> Indicator {
                Indicator(
                    id: Identifier.make(), responseID: response.id, name: "Indicator \(n)", level: .output, unit: "events", direction: .increase,
                    baseline: 0, baselineDate: CalendarDate("2026-01-01")!, target: Double(n), targetDate: CalendarDate("2026-12-31")!,
                    disaggregated: false)
            }
            let added = (1...PolicyLimits.indicatorsPerResponse).map(indicator)
            for i in added { try await s.policy.addIndicator(i, scope: s.scope, audit: event(.indicatorCreate, s, entity: i.id)) }
            let extra = indicator(PolicyLimits.indicatorsPerResponse + 1)
            await #expect(throws: StoreConflict.duplicate(field: "indicators")) {
                try await s.policy.addIndicator(extra, scope: s.scope, audit: event(.indicatorCreate, s, entity: extra.id))
            }
            // kept in the order they were added
            #expect(try await s.policy.indicators(s.scope, responseID: response.id) == added)
        }
    }
}
