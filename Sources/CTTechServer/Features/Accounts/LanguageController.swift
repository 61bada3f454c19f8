import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// The language switcher on every page (issue 9). Before login it is a GET form that only sets a cookie; signed in it
/// is a POST form (with the session's CSRF token) that also keeps the choice on the account. Either way the person comes
/// back to the page they were on.
struct LanguageController {
    let accounts: AccountStore
    let configuration: AppConfiguration

    init(_ services: AppServices) {
        accounts = services.accounts
        configuration = services.configuration
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.language, .anonymous) { request, context, _ in
            let language = try Self.chosen(request.uri.queryParameters.get("language"))
            return switched(to: language, next: request.uri.queryParameters.get("next"))
        }
        routes.post(.language, .signedIn) { _, context, granted in
            let identity = try granted.requireIdentity()
            let language = try Self.chosen(context.form["language"])
            if identity.language != language {
                try await accounts.setLanguage(
                    userID: identity.userID, language: language,
                    audit: AuditEvent(.userLanguage, by: identity.actor, entity: identity.userID, state: nil, ["language": language.rawValue]))
            }
            return switched(to: language, next: context.form["next"])
        }
    }

    /// One of the six codes, or a 400 that lists them.
    static func chosen(_ code: String?) throws -> Language {
        guard let code, let language = Language(rawValue: code) else {
            throw AppError.invalid(
                ValidationFailure(
                    field: "language", "validation.one-of", ["values": Language.allCases.map(\.rawValue).joined(separator: ", ")]))
        }
        return language
    }

    /// Back to the page the switcher was on (a same-site path only), with the choice kept in a cookie for a year.
    private func switched(to language: Language, next: String?) -> Response {
        var response = Response.seeOther(LocalRedirect.target(next))
        response.setCookie(
            Cookie(
                name: RequestLanguage.cookieName(configuration), value: language.rawValue, maxAge: 365 * 24 * 3600, path: "/",
                secure: configuration.secureCookies, httpOnly: true, sameSite: .lax))
        return response
    }
}
