/// The versioned reference data of the method.
public protocol ReferenceDataRepository: Sendable {
    /// The method version `id`, or the current one when `id` is nil.
    func method(id: String?) async throws -> MethodVersion?
}

extension ReferenceDataRepository {
    /// The current method version.
    public func method() async throws -> MethodVersion? { try await method(id: nil) }

    /// How many ratings consensus needs under a method version (its setting, or the default when the version is gone).
    public func consensusMinimumRatings(of methodVersion: String) async throws -> Int {
        try await method(id: methodVersion)?.consensusMinimumRatings ?? MethodVersion.defaultConsensusMinimumRatings
    }
}
