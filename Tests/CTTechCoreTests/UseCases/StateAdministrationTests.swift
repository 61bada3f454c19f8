import CTTechCore
import CTTechDoubles
import Testing

@Suite("Partner state administration")
struct StateAdministrationTests {
    @Test func aStateIsCreatedAtVersionOneWithItsCodeInCapitals() async throws {
        // setup
        let workspace = StateWorkspace()

        // act
        let created = try await workspace.stateAdministration.create(.mock, by: workspace.administrator.actor, scope: workspace.administering)

        // check
        #expect(created.code == "ARC" && created.name == "Arcadia" && created.region == .centralAsia && created.defaultTLP == .green)
        #expect(created.version == 1 && created.profile == "A fictional partner state.")
        let scope = SystemAuthority.tenant(created.id, permission: .viewState)
        #expect(try await workspace.repositories.find(scope) == created)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "state.create" && event.entityType == "partner_state" && event.entityID == created.id)
        #expect(event.stateID == created.id && event.actorID == workspace.administrator.userID)
        #expect(event.details == ["code": "ARC", "name": "Arcadia"])
    }

    @Test func aTakenCodeIsADuplicate() async throws {
        // setup
        let workspace = StateWorkspace()
        var draft = PartnerStateDraft.mock
        draft.code = "vld"

        // act
        await #expect(throws: StoreConflict.duplicate(field: "code")) {
            try await workspace.stateAdministration.create(draft, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(try await workspace.repositories.list(visible: SystemAuthority.allStates).map(\.code) == ["VLD"])
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func aDraftWithABadCodeRegionAndMarkingIsRefusedFieldByField() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = PartnerStateDraft(code: "A-1", name: "Arcadia", region: "atlantis", defaultTLP: "BLUE", profile: nil)

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.stateAdministration.create(draft, by: workspace.administrator.actor, scope: workspace.administering)
        }

        // check
        #expect(failure?.issues.map(\.field) == ["code", "region", "defaultTLP"])
        #expect(try await workspace.repositories.list(visible: SystemAuthority.allStates).count == 1)
        #expect(workspace.repositories.audit.isEmpty)
    }

    @Test func aCorrectedProfileIsSavedWithTheNextVersionAndItsDiff() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = PartnerStateDraft(code: "VLD", name: "Republic of Valdoria", region: "southern-europe", defaultTLP: "AMBER", profile: "")

        // act
        let saved = try await workspace.stateAdministration.update(
            workspace.state, with: draft, expectedVersion: 1, by: workspace.focalPoint.actor,
            scope: workspace.scope(workspace.focalPoint, .editStateProfile))

        // check
        #expect(saved.name == "Republic of Valdoria" && saved.version == 2 && saved.id == workspace.state.id)
        #expect(try await workspace.repositories.find(workspace.managing) == saved)
        let event = try #require(workspace.repositories.audit.last)
        #expect(event.action == "state.update" && event.entityType == "partner_state" && event.entityID == workspace.state.id)
        #expect(event.stateID == workspace.state.id && event.details == ["name": "Valdoria → Republic of Valdoria"])
    }

    @Test func aSaveOverSomebodyElsesIsAStaleVersion() async throws {
        // setup
        let workspace = StateWorkspace()
        let scope = workspace.scope(workspace.focalPoint, .editStateProfile)
        var first = PartnerStateDraft.mock
        (first.code, first.name) = ("VLD", "Valdoria (first save)")
        let saved = try await workspace.stateAdministration.update(
            workspace.state, with: first, expectedVersion: 1, by: workspace.focalPoint.actor, scope: scope)
        let entries = workspace.repositories.audit.count
        var second = first
        second.name = "Valdoria (second save)"

        // act
        await #expect(throws: StoreConflict.staleVersion(current: 2)) {
            try await workspace.stateAdministration.update(
                workspace.state, with: second, expectedVersion: 1, by: workspace.focalPoint.actor, scope: scope)
        }

        // check
        #expect(try await workspace.repositories.find(scope) == saved)
        #expect(workspace.repositories.audit.count == entries)
    }

    @Test func anInvalidCorrectionIsRefusedAndTheStateKept() async throws {
        // setup
        let workspace = StateWorkspace()
        let draft = PartnerStateDraft(code: "VLD", name: "", region: "southern-europe", defaultTLP: "AMBER", profile: nil)

        // act
        let failure = await #expect(throws: ValidationFailure.self) {
            try await workspace.stateAdministration.update(
                workspace.state, with: draft, expectedVersion: 1, by: workspace.focalPoint.actor,
                scope: workspace.scope(workspace.focalPoint, .editStateProfile))
        }

        // check
        #expect(failure?.issues.map(\.field) == ["name"])
        #expect(try await workspace.repositories.find(workspace.managing) == workspace.state)
        #expect(workspace.repositories.audit.isEmpty)
    }
}
