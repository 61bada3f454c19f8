import CTTechCore

extension InMemoryRepositories: PracticeRepository {
    /// The practices the scope's state sees, by the Core rule itself (the SQL store must agree with it).
    func visiblePractices(_ state: InMemoryStorage, _ scope: TenantScope) -> [SharedPractice] {
        guard let viewer = state.states[scope.stateID] else { return [] }
        return state.practices.values.filter { PracticeSharing.isVisible($0, to: viewer) }.sorted { ($0.sharedOn, $1.id) > ($1.sharedOn, $0.id) }
    }

    public func practices(_ scope: TenantScope) async throws -> [SharedPractice] {
        read { state in Array(visiblePractices(state, scope).prefix(ProgrammeLimits.practices)) }
    }

    public func practice(_ scope: TenantScope, id: String) async throws -> SharedPractice? {
        read { state in visiblePractices(state, scope).first { $0.id == id } }
    }

    public func sharePractice(_ practice: SharedPractice, scope: TenantScope, audit: AuditEvent) async throws {
        guard practice.stateID == scope.stateID else { throw StoreConflict.missing }
        try transaction { state in
            state.practices[practice.id] = practice
            state.audit.append(audit)
        }
    }

    public func withdrawPractice(_ scope: TenantScope, id: String, on day: CalendarDate, audit: AuditEvent) async throws -> SharedPractice {
        try transaction { state in
            guard var practice = state.practices[id], practice.stateID == scope.stateID, !practice.withdrawn else { throw StoreConflict.missing }
            practice.withdrawnOn = day
            state.practices[id] = practice
            state.audit.append(audit)
            return practice
        }
    }

    public func practiceComments(_ scope: TenantScope, practiceID: String) async throws -> [PracticeComment] {
        read { state in
            guard visiblePractices(state, scope).contains(where: { $0.id == practiceID }) else { return [] }
            return Array(
                state.practiceComments.filter { $0.practiceID == practiceID }.sorted { $0.postedOn < $1.postedOn }.prefix(ProgrammeLimits.comments))
        }
    }

    public func addPracticeComment(_ comment: PracticeComment, scope: TenantScope, audit: AuditEvent) async throws {
        guard comment.stateID == scope.stateID else { throw StoreConflict.missing }
        try transaction { state in
            guard visiblePractices(state, scope).contains(where: { $0.id == comment.practiceID && !$0.withdrawn }) else {
                throw StoreConflict.missing
            }
            state.practiceComments.append(comment)
            state.audit.append(audit)
        }
    }
}
