import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Administrators: partner states, accounts, role grants and the whole audit log.
struct AdminController {
    let accountAdministration: AccountAdministration
    let accounts: AccountStore
    let audit: AuditLogStore
    let pages: PageRenderer
    let stateAdministration: StateAdministration
    let states: PartnerStateStore

    init(_ services: AppServices) {
        accountAdministration = services.accountAdministration
        accounts = services.accounts
        audit = services.audit
        pages = services.pages
        stateAdministration = services.stateAdministration
        states = services.states
    }

    func addRoutes(to routes: RouteTable) {
        routes.get(.adminStates, .administrator) { request, context, granted in
            let states = try await self.states.list(visible: Authorizer.visibleStates(try granted.requireIdentity()))
            let layout = context.layout(context.localizer("admin.states.title"), tlp: .amber, path: request.uri.path)
            return .html(self.pages.render(AdminStatesPage.make(layout: layout, states: states)))
        }
        routes.get(.adminStateNew, .administrator) { request, context, _ in
            stateForm(context, request, draft: PartnerStateDraft(code: nil, name: nil, region: nil, defaultTLP: "AMBER", profile: nil), status: .ok)
        }
        routes.post(.adminStates, .administrator) { request, context, granted in
            let draft = StateController.draft(from: context.form)
            do {
                let state = try await self.stateAdministration.create(draft, by: try granted.actor(), scope: try granted.requireAdmin())
                return .seeOther(SiteURL.state(state.id).path, notice: .stateSaved)
            } catch let failure as ValidationFailure {
                return stateForm(context, request, draft: draft, failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate(let field) {
                return stateForm(context, request, draft: draft, failure: ValidationFailure(field: field, "validation.taken"), status: .badRequest)
            }
        }

        routes.get(.adminUsers, .administrator) { request, context, granted in
            let scope = try granted.requireAdmin()
            let users = try await self.accounts.list(scope)
            let grants = try await self.accounts.grants(scope, userIDs: users.map(\.id))
            let states = try await self.states.list(visible: Authorizer.visibleStates(try granted.requireIdentity()))
            let layout = context.layout(context.localizer("admin.users.title"), tlp: .amberStrict, path: request.uri.path)
            return .html(
                self.pages.render(AdminUsersPage.make(layout: layout, users: users, grants: grants, states: states, now: epochMilliseconds())))
        }
        routes.get(.adminUserNew, .administrator) { request, context, _ in
            try await userForm(context, request, user: nil, draft: UserDraft(email: nil, displayName: nil), status: .ok)
        }
        routes.post(.adminUsers, .administrator) { request, context, granted in
            let draft = UserDraft(email: context.form["email"], displayName: context.form["displayName"])
            let role = context.form["role"]?.nilIfEmpty
            let stateID = context.form["stateID"]?.nilIfEmpty
            do {
                let user = try await self.accountAdministration.create(
                    draft, password: context.form["password"] ?? "", role: role, stateID: stateID, by: try granted.actor(),
                    scope: try granted.requireAdmin())
                return .seeOther(SiteURL.adminUser(user.id).path, notice: .accountSaved)
            } catch let failure as ValidationFailure {
                return try await userForm(
                    context, request, user: nil, draft: draft, role: role, stateID: stateID, failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate(let field) {
                return try await userForm(
                    context, request, user: nil, draft: draft, role: role, stateID: stateID,
                    failure: ValidationFailure(field: field, "validation.taken"),
                    status: .badRequest)
            }
        }
        routes.get(.adminUser(.parameter), .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            return try await userForm(
                context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive), status: .ok
            )
        }
        routes.post(.adminUser(.parameter), .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            let draft = UserDraft(email: context.form["email"], displayName: context.form["displayName"], isActive: context.form["isActive"] == "on")
            guard let version = context.form["version"].flatMap(Int.init) else { throw AppError.badRequest("state.form.no-version") }
            do {
                try await self.accountAdministration.update(
                    user.id, draft: draft, expectedVersion: version, by: try granted.actor(), scope: try granted.requireAdmin())
                return .seeOther(SiteURL.adminUser(user.id).path, notice: .accountSaved)
            } catch let failure as ValidationFailure {
                return try await userForm(context, request, user: user, draft: draft, failure: failure, status: .badRequest)
            } catch StoreConflict.staleVersion(let current) {
                var shown = user
                shown.version = current
                return try await userForm(
                    context, request, user: shown, draft: draft, conflict: context.localizer("admin.user.conflict"), status: .conflict)
            } catch StoreConflict.duplicate(let field) {
                return try await userForm(
                    context, request, user: user, draft: draft, failure: ValidationFailure(field: field, "validation.taken"), status: .badRequest)
            }
        }
        routes.post(.adminUserGrants(.parameter), .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            do {
                _ = try await self.accountAdministration.grant(
                    userID: user.id, role: context.form["role"], stateID: context.form["stateID"]?.nilIfEmpty, by: try granted.actor(),
                    scope: try granted.requireAdmin())
            } catch let failure as ValidationFailure {
                return try await userForm(
                    context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive),
                    failure: failure, status: .badRequest)
            } catch StoreConflict.duplicate {
                return try await userForm(
                    context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive),
                    failure: ValidationFailure(field: "role", "admin.grant.duplicate"), status: .badRequest)
            }
            return .seeOther(SiteURL.adminUser(user.id).path, notice: .accountSaved)
        }
        routes.post(.adminUserGrantRemove(.parameter, grant: .parameter), .administrator) { _, context, granted in
            let user = try await loadUser(context, granted)
            guard let grantID = context.parameters.get("grantID"), Identifier.isValid(grantID) else { throw AppError.notFound }
            try await self.accountAdministration.withdraw(
                grantID: grantID, userID: user.id, by: try granted.actor(), scope: try granted.requireAdmin())
            return .seeOther(SiteURL.adminUser(user.id).path, notice: .accountSaved)
        }
        routes.post(.adminUserPassword(.parameter), .administrator) { request, context, granted in
            let user = try await loadUser(context, granted)
            do {
                try await accountAdministration.resetPassword(
                    user.id, to: context.form["password"] ?? "", by: try granted.actor(), scope: try granted.requireAdmin())
            } catch let failure as ValidationFailure {
                return try await userForm(
                    context, request, user: user, draft: UserDraft(email: user.email, displayName: user.displayName, isActive: user.isActive),
                    failure: failure, status: .badRequest)
            }
            return .seeOther(SiteURL.adminUser(user.id).path, notice: .accountSaved)
        }

        routes.get(.audit, .administrator) { request, context, granted in
            let page = PageRequest(limit: 50, before: try request.queryInt64("before"))
            let identity = try granted.requireIdentity()
            let entries = try await self.audit.list(try granted.requireAdmin(), page: page).map { AuditDisclosure.shown($0, to: identity) }
            let layout = context.layout(context.localizer("audit.title"), tlp: .amberStrict, path: request.uri.path)
            return .html(
                self.pages.render(
                    AuditLogPage.make(
                        layout: layout, stateName: nil, entries: entries, basePath: SiteURL.audit.path, pageSize: page.limit, viewer: identity))
            )
        }
    }

    private func loadUser(_ context: AppRequestContext, _ granted: Granted) async throws -> UserAccount {
        guard let id = context.parameters.get("userID"), Identifier.isValid(id),
            let user = try await self.accounts.find(try granted.requireAdmin(), id: id)
        else { throw AppError.notFound }
        return user
    }

    private func stateForm(
        _ context: AppRequestContext, _ request: Request, draft: PartnerStateDraft, failure: ValidationFailure? = nil, status: HTTPResponse.Status
    ) -> Response {
        let page = StateFormPage.make(
            layout: context.layout(context.localizer("state.form.new-title"), tlp: .amber, path: request.uri.path), stateName: nil,
            action: SiteURL.adminStates.path,
            cancelHref: SiteURL.adminStates.path, csrf: context.csrfToken ?? "", version: nil, draft: draft, failure: failure)
        return .html(self.pages.render(page), status: status)
    }

    private func userForm(
        _ context: AppRequestContext, _ request: Request, user: UserAccount?, draft: UserDraft, role: String? = nil, stateID: String? = nil,
        failure: ValidationFailure? = nil, conflict: String? = nil, status: HTTPResponse.Status
    ) async throws -> Response {
        let states = try await self.states.list(visible: Authorizer.visibleStates(try context.requireIdentity()))
        var grants: [RoleGrant] = []
        if let user { grants = try await self.accounts.grants(userID: user.id) }
        let page = UserFormPage.make(
            layout: context.layout(
                context.localizer(user == nil ? "admin.user.new-title" : "admin.user.title"), tlp: .amberStrict, path: request.uri.path),
            csrf: context.csrfToken ?? "",
            user: user, draft: draft, grants: grants, states: states, selectedRole: role, selectedState: stateID, failure: failure, conflict: conflict
        )
        return .html(self.pages.render(page), status: status)
    }
}
