import CTTechCore
import CTTechDoubles
import Foundation
import Testing

@Suite("A storage failure in steps 7–8 reaches the caller and nothing is written")
struct CapabilityStorageFailureTests {
    /// One capability or roadmap use case with one of its repositories failing; the others are the workspace's in-memory ones.
    enum Call: String, CaseIterable, Sendable {
        case openAssessment, openWithoutFramework, answerArea, addEvidence, setTargets, proposeTargets
        case addItem, reviseItem, markMilestones, moveItem, approveItem, reviewItem, publishFramework

        /// The repository method expected to fail.
        var failingMethod: String {
            switch self {
            case .openAssessment: "capabilityAssessments(_:)"
            case .openWithoutFramework: "framework(id:)"
            case .publishFramework: "publishFramework(_:audit:)"
            case .answerArea: "capabilityEvidence(_:assessmentID:)"
            case .addEvidence: "addCapabilityEvidence(_:scope:audit:)"
            case .setTargets, .proposeTargets: "criterionRecords(_:assessmentID:)"
            case .addItem, .reviseItem: "roadmapItems(_:)"
            case .markMilestones: "setMilestones(_:itemID:scope:audit:)"
            case .moveItem, .approveItem: "changeRoadmapStatus(_:to:expectedVersion:method:framework:scope:audit:)"
            case .reviewItem: "addRoadmapReviews(_:itemID:scope:audit:)"
            }
        }

        /// Runs the use case on `assessment` and `item` with `failing` in place of one repository.
        func perform(in workspace: StateWorkspace, on assessment: CapabilityAssessment, item: RoadmapItem) async throws {
            let failing = FailingRepositories()
            let memory = workspace.repositories
            let writing = workspace.scope(workspace.assessor, .writeCapability)
            let planning = workspace.scope(workspace.policyMaker, .planDevelopment)
            let (assessor, planner) = (workspace.assessor.actor, workspace.policyMaker.actor)
            switch self {
            case .openAssessment:
                _ = try await CapabilityAssessing(capability: failing, frameworks: memory).open(
                    .mock(), kind: .selfAssessed, agencies: [], threatAssessments: [], by: assessor, scope: writing)
            case .openWithoutFramework:
                _ = try await CapabilityAssessing(capability: memory, frameworks: failing).open(
                    .mock(), kind: .selfAssessed, agencies: [], threatAssessments: [], by: assessor, scope: writing)
            case .answerArea:
                _ = try await CapabilityAssessing(capability: failing, frameworks: memory).answer(
                    .answering(["E1.1.a": .fully], version: assessment.version), area: "F03", of: assessment, by: assessor, scope: writing)
            case .addEvidence:
                _ = try await CapabilityAssessing(capability: failing, frameworks: memory).addEvidence(
                    .mock, to: assessment, by: assessor, scope: writing)
            case .setTargets:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).setTargets(
                    .setting(["E4": 3], version: assessment.version), area: "F03", of: assessment, by: planner, scope: planning)
            case .proposeTargets:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).proposeTargets(
                    for: assessment, relevance: DevelopmentPlanningTests.relevance, expectedVersion: assessment.version, by: planner,
                    scope: planning)
            case .addItem:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).add(
                    .development(title: "Second laboratory"), agencies: [], by: planner, scope: planning)
            case .reviseItem:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).revise(
                    item, with: .development(title: "Renamed laboratory"), agencies: [], by: planner, scope: planning)
            case .markMilestones:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).markMilestones(
                    [0], of: item, by: planner, scope: planning)
            case .moveItem:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).move(
                    item, to: .underReview, expectedVersion: item.version, by: planner, scope: planning)
            case .approveItem:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).move(
                    item, to: .approved, expectedVersion: item.version, by: workspace.focalPoint.actor,
                    scope: workspace.scope(workspace.focalPoint, .approveRoadmap))
            case .reviewItem:
                _ = try await DevelopmentPlanning(capability: failing, frameworks: memory, reference: memory).review(
                    item, kind: .humanRights, draft: .answering(["H01"], .met, version: item.version), by: workspace.reviewer.actor,
                    scope: workspace.scope(workspace.reviewer, .reviewRoadmap))
            case .publishFramework:
                var next = CapabilityFramework.ctTechDefault
                next.id = "ctt-capability-2027.1"
                let json = try JSONEncoder().encode(next)
                _ = try await CapabilityAssessing(capability: memory, frameworks: failing).publish(json: json, by: workspace.administrator.actor)
            }
        }
    }

    @Test(arguments: Call.allCases)
    func theFailureIsPassedOnAndNothingIsWritten(_ call: Call) async throws {
        // setup
        let workspace = StateWorkspace()
        let assessment = try await workspace.openCapability()
        let item = try await workspace.addItem(.development())
        let entries = workspace.repositories.audit.count
        let frameworks = try await workspace.repositories.frameworks()
        let viewing = workspace.scope(workspace.focalPoint, .viewCapability)

        // act
        let failure = await #expect(throws: FailingRepositories.Failure.self) {
            try await call.perform(in: workspace, on: assessment, item: item)
        }

        // check
        #expect(failure?.method == call.failingMethod)
        #expect(workspace.repositories.audit.count == entries)
        #expect(try await workspace.stored(assessment) == assessment)
        #expect(try await workspace.stored(item) == item)
        #expect(try await workspace.repositories.capabilityAssessments(viewing).count == 1)
        #expect(try await workspace.repositories.roadmapItems(viewing).count == 1)
        #expect(try await workspace.repositories.capabilityEvidence(viewing, assessmentID: assessment.id).isEmpty)
        #expect(try await workspace.repositories.frameworks() == frameworks)
    }
}
