/// Good practices shared between partner states (issue 13). Who sees one is decided by its marking and scope
/// (``PracticeSharing``), not by grants on the sharing state: a scope reaches the practices of other states that are
/// shared with the scope's state (ADR 0011). Every query takes the viewing state's ``TenantScope``; a practice outside
/// what that state may see is as absent as a missing one.
public protocol PracticeRepository: Sendable {
    /// The practices the scope's state may see, latest shared first (at most ``ProgrammeLimits/practices``): its own
    /// (withdrawn too) and those others share with it.
    func practices(_ scope: TenantScope) async throws -> [SharedPractice]
    /// One practice the scope's state may see (nil otherwise).
    func practice(_ scope: TenantScope, id: String) async throws -> SharedPractice?
    /// Shares a practice of the scope's state.
    func sharePractice(_ practice: SharedPractice, scope: TenantScope, audit: AuditEvent) async throws
    /// Withdraws a practice the scope's state shared (``StoreConflict/missing`` for any other). Returns it withdrawn.
    func withdrawPractice(_ scope: TenantScope, id: String, on day: CalendarDate, audit: AuditEvent) async throws -> SharedPractice
    /// The comments and questions on a practice the scope's state may see, oldest first (at most
    /// ``ProgrammeLimits/comments``).
    func practiceComments(_ scope: TenantScope, practiceID: String) async throws -> [PracticeComment]
    /// Adds a comment from the scope's state to a practice it may see and that is not withdrawn, checked in the write's
    /// transaction (``StoreConflict/missing`` otherwise).
    func addPracticeComment(_ comment: PracticeComment, scope: TenantScope, audit: AuditEvent) async throws
}

/// What a state submits to share a practice, as typed: `kind`, `title`, `body`, `tlp`, `scope` (`states`, `region` or
/// `all`), `region` (for a region) and the chosen states as checkboxes `recipient.<state id>`.
public struct SharedPracticeDraft: Sendable, Hashable {
    public var fields: [String: String]

    public init(fields: [String: String]) {
        self.fields = fields
    }

