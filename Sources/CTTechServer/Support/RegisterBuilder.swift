import CTTechCore
import CTTechStore
import CTTechWeb
import NIOCore

/// Builds the national risk register for the web page, its charts, the downloads and the API alike.
struct RegisterBuilder {
    let store: AssessmentStore
    let cache: RegisterCache?
    static let draws = 5_000
    static let seed: UInt64 = 2024

    init(services: AppServices) {
        store = services.assessments
        cache = services.registerCache
    }

    /// Without a cache (the command line).
    init(store: AssessmentStore) {
        self.store = store
        cache = nil
    }

    /// The register of the latest revealed round; an open round is never aggregated, so no one infers peers' scores.
    /// Computed once per revision of the assessment (bumped in the same transaction as every change to it) and kept in
    /// ``RegisterCache``: a request for an unchanged assessment reads one row.
    func build(_ assessment: Assessment, scope: TenantScope) async throws -> BuiltRegister {
        let revision = try await store.revision(scope, assessmentID: assessment.id) ?? 0
        let key = RegisterCache.Key(assessmentID: assessment.id, revision: revision)
        if let cached = await cache?.get(key) { return cached }
        let document = try await compute(assessment, scope: scope)
        let built = BuiltRegister(
            key: key, document: document, json: ByteBuffer(bytes: try document.json()), etag: "\"\(assessment.id)-\(revision)\"")
        await cache?.put(key, built)
        return built
    }

    /// The register page's body for this revision, rendered once and then served from the cache.
    func pageBody(_ built: BuiltRegister, assessment: Assessment, pages: PageRenderer) async -> RenderedRegisterBody {
        if let html = await cache?.pageBody(built.key) { return html }
        let html = pages.render(RegisterBody(assessment: assessment, register: built.document))
        await cache?.putPageBody(built.key, html)
        return html
    }

    /// Scenarios enter with their latest revealed round; other national risks enter whatever the rounds.
    private func compute(_ assessment: Assessment, scope: TenantScope) async throws -> RegisterDocument {
        let otherRisks = try await store.otherRisks(scope, assessmentID: assessment.id)
        let current = try await store.currentRound(scope, assessmentID: assessment.id)
        let revealed = current.map { $0.status == .revealed ? $0.number : $0.number - 1 } ?? 0
        let basis = revealed >= 1 ? revealed : nil
        var scenarios: [ThreatScenario] = []
        var scores: [ScenarioScore] = []
        if let basis {
            scenarios = try await store.scenarios(scope, assessmentID: assessment.id)
            scores = try await store.scoresForRegister(scope, assessmentID: assessment.id, round: basis)
        }
        let register = RiskRegister.compute(
            scenarios: scenarios, scores: scores, round: basis ?? 0, otherRisks: otherRisks, draws: Self.draws, seed: Self.seed)
        return RegisterDocument(assessment: assessment, register: register, basisRound: basis, draws: Self.draws, seed: Self.seed)
    }
}
