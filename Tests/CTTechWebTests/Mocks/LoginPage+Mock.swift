import CTTechCore

@testable import CTTechWeb

extension LoginPage {
    /// The empty login form, reached from a link that asked for the assessment page.
    static var mock: Self {
        LoginPage(
            layout: Valdoria.layout("Log in", identity: nil, path: SiteURL.login.path, tlp: .clear), csrf: Valdoria.csrf,
            next: SiteURL.assessment(Valdoria.state.id, Valdoria.assessment.id).path, email: "", message: nil, noAccounts: false)
    }

    /// Shown again after a wrong password: the e-mail is kept, the reason is the one generic message.
    static var failed: Self {
        LoginPage(
            layout: Valdoria.layout("Log in", identity: nil, path: SiteURL.login.path, tlp: .clear), csrf: Valdoria.csrf,
            next: SiteURL.home.path, email: "irina@valdoria.example", message: "E-mail or password is not correct.", noAccounts: false)
    }

    /// A new installation without any account.
    static var noAccounts: Self {
        LoginPage(
            layout: Valdoria.layout("Log in", identity: nil, path: SiteURL.login.path, tlp: .clear), csrf: Valdoria.csrf,
            next: SiteURL.home.path, email: "", message: nil, noAccounts: true)
    }

    /// The login form of a reader who chose `language`, shown again after a refused login, on a new installation: every
    /// text of the page in that language.
    static func refused(in language: Language) -> Self {
        let t = Localizer(language)
        return LoginPage(
            layout: LayoutModel(title: t("login.title"), tlp: .clear, identity: nil, csrf: nil, path: SiteURL.login.path, language: language),
            csrf: Valdoria.csrf, next: SiteURL.home.path, email: "irina@valdoria.example", message: t("login.refused"), noAccounts: true)
    }
}
