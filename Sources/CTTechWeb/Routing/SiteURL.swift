import CTTechCore
import Foundation

/// Every URL of the web UI, with its parameters: the route table registers each route from its ``pattern`` and every
/// link, form action and redirect is built from ``path``. No other file spells a path.
public enum SiteURL: Hashable, Sendable {
    // Signing in and one's own account
    case root, login, loginTOTP, logout, account, accountPassword, accountTOTP, accountTOTPDisable
    /// Choosing the interface language (issue 9).
    case language
    /// Revoking one of one's own API tokens.
    case accountTokenRevoke(String)
    // Operations and static files
    case healthz, metrics, openAPISpec, stylesheet
    case staticFile(name: String)
    // Reference data
    case reference
    case referenceList(kind: String)
    /// The JSON of one reference list in the API.
    case referenceListJSON(kind: String)
    // Administration
    case adminStates, adminStateNew, adminUsers, adminUserNew, audit
    case adminUser(String)
    case adminUserGrants(String)
    case adminUserGrantRemove(String, grant: String)
    case adminUserPassword(String)
    // Partner states
    case home
    case state(String)
    case stateEdit(String)
    case stateAudit(String)
    // Steps 1–4: one assessment of a state
    case assessments(String)
    case assessmentImport(String)
    case assessment(String, String)
    case assessmentRound(String, String)
    case status(String, String)
    case institutions(String, String)
    case agencies(String, String)
    case agency(String, String, agency: String)
    case agencyEdit(String, String, agency: String)
    case agencyRemove(String, String, agency: String)
    case raci(String, String)
    case horizonScan(String, String)
    /// The horizon scan with one technology's line loaded into the form, to update it.
    case horizonScanEntry(String, String, technology: String)
    case scanEvidence(String, String)
    case scenarios(String, String)
    case scenario(String, String, scenario: String)
    case scenarioRemove(String, String, scenario: String)
    case scenarioEvidence(String, String, scenario: String)
    case scores(String, String, scenario: String)
    case evidenceRemove(String, String, evidence: String)
    case register(String, String)
    case registerChart(String, String, RegisterChartKind)
    case registerExport(String, String, RegisterExportFormat)
    /// Every revealed round, scenario by scenario and factor by factor (issue 12), and its CSV.
    case roundStatistics(String, String)
    case roundStatisticsCSV(String, String)
    case otherRisks(String, String)
    case otherRisk(String, String, risk: String)
    case otherRiskEdit(String, String, risk: String)
    case otherRiskRemove(String, String, risk: String)
    case snapshot(String, String, number: Int)
    case snapshotChart(String, String, number: Int, RegisterChartKind)
    case compare(String, String)
    /// What remains of one risk of the register once the approved responses apply, and how (issue 10).
    case residualTrace(String, String, risk: String)
    // Steps 5–6: a state's policy responses
    case responses(String)
    case responseNew(String)
    case response(String, response: String)
    case responseEdit(String, response: String)
    case responseStatus(String, response: String)
    case responseApprove(String, response: String)
    case responseReview(String, response: String, ReviewKind)
    case responseOverride(String, response: String)
    case responseIndicators(String, response: String)
    case indicatorActuals(String, response: String, indicator: String)
    /// The candidate responses for one risk of an assessment's register, ranked by risk removed per cost.
    case riskOptions(String, String, risk: String)
    /// Ticking responses within a budget and seeing the register change before approving anything.
    case portfolio(String, String)
    case compliance(String)
    case policyDocument(String)
    /// The state's response register as CSV.
    case responsesCSV(String)
    // Steps 7–8: capability assessments, targets and the development roadmap
    case capability(String)
    /// The form that opens a self-assessment (or, with `validated`, a validated assessment).
    case capabilityNew(String, validated: Bool)
    case capabilityAssessment(String, capability: String)
    case capabilityArea(String, capability: String, area: String)
    case capabilityEvidence(String, capability: String)
    case capabilityPlan(String, capability: String)
    case capabilityTargets(String, capability: String, area: String)
    case capabilityPropose(String, capability: String)
    case capabilityCompare(String, capability: String, other: String)
    case capabilityCSV(String, capability: String)
    case roadmap(String)
    /// The item form, empty or (with a gap) filled from the gap it closes.
    case roadmapNew(String, gap: RoadmapGap? = nil)
    case roadmapItem(String, item: String)
    case roadmapItemEdit(String, item: String)
    case roadmapStatus(String, item: String)
    case roadmapApprove(String, item: String)
    case roadmapReview(String, item: String, ReviewKind)
    case roadmapMilestones(String, item: String)
    // Live workshop sessions (issue 12): the facilitator's pages under the state
    case liveSessions(String)
    case liveSession(String, session: String)
    case liveStatus(String, session: String)
    /// POST: the session's settings (the title any time; the assessment, anonymity, attributes and smallest group before the start).
    case liveSettings(String, session: String)
    case liveLobby(String, session: String)
    case liveActivities(String, session: String)
    case liveRound(String, session: String, activity: String)
    case liveResults(String, session: String, activity: String)
    case liveIdea(String, session: String, activity: String, idea: String)
    /// POST: a revealed round's scores or rankings added to the session's assessment as workshop input.
    case liveFeed(String, session: String, activity: String)
    case livePresenter(String, session: String)
    case liveExport(String, session: String, format: LiveExportFormat)
    case liveEvents(String, session: String)
    // … and the participants' pages (no account: the device token's cookie)
    case join
    case joinSession(code: String)
    case participate
    case participateAnswer
    case participateEvents
    // The programme (issue 13): events across the states granted, their participants and the dashboards
    case programme(year: Int? = nil)
    case programmeEventNew
    /// POST: a new event.
    case programmeEvents
    case programmeEvent(String)
    /// POST: a participant list (CSV) for the event.
    case programmeImport(String)
    /// POST: the days one registered person attended.
    case programmeAttendance(String, person: String)
    /// The dashboards; `eventsOf`: the year whose events the by-event table lists (the latest by default).
    case programmeDashboard(eventsOf: Int? = nil)
    /// GET: persons that look like one; POST: the officer's confirmation that merges two.
    case programmeDuplicates
    /// GET: the requests for assistance; POST: a new one.
    case programmeRequests
    /// POST: a request moved on.
    case programmeRequestStatus(String)
    /// GET: recommendations with their action items; POST: a new recommendation.
    case programmeFollowUps
    /// POST: an action item's progress.
    case programmeActionItem(String)
    /// An event's agenda (a session added) and its links to national work (a link added).
    case programmeAgenda(String)
    case programmeLinks(String)
    /// POST: a session removed from an event's agenda; a link to national work removed (its `target` and `role` posted).
    case programmeAgendaRemove(String, session: String)
    case programmeLinksRemove(String)
    /// The registry of knowledge products, and one product with where it was presented.
    case programmeProducts
    case programmeProduct(String)
    /// One partner state's programme timeline.
    case programmeTimeline(String)
    /// A published breakdown of people as CSV (`?table=` one of ``ProgrammeFiguresExport``; by event: `&year=`).
    case programmeFiguresCSV(ProgrammeFiguresExport = .participantsByState, year: Int? = nil)
    /// The programme's records as CSV (`?table=` one of ``ProgrammeCSV/Records``).
    case programmeRecordsCSV(ProgrammeCSV.Records = .events)
    // Capability framework versions (reference data)
    // Good practices shared between partner states (issue 13), as the state in the path sees them
    case practices(String)
    case practiceNew(String)
    case practice(String, practice: String)
    case practiceWithdraw(String, practice: String)
    case practiceComments(String, practice: String)
    case frameworks
    case framework(String)
    case frameworkDownload(String)

