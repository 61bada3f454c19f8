import CTTechCore
import CTTechWeb
import Hummingbird

/// What the access check handed to the handler: the identity and the scope the route's access asked for.
struct Granted: Sendable {
    let identity: Identity?
    let tenant: TenantScope?
    let admin: AdministratorScope?
    var programme: ProgrammeScope? = nil

    func requireIdentity() throws -> Identity {
        guard let identity else { throw AppError.unauthenticated }
        return identity
    }

    /// The signed-in user as the audit log names them.
    func actor() throws -> AuditActor { try requireIdentity().actor }

    func requireTenant() throws -> TenantScope {
        guard let tenant else { throw AppError.forbidden("errors.access.no-state-scope") }
        return tenant
    }

    func requireProgramme() throws -> ProgrammeScope {
        guard let programme else { throw AppError.forbidden("errors.access.programme-role") }
        return programme
    }

    func requireAdmin() throws -> AdministratorScope {
        guard let admin else { throw AppError.forbidden("errors.access.administrators-only") }
        return admin
    }
}
