import CTTechCore
import CTTechDoubles
import Testing

@Suite("Human-rights and gender review, and the focal point's override (step 5)")
struct ResponseReviewingTests {
    /// A response under review, at version 1, written by the policy maker.
    func underReview(_ workspace: StateWorkspace) async throws -> PolicyResponse {
        let response = try await workspace.addResponse(addressing: [], status: .drafted)
        return try await workspace.move(response, to: .underReview)
    }

    /// Every mandatory check Met except H04 (proportionality), Not met.
    func blockedOnProportionality(_ workspace: StateWorkspace) async throws -> PolicyResponse {
        let response = try await underReview(workspace)
        try await workspace.passMandatoryChecks(of: response, except: ["H04"])
        try await workspace.review(response, .humanRights, ["H04"], .notMet)
        return response
    }

    @Test func aReviewerRecordsAnswersWithTheirReasoning() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await underReview(workspace)
        let draft = ReviewDraft(fields: [
            "version": "1", "check.H01.status": "met", "check.H01.reasoning": "The Aviation Act names the power.", "check.H04.status": "not-met",
            "check.H04.reasoning": "Every visitor's phone is scanned: not the least intrusive means.",
        ])

        // act
        let reviews = try await workspace.reviewing.review(
            response, kind: .humanRights, draft: draft, by: workspace.reviewer.actor,
            scope: try workspace.granted(workspace.reviewer, .reviewResponse))

