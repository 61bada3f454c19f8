import Foundation
import Testing

/// Paths are spelled once, in `Sources/CTTechWeb/Routing/` (``SiteURL``); pages and controllers build every link,
/// action and redirect from it. These checks read the sources and name each line that spells a path itself.
@Suite("No path literal outside Routing")
struct PathLiteralTests {
    /// A link, form or image attribute whose value starts with a path.
    static func spellsPath(template line: Substring) -> Bool {
        line.contains(/(href|action|src)\s*=\s*["']?\//)
    }

    /// A string literal (raw ones too) opening on "/" and a letter or a parameter brace; an escaped quote opens none,
    /// and a comment line holds no literal.
    static func spellsPath(swift line: Substring) -> Bool {
        !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(/(^|[^\\])#*"\/[A-Za-z{]/)
    }

    /// `path:line: text` of every line of `files` that `spellsPath` flags.
    static func offenders(in files: [String], _ spellsPath: (Substring) -> Bool) throws -> [String] {
        try files.flatMap { path in
            try SourceTree.lines(of: path).filter { spellsPath($0.text) }.map {
                "\(path):\($0.number): \($0.text.trimmingCharacters(in: .whitespaces))"
            }
        }
    }

    @Test func theChecksRecogniseAPath() {
        // setup
        let swift: [(Substring, Bool)] = [
            (#"let url = "/states/\(id)""#, true), (##"let url = #"/login"#"##, true), (#"router.get("/{stateID}")"#, true),
            (#"let root = "/""#, false), (#"let url = SiteURL.login.path"#, false), (#"// the "/login" route"#, false),
            (#"let quoted = "say \"/login\"""#, false), (#"let ratio = "1/2""#, false),
        ]
        let templates: [(Substring, Bool)] = [
            (#"<a href="/home">"#, true), (#"<form action='/login'>"#, true), (#"<img src="/static/x.svg">"#, true),
            (#"<a href="{{href}}">"#, false), (##"<a href="#main">"##, false),
        ]
        // act
        let swiftFlags = swift.map { Self.spellsPath(swift: $0.0) }
        let templateFlags = templates.map { Self.spellsPath(template: $0.0) }
        // check
        #expect(swiftFlags == swift.map(\.1))
        #expect(templateFlags == templates.map(\.1))
    }

    @Test func templatesLinkOnlyThroughTheirModel() throws {
        // setup
        let templates = SourceTree.files(under: "Sources/CTTechWeb/Pages", endingWith: ".mustache")
        // act
        let offenders = try Self.offenders(in: templates, Self.spellsPath(template:))
        // check
        #expect(templates.count > 20, "the check would pass on an empty tree")
        for offender in offenders {
            print(offender)
            Issue.record("a template spells a path; take it from SiteURL through the page model: \(offender)")
        }
    }

    @Test func swiftSourcesSpellNoPath() throws {
        // setup
        let web = SourceTree.files(under: "Sources/CTTechWeb", endingWith: ".swift").filter { !$0.hasPrefix("Sources/CTTechWeb/Routing/") }
        let features = SourceTree.files(under: "Sources/CTTechServer/Features", endingWith: ".swift")
        // act
        let offenders = try Self.offenders(in: web + features, Self.spellsPath(swift:))
        // check
        #expect(web.count > 20 && features.count > 5, "the check would pass on an empty tree")
        for offender in offenders {
            print(offender)
            Issue.record("a Swift source spells a path; use SiteURL: \(offender)")
        }
    }
}
