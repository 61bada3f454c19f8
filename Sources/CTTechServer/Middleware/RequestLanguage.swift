import CTTechCore
import Hummingbird

/// Which of the six languages a request is answered in (issue 9): the signed-in person's choice stored on their account;
/// else the choice made with the switcher before logging in (a cookie); else the browser's `Accept-Language`; else
/// English.
enum RequestLanguage {
    /// The cookie that keeps the switcher's choice before login (`__Host-` prefixed when cookies are secure, like the
    /// session's). It holds one of six codes and nothing else.
    static func cookieName(_ configuration: AppConfiguration) -> String { configuration.secureCookies ? "__Host-cttech_lang" : "cttech_lang" }

    static func of(_ request: Request, identity: Identity?) -> Language {
        if let chosen = identity?.language ?? chosen(request) { return chosen }
        return Language.negotiate(acceptLanguage: request.headers[.acceptLanguage])
    }

    /// The language picked with the switcher in this browser (its cookie), if any: an explicit choice, which logging in
    /// keeps on the account.
    static func chosen(_ request: Request) -> Language? {
        for name in ["__Host-cttech_lang", "cttech_lang"] {
            if let code = request.cookies[name]?.value, let chosen = Language(rawValue: code) { return chosen }
        }
        return nil
    }
}
