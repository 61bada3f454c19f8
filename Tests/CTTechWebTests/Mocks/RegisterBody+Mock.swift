import CTTechCore

@testable import CTTechWeb

extension RegisterBody {
    /// Round 1 revealed: four scenarios (one titled in Arabic) and three other risks ranked together.
    static var mock: Self { RegisterBody(assessment: Valdoria.assessment, register: Valdoria.roundOneRegister, language: .english) }

    /// No round revealed yet: only the other national risks are ranked.
    static var otherRisksOnly: Self {
        RegisterBody(
            assessment: Valdoria.assessment, register: Valdoria.register(Valdoria.assessment, round: nil, scores: [], otherRisks: Valdoria.otherRisks),
            language: .english)
    }

    /// Nothing to rank yet.
    static var empty: Self {
        RegisterBody(assessment: Valdoria.assessment, register: Valdoria.register(Valdoria.assessment, round: nil, scores: [], otherRisks: []), language: .english)
    }
}
