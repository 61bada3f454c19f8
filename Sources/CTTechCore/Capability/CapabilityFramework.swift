import Foundation

/// A versioned capability framework (step 7, DOMAIN.md §3): functional areas × enablers, five maturity stages, each stage of
/// each enabler defined by observable criteria — generic ones that hold for every area, and area-specific ones where an
/// area needs them. It also says which technologies and purposes each area counters (threat relevance) and the dimensions
/// of readiness to adopt a new technology. Administrators publish new versions; an assessment keeps the version it used.
public struct CapabilityFramework: Sendable, Codable, Hashable {
    public var id: String
    public var title: String
    public var note: String
    public var areas: [ReferenceItem]
    public var enablers: [ReferenceItem]
    public var stages: [ReferenceItem]
    /// Per area: the technologies and purposes it counters. An empty list stands for all of them.
    public var scope: [String: AreaScope]
    /// The dimensions a readiness profile rates (legal basis, skills, budget, infrastructure, data, safeguards, oversight).
    public var readiness: [ReferenceItem]
    public var criteria: [Criterion]
    /// The checks an adoption of a new technology must pass, besides the method's mandatory ones.
    public var adoptionChecks: [String]

    /// The stages of a maturity scale: 1 Start-up … 5 Dynamic.
    public static let stageRange = 1...5

    /// The checks the issue makes mandatory for adoptions: privacy (H06), oversight (H09), vendor due diligence (H12) and
    /// an impact assessment before deployment (H13).
    public static let defaultAdoptionChecks = ["H06", "H09", "H12", "H13"]

    public struct AreaScope: Sendable, Codable, Hashable {
        public var technologies: [String]
        public var purposes: [String]

        public init(technologies: [String] = [], purposes: [String] = []) {
            self.technologies = technologies
            self.purposes = purposes
        }

        /// Whether a scenario about `technologies` for `purposes` is one this area counters: it shares a technology or a
        /// purpose with the area (an empty list of the area matches every scenario).
        public func counters(technologies scenarioTechnologies: [String], purposes scenarioPurposes: [String]) -> Bool {
            if self.technologies.isEmpty && self.purposes.isEmpty { return true }
            return self.technologies.contains(where: scenarioTechnologies.contains) || self.purposes.contains(where: scenarioPurposes.contains)
        }
    }

    /// One observable criterion of a stage of an enabler, for every area (`area` nil) or for one.
    public struct Criterion: Sendable, Codable, Hashable {
        public var code: String
        public var area: String?
        public var enabler: String
        public var stage: Int
        public var text: String
        /// The text in the framework's other languages.
        public var translations: [String: String]

        public init(code: String, area: String? = nil, enabler: String, stage: Int, text: String, translations: [String: String] = [:]) {
            self.code = code
            self.area = area
            self.enabler = enabler
            self.stage = stage
            self.text = text
            self.translations = translations
        }

