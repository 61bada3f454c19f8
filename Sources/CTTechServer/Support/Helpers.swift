import CTTechCore
import CTTechWeb
import Hummingbird

extension AppRequestContext {
    /// The layout every page of a signed-in user shares.
    func layout(_ title: String, tlp: TLP, path: String, flash: String? = nil, state: PartnerState? = nil) -> LayoutModel {
        LayoutModel(
            title: title, tlp: tlp, identity: identity, csrf: csrfToken, path: path, flash: flash ?? notice.map { localizer($0.key) },
            stateName: state?.name ?? "", stateSteps: state.map { MethodSteps.available(for: $0, identity: identity, localizer) } ?? [],
            language: language)
    }
}

/// The eight steps of the national method, listed in a state's navigation only once they work in this installation.
enum MethodSteps {
    static func available(for state: PartnerState, identity: Identity?, _ t: Localizer) -> [(String, String)] {
        var steps = [(t("nav.state-overview"), SiteURL.state(state.id).path)]
        if let identity, Authorizer.allows(identity, state: state.id, .viewAssessment) {
            steps.append((t("nav.threat-assessment"), SiteURL.assessments(state.id).path))
        }
        if let identity, Authorizer.allows(identity, state: state.id, .viewResponses) {
            steps.append((t("nav.policy-responses"), SiteURL.responses(state.id).path))
        }
        if let identity, Authorizer.allows(identity, state: state.id, .viewCapability) {
            steps.append((t("nav.capability"), SiteURL.capability(state.id).path))
            steps.append((t("nav.roadmap"), SiteURL.roadmap(state.id).path))
        }
        if let identity, Authorizer.allows(identity, state: state.id, .viewLiveSession) {
            steps.append((t("nav.live"), SiteURL.liveSessions(state.id).path))
        }
        if let identity, Authorizer.allows(identity, state: state.id, .viewPractices) {
            steps.append((t("nav.practices"), SiteURL.practices(state.id).path))
        }
        return steps
    }
}

extension Request {
    /// An integer query parameter, or nil when absent; a malformed one is a 400.
    func queryInt64(_ name: String) throws -> Int64? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = Int64(text) else { throw AppError.badRequest(Message("error.detail.query-whole-number", ["name": name])) }
        return value
    }
}

extension Request {
    /// The path with its query (`/capability/new?kind=validated`): where the language switcher comes back to, so a form
    /// opened for one purpose opens for it again in the new language.
    var pathAndQuery: String {
        guard let query = uri.query, !query.isEmpty else { return uri.path }
        return uri.path + "?" + query
    }
}
