import Foundation

/// A participant list for one event read from CSV (issue 13): every row checked, every bad one reported by line and
/// column, nothing kept unless the whole file is valid.
///
/// The file is UTF-8 (a byte-order mark is allowed), comma-separated with RFC 4180 quoting, its first line naming the
/// columns (any order, case ignored). Columns: `name` and `state` (a partner state's code) are required; `contact`, `sex`,
/// `age_band`, `agency`, `agency_type`, `role`, `consent_purpose`, `consent_date`, `consent_method`, `retain_until` and
/// `attended` (the days attended: `yyyy-MM-dd` separated by `;`, `all` for every day, empty for none) are optional. A
/// blank sex, age band or agency type is "not declared". Consent and retention default to the officer's form values.
public struct ParticipantImport: Sendable {
    /// One valid row: the pseudonymous person, their name and contact, and the days they attended.
    public struct Row: Sendable, Hashable {
        public let line: Int
        public let person: ProgrammePerson
        public let personal: PersonalData
        public let attended: Set<CalendarDate>

        public init(line: Int, person: ProgrammePerson, personal: PersonalData, attended: Set<CalendarDate>) {
            self.line = line
            self.person = person
            self.personal = personal
            self.attended = attended
        }
    }

    /// Consent and retention for rows that do not give their own.
    public struct Defaults: Sendable, Hashable {
        public var consent: ProgrammePerson.Consent
        public var retainUntil: CalendarDate

        public init(consent: ProgrammePerson.Consent, retainUntil: CalendarDate) {
            self.consent = consent
            self.retainUntil = retainUntil
        }

        /// The officer's values (`consentPurpose`, `consentMethod`, `consentDate`, `retainUntil`), checked with the file's
        /// presence so that every problem is told at once; a problem's field is `0:<name>`, line 0 being the whole file.
        public init(fields: [String: String], fileIsEmpty: Bool) throws {
            var v = Validator()
            let purpose = v.text(fields["consentPurpose"], field: "0:consentPurpose", maxLength: 300)
            let method = v.text(fields["consentMethod"], field: "0:consentMethod", maxLength: 200)
            let given = CalendarDate(fields["consentDate"] ?? "")
            if given == nil { v.add("0:consentDate", "validation.date") }
            let until = CalendarDate(fields["retainUntil"] ?? "")
            if until == nil { v.add("0:retainUntil", "validation.date") }
            if fileIsEmpty { v.add("0:file", "validation.participants.empty") }
            try v.check()
            guard let purpose, let method, let given, let until else { throw ValidationFailure(field: "0:file", "validation.required") }
            self.init(consent: ProgrammePerson.Consent(purpose: purpose, givenOn: given, method: method), retainUntil: until)
        }
    }

    public static let maximumRows = 5_000
    public static let columns = [
        "name", "contact", "sex", "age_band", "state", "agency", "agency_type", "role", "consent_purpose", "consent_date", "consent_method",
        "retain_until", "attended",
    ]
    static let required = ["name", "state"]

    public let rows: [Row]