    /// The route's pattern as the router matches it: parameters in braces, in the order of the case's values.
    public var pattern: String {
        let assessment = "/states/{stateID}/assessments/{assessmentID}"
        return switch self {
        case .root: "/"
        case .login: "/login"
        case .loginTOTP: "/login/totp"
        case .logout: "/logout"
        case .language: "/language"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTOTP: "/account/totp"
        case .accountTOTPDisable: "/account/totp/disable"
        case .accountTokenRevoke: "/account/tokens/{tokenID}/revoke"
        case .healthz: "/healthz"
        case .metrics: "/metrics"
        case .openAPISpec: "/api/openapi.yaml"
        case .stylesheet: "/static/app.css"
        case .staticFile: "/static/{name}"
        case .reference: "/reference"
        case .referenceList: "/reference/{kind}"
        case .referenceListJSON: "/api/v1/reference-data/{kind}"
        case .adminStates: "/admin/states"
        case .adminStateNew: "/admin/states/new"
        case .adminUsers: "/admin/users"
        case .adminUserNew: "/admin/users/new"
        case .audit: "/audit"
        case .adminUser: "/admin/users/{userID}"
        case .adminUserGrants: "/admin/users/{userID}/grants"
        case .adminUserGrantRemove: "/admin/users/{userID}/grants/{grantID}/delete"
        case .adminUserPassword: "/admin/users/{userID}/password"
        case .home: "/home"
        case .state: "/states/{stateID}"
        case .stateEdit: "/states/{stateID}/edit"
        case .stateAudit: "/states/{stateID}/audit"
        case .assessments: "/states/{stateID}/assessments"
        case .assessmentImport: "/states/{stateID}/assessment-import"
        case .assessment: assessment
        case .assessmentRound: assessment + "/round"
        case .status: assessment + "/status"
        case .institutions: assessment + "/institutions"
        case .agencies: assessment + "/agencies"
        case .agency: assessment + "/agencies/{agencyID}"
        case .agencyEdit: assessment + "/agencies/{agencyID}/edit"
        case .agencyRemove: assessment + "/agencies/{agencyID}/delete"
        case .raci: assessment + "/raci"
        case .horizonScan, .horizonScanEntry: assessment + "/horizon-scan"
        case .scanEvidence: assessment + "/horizon-scan/evidence"
        case .scenarios: assessment + "/scenarios"
        case .scenario: assessment + "/scenarios/{scenarioID}"
        case .scenarioRemove: assessment + "/scenarios/{scenarioID}/delete"
        case .scenarioEvidence: assessment + "/scenarios/{scenarioID}/evidence"
        case .scores: assessment + "/scenarios/{scenarioID}/scores"
        case .evidenceRemove: assessment + "/evidence/{evidenceID}/delete"
        case .register: assessment + "/register"
        case .roundStatistics: assessment + "/rounds"
        case .roundStatisticsCSV: assessment + "/rounds.csv"
        case .registerChart(_, _, let chart): assessment + "/" + chart.fileName
        case .registerExport(_, _, let format): assessment + "/register." + format.rawValue
        case .otherRisks: assessment + "/other-risks"
        case .otherRisk: assessment + "/other-risks/{riskID}"
        case .otherRiskEdit: assessment + "/other-risks/{riskID}/edit"
        case .otherRiskRemove: assessment + "/other-risks/{riskID}/delete"
        case .snapshot: assessment + "/snapshots/{number}"
        case .snapshotChart(_, _, _, let chart): assessment + "/snapshots/{number}/" + chart.fileName
        case .compare: assessment + "/compare"
        case .residualTrace: assessment + "/residual/{riskID}"
        case .responses: "/states/{stateID}/responses"
        case .responseNew: "/states/{stateID}/responses/new"
        case .response: "/states/{stateID}/responses/{responseID}"
        case .responseEdit: "/states/{stateID}/responses/{responseID}/edit"
        case .responseStatus: "/states/{stateID}/responses/{responseID}/status"
        case .responseApprove: "/states/{stateID}/responses/{responseID}/approve"
        case .responseReview(_, _, let kind): "/states/{stateID}/responses/{responseID}/reviews/" + kind.rawValue
        case .responseOverride: "/states/{stateID}/responses/{responseID}/override"
        case .responseIndicators: "/states/{stateID}/responses/{responseID}/indicators"
        case .indicatorActuals: "/states/{stateID}/responses/{responseID}/indicators/{indicatorID}/actuals"
        case .riskOptions: assessment + "/options/{riskID}"
        case .portfolio: assessment + "/portfolio"
        case .compliance: "/states/{stateID}/compliance"
        case .policyDocument: "/states/{stateID}/policy-document"
        case .responsesCSV: "/states/{stateID}/responses.csv"
        case .capability: "/states/{stateID}/capability"
        case .capabilityNew: "/states/{stateID}/capability/new"
        case .capabilityAssessment: "/states/{stateID}/capability/{capabilityID}"
        case .capabilityArea: "/states/{stateID}/capability/{capabilityID}/areas/{area}"
        case .capabilityEvidence: "/states/{stateID}/capability/{capabilityID}/evidence"
        case .capabilityPlan: "/states/{stateID}/capability/{capabilityID}/plan"
        case .capabilityTargets: "/states/{stateID}/capability/{capabilityID}/targets/{area}"
        case .capabilityPropose: "/states/{stateID}/capability/{capabilityID}/propose"
        case .capabilityCompare: "/states/{stateID}/capability/{capabilityID}/compare/{otherID}"
        case .capabilityCSV: "/states/{stateID}/capability/{capabilityID}/levels.csv"
        case .roadmap: "/states/{stateID}/roadmap"
        case .roadmapNew: "/states/{stateID}/roadmap/new"
        case .roadmapItem: "/states/{stateID}/roadmap/{itemID}"
        case .roadmapItemEdit: "/states/{stateID}/roadmap/{itemID}/edit"
        case .roadmapStatus: "/states/{stateID}/roadmap/{itemID}/status"
        case .roadmapApprove: "/states/{stateID}/roadmap/{itemID}/approve"
        case .roadmapReview(_, _, let kind): "/states/{stateID}/roadmap/{itemID}/reviews/" + kind.rawValue
        case .roadmapMilestones: "/states/{stateID}/roadmap/{itemID}/milestones"
        case .liveSessions: "/states/{stateID}/live"
        case .liveSession: "/states/{stateID}/live/{sessionID}"
        case .liveStatus: "/states/{stateID}/live/{sessionID}/status"
        case .liveSettings: "/states/{stateID}/live/{sessionID}/settings"
        case .liveLobby: "/states/{stateID}/live/{sessionID}/lobby"
        case .liveActivities: "/states/{stateID}/live/{sessionID}/activities"
        case .liveRound: "/states/{stateID}/live/{sessionID}/activities/{activityID}/round"
        case .liveResults: "/states/{stateID}/live/{sessionID}/activities/{activityID}"
        case .liveIdea: "/states/{stateID}/live/{sessionID}/activities/{activityID}/ideas/{ideaID}"
        case .liveFeed: "/states/{stateID}/live/{sessionID}/activities/{activityID}/assessment"
        case .livePresenter: "/states/{stateID}/live/{sessionID}/presenter"
        case .liveExport(_, _, let format): "/states/{stateID}/live/{sessionID}/export." + format.rawValue
        case .liveEvents: "/states/{stateID}/live/{sessionID}/events"
        case .join: "/join"
        case .joinSession: "/join/{code}"
        case .participate: "/live"
        case .participateAnswer: "/live/answer"
        case .participateEvents: "/live/events"
        case .programme: "/programme"
        case .programmeEventNew: "/programme/events/new"
        case .programmeEvents: "/programme/events"
        case .programmeEvent: "/programme/events/{eventID}"
        case .programmeImport: "/programme/events/{eventID}/participants"
        case .programmeAttendance: "/programme/events/{eventID}/attendance/{personID}"
        case .programmeDashboard: "/programme/dashboard"
        case .programmeDuplicates: "/programme/duplicates"
        case .programmeRequests: "/programme/requests"
        case .programmeRequestStatus: "/programme/requests/{requestID}/status"
        case .programmeFollowUps: "/programme/follow-ups"
        case .programmeActionItem: "/programme/follow-ups/items/{actionID}"
        case .programmeFiguresCSV: "/programme/figures.csv"
        case .programmeAgenda: "/programme/events/{eventID}/agenda"
        case .programmeLinks: "/programme/events/{eventID}/links"
        case .programmeAgendaRemove: "/programme/events/{eventID}/agenda/{agendaID}/delete"
        case .programmeLinksRemove: "/programme/events/{eventID}/links/delete"
        case .programmeProducts: "/programme/products"
        case .programmeProduct: "/programme/products/{productID}"
        case .programmeTimeline: "/programme/states/{stateID}/timeline"
        case .programmeRecordsCSV: "/programme/records.csv"
        case .practices: "/states/{stateID}/practices"
        case .practiceNew: "/states/{stateID}/practices/new"
        case .practice: "/states/{stateID}/practices/{practiceID}"
        case .practiceWithdraw: "/states/{stateID}/practices/{practiceID}/withdraw"
        case .practiceComments: "/states/{stateID}/practices/{practiceID}/comments"
        case .frameworks: "/reference/frameworks"
        case .framework: "/reference/frameworks/{frameworkID}"
        case .frameworkDownload: "/reference/frameworks/{frameworkID}/download"
        }
    }

