/// One entry of a reference list: a stable code, a name, and what it covers.
public struct ReferenceItem: Sendable, Codable, Hashable {
    public var code: String
    public var name: String
    public var description: String

    public init(_ code: String, _ name: String, _ description: String = "") {
        self.code = code
        self.name = name
        self.description = description
    }
}
