/// A refusal by the rules of the method or of the programme, not by the shape of the input: a closed round, an
/// approved assessment, a last administrator grant. Every module's violations conform, so the server maps them to
/// 409 with ``explanation`` in one place, without knowing the module.
public protocol RuleViolation: Error, Sendable {
    /// What the person is told, in plain words: a catalog message (`errors.rule.*`), so each reader has it in their
    /// language.
    var explanation: Message { get }
}
