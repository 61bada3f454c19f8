import CTTechWeb
import Hummingbird

/// Carries a ``Notice`` across the redirect after a form post: the redirect sets a short-lived cookie with the notice's
/// code, the next page shows it (``AppRequestContext/notice``) and the response clears the cookie.
struct NoticeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "cttech_notice"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let code = request.cookies[Self.cookieName]?.value else { return try await next(request, context) }
        var context = context
        context.notice = Notice(rawValue: code)
        var response = try await next(request, context)
        // A redirect passes the notice on to the page it leads to; any other answer shows it and clears it.
        if !(300..<400).contains(response.status.code) {
            response.headers[values: .setCookie].append("\(Self.cookieName)=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax")
        }
        return response
    }
}

extension Response {
    /// 303 See Other with a one-time confirmation for the page it leads to.
    static func seeOther(_ location: String, notice: Notice) -> Response {
        var response = Response.seeOther(location)
        response.headers[.setCookie] = "\(NoticeMiddleware.cookieName)=\(notice.rawValue); Path=/; Max-Age=120; HttpOnly; SameSite=Lax"
        return response
    }
}
