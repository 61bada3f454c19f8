import CTTechCore
import NIOConcurrencyHelpers
import SQLKit

/// The versioned method and its reference lists.
public struct ReferenceDataStore: ReferenceDataRepository {
    let persistence: Persistence
    /// Method versions read so far, by id. A stored version never changes (a new method is a new version), so it is read
    /// from the database once per process; which version is current is still asked of the database each time.
    let cache = NIOLockedValueBox<[String: MethodVersion]>([:])

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct VersionRow: Codable {
        var id: String
        var title: String
        var note: String
        var isCurrent: Bool
        var createdAt: Int64
        var consensusMinimumRatings: Int
        /// Absent only while the migrations before M0010 run.
        var evidenceMaxAgeDays: Int?
    }
    struct ItemRow: Codable {
        var methodVersion: String
        var kind: String
        var code: String
        var position: Int
        var name: String
        var description: String
        /// Whether the check is mandatory (M0010); nil while the migrations before it run, and then not written.
        var mandatory: Bool?
    }

    struct TranslationRow: Codable {
        var methodVersion: String
        var kind: String
        var code: String
        var language: String
        var name: String
        var description: String
    }

    /// Stores a method version and its lists. `settings: false` leaves out what arrived after the first schema (the
    /// settings columns of M0008 and M0010, the translations of M0009, the mandatory mark of M0010), for the migration
    /// that seeds the default method before they exist.
    static func insert(_ method: MethodVersion, current: Bool, settings: Bool = true, on sql: any SQLDatabase) async throws {
        var columns = ["id", "title", "note", "is_current", "created_at"]
        var values: [any Encodable & Sendable] = [method.id, method.title, method.note, current, epochMilliseconds()]
        if settings {
            columns += ["consensus_minimum_ratings", "evidence_max_age_days"]
            values += [method.consensusMinimumRatings, method.evidenceMaxAgeDays]
        }
        try await sql.insert(into: "method_versions").columns(columns).values(values.map { SQLBind($0) }).run()
        var rows: [ItemRow] = []
        for kind in ReferenceKind.allCases {
            let checks = kind == .humanRightsChecks || kind == .genderChecks
            for (index, item) in method.items(kind).enumerated() {
                rows.append(
                    ItemRow(
                        methodVersion: method.id, kind: kind.rawValue, code: item.code, position: index, name: item.name,
                        description: item.description, mandatory: settings ? checks && method.isMandatory(item.code) : nil))
            }
        }
        try await sql.insert(into: "reference_items").models(rows, keyEncodingStrategy: .convertToSnakeCase).run()
        if settings { try await insertTranslations(of: method, on: sql) }
    }

    /// Stores the translations of a method version's items (issue 9).
    static func insertTranslations(of method: MethodVersion, on sql: any SQLDatabase) async throws {
        var rows: [TranslationRow] = []
        for kind in ReferenceKind.allCases {
            for item in method.items(kind) {
                for (language, text) in item.translations.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    rows.append(
                        TranslationRow(
                            methodVersion: method.id, kind: kind.rawValue, code: item.code, language: language.rawValue, name: text.name,
                            description: text.description))
                }
            }
        }
        for chunk in stride(from: 0, to: rows.count, by: 200) {
            let part = Array(rows[chunk..<min(chunk + 200, rows.count)])
            try await sql.insert(into: "reference_item_translations").models(part, keyEncodingStrategy: .convertToSnakeCase).run()
        }
    }

    /// The ids and titles of every stored method version, the current one marked.
    public func versions() async throws -> [(id: String, title: String, isCurrent: Bool)] {
        try await persistence.sql.select().column("*").from("method_versions").orderBy("created_at")
            .all(decoding: VersionRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { ($0.id, $0.title, $0.isCurrent) }
    }

    /// One whole method version (the current one when `id` is nil), or nil if there is none.
    public func method(id: String?) async throws -> MethodVersion? {
        let sql = persistence.sql
        var select = sql.select().column("*").from("method_versions")
        select = id.map { select.where("id", .equal, SQLBind($0)) } ?? select.where("is_current", .equal, SQLBind(true))
        guard let version = try await select.first(decoding: VersionRow.self, keyDecodingStrategy: .convertFromSnakeCase) else { return nil }
        if let cached = cache.withLockedValue({ $0[version.id] }) { return cached }
        let items = try await sql.select().column("*").from("reference_items").where("method_version", .equal, SQLBind(version.id))
            .orderBy("kind").orderBy("position").all(decoding: ItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let translations = try await sql.select().column("*").from("reference_item_translations")
            .where("method_version", .equal, SQLBind(version.id))
            .all(decoding: TranslationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        var texts: [String: [Language: ReferenceText]] = [:]
        for row in translations {
            guard let language = Language(rawValue: row.language) else { continue }
            texts[row.kind + "/" + row.code, default: [:]][language] = ReferenceText(name: row.name, description: row.description)
        }
        var lists: [ReferenceKind: [ReferenceItem]] = [:]
        var mandatory = Set<String>()
        for item in items {
            if item.mandatory == true, item.kind == ReferenceKind.humanRightsChecks.rawValue || item.kind == ReferenceKind.genderChecks.rawValue {
                mandatory.insert(item.code)
            }
            guard let kind = ReferenceKind(rawValue: item.kind) else { continue }
            lists[kind, default: []].append(
                ReferenceItem(item.code, item.name, item.description, translations: texts[item.kind + "/" + item.code] ?? [:]))
        }
        let method = MethodVersion(
            id: version.id, title: version.title, note: version.note, lists: lists, consensusMinimumRatings: version.consensusMinimumRatings,
            mandatoryChecks: mandatory, evidenceMaxAgeDays: version.evidenceMaxAgeDays ?? MethodVersion.defaultEvidenceMaxAgeDays)
        cache.withLockedValue { $0[method.id] = method }
        return method
    }
}
