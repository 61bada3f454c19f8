/// What a reviewer submits for one review (human rights or gender), as typed: `check.<code>.status` and
/// `check.<code>.reasoning` per check, `genderMarker` (0–3) with the gender marker check, and `version`, the response
/// version the reviewer read. A check left without status and reasoning is not answered this time.
public struct ReviewDraft: Sendable, Hashable {
    public var fields: [String: String]

    /// The check whose answer carries the UN Gender Equality Marker.
    public static let genderMarkerCheck = "G08"

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// The answers, checked whole: each answered check has a known status and reasoning; the gender marker is 0–3 and
    /// given with G08; at least one check is answered; the version is a number.
    public func validated(kind: ReviewKind, method: MethodVersion) throws(ValidationFailure) -> (version: Int, answers: [Answer]) {
        var v = Validator()
        let version = Int((fields["version"] ?? "").trimmingWhitespace())
        if version == nil { v.add("version", "validation.policy.version") }
        var answers: [Answer] = []
        let codes = method.items(kind.checks).map(\.code)
        let known = Set(codes)
        // One problem however many fields name an unknown check.
        if fields.keys.contains(where: { key in
            let parts = key.split(separator: ".")
            return key.hasPrefix("check.") && (parts.count != 3 || !known.contains(String(parts[1])))
        }) {
            v.add("checks", "validation.policy.check-unknown")
        }
        for code in codes {
            let statusText = (fields["check.\(code).status"] ?? "").trimmingWhitespace()
            let reasoningText = fields["check.\(code).reasoning"] ?? ""
            if statusText.isEmpty && reasoningText.trimmingWhitespace().isEmpty { continue }
            let status = CheckStatus(rawValue: statusText)
            if status == nil { v.add("check.\(code).status", "validation.policy.check-status") }
            let reasoning = v.text(reasoningText, field: "check.\(code).reasoning", maxLength: 2000)
            var marker: Int?
            if kind == .gender && code == Self.genderMarkerCheck && status != nil && status != .notApplicable {
                marker = Int((fields["genderMarker"] ?? "").trimmingWhitespace())
                if marker == nil || !(0...3).contains(marker ?? -1) {
                    v.add("genderMarker", "validation.policy.gender-marker")
                    marker = nil
                }
            }
            if let status, let reasoning { answers.append(Answer(code: code, status: status, reasoning: reasoning, genderMarker: marker)) }
        }
        if kind == .gender, !(fields["genderMarker"] ?? "").trimmingWhitespace().isEmpty,
            (fields["check.\(Self.genderMarkerCheck).status"] ?? "").trimmingWhitespace().isEmpty
        {
            v.add("genderMarker", "validation.policy.gender-marker-without-check")
        }
        if answers.isEmpty && v.issues.isEmpty { v.add("checks", "validation.policy.no-answer") }
        try v.check()
        return (version ?? 0, answers)
    }

    /// One answered check.
    public struct Answer: Sendable, Hashable {
        public var code: String
        public var status: CheckStatus
        public var reasoning: String
        public var genderMarker: Int?
    }
}

extension ReviewDraft {
    /// A draft from typed answers (the API's body): code → (status, reasoning), the marker and the version read.
    public init(version: Int, answers: [(code: String, status: String, reasoning: String)], genderMarker: Int?) {
        var fields = ["version": String(version)]
        for answer in answers {
            fields["check.\(answer.code).status"] = answer.status
            fields["check.\(answer.code).reasoning"] = answer.reasoning
        }
        if let genderMarker { fields["genderMarker"] = String(genderMarker) }
        self.init(fields: fields)
    }
}

/// A focal point's override of blocking checks, as typed: the justification and the version read.
public struct OverrideDraft: Sendable, Hashable {
    public var fields: [String: String]

    /// The fewest words a justification may have: at least a sentence.
    public static let minimumWords = 6
    public static let minimumCharacters = 30

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// At least a sentence: six words and thirty characters, or fifteen characters in a script written without spaces
    /// between words (Chinese, Japanese).
    public static func isSentence(_ text: String) -> Bool {
        let ideographs = text.unicodeScalars.filter { $0.properties.isIdeographic }.count
        if ideographs >= 10 { return text.count >= 15 }
        let words = text.split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).count
        return text.count >= minimumCharacters && words >= minimumWords
    }

    public func validated() throws(ValidationFailure) -> (version: Int, justification: String) {
        var v = Validator()
        let version = Int((fields["version"] ?? "").trimmingWhitespace())
        if version == nil { v.add("version", "validation.policy.version") }
        let text = v.text(fields["justification"], field: "justification", maxLength: 4000)
        if let text, !Self.isSentence(text) {
            v.add("justification", "validation.policy.justification", ["words": String(Self.minimumWords)])
        }
        try v.check()
        return (version ?? 0, text ?? "")
    }
}
