import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// The signed-in user's own account: change password, turn TOTP on or off.
struct AccountController {
    let accounts: AccountStore
    let pages: PageRenderer
    let ownAccount: OwnAccount
    let tokens: APITokenStore
    let security: AccountSecurity

    init(_ services: AppServices) {
        accounts = services.accounts
        pages = services.pages
        ownAccount = services.ownAccount
        tokens = services.tokens
        security = services.security
    }

    /// Password re-entry while signed in is throttled per account, like a login (issue 8, item 17).
    private func throttleReentry(_ identity: Identity) async throws {
        if let wait = await security.reentryLimiter.attempt(from: identity.userID) { throw AppError.tooManyRequests(retryAfterSeconds: wait) }
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.account, .signedIn) { request, context, granted in
            try await page(context, request, identity: try granted.requireIdentity(), failure: nil, flash: nil, status: .ok)
        }
        routes.post(.accountPassword, .signedIn) { request, context, granted in
            let identity = try granted.requireIdentity()
            try await throttleReentry(identity)
            do {
                try await ownAccount.changePassword(
                    current: context.form["current"] ?? "", new: context.form["new"] ?? "", keepingSession: context.session?.idHash, by: identity)
            } catch let failure as ValidationFailure {
                return try await page(context, request, identity: identity, failure: failure, flash: nil, status: .badRequest)
            }
            return try await page(
                context, request, identity: identity, failure: nil, flash: context.localizer("account.password.changed"), status: .ok)
        }
        routes.post(.accountTOTP, .signedIn) { request, context, granted in
            let identity = try granted.requireIdentity()
            let secret = context.form["secret"] ?? ""
            guard secret.utf8.count == 32, secret.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw AppError.badRequest("account.totp.bad-secret")
            }
            guard LoginService.verifyTOTP(secret: secret, code: context.form["code"] ?? "") else {
                return try await page(
                    context, request, identity: identity,
                    failure: ValidationFailure(field: "code", "account.totp.code-mismatch"),
                    flash: nil, status: .badRequest, secret: secret)
            }
            try await ownAccount.turnOnTOTP(secret: secret, by: identity)
            return try await page(context, request, identity: identity, failure: nil, flash: context.localizer("account.totp.turned-on"), status: .ok)
        }
        routes.post(.accountTOTPDisable, .signedIn) { request, context, granted in
            let identity = try granted.requireIdentity()
            try await throttleReentry(identity)
            do {
                try await ownAccount.turnOffTOTP(password: context.form["password"] ?? "", by: identity)
            } catch let failure as ValidationFailure {
                return try await page(context, request, identity: identity, failure: failure, flash: nil, status: .badRequest)
            }
            return try await page(
                context, request, identity: identity, failure: nil, flash: context.localizer("account.totp.turned-off"), status: .ok)
        }
        // One's own API tokens: revoke one (issue 8, item 16). Another person's token is a 404, as if it did not exist.
        routes.post(.accountTokenRevoke(.parameter), .signedIn) { _, context, granted in
            let identity = try granted.requireIdentity()
            guard let id = context.parameters.get("tokenID"), Identifier.isValid(id),
                try await tokens.revoke(
                    id: id, ofUser: identity.userID, audit: AuditEvent(.tokenRevoke, by: identity.actor, entity: id, state: nil, ["by": "owner"]))
            else { throw AppError.notFound }
            return .seeOther(SiteURL.account.path, notice: .tokenRevoked)
        }
    }

    private func page(
        _ context: AppRequestContext, _ request: Request, identity: Identity, failure: ValidationFailure?, flash: String?,
        status: HTTPResponse.Status, secret: String? = nil
    ) async throws -> Response {
        guard let account = try await self.accounts.account(id: identity.userID) else { throw AppError.unauthenticated }
        let newSecret = secret ?? String(Identifier.secret(byteCount: 24).prefix(32))
        let encoded = LoginService.base32(ofSecret: newSecret, label: account.email)
        let page = AccountPage(
            layout: context.layout(context.localizer("account.title"), tlp: .amberStrict, path: SiteURL.account.path, flash: flash),
            csrf: context.csrfToken ?? "",
            account: account,
            newSecret: newSecret, newSecretBase32: encoded.base32, newSecretURL: encoded.url, failure: failure,
            tokens: try await tokens.list(userID: identity.userID), now: epochMilliseconds())
        return .html(self.pages.render(page), status: status)
    }
}
