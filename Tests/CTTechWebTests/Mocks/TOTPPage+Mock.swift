import CTTechCore

@testable import CTTechWeb

extension TOTPPage {
    /// The second-factor form after a correct password.
    static var mock: Self {
        TOTPPage(
            layout: Valdoria.layout("Second factor", identity: nil, path: SiteURL.loginTOTP.path, tlp: .clear), csrf: Valdoria.csrf,
            next: SiteURL.home.path, message: nil)
    }

    /// Shown again after a wrong code.
    static var wrongCode: Self {
        TOTPPage(
            layout: Valdoria.layout("Second factor", identity: nil, path: SiteURL.loginTOTP.path, tlp: .clear), csrf: Valdoria.csrf,
            next: SiteURL.state(Valdoria.state.id).path, message: "That code is not valid. Try the next one your app shows.")
    }
}