    /// `partners`: every partner state (the recipients may be any of them but the sharing state).
    public func validated(id: String, sharingState: String, partners: Set<String>, today: CalendarDate) throws(ValidationFailure) -> SharedPractice {
        var v = Validator()
        let kind = SharedPractice.Kind(rawValue: (fields["kind"] ?? "").trimmingWhitespace())
        if kind == nil {
            v.add("kind", "validation.one-of", ["values": SharedPractice.Kind.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        let title = v.text(fields["title"], field: "title", maxLength: 200)
        let body = v.text(fields["body"], field: "body", maxLength: 20_000)
        let tlp = TLP(rawValue: (fields["tlp"] ?? "").trimmingWhitespace())
        if tlp == nil { v.add("tlp", "validation.one-of", ["values": TLP.allCases.map(\.rawValue).joined(separator: ", ")]) }
        var scope: SharedPractice.Scope?
        let chosen = fields.keys.filter { $0.hasPrefix("recipient.") && !(fields[$0] ?? "").isEmpty }.map { String($0.dropFirst(10)) }
        let kindOfScope = (fields["scope"] ?? "").trimmingWhitespace()
        // States ticked under another choice would be silently ignored (and the practice go wider than the ticks say).
        if !chosen.isEmpty, ["region", "all"].contains(kindOfScope) { v.add("scope", "validation.practice-states-ticked") }
        switch kindOfScope {
        case "states":
            if chosen.contains(where: { !partners.contains($0) }) {
                v.add("scope", "validation.practice-unknown-state")
            } else {
                scope = .states(chosen.filter { $0 != sharingState }.sorted())
            }
        case "region":
            if let region = Region(rawValue: (fields["region"] ?? "").trimmingWhitespace()) {
                scope = .region(region)
            } else {
                v.add("region", "validation.one-of", ["values": Region.allCases.map(\.rawValue).joined(separator: ", ")])
            }
        case "all": scope = .allPartners
        default: v.add("scope", "validation.one-of", ["values": "states, region, all"])
        }
        if let scope, let tlp {
            do throws(ValidationFailure) {
                try PracticeSharing.checkScope(scope, tlp: tlp, sharingState: sharingState)
            } catch { for issue in error.issues { v.add(issue.field, issue.key, issue.values) } }
        }
        try v.check()
        guard let kind, let title, let body, let tlp, let scope else { throw ValidationFailure(field: "title", "validation.required") }
        return SharedPractice(id: id, stateID: sharingState, kind: kind, title: title, body: body, tlp: tlp, scope: scope, sharedOn: today)
    }
}

/// Sharing a practice, withdrawing it and discussing it. The sharing state's focal point or policy maker shares and
/// withdraws; anyone of a state that sees the practice may comment or ask.
public struct PracticeExchange: Sendable {
    let practices: any PracticeRepository
    let states: any PartnerStateRepository

    public init(practices: any PracticeRepository, states: any PartnerStateRepository) {
        self.practices = practices
        self.states = states
    }

    /// Every partner state, by name: whom a practice may be shared with. Names and regions of partner states are the
    /// programme's public facts (DOMAIN.md §5); nothing else of another state is read (ADR 0011).
    public func partners() async throws -> [PartnerState] {
        try await states.list(visible: StateVisibility(.all)).sorted { $0.name < $1.name }
    }

    public func share(_ draft: SharedPracticeDraft, today: CalendarDate, by actor: AuditActor, scope: TenantScope) async throws -> SharedPractice {
        let partners = Set(try await partners().map(\.id))
        let practice = try draft.validated(id: Identifier.make(), sharingState: scope.stateID, partners: partners, today: today)
        try await practices.sharePractice(
            practice, scope: scope,
            audit: AuditEvent(
                .practiceShare, by: actor, entity: practice.id, state: scope.stateID,
                ["tlp": practice.tlp.rawValue, "scope": practice.scope.kind, "kind": practice.kind.rawValue]))
        return practice
    }

    /// Withdraws a practice of the scope's state once `confirmed` (the form's tick: the recipients lose it at once); a
    /// practice of another state is refused as missing.
    public func withdraw(
        _ practice: SharedPractice, confirmed: Bool, today: CalendarDate, by actor: AuditActor, scope: TenantScope
    ) async throws -> SharedPractice {
        guard practice.stateID == scope.stateID else { throw StoreConflict.missing }
        if practice.withdrawn { throw ValidationFailure(field: "practice", "validation.practice-withdrawn") }
        if !confirmed { throw ValidationFailure(field: "confirm", "validation.practice-confirm-withdrawal") }
        return try await practices.withdrawPractice(
            scope, id: practice.id, on: today, audit: AuditEvent(.practiceWithdraw, by: actor, entity: practice.id, state: scope.stateID))
    }

    /// A comment or question (`kind`, `body`) from the scope's state on a practice it sees.
    public func comment(
        on practice: SharedPractice, fields: [String: String], today: CalendarDate, by actor: AuditActor, scope: TenantScope
    ) async throws -> PracticeComment {
        var v = Validator()
        let kind = PracticeComment.Kind(rawValue: (fields["kind"] ?? "").trimmingWhitespace())
        if kind == nil { v.add("kind", "validation.one-of", ["values": "comment, question"]) }
        let body = v.text(fields["body"], field: "body", maxLength: 5_000)
        if practice.withdrawn { v.add("body", "validation.practice-withdrawn") }
        try v.check()
        guard let kind, let body else { throw ValidationFailure(field: "body", "validation.required") }
        let comment = PracticeComment(
            id: Identifier.make(), practiceID: practice.id, stateID: scope.stateID, kind: kind, body: body, postedOn: today)
        // The entry names the practice by id only: the commenting state's audit log must not carry its title past a
        // withdrawal.
        try await practices.addPracticeComment(
            comment, scope: scope,
            audit: AuditEvent(.practiceComment, by: actor, entity: practice.id, state: scope.stateID, ["kind": kind.rawValue]))
        return comment
    }
}

extension SharedPractice.Scope {
    /// `states`, `region` or `all`: how the form and the store name the scope's kind.
    public var kind: String {
        switch self {
        case .states: "states"
        case .region: "region"
        case .allPartners: "all"
        }
    }
}
