import CTTechCore

extension InMemoryRepositories: ReferenceDataRepository {
    public func method(id: String?) async throws -> MethodVersion? {
        read { state in
            guard let id = id ?? state.currentMethodID else { return nil }
            return state.methods[id]
        }
    }
}
