import CTTechCore
import CTTechStore
import CTTechWeb
import NIOCore

/// The national risk register for the web page, its charts, the downloads, approval and the API alike: computed by
/// ``RegisterComputation`` once per revision of the assessment (bumped in the same transaction as every change to it)
/// and kept in ``RegisterCache``, so a request for an unchanged assessment reads one row.
public struct Registers: Sendable {
    let records: any AssessmentRepository
    let computation: RegisterComputation
    let cache: RegisterCache

    init(records: any AssessmentRepository, computation: RegisterComputation, cache: RegisterCache = RegisterCache(capacity: 64)) {
        self.records = records
        self.computation = computation
        self.cache = cache
    }

    /// The register of the assessment at its current revision, at its latest revealed round or at `round`.
    func build(_ assessment: Assessment, scope: TenantScope, round: Int? = nil) async throws -> BuiltRegister {
        let revision = try await records.revision(scope, assessmentID: assessment.id) ?? 0
        let key = RegisterCache.Key(assessmentID: assessment.id, revision: revision, round: round)
        let computation = computation
        return try await cache.register(key) {
            let document = try await computation.compute(assessment, scope: scope, round: round)
            return try BuiltRegister(key: key, document: document)
        }
    }

    /// The register as if `portfolio` were approved now (the portfolio's "what if"): computed afresh, never cached, with
    /// fewer draws than the register's, off the request's task.
    func whatIf(_ assessment: Assessment, scope: TenantScope, portfolio: [PolicyResponse]) async throws -> RegisterDocument {
        let computation = computation
        return try await Task.detached {
            try await computation.compute(assessment, scope: scope, portfolio: portfolio, draws: Self.whatIfDraws)
        }.value
    }

    /// Draws of a "what if" register: enough for stable ranks of a national register, cheap enough for a request.
    static let whatIfDraws = 2_000

    /// The register page's body for this revision in one language, rendered once and then served from the cache.
    func pageBody(_ built: BuiltRegister, assessment: Assessment, pages: PageRenderer, language: Language) async -> RenderedFragment {
        if let html = await cache.pageBody(built.key, language: language) { return html }
        let html = pages.render(RegisterBody(assessment: assessment, register: built.document, language: language, round: built.key.round))
        await cache.putPageBody(built.key, language: language, html)
        return html
    }

    /// One chart of this revision in one language: English drawn with the register, another language drawn once when
    /// first asked for and then served from the cache.
    func chart(_ kind: RegisterChartKind, of built: BuiltRegister, language: Language) async -> ByteBuffer {
        if language == .english, let svg = built.charts[kind] { return svg }
        if let svg = await cache.chart(built.key, kind, language: language) { return svg }
        let svg = ByteBuffer(string: RegisterChart.draw(kind, built.document, localizer: Localizer(language)))
        await cache.putChart(built.key, kind, language: language, svg)
        return svg
    }

    /// How many register computations have started since the server did (one per revision however many requests miss).
    public func computations() async -> Int { await cache.computations }
}
