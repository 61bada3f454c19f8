import CTTechCore
import CTTechStore
import CTTechWeb
import Hummingbird

/// Step 6: a response's indicators and the actual values recorded against them.
struct MeasurementController {
    let lookup: PolicyLookup
    let measurement: EffectMeasurement
    let detail: ResponseDetail

    init(_ services: AppServices) {
        lookup = PolicyLookup(services)
        measurement = services.effectMeasurement
        detail = ResponseDetail(services)
    }

    func addRoutes(to routes: RouteTable) {
        routes.post(.responseIndicators(.parameter, response: .parameter), .state(.writeResponse)) { request, context, granted in
            let scope = try granted.requireTenant()
            let response = try await lookup.response(context, scope)
            do {
                let indicator = try await measurement.addIndicator(
                    IndicatorDraft(fields: context.form.fields), to: response, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.response(scope.stateID, response: response.id).path + "#indicator-" + indicator.id, notice: .indicatorAdded)
            } catch let failure as ValidationFailure {
                return try await detail.page(request, context, granted, refused: .indicator(context.form.fields, failure), status: .badRequest)
            }
        }
        routes.post(.indicatorActuals(.parameter, response: .parameter, indicator: .parameter), .state(.writeResponse)) { request, context, granted in
            let scope = try granted.requireTenant()
            let response = try await lookup.response(context, scope)
            guard let indicatorID = context.parameters.get("indicatorID"), Identifier.isValid(indicatorID) else { throw AppError.notFound }
            do {
                _ = try await measurement.recordActual(
                    ActualDraft(fields: context.form.fields), indicatorID: indicatorID, of: response, by: try granted.actor(), scope: scope)
                return .seeOther(SiteURL.response(scope.stateID, response: response.id).path + "#indicator-" + indicatorID, notice: .actualRecorded)
            } catch let failure as ValidationFailure {
                return try await detail.page(
                    request, context, granted, refused: .actual(indicatorID: indicatorID, context.form.fields, failure), status: .badRequest)
            }
        }
    }
}
