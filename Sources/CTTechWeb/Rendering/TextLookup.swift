import CTTechCore
import Mustache

/// The catalog as templates read it: `{{t.login.title}}` is the text of the key `login.title` in the page's language
/// (ADR 0007). Each name after `t.` extends the key until it names a message. A key no catalog knows renders as the key
/// itself, and ``TemplateTextTests`` fails on it.
struct TextLookup: MustacheParent, CustomStringConvertible, Sendable {
    let localizer: Localizer
    let prefix: String

    func child(named name: String) -> Any? {
        let key = prefix.isEmpty ? name : prefix + "." + name
        return Localizer.knows(key) ? localizer(key) : TextLookup(localizer: localizer, prefix: key)
    }

    var description: String { prefix }
}

/// What a template renders against: the page (or fragment) itself, plus `t`, its catalog.
struct TemplateContext: MustacheParent {
    let model: Any
    let t: TextLookup

    func child(named name: String) -> Any? {
        if name == "t" { return t }
        guard let child = Mirror(reflecting: model).children.first(where: { $0.label == name }) else { return nil }
        let value = Mirror(reflecting: child.value)
        if value.displayStyle == .optional { return value.children.first?.value }
        return child.value
    }
}
