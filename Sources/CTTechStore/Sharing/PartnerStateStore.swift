import CTTechCore
import SQLKit

/// SQL implementation of ``PartnerStateRepository``.
public struct PartnerStateStore: PartnerStateRepository {
    let persistence: Persistence

    public init(_ persistence: Persistence) {
        self.persistence = persistence
    }

    struct Row: Codable {
        var id: String
        var code: String
        var name: String
        var region: String
        var defaultTlp: String
        var profile: String
        var version: Int
        var createdAt: Int64
        var updatedAt: Int64

        init(_ s: PartnerState, at: Int64) {
            id = s.id
            code = s.code
            name = s.name
            region = s.region.rawValue
            defaultTlp = s.defaultTLP.rawValue
            profile = s.profile
            version = s.version
            createdAt = at
            updatedAt = at
        }

        var state: PartnerState {
            PartnerState(
                id: id, code: code, name: name, region: Region(rawValue: region) ?? .other, defaultTLP: TLP(rawValue: defaultTlp) ?? .amber,
                profile: profile, version: version)
        }
    }

    public func list(visible: StateVisibility) async throws -> [PartnerState] {
        var select = persistence.sql.select().column("*").from("partner_states")
        if case .only(let ids) = visible.extent {
            if ids.isEmpty { return [] }
            select = select.where("id", .in, SQLBind.group(Array(ids)))
        }
        return try await select.orderBy("name").limit(1000).all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.state)
    }

    public func find(_ scope: TenantScope) async throws -> PartnerState? {
        try await persistence.sql.select().column("*").from("partner_states").where("id", .equal, SQLBind(scope.stateID))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.state
    }

    /// Finds a state by its code, for the command line and for links that name states by code.
    public func find(code: String, visible: StateVisibility) async throws -> PartnerState? {
        let state = try await persistence.sql.select().column("*").from("partner_states").where("code", .equal, SQLBind(code.uppercased()))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.state
        guard let state, visible.includes(state.id) else { return nil }
        return state
    }

    public func create(_ state: PartnerState, by scope: AdministratorScope, audit: AuditEvent) async throws {
        let kind = persistence.kind
        try await persistence.write { tx in
            let taken = try await tx.select().column("id").from("partner_states").where("code", .equal, SQLBind(state.code)).first()
            if taken != nil { throw StoreConflict.duplicate(field: "code") }
            try await tx.insert(into: "partner_states").model(Row(state, at: epochMilliseconds()), keyEncodingStrategy: .convertToSnakeCase).run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
        }
    }

    public func update(_ state: PartnerState, expectedVersion: Int, scope: TenantScope, audit: AuditEvent) async throws -> PartnerState {
        precondition(state.id == scope.stateID, "a scope for one state cannot change another")
        let kind = persistence.kind
        return try await persistence.write { tx in
            let current = try await tx.select().column("*").from("partner_states").where("id", .equal, SQLBind(state.id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            guard let current else { throw StoreConflict.missing }
            guard current.version == expectedVersion else { throw StoreConflict.staleVersion(current: current.version) }
            if current.code != state.code {
                let taken = try await tx.select().column("id").from("partner_states").where("code", .equal, SQLBind(state.code)).first()
                if taken != nil { throw StoreConflict.duplicate(field: "code") }
            }
            var saved = state
            saved.version = expectedVersion + 1
            try await tx.update("partner_states")
                .set("code", to: SQLBind(saved.code)).set("name", to: SQLBind(saved.name)).set("region", to: SQLBind(saved.region.rawValue))
                .set("default_tlp", to: SQLBind(saved.defaultTLP.rawValue)).set("profile", to: SQLBind(saved.profile))
                .set("version", to: SQLBind(saved.version)).set("updated_at", to: SQLBind(epochMilliseconds()))
                .where("id", .equal, SQLBind(saved.id)).where("version", .equal, SQLBind(expectedVersion))
                .run()
            try await AuditLogStore.append(audit, on: tx, kind: kind)
            return saved
        }
    }
}