    /// The values of the pattern's parameters, in order.
    var values: [String] {
        switch self {
        case .root, .login, .loginTOTP, .logout, .language, .account, .accountPassword, .accountTOTP, .accountTOTPDisable, .healthz, .metrics,
            .openAPISpec,
            .stylesheet, .reference, .adminStates, .adminStateNew, .adminUsers, .adminUserNew, .audit, .home, .frameworks, .join, .participate,
            .participateAnswer, .participateEvents, .programme, .programmeEventNew, .programmeEvents, .programmeDashboard,
            .programmeDuplicates, .programmeRequests, .programmeFollowUps, .programmeFiguresCSV, .programmeRecordsCSV, .programmeProducts:
            []
        case .programmeEvent(let e), .programmeImport(let e), .programmeRequestStatus(let e), .programmeActionItem(let e), .programmeAgenda(let e),
            .programmeLinks(let e), .programmeProduct(let e), .programmeTimeline(let e), .programmeLinksRemove(let e):
            [e]
        case .programmeAttendance(let e, let p), .programmeAgendaRemove(let e, session: let p): [e, p]
        case .joinSession(let code): [code]
        case .liveSessions(let s): [s]
        case .liveSession(let s, let x), .liveStatus(let s, let x), .liveSettings(let s, let x), .liveLobby(let s, let x),
            .liveActivities(let s, let x), .livePresenter(let s, let x), .liveExport(let s, let x, _), .liveEvents(let s, let x):
            [s, x]
        case .liveRound(let s, let x, let a), .liveResults(let s, let x, let a), .liveFeed(let s, let x, let a): [s, x, a]
        case .liveIdea(let s, let x, let a, let i): [s, x, a, i]
        case .framework(let id), .frameworkDownload(let id): [id]
        case .capability(let s), .capabilityNew(let s, _), .roadmap(let s), .roadmapNew(let s, _): [s]
        case .capabilityAssessment(let s, let c), .capabilityEvidence(let s, let c), .capabilityPlan(let s, let c), .capabilityPropose(let s, let c),
            .capabilityCSV(let s, let c), .roadmapItem(let s, let c), .roadmapItemEdit(let s, let c), .roadmapStatus(let s, let c),
            .roadmapApprove(let s, let c), .roadmapReview(let s, let c, _), .roadmapMilestones(let s, let c):
            [s, c]
        case .capabilityArea(let s, let c, let a), .capabilityTargets(let s, let c, let a), .capabilityCompare(let s, let c, let a): [s, c, a]
        case .staticFile(let name): [name]
        case .referenceList(let kind), .referenceListJSON(let kind): [kind]
        case .adminUser(let id), .adminUserGrants(let id), .adminUserPassword(let id), .accountTokenRevoke(let id): [id]
        case .adminUserGrantRemove(let id, let grant): [id, grant]
        case .state(let id), .stateEdit(let id), .stateAudit(let id), .assessments(let id), .assessmentImport(let id), .responses(let id),
            .responseNew(let id), .compliance(let id), .policyDocument(let id), .responsesCSV(let id), .practices(let id), .practiceNew(let id):
            [id]
        case .practice(let s, let p), .practiceWithdraw(let s, let p), .practiceComments(let s, let p): [s, p]
        case .response(let s, let r), .responseEdit(let s, let r), .responseStatus(let s, let r), .responseApprove(let s, let r),
            .responseReview(let s, let r, _), .responseOverride(let s, let r), .responseIndicators(let s, let r):
            [s, r]
        case .indicatorActuals(let s, let r, let i): [s, r, i]
        case .assessment(let s, let a), .assessmentRound(let s, let a), .status(let s, let a), .institutions(let s, let a),
            .agencies(let s, let a), .raci(let s, let a), .horizonScan(let s, let a), .scanEvidence(let s, let a), .scenarios(let s, let a),
            .register(let s, let a), .registerChart(let s, let a, _), .registerExport(let s, let a, _), .otherRisks(let s, let a),
            .compare(let s, let a), .portfolio(let s, let a), .roundStatistics(let s, let a), .roundStatisticsCSV(let s, let a):
            [s, a]
        case .agency(let s, let a, let x), .agencyEdit(let s, let a, let x), .agencyRemove(let s, let a, let x), .scenario(let s, let a, let x),
            .scenarioRemove(let s, let a, let x), .scenarioEvidence(let s, let a, let x), .scores(let s, let a, let x),
            .evidenceRemove(let s, let a, let x), .otherRisk(let s, let a, let x), .otherRiskEdit(let s, let a, let x),
            .otherRiskRemove(let s, let a, let x), .residualTrace(let s, let a, let x), .riskOptions(let s, let a, let x):
            [s, a, x]
        case .snapshot(let s, let a, let n), .snapshotChart(let s, let a, let n, _): [s, a, String(n)]
        case .horizonScanEntry(let s, let a, _): [s, a]
        }
    }

