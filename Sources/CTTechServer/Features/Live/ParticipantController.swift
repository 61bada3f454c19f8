import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import Hummingbird

/// Issue 12, the participants' side: join by code (typed or from the QR code), the phone's one-question-at-a-time page,
/// answers, and the participant's event stream. Participants have no account: a device token in an HttpOnly cookie is
/// their pass (only its SHA-256 is stored), so a dropped connection or a closed browser tab rejoins as the same
/// participant. Forms carry a CSRF token (the session's when signed in, else the login form's double-submit cookie).
/// Joins are limited per client address and answers per device.
struct ParticipantController {
    let participation: LiveParticipation
    let live: LiveStore
    let broadcaster: LiveBroadcaster
    let pages: PageRenderer
    let configuration: AppConfiguration
    let joinLimiter: LoginRateLimiter
    let answerLimiter: LoginRateLimiter

    init(_ services: AppServices) {
        participation = services.liveParticipation
        live = services.live
        broadcaster = services.liveBroadcaster
        pages = services.pages
        configuration = services.configuration
        joinLimiter = services.liveJoinLimiter
        answerLimiter = services.liveAnswerLimiter
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.join, .anonymous) { request, context, _ in
            let typed = request.uri.queryParameters.get("code").map { String($0) } ?? ""
            if !typed.isEmpty, let session = try await participation.session(code: typed) {
                return .seeOther(SiteURL.joinSession(code: session.code).path)
            }
            return joinPage(request, context, code: typed, session: nil, codeUnknown: !typed.isEmpty, status: typed.isEmpty ? .ok : .notFound)
        }
        routes.get(.joinSession(code: .parameter), .anonymous) { request, context, _ in
            let code = context.parameters.get("code") ?? ""
            guard let session = try await participation.session(code: code) else {
                return joinPage(request, context, code: String(code.prefix(12)), session: nil, codeUnknown: true, status: .notFound)
            }
            if let (_, participant, current) = try await pass(request), current.id == session.id, participant.status != .refused {
                return .seeOther(SiteURL.participate.path)
            }
            return joinPage(request, context, code: session.code, session: session, codeUnknown: false, status: .ok)
        }
        routes.post(.joinSession(code: .parameter), .anonymous) { request, context, _ in
            guard let session = try await participation.session(code: context.parameters.get("code") ?? "") else {
                return joinPage(request, context, code: "", session: nil, codeUnknown: true, status: .notFound)
            }
            if let wait = await joinLimiter.attempt(from: context.remoteAddress) {
                throw AppError.tooManyRequests(retryAfterSeconds: wait)
            }
            do {
                let (_, token) = try await participation.join(session, with: LiveJoinDraft(fields: context.form.fields))
                await broadcaster.wake(session.id, facilitatorsOnly: true)
                var response = Response.seeOther(SiteURL.participate.path, notice: .liveJoined)
                response.setCookie(deviceCookie(token))
                return response
            } catch let failure as ValidationFailure {
                return joinPage(
                    request, context, code: session.code, session: session, codeUnknown: false, submitted: context.form.fields, failure: failure,
                    status: .badRequest)
            } catch let violation as LiveRuleViolation {
                return joinPage(
                    request, context, code: session.code, session: session, codeUnknown: false, submitted: context.form.fields,
                    failure: ValidationFailure(field: "code", violation.explanation), status: .conflict)
            }
        }
        routes.get(.participate, .anonymous) { request, context, _ in
            guard let (pass, participant, session) = try await pass(request) else { return .seeOther(SiteURL.join.path) }
            let item = request.uri.queryParameters.get("item").map { String($0) }
            return try await screen(request, context, pass, participant, session, item: item, status: .ok)
        }
        routes.post(.participateAnswer, .anonymous) { request, context, _ in
            guard let (pass, participant, session) = try await pass(request) else { return .seeOther(SiteURL.join.path) }
            if let wait = await answerLimiter.attempt(from: pass.participantID) { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
            let screen = try await participation.screen(pass, participant: participant, session: session)
            let fields = context.form.fields
            let itemKey = fields["item"] ?? ""
            // The answer is for the round the page showed; a round that moved on since is refused, not answered in its place.
            guard let activity = screen.activity, let round = screen.round, activity.id == fields["activity"], String(round.number) == fields["round"]
            else {
                return try await self.screen(
                    request, context, pass, participant, session, item: nil, refusal: context.localizer("errors.rule.live.round-not-open"),
                    status: .conflict)
            }
            do {
                try await participation.answer(
                    LiveAnswerDraft(fields: fields), to: activity, item: itemKey, round: round, pass: pass, participant: participant, session: session
                )
            } catch let failure as ValidationFailure {
                return try await self.screen(
                    request, context, pass, participant, session, item: itemKey.isEmpty ? nil : itemKey, submitted: fields, failure: failure,
                    status: .badRequest)
            } catch let violation as LiveRuleViolation {
                return try await self.screen(
                    request, context, pass, participant, session, item: nil, refusal: context.localizer(violation.explanation), status: .conflict)
            }
            await broadcaster.wake(session.id, facilitatorsOnly: true)
            return .seeOther(SiteURL.participate.path, notice: .liveAnswerSent)
        }
        routes.get(.participateEvents, .anonymous) { request, _, _ in
            guard let (pass, _, session) = try await pass(request) else { throw AppError.notFound }
            let live = self.live
            return LiveStream.response(request, sessionID: session.id, facilitator: false, broadcaster: broadcaster) { after, limit in
                try await live.liveEvents(pass, after: after, limit: limit)
            }
        }
    }

