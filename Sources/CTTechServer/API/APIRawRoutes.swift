import CTTechCore
import CTTechStore
import Foundation
import Hummingbird

/// The API operations tagged `assessment-raw` and `live-raw` in openapi.yaml: served by hand because they answer with
/// bytes already encoded (the register is encoded once per revision and served as is, with an ETag), with the bytes of a
/// web download (CSV, the live results document) or read a whole file (import). Access rules, errors (problem+json) and
/// audit are the same as for the generated operations.
struct APIRawRoutes {
    let assessments: AssessmentStores
    let importing: AssessmentImporting
    let registers: Registers
    let roundStatistics: RoundStatisticsLoader
    let live: LiveStore
    let liveExports: LiveExportBuilder
    let states: PartnerStateStore
    let programme: ProgrammeController

    init(_ services: AppServices) {
        programme = ProgrammeController(services)
        assessments = services.assessments
        importing = services.importing
        registers = services.registers
        roundStatistics = RoundStatisticsLoader(services)
        live = services.live
        liveExports = LiveExportBuilder(services)
        states = services.states
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        // The programme's CSV exports (issue 13), as the web serves them.
        router.get("/api/v1/programme/figures.csv") { request, context in
            guard let identity = context.identity else { throw AppError.unauthenticated }
            try ProgrammeController.checkYear(request)
            return try await self.programme.figuresCSV(request, scope: try Authorizer.programme(identity, for: .viewProgrammeAggregates))
        }
        router.get("/api/v1/programme/records.csv") { request, context in
            guard let identity = context.identity else { throw AppError.unauthenticated }
            return try await self.programme.recordsCSV(request, scope: try Authorizer.programme(identity, for: .viewProgramme))
        }
        let base = "/api/v1/states/:stateId/assessments/:assessmentId"
        router.get("\(base)/register") { request, context in
            let (assessment, scope) = try await load(context, .viewAssessment)
            let built = try await self.registers.build(assessment, scope: scope, round: try Self.round(request))
            return Downloads.register(built, format: .json, assessment: assessment, request: request, attachment: false)
        }
        router.get("\(base)/register.csv") { request, context in
            let (assessment, scope) = try await load(context, .viewAssessment)
            let built = try await self.registers.build(assessment, scope: scope, round: try Self.round(request))
            return Downloads.register(built, format: .csv, assessment: assessment, request: request)
        }
        router.get("\(base)/rounds.csv") { _, context in
            let (assessment, scope) = try await load(context, .viewAssessment)
            let (statistics, _) = try await self.roundStatistics.load(assessment, scope: scope)
            let marking = assessment.tlp.rawValue.replacingOccurrences(of: "+", with: "-")
            return Response(
                status: .ok,
                headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"rounds-\(marking).csv\""],
                body: .init(byteBuffer: ByteBuffer(string: statistics.csv(tlp: assessment.tlp.rawValue))))
        }
        let session = "/api/v1/states/:stateId/live-sessions/:sessionId"
        router.get("\(session)/results") { _, context in
            let (found, scope) = try await liveSession(context)
            let document = try await self.liveExports.document(found, scope: scope)
            return Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: .init(byteBuffer: ByteBuffer(bytes: try LiveExportBuilder.json(document))))
        }
        router.get("\(session)/results.csv") { _, context in
            let (found, scope) = try await liveSession(context)
            guard let state = try await self.states.find(scope) else { throw AppError.notFound }
            let document = try await self.liveExports.document(found, scope: scope)
            let name = LiveExportBuilder.fileName(state: state, session: found, extension: "csv")
            return Response(
                status: .ok, headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: .init(byteBuffer: ByteBuffer(string: document.csv())))
        }
        router.post("/api/v1/states/:stateId/assessments/import") { request, context in
            guard let identity = context.identity else { throw AppError.unauthenticated }
            guard let stateID = context.parameters.get("stateId"), Identifier.isValid(stateID) else { throw AppError.notFound }
            let scope = try Authorizer.scope(identity, state: stateID, for: .manageAssessment)
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false else { throw AppError.unsupportedMediaType }
            let body = try await request.body.collect(upTo: AppRequestContext.bodyLimit(path: request.uri.path, identity: identity))
            let assessment = try await self.importing.run(
                Data(body.readableBytesView), by: identity.actor, scope: scope,
                capability: .init(
                    writeSelf: Authorizer.allows(identity, state: stateID, .writeCapability),
                    validate: Authorizer.allows(identity, state: stateID, .validateCapability),
                    plan: Authorizer.allows(identity, state: stateID, .planDevelopment)))
            let round =
                try await self.assessments.scoring.currentRound(scope, assessmentID: assessment.id) ?? ScoringRound(number: 1, status: .open)
            let json = try JSONEncoder().encode(APIHandler.assessment(assessment, round: round))
            return Response(status: .created, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: json)))
        }
        APIUndeclaredMethods.addRoutes(to: router)
        // Last: a router middleware wraps only the routes added after it, and those are the generated operations, which
        // Application+build.swift registers right after these routes.
        router.add(middleware: APIBodyDiagnosis())
    }

    private func load(_ context: AppRequestContext, _ permission: Permission) async throws -> (Assessment, TenantScope) {
        guard let identity = context.identity else { throw AppError.unauthenticated }
        guard let stateID = context.parameters.get("stateId"), let id = context.parameters.get("assessmentId"), Identifier.isValid(stateID),
            Identifier.isValid(id)
        else { throw AppError.notFound }
        let scope = try Authorizer.scope(identity, state: stateID, for: permission)
        guard let assessment = try await self.assessments.records.find(scope, id: id) else { throw AppError.notFound }
        return (assessment, scope)
    }

    /// The live session named in the path, in the state of the caller's viewing scope (404 otherwise).
    private func liveSession(_ context: AppRequestContext) async throws -> (LiveSession, TenantScope) {
        guard let identity = context.identity else { throw AppError.unauthenticated }
        guard let stateID = context.parameters.get("stateId"), let id = context.parameters.get("sessionId"), Identifier.isValid(stateID),
            Identifier.isValid(id)
        else { throw AppError.notFound }
        let scope = try Authorizer.scope(identity, state: stateID, for: .viewLiveSession)
        guard let session = try await self.live.liveSession(scope, id: id) else { throw AppError.notFound }
        return (session, scope)
    }

    /// `?round=N` as the register's page reads it (``RegisterController/round(_:)``), refused as a problem that names the
    /// parameter, like the generated operations' typed query parameters.
    static func round(_ request: Request) throws -> Int? {
        do {
            return try RegisterController.round(request)
        } catch AppError.badRequest(let message) {
            throw ValidationFailure(field: "round", message)
        }
    }
}
