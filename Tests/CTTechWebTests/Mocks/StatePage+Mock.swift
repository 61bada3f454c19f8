import CTTechCore

@testable import CTTechWeb

extension StatePage {
    /// The focal point's view: may edit the profile and read the state's audit log.
    static var mock: Self {
        .make(
            layout: Valdoria.layout(
                Valdoria.state.name, identity: Valdoria.focalPoint, path: SiteURL.state(Valdoria.state.id).path, state: Valdoria.state),
            state: Valdoria.state, identity: Valdoria.focalPoint,
            standings: [AssessmentsPage.standing(Valdoria.assessment), AssessmentsPage.standing(Valdoria.previousAssessment, scores: false)],
            policy: PolicyStanding(
                identity: Valdoria.focalPoint, stateID: Valdoria.state.id, responses: Valdoria.responses, reviews: Valdoria.reviews,
                overrides: Valdoria.overrides, method: .ctTechDefault))
    }

    /// The reviewer's view: the adoption under review on the roadmap awaits them (they did not write it).
    static var reviewer: Self {
        .make(
            layout: Valdoria.layout(
                Valdoria.state.name, identity: Valdoria.reviewer, path: SiteURL.state(Valdoria.state.id).path, state: Valdoria.state),
            state: Valdoria.state, identity: Valdoria.reviewer,
            roadmap: RoadmapStanding(
                identity: Valdoria.reviewer, stateID: Valdoria.state.id, items: Valdoria.roadmap, reviews: Valdoria.platformReviews,
                method: .ctTechDefault, framework: Valdoria.capabilityFramework))
    }

    /// A policy maker reads a state named in Arabic whose profile holds markup; nothing to edit.
    static var readOnly: Self {
        let state = with(Valdoria.zahran) { $0.profile = "ملف تعريف " + Valdoria.markup }
        let reader = Identity(
            userID: Valdoria.id(110), email: "reader@zahran.example", displayName: "Noor Reader",
            grants: [RoleGrant(id: Valdoria.id(710), userID: Valdoria.id(110), role: .policyMaker, stateID: state.id)])
        return .make(
            layout: Valdoria.layout(state.name, identity: reader, path: SiteURL.state(state.id).path, tlp: state.defaultTLP, state: state),
            state: state, identity: reader)
    }

    /// A donor viewer on a state without a profile yet.
    static var noProfile: Self {
        let donor = Identity(
            userID: Valdoria.id(111), email: "donor@partner.example", displayName: "Dana Fielding",
            grants: [RoleGrant(id: Valdoria.id(711), userID: Valdoria.id(111), role: .donorViewer, stateID: Valdoria.arvenna.id)])
        return .make(
            layout: Valdoria.layout(
                Valdoria.arvenna.name, identity: donor, path: SiteURL.state(Valdoria.arvenna.id).path, tlp: .green, state: Valdoria.arvenna),
            state: Valdoria.arvenna, identity: donor,
            progress: [
                (AssessmentsPage.standing(Valdoria.assessment, scores: false), AssessmentPage.progress),
                (
                    AssessmentStanding(
                        assessment: Valdoria.approvedAssessment, round: ScoringRound(number: 2, status: .revealed), scenarioCount: 4,
                        scoredByViewer: nil,
                        nextUnscored: nil), AssessmentProgress()
                ),
            ], technologies: Valdoria.method.items(.technologies).count)
    }
}