        // check
        #expect(reviews.map(\.code) == ["H01", "H04"] && reviews.map(\.status) == [.met, .notMet])
        #expect(reviews.allSatisfy { $0.reviewerID == workspace.reviewer.userID && $0.reviewerLabel == "reviewer@valdoria.example" })
        #expect(reviews.allSatisfy { $0.responseVersion == 1 && $0.kind == .humanRights && $0.responseID == response.id })
        #expect(reviews[1].reasoning == "Every visitor's phone is scanned: not the least intrusive means.")
        let viewing = workspace.scope(workspace.focalPoint, .viewResponses)
        #expect(try await workspace.repositories.reviews(viewing, responseID: response.id) == reviews)
        #expect(try await workspace.repositories.allReviews(viewing) == reviews)
        let lists = try await workspace.reviewing.checklists(response, scope: viewing)
        #expect(lists[0].counts == [.met: 1, .notMet: 1] && lists[0].blocking == ["H02", "H03", "H04", "H05", "H06", "H09", "H11"])
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "response.review" && event.entityType == "policy_response" && event.entityID == response.id)
        #expect(event.actorID == workspace.reviewer.userID)
        #expect(event.details == ["kind": "human-rights", "version": "1", "H01": "met", "H04": "not-met"])
    }

    @Test func theGenderReviewCarriesTheMarker() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await underReview(workspace)

        // act
        let reviews = try await workspace.review(response, .gender, ["G03", "G08", "G09"])

        // check
        #expect(reviews.map(\.genderMarker) == [nil, 2, nil])
        let lists = try await workspace.reviewing.checklists(response, scope: workspace.scope(workspace.focalPoint, .viewResponses))
        #expect(lists[1].genderMarker == 2 && lists[1].blocking.isEmpty && lists[1].unreviewed == 7)
        #expect(workspace.repositories.audit.last?.details == ["kind": "gender", "version": "1", "G03": "met", "G08": "met", "G09": "met"])
    }

    @Test func theAuthorMayNotReviewTheirOwnResponse() async throws {
        // setup
        let workspace = StateWorkspace()
        let author = workspace.repositories.seedAccount(
            email: "both@valdoria.example", displayName: "Writes and reviews",
            roles: [(.policyMaker, workspace.state.id), (.reviewer, workspace.state.id)])
        let response = try await workspace.policyDesign.add(
            .mock(addressing: []), status: .drafted, by: author.actor, scope: workspace.scope(author, .writeResponse))
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.selfReview) {
            try await workspace.review(response, .humanRights, ["H01"], as: author)
        }

        // check
        #expect(try await workspace.repositories.reviews(workspace.scope(author, .viewResponses), responseID: response.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func theLastEditorMayNotReviewEither() async throws {
        // setup
        let workspace = StateWorkspace()
        let editor = workspace.repositories.seedAccount(
            email: "editor@valdoria.example", displayName: "Edits and reviews",
            roles: [(.policyMaker, workspace.state.id), (.reviewer, workspace.state.id)])
        let response = try await underReview(workspace)
        let edited = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [], title: "Drone detection, revised"), expectedVersion: 1, by: editor.actor,
            scope: workspace.scope(editor, .writeResponse))
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.selfReview) { try await workspace.review(edited, .humanRights, ["H01"], as: editor) }
        // The repository checks it again inside its transaction, whatever the caller did before.
        let sneaked = CheckReview(
            responseID: response.id, kind: .humanRights, code: "H01", status: .met, reasoning: "Fine.", reviewerID: editor.userID,
            reviewerLabel: editor.email, responseVersion: 2, reviewedAt: 1)
        await #expect(throws: PolicyRuleViolation.selfReview) {
            try await workspace.repositories.addReviews(
                [sneaked], responseID: response.id, scope: workspace.scope(editor, .reviewResponse),
                audit: AuditEvent(.responseReview, by: editor.actor, entity: response.id, state: workspace.state.id))
        }

        // check
        #expect(workspace.repositories.audit.count == entries)
        // A reviewer who wrote none of it may.
        #expect(try await workspace.review(edited, .humanRights, ["H01"]).count == 1)
    }

    @Test func aReviewOfAnOlderVersionIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await underReview(workspace)
        _ = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [], title: "Changed while the reviewer read it"), expectedVersion: 1, by: workspace.policyMaker.actor,
            scope: workspace.scope(workspace.policyMaker, .writeResponse))
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 2)) {
            try await workspace.reviewing.review(
                try await workspace.stored(response), kind: .humanRights, draft: .answering(["H01"], .met, version: 1), by: workspace.reviewer.actor,
                scope: workspace.scope(workspace.reviewer, .reviewResponse))
        }

        // check
        #expect(try await workspace.repositories.reviews(workspace.scope(workspace.focalPoint, .viewResponses), responseID: response.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anIdeaIsNotReviewedYet() async throws {
        // setup
        let workspace = StateWorkspace()
        let idea = try await workspace.addResponse(addressing: [])
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.notReviewable(.idea)) { try await workspace.review(idea, .humanRights, ["H01"]) }

        // check
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anInvalidReviewIsRefusedWithEveryReason() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await underReview(workspace)
        let entries = workspace.repositories.audit.count
        let draft = ReviewDraft(fields: [
            "version": "1", "check.G08.status": "met", "check.G08.reasoning": "Good.", "check.G03.status": "maybe", "check.G03.reasoning": "Unclear.",
        ])

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.reviewing.review(
                response, kind: .gender, draft: draft, by: workspace.reviewer.actor, scope: workspace.scope(workspace.reviewer, .reviewResponse))
        }

        // check
        #expect(
            failure?.issues == [
                FieldIssue(field: "check.G03.status", "validation.policy.check-status"),
                FieldIssue(field: "genderMarker", "validation.policy.gender-marker"),
            ])
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aFocalPointOverridesTheBlockingChecksWithAJustification() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await blockedOnProportionality(workspace)
        await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: ["H04"])) { try await workspace.move(response, to: .approved) }

        // act
        let override = try await workspace.reviewing.override(
            response, draft: .mock(version: 1), by: workspace.focalPoint.actor, scope: try workspace.granted(workspace.focalPoint, .overrideReview))

        // check
        #expect(override.checks == ["H04"] && override.responseVersion == 1 && override.byID == workspace.focalPoint.userID)
        #expect(override.byLabel == "focal@valdoria.example" && override.justification.hasPrefix("The festival season starts next week"))
        let viewing = workspace.scope(workspace.reviewer, .viewResponses)
        #expect(try await workspace.repositories.overrides(viewing, responseID: response.id) == [override])
        #expect(try await workspace.repositories.allOverrides(viewing) == [override])
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "response.override" && event.entityType == "policy_response" && event.entityID == response.id)
        #expect(event.details["version"] == "1" && event.details["checks"] == "H04")
        #expect(event.details["justification"] == override.justification)
        #expect(try await workspace.move(response, to: .approved).status == .approved)
    }

    @Test func onlyAFocalPointIsGrantedTheOverridingScope() throws {
        let workspace = StateWorkspace()
        #expect(throws: Never.self) { try workspace.granted(workspace.focalPoint, .overrideReview) }
        for identity in [workspace.policyMaker, workspace.reviewer, workspace.assessor, workspace.facilitator] {
            #expect(throws: AccessDenied.forbidden("errors.access.role-not-allowed")) { try workspace.granted(identity, .overrideReview) }
        }
        #expect(throws: AccessDenied.forbidden("errors.access.state-grant-needed")) {
            try workspace.granted(workspace.administrator, .overrideReview)
        }
    }

    @Test func anOverrideWithoutAJustificationIsRefusedAndNothingWritten() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await blockedOnProportionality(workspace)
        let entries = workspace.repositories.audit.count
        let scope = workspace.scope(workspace.focalPoint, .overrideReview)

        // act
        let empty = await #expect(throws: ValidationFailure.self) {
            try await workspace.reviewing.override(
                response, draft: OverrideDraft(fields: ["version": "1", "justification": " "]), by: workspace.focalPoint.actor, scope: scope)
        }
        let short = await #expect(throws: ValidationFailure.self) {
            try await workspace.reviewing.override(
                response, draft: OverrideDraft(fields: ["version": "1", "justification": "Needed."]), by: workspace.focalPoint.actor, scope: scope)
        }

        // check
        #expect(empty?.issues == [FieldIssue(field: "justification", "validation.required")])
        #expect(short?.issues == [FieldIssue(field: "justification", "validation.policy.justification", ["words": "6"])])
        #expect(try await workspace.repositories.overrides(scope, responseID: response.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
        await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: ["H04"])) { try await workspace.move(response, to: .approved) }
    }

    @Test func thereIsNothingToOverrideWhenNothingBlocks() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await underReview(workspace)
        try await workspace.passMandatoryChecks(of: response)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.nothingToOverride) {
            try await workspace.reviewing.override(
                response, draft: .mock(version: 1), by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .overrideReview))
        }

        // check
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anOverrideOfAnOlderVersionIsRefused() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await blockedOnProportionality(workspace)
        let revised = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [], title: "Drone detection, narrower"), expectedVersion: 1, by: workspace.policyMaker.actor,
            scope: workspace.scope(workspace.policyMaker, .writeResponse))
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: PolicyRuleViolation.reviewOfOtherVersion(reviewed: 1, current: 2)) {
            try await workspace.reviewing.override(
                revised, draft: .mock(version: 1), by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .overrideReview))
        }

        // check
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anOverrideDoesNotOutliveAChangeOfContent() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await blockedOnProportionality(workspace)
        _ = try await workspace.reviewing.override(
            response, draft: .mock(version: 1), by: workspace.focalPoint.actor, scope: workspace.scope(workspace.focalPoint, .overrideReview))
        let revised = try await workspace.policyDesign.revise(
            response, with: .mock(addressing: [], title: "Drone detection, wider"), expectedVersion: 1, by: workspace.policyMaker.actor,
            scope: workspace.scope(workspace.policyMaker, .writeResponse))
        try await workspace.passMandatoryChecks(of: revised, except: ["H04"])

        // act
        try await workspace.review(revised, .humanRights, ["H04"], .notMet)

        // check
        await #expect(throws: PolicyRuleViolation.approvalBlocked(checks: ["H04"])) { try await workspace.move(revised, to: .approved) }
        #expect(try await workspace.stored(response).status == .underReview)
    }

    /// The override names the checks that block when it is stored, worked out in the repository's transaction, not the
    /// ones the caller believed.
    @Test func theRepositoryNamesTheChecksThatBlockInItsTransaction() async throws {
        // setup
        let workspace = StateWorkspace()
        let response = try await blockedOnProportionality(workspace)
        let asked = ReviewOverride(
            responseID: response.id, responseVersion: 1, checks: ["H99"], justification: "Stale page with other checks on it, still a sentence.",
            byID: workspace.focalPoint.userID, byLabel: workspace.focalPoint.email, at: 1)

        // act
        let stored = try await workspace.repositories.addOverride(
            asked, method: .ctTechDefault, scope: workspace.scope(workspace.focalPoint, .overrideReview),
            audit: AuditEvent(.responseOverride, by: workspace.focalPoint.actor, entity: response.id, state: workspace.state.id, ["checks": "H99"]))

        // check
        #expect(stored.checks == ["H04"])
        #expect(workspace.repositories.audit.last?.details["checks"] == "H04")
        #expect(try await workspace.move(response, to: .approved).status == .approved)
    }
}
