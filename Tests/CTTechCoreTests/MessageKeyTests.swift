import Foundation
import Testing

@testable import CTTechCore

/// Issue 9: every problem and refusal the layers below the pages produce is a catalog key, so forms, error pages and
/// problem+json speak the reader's language. An English sentence passed where a key belongs would still read (an unknown
/// key is shown as written) but only in English; these checks find it.
@Suite("Field problems and refusals are catalog keys (issue 9)")
struct MessageKeyTests {
    // MARK: The sources

    /// The calls whose message argument is a catalog key, and which argument that is (0: the first).
    /// (Every pattern ends with the call's opening parenthesis; a validator is named `v` throughout.)
    static var calls: [(pattern: Regex<Substring>, argument: Int)] {
        [
            (/\bv\.add\(/, 1),
            (/\bValidationFailure\((?=field:)/, 1),
            (/\bFieldIssue\((?=field:)/, 1),
            (/\.forbidden\(/, 0),
            (/\.badRequest\(/, 0),
            (/\.refused\(/, 0),
            (/\.conflict\(/, 0),
            (/\bMessage\(/, 0),
        ]
    }

    /// The Swift files checked: the core and the server. The catalogs' own reader (`Localization/`) is left out: a catalog
    /// file that cannot be read cannot describe its own problem, and only the catalog tests ever see it.
    static func checkedFiles() -> [String] {
        (SourceFiles.swift(under: "Sources/CTTechCore") + SourceFiles.swift(under: "Sources/CTTechServer"))
            .filter { !$0.hasPrefix("Sources/CTTechCore/Localization/") }
    }

    @Test func everyMessageLiteralInTheSourcesIsAKnownKey() throws {
        var unknown: [String] = []
        var checked = 0
        for path in Self.checkedFiles() {
            let code = SwiftSource(try SourceFiles.text(of: path))
            for (pattern, argument) in Self.calls {
                for match in code.stripped.matches(of: pattern) {
                    let open = code.stripped.index(before: match.range.upperBound)
                    let arguments = code.arguments(openingAt: open)
                    guard arguments.count > argument, let literal = SwiftSource.literal(arguments[argument]) else { continue }
                    checked += 1
                    if !Self.isKnown(literal) { unknown.append("\(path):\(code.line(of: open)): \"\(literal)\"") }
                }
            }
        }
        #expect(checked > 100, "the check must see the calls it is about (saw \(checked))")
        #expect(unknown.isEmpty, "\(unknown.count) messages that are not catalog keys:\n\(unknown.joined(separator: "\n"))")
    }

    /// A key written out (`"validation.required"`, or a stem another key is built from) must be in the catalogs, even
    /// where it is not passed straight to one of the calls above.
    @Test func everyKeyWrittenInTheSourcesIsInTheCatalogs() throws {
        var unknown: [String] = []
        let written = /"((?:validation|errors)\.[a-z0-9.\-]+)"/
        for path in Self.checkedFiles() {
            let code = SwiftSource(try SourceFiles.text(of: path))
            for match in code.stripped.matches(of: written) {
                let key = String(match.1)
                let stem = key.hasSuffix(".") ? key : key + "."
                if !Localizer.knows(key) && !Self.englishKeys.contains(where: { $0.hasPrefix(stem) }) {
                    unknown.append("\(path): \(key)")
                }
            }
        }
        #expect(unknown.isEmpty, "\(unknown.joined(separator: "\n"))")
    }

    static let englishKeys = Set(Localizer.catalogs[.english]?.messages.keys.map { $0 } ?? [])

    /// A key, or a key built with values (`errors.rule.round-transition.\(from).\(to)`) that some key matches.
    static func isKnown(_ literal: String) -> Bool {
        guard literal.contains("\\(") else { return Localizer.knows(literal) }
        var pattern = ""
        var rest = Substring(literal)
        while let start = rest.range(of: "\\(") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<start.lowerBound])) + "[A-Za-z0-9_-]+"
            var depth = 1
            var index = start.upperBound
            while index < rest.endIndex && depth > 0 {
                if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1 }
                index = rest.index(after: index)
            }
            rest = rest[index...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest))
        guard let regex = try? Regex("^" + pattern + "$") else { return false }
        return englishKeys.contains { $0.wholeMatch(of: regex) != nil }
    }

    @Test func theCheckReadsCallsAsTheCompilerDoes() {
        let code = SwiftSource(
            #"""
            // v.add("x", "a sentence in a comment")
            v.add("field", "validation.required")
            v.add(
                "rounds",
                "must be numbered (found \(list.map { "\($0)" }.joined(separator: ", ")))")
            throw .forbidden("Only administrators may do this.")
            let m = Message("errors.rule.round-transition.\(from.rawValue).\(to.rawValue)", ["a": "b, c"])
            """#)
        var found: [String] = []
        for (pattern, argument) in Self.calls {
            for match in code.stripped.matches(of: pattern) {
                let arguments = code.arguments(openingAt: code.stripped.index(before: match.range.upperBound))
                if arguments.count > argument, let literal = SwiftSource.literal(arguments[argument]) { found.append(literal) }
            }
        }
        #expect(
            found == [
                "validation.required", #"must be numbered (found \(list.map { "\($0)" }.joined(separator: ", ")))"#,
                "Only administrators may do this.",
                #"errors.rule.round-transition.\(from.rawValue).\(to.rawValue)"#,
            ])
        #expect(Self.isKnown("validation.required"))
        #expect(!Self.isKnown("Only administrators may do this."))
        #expect(Self.isKnown(#"errors.rule.round-transition.\(from.rawValue).\(to.rawValue)"#))
        #expect(!Self.isKnown(#"must be numbered (found \(list))"#))
    }

    // MARK: Messages built from values

    /// Messages whose key is built from a code have a key for every code.
    @Test func everyBuiltKeyExists() {
        var keys: [String] = []
        for from in Assessment.Status.allCases {
            for to in Assessment.Status.allCases { keys.append(AssessmentRuleViolation.statusTransition(from: from, to: to).explanation.key) }
        }
        let rounds: [ScoringRound.Status] = [.open, .closed, .revealed]
        for from in rounds {
            for to in rounds { keys.append(AssessmentRuleViolation.roundTransition(from: from, to: to).explanation.key) }
        }
        for role in Role.allCases where role.isForOneState { keys.append(AccountAdministration.stateNeeded(role).key) }
        for activity in AssessmentActivity.allCases {
            keys += ["two-roles", "one-accountable", "nobody-responsible"].map { "validation.raci.\($0).\(activity.rawValue)" }
        }
        for stem in ["validation.import.unknown-field", "validation.import.unknown-dimension"] { keys += [stem + ".suggest", stem + ".list"] }
        for stem in ["wrong-type", "missing-value", "missing-key"] { keys += ["validation.import.\(stem)", "validation.import.\(stem)-document"] }
        let missing = keys.filter { !Localizer.knows($0) }
        #expect(missing.isEmpty, "\(missing)")
    }

    /// The English of a message is what it always was, word for word; each other language has its own words.
    @Test func aProblemReadsInEachLanguage() throws {
        var failure: ValidationFailure?
        do { try RaciMatrix.check([RaciAssignment(activity: .scoring, agencyID: "a", role: .responsible)], agencies: ["a"]) } catch {
            failure = error
        }
        let issue = try #require(failure?.issues.first)
        #expect(issue.message == "Score scenarios needs exactly one accountable agency (it has 0)")
        for language in Language.allCases where language != .english {
            let text = issue.text(Localizer(language))
            #expect(text != issue.message, "\(language): \(text)")
            #expect(text.contains("0"), "\(language): \(text)")
        }
        let refusal = AssessmentRuleViolation.roundNotOpen(round: 3).explanation
        #expect(refusal.english == "Round 3 is not open for scoring any more.")
        #expect(Localizer(.french)(refusal).contains("3") && Localizer(.french)(refusal) != refusal.english)
        let counted = FieldIssue(field: "file", Message("validation.import.more-problems", count: 22))
        #expect(counted.message == "and 22 more problems")
        #expect(counted.text(Localizer(.russian)).contains("22"))
        #expect(FieldIssue(field: "file", Message("validation.import.more-problems", count: 1)).message == "and 1 more problem")
    }

    /// A problem carried to another field (the import's paths, the API's body names) keeps its key and values.
    @Test func aProblemKeepsItsKeyWhenCarriedOn() {
        let issue = FieldIssue(field: "title", "validation.at-most-characters", ["max": "200"])
        let carried = FieldIssue(field: "scenarios[0].title", issue.problem)
        #expect(carried.key == "validation.at-most-characters" && carried.values == ["max": "200"])
        #expect(carried.message == "must be at most 200 characters")
        #expect(FieldIssue(field: "x", message: "as written").text(Localizer(.arabic)) == "as written")
    }
}

/// The package's Swift sources, found from this file's place in it (`Tests/CTTechCoreTests/`).
enum SourceFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func swift(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder)
        let found = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        return found.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }.sorted()
    }

    static func text(of path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }
}

/// Just enough of Swift's lexical rules to read call arguments: comments are blanked (so a call in a comment is not
/// seen), string literals, with their interpolations, are stepped over whole.
struct SwiftSource {
    /// The source with every comment replaced by spaces (line breaks kept).
    let stripped: String
    private let characters: [Character]
    private let offsets: [String.Index: Int]

    init(_ source: String) {
        var out: [Character] = []
        let chars = Array(source)
        var i = 0
        while i < chars.count {
            if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "/" {
                while i < chars.count && chars[i] != "\n" {
                    out.append(" ")
                    i += 1
                }
            } else if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                var depth = 0
                repeat {
                    if chars[i] == "/" && i + 1 < chars.count && chars[i + 1] == "*" {
                        depth += 1
                        out += [" ", " "]
                        i += 2
                    } else if chars[i] == "*" && i + 1 < chars.count && chars[i + 1] == "/" {
                        depth -= 1
                        out += [" ", " "]
                        i += 2
                    } else {
                        out.append(chars[i] == "\n" ? "\n" : " ")
                        i += 1
                    }
                } while depth > 0 && i < chars.count
            } else if chars[i] == "\"" || (chars[i] == "#" && Self.rawStringStarts(chars, i)) {
                let end = Self.endOfString(chars, i)
                out += chars[i..<end]
                i = end
            } else {
                out.append(chars[i])
                i += 1
            }
        }
        stripped = String(out)
        characters = out
        var offsets: [String.Index: Int] = [:]
        var offset = 0
        for index in stripped.indices {
            offsets[index] = offset
            offset += 1
        }
        self.offsets = offsets
    }

    /// The line number (from 1) of a position.
    func line(of index: String.Index) -> Int {
        let offset = offsets[index] ?? 0
        return characters[..<offset].filter { $0 == "\n" }.count + 1
    }

    /// The arguments of the call whose `(` is at `index`, as written, split at the top-level commas.
    func arguments(openingAt index: String.Index) -> [String] {
        guard let start = offsets[index], characters[start] == "(" else { return [] }
        var arguments: [String] = []
        var current: [Character] = []
        var depth = 0
        var i = start + 1
        while i < characters.count {
            let c = characters[i]
            if c == "\"" || (c == "#" && Self.rawStringStarts(characters, i)) {
                let end = Self.endOfString(characters, i)
                current += characters[i..<end]
                i = end
                continue
            }
            if c == "(" || c == "[" || c == "{" { depth += 1 }
            if c == ")" || c == "]" || c == "}" {
                if depth == 0 { break }
                depth -= 1
            }
            if c == "," && depth == 0 {
                arguments.append(String(current))
                current = []
            } else {
                current.append(c)
            }
            i += 1
        }
        arguments.append(String(current))
        return arguments.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// The text of an argument that is one plain string literal (a label such as `message:` allowed), else nil.
    static func literal(_ argument: String) -> String? {
        var text = Substring(argument)
        if let colon = text.firstIndex(of: ":"), text[..<colon].allSatisfy({ $0.isLetter }), !text[..<colon].isEmpty {
            text = text[text.index(after: colon)...].drop { $0 == " " }
        }
        let chars = Array(text)
        guard chars.first == "\"", !(chars.count >= 3 && chars[1] == "\"" && chars[2] == "\""),
            endOfString(chars, 0) == chars.count, chars.count >= 2
        else { return nil }
        return String(chars[1..<(chars.count - 1)])
    }

    static func rawStringStarts(_ chars: [Character], _ i: Int) -> Bool {
        var j = i
        while j < chars.count && chars[j] == "#" { j += 1 }
        return j < chars.count && chars[j] == "\"" && (i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber))
    }

    /// The index just after the string literal starting at `i` (`"…"`, `"""…"""`, `#"…"#`), interpolations included.
    static func endOfString(_ chars: [Character], _ start: Int) -> Int {
        var i = start
        var hashes = 0
        while i < chars.count && chars[i] == "#" {
            hashes += 1
            i += 1
        }
        let closing = String(repeating: "#", count: hashes)
        let multiline = i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
        i += multiline ? 3 : 1
        while i < chars.count {
            let c = chars[i]
            if c == "\\" && String(chars[(i + 1)..<min(chars.count, i + 1 + hashes)]) == closing {
                let after = i + 1 + hashes
                if after < chars.count && chars[after] == "(" {
                    // an interpolation: code up to its closing parenthesis, strings inside it included
                    var depth = 1
                    var j = after + 1
                    while j < chars.count && depth > 0 {
                        if chars[j] == "\"" {
                            j = endOfString(chars, j)
                            continue
                        }
                        if chars[j] == "(" { depth += 1 } else if chars[j] == ")" { depth -= 1 }
                        j += 1
                    }
                    i = j
                } else {
                    i = after + 1
                }
                continue
            }
            if multiline {
                if c == "\"" && i + 2 < chars.count && chars[i + 1] == "\"" && chars[i + 2] == "\""
                    && String(chars[(i + 3)..<min(chars.count, i + 3 + hashes)]) == closing
                {
                    return i + 3 + hashes
                }
            } else if c == "\"" && String(chars[(i + 1)..<min(chars.count, i + 1 + hashes)]) == closing {
                return i + 1 + hashes
            } else if c == "\n" {
                return i
            }
            i += 1
        }
        return chars.count
    }
}
