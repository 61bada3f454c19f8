import CTTechCore
import CTTechDoubles
import Testing

@Suite("Assessments: opening and removing mistakes")
struct AssessmentsTests {
    @Test func openingStoresADraftOnTheCurrentMethodWithRoundOneOpen() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = AssessmentDraft(title: "  Valdoria 2026  ", period: "2026", horizonYears: "3", tlp: "GREEN")

        // act
        let assessment = try await workspace.assessments.create(draft, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(assessment.title == "Valdoria 2026")
        #expect(assessment.stateID == workspace.state.id && assessment.status == .draft && assessment.version == 1)
        #expect(assessment.methodVersion == MethodVersion.defaultID && assessment.horizonYears == 3 && assessment.tlp == .green)
        #expect(try await workspace.stored(assessment) == assessment)
        #expect(
            try await workspace.repositories.currentRound(workspace.managing, assessmentID: assessment.id) == ScoringRound(number: 1, status: .open))
        #expect(try await workspace.revision(of: assessment) == 0)
        let event = try #require(workspace.repositories.audit.last)
        #expect(workspace.repositories.audit.count == 1)
        #expect(event.action == "assessment.create" && event.entityType == "assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id && event.actorID == workspace.focalPoint.userID)
        #expect(event.details == ["title": "Valdoria 2026"])
    }

    @Test func everyProblemWithTheDraftIsReportedAndNothingIsStored() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = AssessmentDraft(title: " ", period: "2026", horizonYears: "21", tlp: "PURPLE")

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.assessments.create(draft, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["title", "horizonYears", "tlp"])
        #expect(try await workspace.repositories.list(workspace.managing).isEmpty)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func withoutAMethodNothingIsOpened() async throws {
        // setup
        let repositories = InMemoryRepositories()
        let partnerState = repositories.seedPartnerState()
        let scope = SystemAuthority.tenant(partnerState.id, permission: .manageAssessment)
        let assessments = Assessments(assessments: repositories, reference: repositories)

        // act
        await #expect(throws: StoreConflict.missing) {
            try await assessments.create(.mock, by: AuditActor(id: "system", label: "test"), scope: scope)
        }

        // check
        #expect(try await repositories.list(scope).isEmpty)
        #expect(repositories.audit.isEmpty)
    }

    @Test(arguments: RemovableRecord.allCases)
    func removingARecordTakesItOutWithItsAuditEntry(_ kind: RemovableRecord) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        let agency = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        try await workspace.institutions.saveRaci(
            [RaciAssignment(activity: .scoping, agencyID: agency.id, role: .accountable)], in: assessment, by: workspace.focalPoint.actor,
            scope: workspace.managing)
        let item = try await workspace.evidence.add(
            .mock, about: .scenario(scenario.id), in: assessment, field: "subject", by: workspace.focalPoint.actor, scope: workspace.managing)
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let id =
            switch kind {
            case .agency: agency.id
            case .evidence: item.id
            case .otherRisk: risk.id
            case .scenario: scenario.id
            }
        let revision = try await workspace.revision(of: assessment)

        // act
        try await workspace.assessments.remove(kind, id: id, from: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        let progress = try await workspace.repositories.progress(workspace.managing, assessmentID: assessment.id)
        switch kind {
        case .agency:
            #expect(progress.agencies == 0)
            #expect(try await workspace.repositories.raci(workspace.managing, assessmentID: assessment.id).isEmpty)
        case .evidence:
            #expect(progress.evidence == 0 && progress.scenarios == 1)
        case .otherRisk:
            #expect(progress.otherRisks == 0)
        case .scenario:
            // the scenario's evidence goes with it
            #expect(progress.scenarios == 0 && progress.evidence == 0)
        }
        #expect(try await workspace.revision(of: assessment) == revision.map { $0 + 1 })
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == kind.auditAction.rawValue && event.entityType == kind.auditAction.entityType)
        #expect(event.entityID == id && event.stateID == workspace.state.id)
    }

    @Test func aScoredScenarioIsKept() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let scenario = try await workspace.writeScenario(in: assessment)
        try await workspace.score(scenario, as: workspace.assessor)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: AssessmentRuleViolation.scenarioScored) {
            try await workspace.assessments.remove(
                .scenario, id: scenario.id, from: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(try await workspace.repositories.scenarios(workspace.managing, assessmentID: assessment.id) == [scenario])
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aRecordOfAnotherAssessmentOrNoIdAtAllIsMissing() async throws {
        // setup
        let workspace = StateWorkspace()
        let first = try await workspace.openAssessment(title: "First")
        let second = try await workspace.openAssessment(title: "Second")
        let risk = try await workspace.otherRisks.add(.mock, to: first, by: workspace.focalPoint.actor, scope: workspace.managing)
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.assessments.remove(.otherRisk, id: risk.id, from: second, by: workspace.focalPoint.actor, scope: workspace.managing)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.assessments.remove(
                .otherRisk, id: "1; DROP TABLE", from: first, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(try await workspace.repositories.otherRisks(workspace.managing, assessmentID: first.id) == [risk])
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anotherStatesScopeSeesNothingAndChangesNothing() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let risk = try await workspace.otherRisks.add(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let foreign = workspace.repositories.seedPartnerState(code: "ARC", name: "Arcadia")
        let foreignScope = SystemAuthority.tenant(foreign.id, actorID: workspace.focalPoint.userID, permission: .manageAssessment)
        let entries = workspace.repositories.audit.count

        // act
        let found = try await workspace.repositories.find(foreignScope, id: assessment.id)
        await #expect(throws: StoreConflict.missing) {
            try await workspace.assessments.remove(.otherRisk, id: risk.id, from: assessment, by: workspace.focalPoint.actor, scope: foreignScope)
        }

        // check
        #expect(found == nil)
        #expect(try await workspace.repositories.list(foreignScope).isEmpty)
        #expect(try await workspace.repositories.otherRisks(workspace.managing, assessmentID: assessment.id) == [risk])
        #expect(workspace.repositories.audit.count == entries)
    }
}
