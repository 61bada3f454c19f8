import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Log in (password, then TOTP when enabled) and log out. A new session id is issued at every successful step.
struct AuthController {
    let accounts: AccountStore
    let configuration: AppConfiguration
    let pages: PageRenderer
    let security: AccountSecurity
    let sessions: SessionStore
    let passwordCheck: LoginService

    init(_ services: AppServices) {
        accounts = services.accounts
        configuration = services.configuration
        pages = services.pages
        security = services.security
        sessions = services.sessions
        passwordCheck = LoginService(services)
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.root, .anonymous) { _, context, _ in .seeOther(context.identity == nil ? SiteURL.login.path : SiteURL.home.path) }
        routes.get(.login, .anonymous) { request, context, _ in
            if context.identity != nil { return .seeOther(SiteURL.home.path) }
            return try await loginForm(request, context, email: "", message: nil, status: .ok)
        }
        routes.post(.login, .anonymous) { request, context, _ in try await login(request, context) }
        routes.get(.loginTOTP, .anonymous) { _, context, _ in
            guard let session = context.session, session.awaitingTOTP else { return .seeOther(SiteURL.login.path) }
            return totpForm(context, next: "", message: nil, status: .ok)
        }
        routes.post(.loginTOTP, .anonymous) { request, context, _ in try await secondFactor(request, context) }
        routes.post(.logout, .anonymous) { _, context, _ in
            if let session = context.session { try await self.sessions.delete(idHash: session.idHash) }
            var response = Response.seeOther(SiteURL.login.path)
            response.setCookie(sessionCookie(value: "", maxAge: 0))
            return response
        }
    }

    func sessionCookie(value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: self.configuration.sessionCookieName, value: value, maxAge: maxAge, path: "/", secure: self.configuration.secureCookies,
            httpOnly: true, sameSite: .strict)
    }

    private func loginForm(
        _ request: Request, _ context: AppRequestContext, email: String, message: String?, status: HTTPResponse.Status
    )
        async throws -> Response
    {
        let cookieName = self.configuration.loginCSRFCookieName
        let token = request.cookies[cookieName]?.value.nilIfEmpty ?? Identifier.secret()
        let page = LoginPage(
            layout: LayoutModel(
                title: context.localizer("login.title"), tlp: .clear, identity: nil, csrf: nil, path: SiteURL.login.path, language: context.language),
            csrf: token,
            next: request.uri.queryParameters.get("next") ?? context.form["next"] ?? "", email: email, message: message,
            noAccounts: try await self.accounts.count() == 0)
        var response = Response.html(self.pages.render(page), status: status)
        response.setCookie(
            Cookie(
                name: cookieName, value: token, maxAge: 3600, path: "/", secure: self.configuration.secureCookies, httpOnly: true,
                sameSite: .strict))
        return response
    }

    private func totpForm(_ context: AppRequestContext, next: String, message: String?, status: HTTPResponse.Status) -> Response {
        let page = TOTPPage(
            layout: LayoutModel(
                title: context.localizer("totp.title"), tlp: .clear, identity: nil, csrf: nil, path: SiteURL.loginTOTP.path,
                language: context.language),
            csrf: context.csrfToken ?? "",
            next: next, message: message)
        return .html(self.pages.render(page), status: status)
    }

    private func login(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        let email = context.form["email"] ?? ""
        let outcome = try await passwordCheck.checkPassword(
            email: email, password: context.form["password"] ?? "", from: context.remoteAddress)
        switch outcome {
        case .refused(let message):
            return try await loginForm(
                request, context, email: String(email.prefix(254)), message: context.localizer(message), status: .unauthorized)
        case .signedIn(let account):
            try await keepChosenLanguage(request, account)
            return try await startSession(for: account, replacing: context.session, awaitingTOTP: false, next: context.form["next"])
        case .needsTOTP(let account):
            return try await startSession(for: account, replacing: context.session, awaitingTOTP: true, next: context.form["next"])
        }
    }

    private func secondFactor(_ request: Request, _ context: AppRequestContext) async throws -> Response {
        guard let session = context.session, session.awaitingTOTP, let account = try await self.accounts.account(id: session.userID),
            let secret = account.totpSecret
        else { return .seeOther(SiteURL.login.path) }
        // Per account and address, like the password step, so that a room behind one connection is not blocked by one
        // person's mistyped codes; the per-address ceiling still applies.
        if let wait = await self.security.loginLimiter.attempt(from: context.remoteAddress + "|totp|" + session.userID) {
            throw AppError.tooManyRequests(retryAfterSeconds: wait)
        }
        if let wait = await self.security.addressLimiter.attempt(from: context.remoteAddress) {
            throw AppError.tooManyRequests(retryAfterSeconds: wait)
        }
        guard LoginService.verifyTOTP(secret: secret, code: context.form["code"] ?? "") else {
            let failures = account.failedLogins + 1
            let lock = self.security.lockout.lockUntil(afterFailures: failures, now: epochMilliseconds())
            try await self.accounts.recordFailedLogin(userID: account.id, failures: failures, lockedUntil: lock, audit: nil)
            if lock != nil {
                try await self.sessions.delete(idHash: session.idHash)
                return .seeOther(SiteURL.login.path)
            }
            return totpForm(
                context, next: context.form["next"] ?? "", message: context.localizer("totp.wrong-code"),
                status: .unauthorized)
        }
        try await keepChosenLanguage(request, account)
        return try await startSession(for: account, replacing: session, awaitingTOTP: false, next: context.form["next"])
    }

    /// A language picked with the switcher before logging in becomes the account's (issue 9), audited like a choice
    /// made signed in. Only an explicit choice counts, not the browser's `Accept-Language`.
    private func keepChosenLanguage(_ request: Request, _ account: UserAccount) async throws {
        guard let chosen = RequestLanguage.chosen(request), chosen != account.language else { return }
        let actor = AuditActor(id: account.id, label: account.email)
        try await self.accounts.setLanguage(
            userID: account.id, language: chosen,
            audit: AuditEvent(.userLanguage, by: actor, entity: account.id, state: nil, ["language": chosen.rawValue]))
    }

    /// Ends any session the browser came with and issues a new id (no session fixation).
    private func startSession(for account: UserAccount, replacing old: LoginSession?, awaitingTOTP: Bool, next: String?) async throws -> Response {
        if let old { try await self.sessions.delete(idHash: old.idHash) }
        let lifetime: Int64 = awaitingTOTP ? 5 * 60 * 1000 : Int64(self.configuration.sessionLifetimeSeconds) * 1000
        let (token, _) = try await self.sessions.create(userID: account.id, awaitingTOTP: awaitingTOTP, lifetimeMilliseconds: lifetime)
        var response = Response.seeOther(awaitingTOTP ? SiteURL.loginTOTP.path : LocalRedirect.target(next))
        response.setCookie(sessionCookie(value: token, maxAge: Int(lifetime / 1000)))
        return response
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