        enum CodingKeys: String, CodingKey { case code, area, enabler, stage, text, translations }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                code: try c.decode(String.self, forKey: .code), area: try c.decodeIfPresent(String.self, forKey: .area),
                enabler: try c.decode(String.self, forKey: .enabler), stage: try c.decode(Int.self, forKey: .stage),
                text: try c.decode(String.self, forKey: .text),
                translations: try c.decodeIfPresent([String: String].self, forKey: .translations) ?? [:])
        }

        /// The text a reader of `language` sees.
        public func text(in language: Language) -> String {
            translations[language.rawValue].flatMap { $0.isEmpty ? nil : $0 } ?? text
        }
    }

    public init(
        id: String, title: String, note: String, areas: [ReferenceItem], enablers: [ReferenceItem], stages: [ReferenceItem],
        scope: [String: AreaScope], readiness: [ReferenceItem], criteria: [Criterion], adoptionChecks: [String] = Self.defaultAdoptionChecks
    ) {
        self.id = id
        self.title = title
        self.note = note
        self.areas = areas
        self.enablers = enablers
        self.stages = stages
        self.scope = scope
        self.readiness = readiness
        self.criteria = criteria
        self.adoptionChecks = adoptionChecks
    }

    enum CodingKeys: String, CodingKey { case id, title, note, areas, enablers, stages, scope, readiness, criteria, adoptionChecks }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(String.self, forKey: .id), title: try c.decode(String.self, forKey: .title),
            note: try c.decodeIfPresent(String.self, forKey: .note) ?? "", areas: try c.decodeIfPresent([ReferenceItem].self, forKey: .areas) ?? [],
            enablers: try c.decodeIfPresent([ReferenceItem].self, forKey: .enablers) ?? [],
            stages: try c.decodeIfPresent([ReferenceItem].self, forKey: .stages) ?? [],
            scope: try c.decodeIfPresent([String: AreaScope].self, forKey: .scope) ?? [:],
            readiness: try c.decodeIfPresent([ReferenceItem].self, forKey: .readiness) ?? [],
            criteria: try c.decode([Criterion].self, forKey: .criteria),
            adoptionChecks: try c.decodeIfPresent([String].self, forKey: .adoptionChecks) ?? Self.defaultAdoptionChecks)
    }

    /// The criteria that define `stage` of `enabler` in `area`: the generic ones, then the area's own, in framework order.
    public func criteria(area: String, enabler: String, stage: Int) -> [Criterion] {
        criteria.filter { $0.enabler == enabler && $0.stage == stage && ($0.area == nil || $0.area == area) }
    }

    /// Every criterion that applies to `area`, by enabler then stage.
    public func criteria(area: String) -> [Criterion] {
        criteria.filter { $0.area == nil || $0.area == area }
    }

    /// The criterion `code`, if the framework has it.
    public func criterion(_ code: String) -> Criterion? { criterionIndex[code] }

    private var criterionIndex: [String: Criterion] {
        Dictionary(criteria.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func area(_ code: String) -> ReferenceItem? { areas.first { $0.code == code } }
    public func enabler(_ code: String) -> ReferenceItem? { enablers.first { $0.code == code } }

    /// The area's scope (all technologies and purposes when the framework does not say).
    public func scope(of area: String) -> AreaScope { scope[area] ?? AreaScope() }

    /// Problems that make a framework unusable: empty lists, duplicate codes, a criterion of an unknown area or enabler or
    /// outside stages 1–5, a stage of an enabler with no criterion at all, a scope for an unknown area.
    public func problems() -> [String] {
        var found: [String] = []
        if id.trimmingWhitespace().isEmpty { found.append("the framework has no id") }
        if title.trimmingWhitespace().isEmpty { found.append("the framework has no title") }
        for (name, list) in [("areas", areas), ("enablers", enablers), ("stages", stages), ("readiness", readiness)] {
            if list.isEmpty { found.append("\(name) is empty") }
            var seen = Set<String>()
            for item in list {
                if item.code.trimmingWhitespace().isEmpty || item.name.trimmingWhitespace().isEmpty {
                    found.append("\(name) has an item without code or name")
                }
                if !seen.insert(item.code).inserted { found.append("\(name) repeats code \(item.code)") }
            }
        }
        if stages.map(\.code) != Self.stageRange.map(String.init) { found.append("stages must be 1 to 5 in order") }
        let areaCodes = Set(areas.map(\.code))
        let enablerCodes = Set(enablers.map(\.code))
        var seen = Set<String>()
        for criterion in criteria {
            if !seen.insert(criterion.code).inserted { found.append("criteria repeat code \(criterion.code)") }
            if criterion.text.trimmingWhitespace().isEmpty { found.append("criterion \(criterion.code) has no text") }
            if !enablerCodes.contains(criterion.enabler) { found.append("criterion \(criterion.code) names unknown enabler \(criterion.enabler)") }
            if let area = criterion.area, !areaCodes.contains(area) { found.append("criterion \(criterion.code) names unknown area \(area)") }
            if !Self.stageRange.contains(criterion.stage) { found.append("criterion \(criterion.code) has stage \(criterion.stage), not 1–5") }
        }
        for enabler in enablers.map(\.code) {
            for stage in Self.stageRange where !criteria.contains(where: { $0.enabler == enabler && $0.stage == stage && $0.area == nil }) {
                found.append("enabler \(enabler) has no generic criterion for stage \(stage)")
            }
        }
        for area in scope.keys.sorted() where !areaCodes.contains(area) { found.append("scope names unknown area \(area)") }
        return found
    }
}

extension CapabilityFramework {
    public static let defaultID = "ctt-capability-2024.1"

    /// Translations shipped beside the default framework, one file per language in
    /// `Frameworks/ctt-capability-2024.1.<language>.json`: `criteria` (code → text) and `readiness` (code → name and
    /// description). A language without its file reads English.
    static func shippedTranslations() -> [String: Translations] {
        var result: [String: Translations] = [:]
        for language in Language.allCases where language != .english {
            guard let url = Bundle.module.url(forResource: defaultID + "." + language.rawValue, withExtension: "json", subdirectory: "Frameworks"),
                let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode(Translations.self, from: data)
            else { continue }
            result[language.rawValue] = decoded
        }
        return result
    }

    /// One language's texts of a framework.
    public struct Translations: Sendable, Codable, Hashable {
        public var criteria: [String: String]
        public var readiness: [String: ReferenceText]
    }

    /// The framework with the criteria's and readiness dimensions' translations taken from `translations` (language code →
    /// texts).
    public func translated(_ translations: [String: Translations]) -> CapabilityFramework {
        var framework = self
        for (language, texts) in translations {
            guard let lang = Language(rawValue: language) else { continue }
            for index in framework.criteria.indices {
                if let text = texts.criteria[framework.criteria[index].code] { framework.criteria[index].translations[language] = text }
            }
            for index in framework.readiness.indices {
                if let text = texts.readiness[framework.readiness[index].code] { framework.readiness[index].translations[lang] = text }
            }
        }
        return framework
    }

    /// The framework shipped with the product: areas, enablers and stages from the default method's lists (with their
    /// translations), criteria, scope and readiness dimensions from `Frameworks/ctt-capability-2024.1.json`.
    public static let ctTechDefault: CapabilityFramework = {
        guard let url = Bundle.module.url(forResource: defaultID, withExtension: "json", subdirectory: "Frameworks"),
            let data = try? Data(contentsOf: url),
            var framework = try? JSONDecoder().decode(CapabilityFramework.self, from: data)
        else { preconditionFailure("the default capability framework is missing from the bundle") }
        framework = framework.translated(shippedTranslations())
        let method = MethodVersion.ctTechDefault
        if framework.areas.isEmpty { framework.areas = method.items(.capabilityAreas) }
        if framework.enablers.isEmpty { framework.enablers = method.items(.enablers) }
        if framework.stages.isEmpty { framework.stages = method.items(.maturityStages) }
        return framework
    }()
}
