/// Which partner states a listing may return for the caller.
public struct StateVisibility: Sendable, Hashable {
    public enum Extent: Sendable, Hashable {
        case all
        case only(Set<String>)
    }

    public let extent: Extent

    init(_ extent: Extent) {
        self.extent = extent
    }

    public func includes(_ stateID: String) -> Bool {
        switch extent {
        case .all: true
        case .only(let ids): ids.contains(stateID)
        }
    }
}
