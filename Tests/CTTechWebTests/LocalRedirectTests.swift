import CTTechWeb
import Testing

@Suite("After login, only a path on this site is followed")
struct LocalRedirectTests {
    @Test(arguments: [
        "/\t/evil.example/phish", "/\n/evil.example", "/\r/evil.example", "//evil.example", "/\\evil.example", "https://evil.example",
        "evil.example", "", " /home", "/ho me", "/\u{200B}/evil.example", "/\u{0}x",
    ])
    func anythingABrowserCouldReadAsAnotherHostGoesHome(_ next: String) {
        // act
        let target = LocalRedirect.target(next)
        // check
        #expect(target == SiteURL.home.path)
    }

    @Test(arguments: ["/home", "/states/00000000-0000-0000-0000-000000000001/assessments", "/reference/technologies?x=1", "/%09/literal"])
    func aPathOnThisSiteIsKept(_ next: String) {
        #expect(LocalRedirect.target(next) == next)
    }

    @Test func nothingThatLeavesTheSiteIsEverKept() {
        // law: over every short text of risky characters, a kept target starts with one "/" and has no whitespace, control or "\"
        let alphabet: [Character] = ["/", "\\", "\t", "\n", " ", ".", "e", "%", "0", "9", "?", "#", "\u{200B}"]
        var texts: [String] = [""]
        for _ in 0..<4 { texts = texts.flatMap { prefix in alphabet.map { prefix + String($0) } } }
        for text in texts {
            let target = LocalRedirect.target(text)
            #expect(target.hasPrefix("/") && !target.hasPrefix("//"))
            #expect(!target.contains { $0 == "\\" || $0.isWhitespace || $0 == "\u{200B}" })
        }
    }
}
