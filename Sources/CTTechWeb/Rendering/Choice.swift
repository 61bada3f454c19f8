import CTTechCore
import Foundation
import Mustache

/// An option of a `<select>`.
public struct Choice: Sendable, TemplateModel {
    let value: String
    let label: String
    let selected: Bool

    public init(value: String, label: String, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
