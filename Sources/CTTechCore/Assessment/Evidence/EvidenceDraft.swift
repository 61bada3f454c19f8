/// What an analyst submits for an evidence item.
public struct EvidenceDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    public func validated(id: String, subject: EvidenceSubject) throws(ValidationFailure) -> EvidenceItem {
        let graded = try graded()
        return EvidenceItem(
            id: id, subject: subject, summary: graded.summary, source: graded.source, reliability: graded.reliability,
            credibility: graded.credibility, observedOn: graded.observedOn)
    }

    /// An evidence item's text and grading, checked whole (shared by step 3's evidence and step 7's).
    public struct Graded: Sendable, Hashable {
        public var summary: String
        public var source: String
        public var reliability: SourceReliability
        public var credibility: InformationCredibility
        /// yyyy-mm-dd or empty.
        public var observedOn: String
    }

    /// The fields checked: a summary and a source, reliability A–F, credibility 1–6, an optional observation date.
    public func graded() throws(ValidationFailure) -> Graded {
        var v = Validator()
        let summary = v.text(fields["summary"], field: "summary", maxLength: 2_000)
        let source = v.text(fields["source"], field: "source", maxLength: 500)
        let reliability = SourceReliability(rawValue: (fields["reliability"] ?? "").uppercased())
        if reliability == nil { v.add("reliability", "validation.reliability") }
        let credibility = fields["credibility"].flatMap { Int($0.trimmingWhitespace()) }.flatMap(InformationCredibility.init(rawValue:))
        if credibility == nil { v.add("credibility", "validation.credibility") }
        let observed = (fields["observedOn"] ?? "").trimmingWhitespace()
        if !observed.isEmpty && !Self.isCalendarDate(observed) { v.add("observedOn", "validation.date") }
        try v.check()
        return Graded(
            summary: summary ?? "", source: source ?? "", reliability: reliability ?? .f, credibility: credibility ?? .cannotBeJudged,
            observedOn: observed)
    }

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
