/// Why a write was refused by the store without changing anything.
public enum StoreConflict: Error, Sendable, Hashable {
    /// Somebody saved the record since it was read; carries the version now stored.
    case staleVersion(current: Int)
    /// A unique field (named) already holds this value.
    case duplicate(field: String)
    /// The record to change does not exist (any more).
    case missing
}
