import CTTechServer
import Testing

/// `CTTECH_PUBLIC_URL` (issue 12): the address a live session's join link and QR code give phones when the server sits
/// behind a proxy. Only a bare http(s) origin is taken, so a typo cannot send a room to a path or another query.
@Suite("Public address for join links")
struct PublicURLTests {
    @Test(arguments: [
        ("https://cttech.example.org", "https://cttech.example.org"),
        ("https://cttech.example.org/", "https://cttech.example.org"),
        ("http://10.0.0.5:8080", "http://10.0.0.5:8080"),
    ])
    func aBareOriginIsTakenWithoutItsTrailingSlash(typed: String, kept: String) {
        #expect(AppConfiguration(publicURL: typed).publicURL == kept)
    }

    @Test(arguments: [
        "cttech.example.org", "ftp://cttech.example.org", "https://cttech.example.org/join", "https://cttech.example.org?x=1",
        "https://user@cttech.example.org", "https://cttech example.org", "", "https://",
    ])
    func anythingElseIsIgnored(typed: String) {
        #expect(AppConfiguration(publicURL: typed).publicURL == nil)
        #expect(AppConfiguration().publicURL == nil)
    }
}