    /// What follows the path: the query and fragment of links that open a page in a given state.
    var suffix: String {
        switch self {
        case .horizonScanEntry(_, _, let technology):
            "?technology=\(technology.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")#scan-form"
        case .capabilityNew(_, let validated): validated ? "?kind=validated" : ""
        case .programme(let year?), .programmeDashboard(let year?): "?year=\(year)"
        case .programmeFiguresCSV(let table, let year): "?table=\(table.rawValue)" + (year.map { "&year=\($0)" } ?? "")
        case .programmeRecordsCSV(let table): "?table=\(table.rawValue)"
        case .roadmapNew(_, let gap?):
            "?capability=\(gap.capability)&area=\(gap.area)&enabler=\(gap.enabler)&to=\(gap.stage)"
        default: ""
        }
    }

    /// The published breakdowns of people a CSV export may ask for.
    public enum ProgrammeFiguresExport: String, Hashable, Sendable, CaseIterable {
        case participantsByState = "participants-by-state"
        case participantsByYear = "participants-by-year"
        case participantsByEvent = "participants-by-event"
    }

    /// The formats of a live session's export.
    public enum LiveExportFormat: String, Hashable, Sendable, CaseIterable {
        case csv, json
    }

    /// The gap a new roadmap item is created from (its ids and codes are URL-safe: identifiers and framework codes).
    public struct RoadmapGap: Hashable, Sendable {
        public let capability: String
        public let area: String
        public let enabler: String
        public let stage: Int

        public init(capability: String, area: String, enabler: String, stage: Int) {
            self.capability = capability
            self.area = area
            self.enabler = enabler
            self.stage = stage
        }
    }

    /// The URL's path: the pattern with each parameter replaced by its value.
    public var path: String {
        var result = ""
        var values = self.values.makeIterator()
        var inParameter = false
        for character in pattern {
            switch (character, inParameter) {
            case ("{", _): inParameter = true
            case ("}", _):
                inParameter = false
                result += values.next() ?? ""
            case (_, true): continue
            case (_, false): result.append(character)
            }
        }
        return result + suffix
    }
}
