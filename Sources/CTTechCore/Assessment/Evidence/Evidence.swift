/// Reliability of a source, A (completely reliable) to F (cannot be judged): the Admiralty / NATO system.
public enum SourceReliability: String, Sendable, Hashable, Codable, CaseIterable {
    case a = "A", b = "B", c = "C", d = "D", e = "E", f = "F"

    public var label: String {
        switch self {
        case .a: "Completely reliable"
        case .b: "Usually reliable"
        case .c: "Fairly reliable"
        case .d: "Not usually reliable"
        case .e: "Unreliable"
        case .f: "Reliability cannot be judged"
        }
    }
}

/// Credibility of the information, 1 (confirmed by other sources) to 6 (truth cannot be judged).
public enum InformationCredibility: Int, Sendable, Hashable, Codable, CaseIterable {
    case confirmed = 1, probablyTrue, possiblyTrue, doubtful, improbable, cannotBeJudged

    public var label: String {
        switch self {
        case .confirmed: "Confirmed by other sources"
        case .probablyTrue: "Probably true"
        case .possiblyTrue: "Possibly true"
        case .doubtful: "Doubtful"
        case .improbable: "Improbable"
        case .cannotBeJudged: "Truth cannot be judged"
        }
    }
}

/// What a piece of evidence supports: a scenario (step 3) or a technology of the horizon scan (step 2).
public enum EvidenceSubject: Sendable, Hashable, Codable {
    case scenario(String)
    case technology(String)

    public var kind: String {
        switch self {
        case .scenario: "scenario"
        case .technology: "technology"
        }
    }

    public var reference: String {
        switch self {
        case .scenario(let id), .technology(let id): id
        }
    }

    public init?(kind: String, reference: String) {
        switch kind {
        case "scenario": self = .scenario(reference)
        case "technology": self = .technology(reference)
        default: return nil
        }
    }
}

/// An evidence item with its source grading, e.g. "B2".
public struct EvidenceItem: Sendable, Hashable, Codable {
    public var id: String
    public var subject: EvidenceSubject
    public var summary: String
    public var source: String
    public var reliability: SourceReliability
    public var credibility: InformationCredibility
    /// When the information was observed or reported (yyyy-mm-dd), if known.
    public var observedOn: String

    public init(
        id: String, subject: EvidenceSubject, summary: String, source: String, reliability: SourceReliability, credibility: InformationCredibility,
        observedOn: String
    ) {
        self.id = id
        self.subject = subject
        self.summary = summary
        self.source = source
        self.reliability = reliability
        self.credibility = credibility
        self.observedOn = observedOn
    }

    /// The grading as analysts write it: reliability letter then credibility digit ("B2").
    public var grading: String { "\(reliability.rawValue)\(credibility.rawValue)" }
}

/// What an analyst submits for an evidence item.
public struct EvidenceDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String, subject: EvidenceSubject) throws(ValidationFailure) -> EvidenceItem {
        var v = Validator()
        let summary = v.text(fields["summary"], field: "summary", maxLength: 2_000)
        let source = v.text(fields["source"], field: "source", maxLength: 500)
        let reliability = SourceReliability(rawValue: (fields["reliability"] ?? "").uppercased())
        if reliability == nil { v.add("reliability", "must be a source reliability from A to F") }
        let credibility = fields["credibility"].flatMap { Int($0.trimmingWhitespace()) }.flatMap(InformationCredibility.init(rawValue:))
        if credibility == nil { v.add("credibility", "must be an information credibility from 1 to 6") }
        let observed = (fields["observedOn"] ?? "").trimmingWhitespace()
        if !observed.isEmpty && !Self.isCalendarDate(observed) { v.add("observedOn", "must be a date written yyyy-mm-dd") }
        try v.check()
        return EvidenceItem(
            id: id, subject: subject, summary: summary ?? "", source: source ?? "", reliability: reliability ?? .f,
            credibility: credibility ?? .cannotBeJudged, observedOn: observed)
    }

    /// yyyy-mm-dd with a real month and a day that exists in it (leap years counted).
    public static func isCalendarDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), y >= 1900
        else { return false }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return (1...days).contains(d)
    }
}

extension EvidenceDraft {
    /// A draft from typed values (the API's body).
    public init(summary: String, source: String, reliability: String, credibility: Int, observedOn: String?) {
        self.init(fields: [
            "summary": summary, "source": source, "reliability": reliability, "credibility": String(credibility), "observedOn": observedOn ?? "",
        ])
    }
}
