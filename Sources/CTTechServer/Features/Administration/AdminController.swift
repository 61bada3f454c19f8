import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Administrators: partner states, accounts, role grants and the whole audit log.
struct AdminController {
    let services: AppServices

    func addRoutes(to routes: RouteTable) {
        routes.get("/admin/states", .administrator) { request, context, granted in
            let states = try await services.states.list(visible: Authorizer.visibleStates(try granted.requireIdentity()))
            let layout = context.layout("Partner states", tlp: .amber, path: request.uri.path)
            return .html(services.pages.render(AdminStatesPage.make(layout: layout, states: states)))
        }
        routes.get("/admin/states/new", .administrator) { request, context, _ in
            stateForm(context, request, draft: PartnerStateDraft(code: nil, name: nil, region: nil, defaultTLP: "AMBER", profile: nil), status: .ok)
        }
        routes.post("/admin/states", .administrator) { request, context, granted in
            let draft = StateController.draft(from: context.form)
            do {
                let state = try await services.stateAdministration.create(draft, by: try granted.actor(), scope: try granted.requireAdmin())
                return .seeOther(SiteURL.state(state.id))
            } catch let failure as ValidationFailure {
                return stateForm(context, request, draft: draft, failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate(let field) {
                return stateForm(context, request, draft: draft, failure: ValidationFailure(field: field, "is already taken"), status: .badRequest)
            }
        }

        routes.get("/admin/users", .administrator) { request, context, granted in
            let scope = try granted.requireAdmin()
            let users = try await services.accounts.list(scope)
            let grants = try await services.accounts.grants(scope, userIDs: users.map(\.id))
            let states = try await services.states.list(visible: Authorizer.visibleStates(try granted.requireIdentity()))
            let layout = context.layout("Accounts", tlp: .amberStrict, path: request.uri.path)
            return .html(
                services.pages.render(AdminUsersPage.make(layout: layout, users: users, grants: grants, states: states, now: epochMilliseconds())))
        }
        routes.get("/admin/users/new", .administrator) { request, context, _ in
            try await userForm(context, request, user: nil, draft: UserDraft(email: nil, displayName: nil), status: .ok)
        }
        routes.post("/admin/users", .administrator) { request, context, granted in
            let draft = UserDraft(email: context.form["email"], displayName: context.form["displayName"])
            let role = context.form["role"]?.nilIfEmpty
            let stateID = context.form["stateID"]?.nilIfEmpty
            do {
                let user = try await services.accountAdministration.create(
                    draft, password: context.form["password"] ?? "", role: role, stateID: stateID, by: try granted.actor(),
                    scope: try granted.requireAdmin())
                return .seeOther(SiteURL.adminUser(user.id))
            } catch let failure as ValidationFailure {
                return try await userForm(
                    context, request, user: nil, draft: draft, role: role, stateID: stateID, failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate(let field) {
                return try await userForm(
                    context, request, user: nil, draft: draft, role: role, stateID: stateID,
                    failure: ValidationFailure(field: field, "is already taken"),
                    status: .badRequest)
            }
        }
        routes.get("/admin/users/{userID}", .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            return try await userForm(
                context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive), status: .ok
            )
        }
        routes.post("/admin/users/{userID}", .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            let draft = UserDraft(email: context.form["email"], displayName: context.form["displayName"], isActive: context.form["isActive"] == "on")
            guard let version = context.form["version"].flatMap(Int.init) else { throw AppError.badRequest("The form has no valid version.") }
            do {
                try await services.accountAdministration.update(
                    user.id, draft: draft, expectedVersion: version, by: try granted.actor(), scope: try granted.requireAdmin())
                return .seeOther(SiteURL.adminUser(user.id))
            } catch let failure as ValidationFailure {
                return try await userForm(context, request, user: user, draft: draft, failure: failure, status: .badRequest)
            } catch StoreConflict.staleVersion(let current) {
                var shown = user
                shown.version = current
                let message = "Someone changed this account while you were editing it. Your entries are kept below; save again to replace theirs."
                return try await userForm(context, request, user: shown, draft: draft, conflict: message, status: .conflict)
            } catch StoreConflict.duplicate(let field) {
                return try await userForm(
                    context, request, user: user, draft: draft, failure: ValidationFailure(field: field, "is already taken"), status: .badRequest)
            }
        }
        routes.post("/admin/users/{userID}/grants", .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            do {
                _ = try await services.accountAdministration.grant(
                    userID: user.id, role: context.form["role"], stateID: context.form["stateID"]?.nilIfEmpty, by: try granted.actor(),
                    scope: try granted.requireAdmin())
            } catch let failure as ValidationFailure {
                return try await userForm(
                    context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive),
                    failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate {
                return try await userForm(
                    context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive),
                    failure: ValidationFailure(field: "role", "is already granted for that scope"), status: .badRequest)
            }
            return .seeOther(SiteURL.adminUser(user.id))
        }
        routes.post("/admin/users/{userID}/grants/{grantID}/delete", .administrator) { _, context, granted in
            let user = try await loadUser(context, granted)
            guard let grantID = context.parameters.get("grantID"), Identifier.isValid(grantID) else { throw AppError.notFound }
            try await services.accountAdministration.withdraw(
                grantID: grantID, userID: user.id, by: try granted.actor(), scope: try granted.requireAdmin())
            return .seeOther(SiteURL.adminUser(user.id))
        }
        routes.post("/admin/users/{userID}/password", .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            let password = context.form["password"] ?? ""
            do throws(ValidationFailure) {
                try PasswordPolicy.check(password)
            } catch {
                return try await userForm(
                    context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive),
                    failure: error, status: .badRequest)
            }
            let identity = try granted.requireIdentity()
            try await services.accounts.setPassword(
                userID: user.id, hash: try await services.passwords.hash(password), keepingSession: nil,
                audit: AuditEvent(.userPasswordReset, by: identity.actor, entity: user.id, state: nil))
            return .seeOther(SiteURL.adminUser(user.id))
        }

        routes.get("/audit", .administrator) { request, context, granted in
            let page = PageRequest(limit: 50, before: try request.queryInt64("before"))
            let entries = try await services.audit.list(try granted.requireAdmin(), page: page)
            let layout = context.layout("Audit log", tlp: .amberStrict, path: request.uri.path)
            return .html(
                services.pages.render(
                    AuditLogPage.make(layout: layout, heading: "Audit log", entries: entries, basePath: "/audit", pageSize: page.limit)))
        }
    }

    private func loadUser(_ context: AppRequestContext, _ granted: Granted) async throws -> UserAccount {
        guard let id = context.parameters.get("userID"), Identifier.isValid(id),
            let user = try await services.accounts.find(try granted.requireAdmin(), id: id)
        else { throw AppError.notFound }
        return user
    }

    private func stateForm(
        _ context: AppRequestContext, _ request: Request, draft: PartnerStateDraft, failure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) -> Response {
        let page = StateFormPage.make(
            layout: context.layout("New partner state", tlp: .amber, path: request.uri.path), heading: "New partner state",
            action: SiteURL.adminStates,
            cancelHref: SiteURL.adminStates, csrf: context.csrfToken ?? "", version: nil, draft: draft, failure: failure)
        return .html(services.pages.render(page), status: status)
    }

    private func userForm(
        _ context: AppRequestContext, _ request: Request, user: UserAccount?, draft: UserDraft, role: String? = nil, stateID: String? = nil,
        failure: ValidationFailure? = nil, conflict: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let states = try await services.states.list(visible: Authorizer.visibleStates(try context.requireIdentity()))
        var grants: [RoleGrant] = []
        if let user { grants = try await services.accounts.grants(userID: user.id) }
        let page = UserFormPage.make(
            layout: context.layout(user == nil ? "New account" : "Account", tlp: .amberStrict, path: request.uri.path), csrf: context.csrfToken ?? "",
            user: user, draft: draft, grants: grants, states: states, selectedRole: role, selectedState: stateID, failure: failure, conflict: conflict
        )
        return .html(services.pages.render(page), status: status)
    }
}
