import Mustache
import Synchronization

/// A model a template reads by name. Mustache would find each name by reflecting every stored property of the value
/// (`Mirror.children.filter`), for every lookup and at every level of the context stack it climbs; on pages with many
/// properties that was most of the rendering time. Here the position of each property is worked out once per type,
/// and a lookup reflects only the property it asks for.
public protocol TemplateModel: MustacheParent {}

extension TemplateModel {
    public func child(named name: String) -> Any? { TemplateReflection.child(of: self, named: name) }
}

enum TemplateReflection {
    /// Per type: property name → its position among the stored properties.
    private static let positions = Mutex<[ObjectIdentifier: [String: Int]]>([:])

    static func child(of value: Any, named name: String) -> Any? {
        let mirror = Mirror(reflecting: value)
        let type = ObjectIdentifier(Swift.type(of: value))
        let table =
            positions.withLock { $0[type] }
            ?? {
                var table: [String: Int] = [:]
                for (index, child) in mirror.children.enumerated() {
                    if let label = child.label, table[label] == nil { table[label] = index }
                }
                positions.withLock { $0[type] = table }
                return table
            }()
        guard let index = table[name] else { return nil }
        let children = mirror.children
        let child = children[children.index(children.startIndex, offsetBy: index)].value
        // An optional property is its value, or nothing (as Mustache's own lookup has it).
        let inner = Mirror(reflecting: child)
        guard inner.displayStyle == .optional else { return child }
        return inner.children.first?.value
    }
}