    /// The pass the device cookie proves, with its participant and session.
    private func pass(_ request: Request) async throws -> (ParticipantPass, LiveParticipant, LiveSession)? {
        guard let token = request.cookies[configuration.liveDeviceCookieName]?.value, !token.isEmpty else { return nil }
        return try await participation.pass(token: token)
    }

    private func deviceCookie(_ token: String) -> Cookie {
        Cookie(
            name: configuration.liveDeviceCookieName, value: token, maxAge: 24 * 3600, path: "/", secure: configuration.secureCookies, httpOnly: true,
            sameSite: .lax)
    }

    /// The token a participant's form carries: the signed-in session's, else the login form's double-submit cookie (set
    /// here when the device has none yet).
    private func csrf(_ request: Request, _ context: AppRequestContext) -> (String, Cookie?) {
        if let token = context.csrfToken { return (token, nil) }
        if let token = request.cookies[configuration.loginCSRFCookieName]?.value, !token.isEmpty { return (token, nil) }
        let token = Identifier.secret()
        return (
            token,
            Cookie(
                name: configuration.loginCSRFCookieName, value: token, maxAge: 3600 * 24, path: "/", secure: configuration.secureCookies,
                httpOnly: true,
                sameSite: .strict)
        )
    }

    private func layout(_ title: String, _ request: Request, _ context: AppRequestContext) -> LayoutModel {
        LayoutModel(
            title: title, tlp: .clear, identity: nil, csrf: nil, path: request.pathAndQuery, flash: context.notice.map { context.localizer($0.key) },
            language: context.language)
    }

    private func joinPage(
        _ request: Request, _ context: AppRequestContext, code: String, session: LiveSession?, codeUnknown: Bool, submitted: [String: String]? = nil,
        failure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) -> Response {
        let (token, cookie) = csrf(request, context)
        let page = LiveJoinPage.make(
            layout: layout(context.localizer("live.join.title"), request, context), code: code, session: session, codeUnknown: codeUnknown,
            csrf: token,
            submitted: submitted, failure: failure)
        var response = Response.html(pages.render(page), status: status)
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private func screen(
        _ request: Request, _ context: AppRequestContext, _ pass: ParticipantPass, _ participant: LiveParticipant, _ session: LiveSession,
        item: String?,
        submitted: [String: String]? = nil, failure: ValidationFailure? = nil, refusal: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let lastEvent = try await live.latestEventSequence()
        let (token, cookie) = csrf(request, context)
        let screen = try await participation.screen(pass, participant: participant, session: session)
        let page = LiveParticipantPage.make(
            layout: layout(participant.status == .admitted ? session.title : context.localizer("live.join.title"), request, context), screen: screen,
            item: item, csrf: token, submitted: submitted,
            failure: failure, lastEvent: lastEvent, refusal: refusal)
        var response = Response.html(pages.render(page), status: status)
        if let cookie { response.setCookie(cookie) }
        return response
    }
}
