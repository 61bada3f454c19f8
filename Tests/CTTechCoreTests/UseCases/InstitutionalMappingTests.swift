import CTTechCore
import CTTechDoubles
import Testing

@Suite("Institutional mapping: agencies and the RACI matrix (step 1)")
struct InstitutionalMappingTests {
    @Test func anAgencyIsAddedWithItsAuditEntry() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()

        // act
        let agency = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(agency.name == "National Police" && agency.kind == .lawEnforcement && agency.mandate == "Investigates terrorist offences.")
        #expect(try await workspace.repositories.agencies(workspace.managing, assessmentID: assessment.id) == [agency])
        #expect(try await workspace.revision(of: assessment) == 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "agency.create" && event.entityType == "agency" && event.entityID == agency.id)
        #expect(event.stateID == workspace.state.id && event.details == ["name": "National Police"])
    }

    @Test func anAgencyWithoutNameOrKnownKindIsRefused() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let entries = workspace.repositories.audit.count

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.institutions.addAgency(
                AgencyDraft(name: "", kind: "secret-society", mandate: nil), to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing
            )
        }

        // check
        #expect(failure?.issues.map(\.field) == ["name", "kind"])
        #expect(try await workspace.repositories.agencies(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func correctingAnAgencyKeepsItsIdAndItsRaciRoles() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let agency = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let cells = [RaciAssignment(activity: .scoping, agencyID: agency.id, role: .accountable)]
        try await workspace.institutions.saveRaci(cells, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // act
        let corrected = try await workspace.institutions.correctAgency(
            agency.id, with: AgencyDraft(name: "National Police Service", kind: "law-enforcement", mandate: nil), in: assessment,
            by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(corrected == Agency(id: agency.id, name: "National Police Service", kind: .lawEnforcement, mandate: ""))
        #expect(try await workspace.repositories.agencies(workspace.managing, assessmentID: assessment.id) == [corrected])
        #expect(try await workspace.repositories.raci(workspace.managing, assessmentID: assessment.id) == cells)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "agency.update" && event.entityType == "agency" && event.entityID == agency.id)
        #expect(event.stateID == workspace.state.id && event.details == ["name": "National Police Service"])
    }

    @Test func correctingAnAgencyThatIsNotThereIsMissing() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let entries = workspace.repositories.audit.count

        // act
        await #expect(throws: StoreConflict.missing) {
            try await workspace.institutions.correctAgency(
                Identifier.make(), with: .mock, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }
        await #expect(throws: StoreConflict.missing) {
            try await workspace.institutions.correctAgency(
                "police", with: .mock, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        }

        // check
        #expect(try await workspace.repositories.agencies(workspace.managing, assessmentID: assessment.id).isEmpty)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func aRaciMatrixIsReplacedAsAWhole() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let police = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let ministry = try await workspace.institutions.addAgency(
            AgencyDraft(name: "Ministry of Interior", kind: "ministry", mandate: nil), to: assessment, by: workspace.focalPoint.actor,
            scope: workspace.managing)
        try await workspace.institutions.saveRaci(
            [RaciAssignment(activity: .scoring, agencyID: police.id, role: .accountable)], in: assessment, by: workspace.focalPoint.actor,
            scope: workspace.managing)
        let cells = [
            RaciAssignment(activity: .scoping, agencyID: ministry.id, role: .accountable),
            RaciAssignment(activity: .scoping, agencyID: police.id, role: .responsible),
        ]

        // act
        try await workspace.institutions.saveRaci(cells, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)

        // check
        #expect(try await workspace.repositories.raci(workspace.managing, assessmentID: assessment.id) == cells)
        #expect(try await workspace.repositories.progress(workspace.managing, assessmentID: assessment.id).activitiesAssigned == 1)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "raci.set" && event.entityType == "assessment" && event.entityID == assessment.id)
        #expect(event.stateID == workspace.state.id && event.details == ["cells": "2"])
    }

    @Test func aRaciMatrixBreakingItsRulesIsRefusedAndTheOldOneKept() async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openAssessment()
        let police = try await workspace.institutions.addAgency(.mock, to: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let other = try await workspace.openAssessment(title: "Another assessment")
        let foreignAgency = try await workspace.institutions.addAgency(.mock, to: other, by: workspace.focalPoint.actor, scope: workspace.managing)
        let kept = [RaciAssignment(activity: .approval, agencyID: police.id, role: .accountable)]
        try await workspace.institutions.saveRaci(kept, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
        let entries = workspace.repositories.audit.count
        let broken: [[RaciAssignment]] = [
            // nobody accountable
            [RaciAssignment(activity: .scoring, agencyID: police.id, role: .responsible)],
            // an agency of another assessment
            [RaciAssignment(activity: .scoring, agencyID: foreignAgency.id, role: .accountable)],
            // one agency, two roles
            [
                RaciAssignment(activity: .scoring, agencyID: police.id, role: .accountable),
                RaciAssignment(activity: .scoring, agencyID: police.id, role: .responsible),
            ],
        ]

        // act
        var failures: [ValidationFailure?] = []
        for cells in broken {
            failures.append(
                await #expect(throws: ValidationFailure.self) {
                    try await workspace.institutions.saveRaci(cells, in: assessment, by: workspace.focalPoint.actor, scope: workspace.managing)
                })
        }

        // check
        #expect(failures.map { $0?.issues.first?.field } == ["raci.scoring", "raci.scoring", "raci.scoring"])
        #expect(failures[0]?.issues.first?.message == "Score scenarios needs exactly one accountable agency (it has 0)")
        #expect(failures[1]?.issues.first?.message == "names an agency that is not part of this assessment")
        #expect(failures[2]?.issues.first?.message == "gives one agency two roles in score scenarios")
        #expect(try await workspace.repositories.raci(workspace.managing, assessmentID: assessment.id) == kept)
        #expect(workspace.repositories.audit.count == entries)
    }
}
