/// The links that do not depend on the page (navigation, one's own account, sign-in forms), for templates:
/// `{{layout.links.home}}`. Built from ``SiteURL`` like every other link.
public struct SiteLinks: Sendable, TemplateModel {
    let home = SiteURL.home.path
    let login = SiteURL.login.path
    let loginTOTP = SiteURL.loginTOTP.path
    let logout = SiteURL.logout.path
    let language = SiteURL.language.path
    let account = SiteURL.account.path
    let accountPassword = SiteURL.accountPassword.path
    let accountTOTP = SiteURL.accountTOTP.path
    let accountTOTPDisable = SiteURL.accountTOTPDisable.path
    let stylesheet = SiteURL.stylesheet.path
    /// The script that makes live pages live (issue 12); the pages work without it.
    let liveScript = SiteURL.staticFile(name: "live.js").path
    let adminUsers = SiteURL.adminUsers.path
    let adminUserNew = SiteURL.adminUserNew.path
    let adminStateNew = SiteURL.adminStateNew.path

    /// Built once: the links do not change while the server runs.
    static let shared = SiteLinks()

    private init() {}
}
