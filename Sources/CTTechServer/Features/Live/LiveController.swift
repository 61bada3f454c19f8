import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird
import NIOCore

/// Issue 12, the facilitator's side: sessions of a state, the control room (lobby, activities, rounds), the presenter
/// view, results, idea moderation, exports and the facilitator's event stream. Every write wakes the session's live
/// screens after it is stored.
struct LiveController {
    let lookup: LiveLookup
    let facilitation: LiveFacilitation
    let live: LiveStore
    let assessments: AssessmentStores
    let broadcaster: LiveBroadcaster
    let pages: PageRenderer
    let secure: Bool

    init(_ services: AppServices) {
        lookup = LiveLookup(services)
        facilitation = services.liveFacilitation
        live = services.live
        assessments = services.assessments
        broadcaster = services.liveBroadcaster
        pages = services.pages
        secure = services.configuration.secureCookies
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.liveSessions(.parameter), .state(.viewLiveSession)) { request, context, granted in
            try await list(request, context, granted, submitted: nil, failure: nil, status: .ok)
        }
        routes.post(.liveSessions(.parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            do {
                let session = try await facilitation.create(LiveSessionDraft(fields: context.form.fields), by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.liveSession(scope.stateID, session: session.id).path, notice: .liveCreated)
            } catch let failure as ValidationFailure {
                return try await list(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            }
        }
        routes.get(.liveSession(.parameter, session: .parameter), .state(.viewLiveSession)) { request, context, granted in
            try await control(request, context, granted, status: .ok)
        }
        routes.post(.liveStatus(.parameter, session: .parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            guard let target = LiveSession.Status(rawValue: context.form["to"] ?? ""), target != .setup else {
                throw AppError.badRequest("live.error.unknown-move")
            }
            let version = try PolicyLookup.version(context)
            do {
                _ = try await facilitation.move(session, to: target, expectedVersion: version, by: try granted.actor(), scope: scope)
            } catch let violation as LiveRuleViolation {
                return try await control(request, context, granted, refusal: context.localizer(violation.explanation), status: .conflict)
            } catch StoreConflict.staleVersion {
                return try await control(request, context, granted, refusal: context.localizer("live.error.stale"), status: .conflict)
            }
            await broadcaster.wake(session.id)
            return .seeOther(SiteURL.liveSession(scope.stateID, session: session.id).path, notice: target == .running ? .liveStarted : .liveEnded)
        }
        routes.post(.liveSettings(.parameter, session: .parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            let version = try PolicyLookup.version(context)
            do {
                _ = try await facilitation.update(
                    session, with: LiveSessionDraft(fields: context.form.fields), expectedVersion: version, by: try granted.actor(), scope: scope)
            } catch let failure as ValidationFailure {
                return try await control(
                    request, context, granted, settingsSubmitted: context.form.fields, settingsFailure: failure, status: .badRequest)
            } catch let violation as LiveRuleViolation {
                return try await control(request, context, granted, refusal: context.localizer(violation.explanation), status: .conflict)
            } catch StoreConflict.staleVersion {
                return try await control(request, context, granted, refusal: context.localizer("live.error.stale"), status: .conflict)
            }
            await broadcaster.wake(session.id)
            return .seeOther(SiteURL.liveSession(scope.stateID, session: session.id).path, notice: .liveUpdated)
        }
        routes.post(.liveLobby(.parameter, session: .parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            let ids = context.form.fields.filter { $0.key.hasPrefix("participant.") && $0.value == "on" }.map { String($0.key.dropFirst(12)) }
            let admit = context.form["refuse"] == nil
            do {
                _ = try await facilitation.admit(ids, admit ? .admitted : .refused, in: session, by: try granted.actor(), scope: scope)
            } catch let violation as LiveRuleViolation {
                return try await control(request, context, granted, refusal: context.localizer(violation.explanation), status: .conflict)
            }
            await broadcaster.wake(session.id)
            return .seeOther(SiteURL.liveSession(scope.stateID, session: session.id).path + "#lobby", notice: admit ? .liveAdmitted : .liveRefused)
        }
        routes.post(.liveActivities(.parameter, session: .parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            do {
                _ = try await facilitation.addActivity(
                    LiveActivityDraft(fields: context.form.fields), to: session, by: try granted.actor(), scope: scope)
            } catch let failure as ValidationFailure {
                return try await control(request, context, granted, submitted: context.form.fields, failure: failure, status: .badRequest)
            } catch let violation as LiveRuleViolation {
                return try await control(
                    request, context, granted, submitted: context.form.fields, failure: ValidationFailure(field: "kind", violation.explanation),
                    status: .badRequest)
            }
            return .seeOther(SiteURL.liveSession(scope.stateID, session: session.id).path + "#activities", notice: .liveActivityAdded)
        }
        routes.post(.liveRound(.parameter, session: .parameter, activity: .parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            let activity = try await lookup.activity(context, scope, session: session)
            let target: ScoringRound.Status
            switch context.form["to"] {
            case "open": target = .open
            case "closed": target = .closed
            case "revealed": target = .revealed
            default: throw AppError.badRequest("live.error.unknown-move")
            }
            do {
                _ = try await facilitation.advanceRound(activity, in: session, to: target, by: try granted.actor(), scope: scope)
            } catch let violation as LiveRuleViolation {
                return try await control(request, context, granted, refusal: context.localizer(violation.explanation), status: .conflict)
            }
            await broadcaster.wake(session.id)
            let notice: Notice = target == .open ? .liveRoundOpened : target == .closed ? .liveRoundClosed : .liveRoundRevealed
            return .seeOther(SiteURL.liveSession(scope.stateID, session: session.id).path + "#activities", notice: notice)
        }
        routes.get(.liveResults(.parameter, session: .parameter, activity: .parameter), .state(.viewLiveSession)) { request, context, granted in
            let lastEvent = try await live.latestEventSequence()
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let session = try await lookup.session(context, scope)
            let activity = try await lookup.activity(context, scope, session: session)
            let canRun = Authorizer.allows(try granted.requireIdentity(), state: state.id, .runLiveSession)
            var feed: (assessmentRound: ScoringRound?, sources: [WorkshopSource])?
            if let assessmentID = session.assessmentID, [.scoring, .ranking].contains(activity.kind),
                Authorizer.allows(try granted.requireIdentity(), state: state.id, .manageAssessment)
            {
                feed = (
                    try await assessments.scoring.currentRound(scope, assessmentID: assessmentID),
                    try await assessments.scoring.workshopSources(scope, assessmentID: assessmentID)
                )
            }
            let page = LiveResultsPage.make(
                layout: lookup.layout(activity.title, state: state, request, context), session: session, activity: activity,
                results: try await facilitation.results(of: activity, in: session, scope: scope),
                rounds: try await live.liveRounds(scope, sessionID: session.id),
                participants: try await live.liveParticipants(scope, sessionID: session.id),
                ideas: activity.kind == .ideas ? try await live.liveIdeas(scope, sessionID: session.id, activityID: activity.id) : [], canRun: canRun,
                csrf: context.csrfToken ?? "", lastEvent: lastEvent,
                canWriteScenario: Authorizer.allows(try granted.requireIdentity(), state: state.id, .writeScenario), feed: feed)
            return .html(pages.render(page))
        }
        // Workshop input: a revealed round's scores or rankings join the assessment's open round (the facilitator also
        // manages the assessment: a programme officer running the room does not write into the state's scoring).
        routes.post(.liveFeed(.parameter, session: .parameter, activity: .parameter), .state(.runLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            guard Authorizer.allows(try granted.requireIdentity(), state: scope.stateID, .manageAssessment) else {
                throw AppError.forbidden("errors.access.role-not-allowed")
            }
            let session = try await lookup.session(context, scope)
            let activity = try await lookup.activity(context, scope, session: session)
            guard let round = Int(context.form["round"] ?? ""), (1...LiveLimits.rounds).contains(round) else {
                throw AppError.badRequest("live.error.unknown-move")
            }
            try await facilitation.addToAssessment(activity, liveRound: round, in: session, by: try granted.actor(), scope: scope)
            return .seeOther(
                SiteURL.liveResults(scope.stateID, session: session.id, activity: activity.id).path + "#workshop-input", notice: .liveFed)
        }
        routes.post(.liveIdea(.parameter, session: .parameter, activity: .parameter, idea: .parameter), .state(.runLiveSession)) {
            request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            let activity = try await lookup.activity(context, scope, session: session)
            guard let ideaID = context.parameters.get("ideaID"), Identifier.isValid(ideaID),
                let idea = try await live.liveIdeas(scope, sessionID: session.id, activityID: activity.id).first(where: { $0.id == ideaID })
            else { throw AppError.notFound }
            let hidden = context.form["hidden"].flatMap { $0 == "yes" ? true : $0 == "no" ? false : nil }
            let merge = context.form["merge"].flatMap { Identifier.isValid($0) ? $0 : nil }
            guard hidden != nil || merge != nil else { throw AppError.badRequest("live.error.unknown-move") }
            _ = try await facilitation.moderate(idea, hidden: hidden, mergeInto: merge, in: session, by: try granted.actor(), scope: scope)
            await broadcaster.wake(session.id)
            return .seeOther(
                SiteURL.liveResults(scope.stateID, session: session.id, activity: activity.id).path + "#moderation", notice: .liveIdeaModerated)
        }
        routes.get(.livePresenter(.parameter, session: .parameter), .state(.viewLiveSession)) { request, context, granted in
            // Read first: an event after this number reloads the page, so nothing that happens while it is built is missed.
            let lastEvent = try await live.latestEventSequence()
            let scope = try granted.requireTenant()
            let state = try await lookup.state(scope)
            let session = try await lookup.session(context, scope)
            let activities = try await live.liveActivities(scope, sessionID: session.id)
            let rounds = try await live.liveRounds(scope, sessionID: session.id)
            let participants = try await live.liveParticipants(scope, sessionID: session.id)
            var current: (activity: LiveActivity, round: LiveRound, results: LiveResults?)?
            var answered = 0
            if let round = rounds.first(where: { $0.status != .revealed }) ?? rounds.max(by: { ($0.revealedAt ?? 0) < ($1.revealedAt ?? 0) }),
                let activity = activities.first(where: { $0.id == round.activityID })
            {
                let results = round.status == .revealed ? try await facilitation.results(of: activity, in: session, scope: scope).last : nil
                current = (activity, round, results)
                answered = try await live.liveSubmissionCounts(scope, sessionID: session.id)[activity.id]?[round.number] ?? 0
            }
            let page = LivePresenterPage.make(
                layout: lookup.layout(session.title, state: state, request, context), session: session, joinURL: lookup.joinURL(request, session),
                participants: participants, current: current, answered: answered, csrf: context.csrfToken ?? "",
                lastEvent: lastEvent)
            return .html(pages.render(page))
        }
        routes.get(.liveExport(.parameter, session: .parameter, format: .csv), .state(.viewLiveSession)) { _, context, granted in
            try await export(context, granted, format: .csv)
        }
        routes.get(.liveExport(.parameter, session: .parameter, format: .json), .state(.viewLiveSession)) { _, context, granted in
            try await export(context, granted, format: .json)
        }
        routes.get(.liveEvents(.parameter, session: .parameter), .state(.viewLiveSession)) { request, context, granted in
            let scope = try granted.requireTenant()
            let session = try await lookup.session(context, scope)
            let live = self.live
            return LiveStream.response(request, sessionID: session.id, facilitator: true, broadcaster: broadcaster) { after, limit in
                try await live.liveEvents(scope, sessionID: session.id, after: after, limit: limit)
            }
        }
    }

    private func list(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]?, failure: ValidationFailure?,
        status: HTTPResponse.Status
    ) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let page = LiveSessionsPage.make(
            layout: lookup.layout(context.localizer("live.sessions.title"), state: state, request, context), stateID: state.id,
            sessions: try await live.liveSessions(scope), assessments: try await assessments.records.list(scope),
            canRun: Authorizer.allows(try granted.requireIdentity(), state: state.id, .runLiveSession), csrf: context.csrfToken ?? "",
            submitted: submitted, failure: failure)
        return .html(pages.render(page), status: status)
    }

    private func control(
        _ request: Request, _ context: AppRequestContext, _ granted: Granted, submitted: [String: String]? = nil, failure: ValidationFailure? = nil,
        refusal: String? = nil, settingsSubmitted: [String: String]? = nil, settingsFailure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let lastEvent = try await live.latestEventSequence()
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let session = try await lookup.session(context, scope)
        var scenarios: [(id: String, title: String)] = []
        if let assessmentID = session.assessmentID {
            scenarios = try await assessments.scoring.scenarios(scope, assessmentID: assessmentID).map { ($0.id, $0.title) }
        }
        let page = LiveSessionPage.make(
            layout: lookup.layout(session.title, state: state, request, context), session: session, joinURL: lookup.joinURL(request, session),
            participants: try await live.liveParticipants(scope, sessionID: session.id),
            activities: try await live.liveActivities(scope, sessionID: session.id),
            rounds: try await live.liveRounds(scope, sessionID: session.id),
            counts: try await live.liveSubmissionCounts(scope, sessionID: session.id),
            scenarios: scenarios, canRun: Authorizer.allows(try granted.requireIdentity(), state: state.id, .runLiveSession),
            csrf: context.csrfToken ?? "",
            lastEvent: lastEvent, submitted: submitted, failure: failure, refusal: refusal, assessments: try await assessments.records.list(scope),
            settingsSubmitted: settingsSubmitted, settingsFailure: settingsFailure)
        return .html(pages.render(page), status: status)
    }

    private func export(_ context: AppRequestContext, _ granted: Granted, format: SiteURL.LiveExportFormat) async throws -> Response {
        let scope = try granted.requireTenant()
        let state = try await lookup.state(scope)
        let session = try await lookup.session(context, scope)
        // The same document and bytes as the API's `…/results` (LiveExportBuilder).
        let document = try await LiveExportBuilder(live: live, facilitation: facilitation).document(session, scope: scope)
        let name = LiveExportBuilder.fileName(state: state, session: session, extension: format.rawValue)
        let bytes: ByteBuffer
        let type: String
        switch format {
        case .csv:
            bytes = ByteBuffer(string: document.csv())
            type = "text/csv; charset=utf-8"
        case .json:
            bytes = ByteBuffer(bytes: try LiveExportBuilder.json(document))
            type = "application/json"
        }
        return Response(
            status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(name)\""], body: .init(byteBuffer: bytes))
    }
}
