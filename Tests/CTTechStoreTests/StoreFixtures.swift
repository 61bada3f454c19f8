import CTTechCore
import CTTechStore

/// Builders for store tests. The states are fictional.
enum Fixture {
    static func state(code: String = "VLD", name: String = "Republic of Valdoria") -> PartnerState {
        PartnerState(id: Identifier.make(), code: code, name: name, region: .other, defaultTLP: .amber, profile: "Fictional.", version: 1)
    }

    static func user(_ email: String, name: String = "Test User") -> UserAccount {
        UserAccount(
            id: Identifier.make(), email: email, displayName: name, passwordHash: "$2b$04$notarealhash", totpSecret: nil, isActive: true,
            failedLogins: 0, lockedUntil: nil, version: 1)
    }

    static func event(_ action: String, entity: String = "x", state: String? = nil, _ details: [String: String] = [:]) -> AuditEvent {
        AuditEvent(actorID: "test", actorLabel: "test", action: action, entityType: "test", entityID: entity, stateID: state, details: details)
    }

    static let admin = SystemAuthority.administrator(actorID: "test")

    static func scope(_ state: PartnerState, _ permission: Permission = .editStateProfile) -> TenantScope {
        SystemAuthority.tenant(state.id, actorID: "test", permission: permission)
    }
}