    /// Reads `bytes` for `event`. `stateCodes`: partner state code (upper case) → id, for every state the programme knows.
    /// Throws every problem found; a problem's field is `"<line>:<column>"` (line 0: the whole file).
    public init(
        bytes: [UInt8], event: ProgrammeEvent, stateCodes: [String: String], defaults: Defaults, makeID: () -> String = Identifier.make
    ) throws(ValidationFailure) {
        var issues = Validator()
        guard let text = Self.decode(bytes, issues: &issues) else { throw ValidationFailure(issues.issues) }
        let records = Self.records(text)
        guard let header = records.first, !header.fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) else {
            throw ValidationFailure(field: "0:file", "validation.participants.empty")
        }
        var index: [String: Int] = [:]
        for (position, raw) in header.fields.enumerated() {
            let name = raw.trimmingWhitespace().lowercased().replacing("-", with: "_").replacing(" ", with: "_")
            if !Self.columns.contains(name) {
                issues.add("1:\(raw)", "validation.participants.unknown-column", ["columns": Self.columns.joined(separator: ", ")])
            } else if index[name] != nil {
                issues.add("1:\(name)", "validation.participants.repeated-column")
            } else {
                index[name] = position
            }
        }
        for name in Self.required where index[name] == nil { issues.add("1:\(name)", "validation.participants.missing-column") }
        try issues.check()
        let body = records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingWhitespace().isEmpty } }
        if body.isEmpty { throw ValidationFailure(field: "0:file", "validation.participants.no-rows") }
        if body.count > Self.maximumRows {
            throw ValidationFailure(field: "0:file", "validation.participants.too-many-rows", ["max": String(Self.maximumRows)])
        }
        let eventStates = Set(event.stateIDs)
        let eventDays = Set(event.days)
        var seen: [String: Int] = [:]
        var rows: [Row] = []
        for record in body {
            let line = record.line
            func value(_ column: String) -> String {
                guard let position = index[column], position < record.fields.count else { return "" }
                return record.fields[position].trimmingWhitespace()
            }
            func field(_ column: String) -> String { "\(line):\(column)" }
            let before = issues.issues.count
            if record.fields.count > header.fields.count {
                issues.add(field("file"), "validation.participants.extra-cells", ["count": String(header.fields.count)])
            }
            let name = issues.text(value("name"), field: field("name"), maxLength: 200)
            let contact = issues.text(value("contact"), field: field("contact"), required: false, maxLength: 200) ?? ""
            let agency = issues.text(value("agency"), field: field("agency"), required: false, maxLength: 200) ?? ""
            let role = issues.text(value("role"), field: field("role"), required: false, maxLength: 200) ?? ""
            func declared(_ column: String, _ attribute: LiveAttribute) -> String? {
                let raw = value(column).lowercased()
                if raw.isEmpty { return nil }
                if !attribute.values.contains(raw) {
                    issues.add(
                        field(column), "validation.participants.not-one-of",
                        ["value": value(column), "values": attribute.values.joined(separator: ", ")])
                }
                return raw
            }
            let sex = declared("sex", .sex)
            let ageBand = declared("age_band", .ageBand)
            let agencyType = declared("agency_type", .agencyType)
            var stateID: String?
            let code = value("state").uppercased()
            if code.isEmpty {
                issues.add(field("state"), "validation.required")
            } else if let id = stateCodes[code] {
                if eventStates.contains(id) {
                    stateID = id
                } else {
                    issues.add(field("state"), "validation.participants.state-not-in-event", ["code": code])
                }
            } else {
                issues.add(field("state"), "validation.participants.unknown-state", ["code": value("state")])
            }
            func date(_ column: String) -> CalendarDate? {
                let raw = value(column)
                if raw.isEmpty { return nil }
                guard let date = CalendarDate(raw) else {
                    issues.add(field(column), "validation.participants.invalid-date", ["value": raw])
                    return nil
                }
                return date
            }
            let consentDate = date("consent_date")
            let retainUntil = date("retain_until")
            if let consentDate, let retainUntil, retainUntil < consentDate {
                issues.add(field("retain_until"), "validation.participants.retention-before-consent")
            }
            let purpose = issues.text(value("consent_purpose"), field: field("consent_purpose"), required: false, maxLength: 300)
            let method = issues.text(value("consent_method"), field: field("consent_method"), required: false, maxLength: 200)
            var attended = Set<CalendarDate>()
            let days = value("attended")
            if days.lowercased() == "all" {
                attended = eventDays
            } else if !days.isEmpty {
                for part in days.split(separator: ";").map({ String($0).trimmingWhitespace() }) where !part.isEmpty {
                    guard let day = CalendarDate(part) else {
                        issues.add(field("attended"), "validation.participants.invalid-date", ["value": part])
                        continue
                    }
                    if eventDays.contains(day) {
                        attended.insert(day)
                    } else {
                        issues.add(
                            field("attended"), "validation.participants.day-outside-event",
                            ["value": part, "start": event.start.description, "end": event.end.description])
                    }
                }
            }
            if let name, let stateID {
                let key = ParticipantImport.matchKey(name: name, contact: contact, stateID: stateID)
                if let first = seen[key] {
                    issues.add(field("name"), "validation.participants.duplicate-row", ["line": String(first)])
                } else {
                    seen[key] = line
                }
            }
            guard issues.issues.count == before, let name, let stateID else { continue }
            let id = makeID()
            let person = ProgrammePerson(
                id: id,
                consent: ProgrammePerson.Consent(
                    purpose: purpose ?? defaults.consent.purpose, givenOn: consentDate ?? defaults.consent.givenOn,
                    method: method ?? defaults.consent.method),
                retainUntil: retainUntil ?? defaults.retainUntil, sex: sex, ageBand: ageBand, stateID: stateID, agency: agency,
                agencyType: agencyType, role: role)
            rows.append(Row(line: line, person: person, personal: PersonalData(personID: id, name: name, contact: contact), attended: attended))
        }
        try issues.check()
        self.rows = rows
    }

    /// What makes two rows (or two registry persons) the same person for duplicate detection: the name with case, accents
    /// of spacing and punctuation ignored, the contact likewise, and the state.
    public static func matchKey(name: String, contact: String, stateID: String) -> String {
        normalised(name) + "|" + normalised(contact) + "|" + stateID
    }

    /// Lower case without accents, letters and digits only, single spaces.
    public static func normalised(_ text: String) -> String {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased().unicodeScalars.map {
            $0.properties.isAlphabetic || $0.properties.numericType != nil ? Character($0) : " "
        }
        return String(folded).split(separator: " ").joined(separator: " ")
    }

    // MARK: Reading the file

    /// The text of the file, or nil with the line of the first byte that is not UTF-8.
    static func decode(_ bytes: [UInt8], issues: inout Validator) -> String? {
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if let text = String(validating: content, as: UTF8.self) { return text }
        var line = 1
        var start = content.startIndex
        for position in content.indices where content[position] == 0x0A {
            if String(validating: content[start..<position], as: UTF8.self) == nil { break }
            line += 1
            start = position + 1
        }
        issues.add("\(line):file", "validation.participants.not-utf8", ["line": String(line)])
        return nil
    }

    struct Record {
        let line: Int
        var fields: [String]
    }

    /// RFC 4180 records: fields separated by commas, quoted fields may hold commas, quotes (doubled) and line breaks.
    /// `line` is where the record starts (1-based).
    static func records(_ text: String) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var start = 1
        var iterator = Array(text.unicodeScalars).makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        while let c = next() {
            if quoted {
                if c == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r": continue
            case "\n":
                fields.append(field)
                records.append(Record(line: start, fields: fields))
                fields = []
                field = ""
                line += 1
                start = line
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: start, fields: fields))
        }
        return records
    }
}
