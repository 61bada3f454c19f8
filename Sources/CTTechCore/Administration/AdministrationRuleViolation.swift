/// Why programme administration refused a change that is well-formed.
public enum AdministrationRuleViolation: RuleViolation, Hashable {
    /// Withdrawing this grant would leave the administrator without administrator rights, and nobody to restore them.
    case lastOwnAdministratorGrant

    public var explanation: Message {
        switch self {
        case .lastOwnAdministratorGrant: "errors.rule.last-own-administrator-grant"
        }
    }
}
