import CTTechCore

@testable import CTTechWeb

/// Every route of ``SiteURL`` as a pattern, to tell whether a link on a page is one of them.
enum SiteURLPatterns {
    /// One value of every case; a case added to ``SiteURL`` and linked from a page must be added here too.
    static let all: [SiteURL] =
        [
            .root, .login, .loginTOTP, .logout, .language, .account, .accountPassword, .accountTOTP, .accountTOTPDisable, .accountTokenRevoke("x"),
            .healthz,
            .metrics, .openAPISpec,
            .stylesheet, .staticFile(name: "x"), .reference, .referenceList(kind: "x"), .referenceListJSON(kind: "x"), .adminStates,
            .adminStateNew, .adminUsers, .adminUserNew, .audit, .adminUser("x"), .adminUserGrants("x"), .adminUserGrantRemove("x", grant: "x"),
            .adminUserPassword("x"), .home, .state("x"), .stateEdit("x"), .stateAudit("x"), .assessments("x"), .assessmentImport("x"),
            .assessment("x", "x"), .assessmentRound("x", "x"), .status("x", "x"), .institutions("x", "x"), .agencies("x", "x"),
            .agency("x", "x", agency: "x"), .agencyEdit("x", "x", agency: "x"), .agencyRemove("x", "x", agency: "x"), .raci("x", "x"),
            .horizonScan("x", "x"), .scanEvidence("x", "x"), .scenarios("x", "x"), .scenario("x", "x", scenario: "x"),
            .scenarioRemove("x", "x", scenario: "x"), .scenarioEvidence("x", "x", scenario: "x"), .scores("x", "x", scenario: "x"),
            .evidenceRemove("x", "x", evidence: "x"), .register("x", "x"), .roundStatistics("x", "x"), .roundStatisticsCSV("x", "x"),
            .otherRisks("x", "x"), .otherRisk("x", "x", risk: "x"),
            .otherRiskEdit("x", "x", risk: "x"), .otherRiskRemove("x", "x", risk: "x"), .snapshot("x", "x", number: 1), .compare("x", "x"),
            .residualTrace("x", "x", risk: "x"), .responses("x"), .responseNew("x"), .response("x", response: "x"), .responseEdit("x", response: "x"),
            .responseStatus("x", response: "x"), .responseApprove("x", response: "x"), .responseOverride("x", response: "x"),
            .responseIndicators("x", response: "x"), .indicatorActuals("x", response: "x", indicator: "x"), .riskOptions("x", "x", risk: "x"),
            .portfolio("x", "x"), .compliance("x"), .policyDocument("x"), .responsesCSV("x"), .capability("x"),
            .capabilityNew("x", validated: false), .capabilityAssessment("x", capability: "x"), .capabilityArea("x", capability: "x", area: "x"),
            .capabilityEvidence("x", capability: "x"), .capabilityPlan("x", capability: "x"), .capabilityTargets("x", capability: "x", area: "x"),
            .capabilityPropose("x", capability: "x"), .capabilityCompare("x", capability: "x", other: "x"), .capabilityCSV("x", capability: "x"),
            .roadmap("x"), .roadmapNew("x"), .roadmapItem("x", item: "x"), .roadmapItemEdit("x", item: "x"), .roadmapStatus("x", item: "x"),
            .roadmapApprove("x", item: "x"), .roadmapMilestones("x", item: "x"), .frameworks, .framework("x"), .frameworkDownload("x"),
            .programme(), .programmeEventNew, .programmeEvents, .programmeEvent("x"), .programmeImport("x"),
            .programmeAttendance("x", person: "x"), .programmeDashboard(), .programmeDuplicates, .programmeRequests, .programmeRequestStatus("x"),
            .programmeFollowUps, .programmeActionItem("x"), .practices("x"), .practiceNew("x"), .practice("x", practice: "x"),
            .practiceWithdraw("x", practice: "x"), .practiceComments("x", practice: "x"), .programmeFiguresCSV(), .programmeRecordsCSV(),
            .programmeAgenda("x"), .programmeLinks("x"), .programmeAgendaRemove("x", session: "y"), .programmeLinksRemove("x"), .programmeProducts,
            .programmeProduct("x"), .programmeTimeline("x"),
            .liveSessions("x"), .liveSession("x", session: "x"),
            .liveStatus("x", session: "x"),
            .liveLobby("x", session: "x"), .liveActivities("x", session: "x"), .liveRound("x", session: "x", activity: "x"),
            .liveResults("x", session: "x", activity: "x"), .liveIdea("x", session: "x", activity: "x", idea: "x"), .livePresenter("x", session: "x"),
            .liveFeed("x", session: "x", activity: "x"), .liveSettings("x", session: "x"),
            .liveEvents("x", session: "x"), .join, .joinSession(code: "x"), .participate, .participateAnswer, .participateEvents,
        ]
        + ReviewKind.allCases.map { SiteURL.responseReview("x", response: "x", $0) }
        + ReviewKind.allCases.map { SiteURL.roadmapReview("x", item: "x", $0) }
        + RegisterChartKind.allCases.map { SiteURL.registerChart("x", "x", $0) }
        + RegisterExportFormat.allCases.map { SiteURL.registerExport("x", "x", $0) }
        + RegisterChartKind.allCases.map { SiteURL.snapshotChart("x", "x", number: 1, $0) }
        + SiteURL.LiveExportFormat.allCases.map { SiteURL.liveExport("x", session: "x", format: $0) }

    /// Each route's pattern split into its path segments; a segment in braces is a parameter.
    static let routes: [[Substring]] = Set(all.map(\.pattern)).sorted().map { $0.split(separator: "/", omittingEmptySubsequences: false) }

    /// Parameters named like ids that hold a code, not a record id: a framework version is named by its code
    /// (`ctt-capability-2024.1`).
    static let codeParameters: Set<Substring> = ["{frameworkID}"]

    /// Why a link target is not a path of ``SiteURL`` (nil when it is one, or a fragment of the same page). Parameters
    /// named like ids must hold a valid id, so a link built from an empty or missing record shows up.
    static func problem(with target: String) -> String? {
        if target.hasPrefix("#") { return target.count > 1 ? nil : "is an empty fragment" }
        guard target.hasPrefix("/") else { return "does not start with / or #" }
        let segments = target.prefix { $0 != "?" && $0 != "#" }.split(separator: "/", omittingEmptySubsequences: false)
        let matching = routes.filter { route in
            route.count == segments.count
                && zip(route, segments).allSatisfy { pattern, segment in pattern.hasPrefix("{") ? !segment.isEmpty : pattern == segment }
        }
        // A literal segment beats a parameter: `/admin/users/new` is not the account with id "new".
        guard let route = matching.max(by: { literals($0) < literals($1) }) else { return "matches no SiteURL route" }
        for (pattern, segment) in zip(route, segments)
        where pattern.hasSuffix("ID}") && !codeParameters.contains(pattern) && !Identifier.isValid(String(segment)) {
            return "has \(pattern) \"\(segment)\", not a record id (route \(route.joined(separator: "/")))"
        }
        return nil
    }

    private static func literals(_ route: [Substring]) -> Int { route.filter { !$0.hasPrefix("{") }.count }
}
