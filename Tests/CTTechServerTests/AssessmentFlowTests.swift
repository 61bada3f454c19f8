import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Steps 3–4 in the web UI: scenarios, private rounds, reveal, register")
struct AssessmentFlowTests {
    func scoreForm(_ session: Session, intent: Int, rationale: String) -> [String: String] {
        var form = [
            "_csrf": session.csrf, "intent": "\(intent)", "actorCapability": "4", "technologyAccessibility": "3", "opportunity": "3",
            "likelihoodLow": "0.01", "likelihoodBest": "0.05", "likelihoodHigh": "0.2", "confidence": "moderate", "rationale": rationale,
        ]
        for dimension in ImpactDimension.allCases { form["impact.\(dimension.rawValue)"] = "3" }
        return form
    }

    @Test(arguments: TestDatabase.kinds)
    func fromScenarioToRegister(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let focal = try await world.session(.focalPoint)
            let assessor = try await world.session(.assessor)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            // a scenario with unknown references comes back with every reason, nothing saved
            let bad = try await client.send(
                .post, base + "/scenarios", session: assessor,
                form: ["_csrf": assessor.csrf, "title": "Ransomware on hospitals", "narrative": "x", "actorType": "religion", "technology.T77": "on"])
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains(##"<a href="#s-actor">Actor type: must be one of the method"##))
            #expect(bad.text.contains(##"<a href="#s-technologies">Technologies: T77 is not a technology of this method</a>"##))
            #expect(bad.text.contains(#"<p class="field-error" id="s-purposes-error">needs at least one purpose</p>"#))
            let created = try await client.send(
                .post, base + "/scenarios", session: assessor,
                form: [
                    "_csrf": assessor.csrf, "title": "Ransomware on hospitals", "narrative": "Fictional scenario.", "actorType": "A2",
                    "technology.T12": "on",
                    "purpose.P8": "on", "purpose.P3": "on", "targetSector": "Health",
                ])
            #expect(created.status == .seeOther)
            let scenarioPath = try #require(created.headers[.location])
            // act: focal point and assessor score privately
            #expect(
                try await client.send(.post, scenarioPath + "/scores", session: focal, form: scoreForm(focal, intent: 4, rationale: "Focal's view"))
                    .status == .seeOther)
            #expect(
                try await client.send(
                    .post, scenarioPath + "/scores", session: assessor, form: scoreForm(assessor, intent: 2, rationale: "Assessor's view")
                ).status == .seeOther)
            // scoring twice: 409 with the reason, the first score kept
            let twice = try await client.send(
                .post, scenarioPath + "/scores", session: assessor, form: scoreForm(assessor, intent: 5, rationale: "again"))
            #expect(twice.status == .conflict)
            #expect(twice.text.contains("already scored"))
            #expect(!twice.text.contains(#"id="score-form""#), "no form that could only fail again")
            // out-of-range and misordered inputs: 400 with the fields named
            var wrong = scoreForm(focal, intent: 9, rationale: "x")
            (wrong["likelihoodLow"], wrong["likelihoodBest"]) = ("0.5", "0.1")
            let refused = try await client.send(.post, scenarioPath + "/scores", session: focal, form: wrong)
            #expect([.badRequest, .conflict].contains(refused.status))
            // check: peers are hidden while the round is open
            let hidden = try await client.send(.get, scenarioPath, session: assessor)
            #expect(hidden.text.contains("Assessor&#39;s view") || hidden.text.contains("Assessor's view"))
            #expect(!hidden.text.contains("Focal"))
            // only managers run rounds
            #expect(
                try await client.send(.post, base + "/round", session: assessor, form: ["_csrf": assessor.csrf, "to": "closed"]).status == .forbidden)
            #expect(
                try await client.send(.post, base + "/round", session: focal, form: ["_csrf": focal.csrf, "to": "revealed", "confirm": "yes"]).status
                    == .conflict)
            // closing first says what it will do and changes nothing until confirmed (issue 8, item 1)
            let asked = try await client.send(.post, base + "/round", session: focal, form: ["_csrf": focal.csrf, "to": "closed"])
            #expect(asked.status == .ok)
            #expect(asked.text.contains("Close round 1?"))
            #expect(asked.text.contains("Scenarios without a score in round 1: 1 of 2."))
            #expect(asked.text.contains("2 of at least 3 ratings: shown as “too few ratings” for consensus"))
            #expect(asked.text.contains(#"name="confirm" value="yes""#))
            #expect(try await client.send(.get, base, session: focal).text.contains("Scoring round 1: open"))
            let closed = try await client.send(.post, base + "/round", session: focal, form: ["_csrf": focal.csrf, "to": "closed", "confirm": "yes"])
            #expect(closed.status == .seeOther)
            // the page the redirect leads to confirms once, then the notice is gone (issue 8, item 5)
            let cookie = try #require(closed.headers[.setCookie])
            #expect(cookie.hasPrefix("cttech_notice=round-closed;"))
            var withNotice = Session(cookie: focal.cookie + "; cttech_notice=round-closed", csrf: focal.csrf)
            let shown = try await client.send(.get, base, session: withNotice)
            #expect(shown.text.contains("The round is closed. Reveal it to show the spread"))
            #expect(shown.headers[.setCookie]?.hasPrefix("cttech_notice=; Path=/; Max-Age=0") == true)
            withNotice = Session(cookie: focal.cookie + "; cttech_notice=<script>", csrf: focal.csrf)
            #expect(!(try await client.send(.get, base, session: withNotice).text.contains("<script>")))
            // a closed round takes no scores
            let policy = try await world.session(.facilitator)
            let late = try await client.send(.post, scenarioPath + "/scores", session: policy, form: scoreForm(policy, intent: 3, rationale: "late"))
            #expect(late.status == .forbidden)  // facilitators run rounds but do not score
            let lateAssessor = try await client.send(
                .post, scenarioPath + "/scores", session: focal, form: scoreForm(focal, intent: 3, rationale: "late"))
            #expect(lateAssessor.status == .conflict)
            let registerBefore = try await client.send(.get, base + "/register", session: focal)
            #expect(registerBefore.text.contains("No round has been revealed yet"))
            // other national risks: refused with reasons and the input kept, then ranked even before any reveal
            let badRisk = try await client.send(
                .post, base + "/other-risks", session: focal,
                form: [
                    "_csrf": focal.csrf, "title": "River flood in the capital", "family": "natural hazard", "likelihoodLow": "0.4",
                    "likelihoodBest": "0.2",
                    "likelihoodHigh": "0.5", "impactLow": "3", "impactBest": "4", "impactHigh": "7", "confidence": "high",
                ])
            #expect(badRisk.status == .badRequest)
            #expect(badRisk.text.contains(##"<a href="#o-ih">Impact, high: must be a number from 1 to 5</a>"##))
            #expect(badRisk.text.contains("value=\"River flood in the capital\""))
            #expect(
                try await client.send(.post, base + "/other-risks", session: assessor, form: ["_csrf": assessor.csrf, "title": "x"]).status
                    == .forbidden)
            let flood = try await client.send(
                .post, base + "/other-risks", session: focal,
                form: [
                    "_csrf": focal.csrf, "title": "River flood in the capital", "family": "natural hazard", "likelihoodLow": "0.2",
                    "likelihoodBest": "0.4",
                    "likelihoodHigh": "0.6", "impactLow": "3", "impactBest": "4", "impactHigh": "5", "confidence": "high",
                ])
            #expect(flood.status == .seeOther)
            let withFlood = try await client.send(.get, base + "/register", session: focal)
            #expect(withFlood.text.contains("River flood in the capital") && !withFlood.text.contains("Ransomware on hospitals"))
            // reveal: everyone sees the spread and the rationales, without names
            #expect(
                try await client.send(.post, base + "/round", session: focal, form: ["_csrf": focal.csrf, "to": "revealed", "confirm": "yes"]).status
                    == .seeOther)
            let revealed = try await client.send(.get, scenarioPath, session: assessor)
            #expect(revealed.text.contains("Focal&#39;s view") || revealed.text.contains("Focal's view"))
            #expect(revealed.text.contains("<td>Assessor ") && revealed.text.contains("<td>You</td>"))
            #expect(!revealed.text.contains(world.user(.focalPoint).displayName))
            #expect(revealed.text.contains("median <strong>9</strong> (Moderate)"))  // I × C: 4 × min(4, 3) = 12 and 2 × 3 = 6 → median 9
            // the register ranks the revealed round
            let register = try await client.send(.get, base + "/register", session: try await world.session(.policyMaker))
            #expect(register.status == .ok)
            #expect(register.text.contains("Ransomware on hospitals") && register.text.contains("River flood in the capital"))
            #expect(register.text.contains("round 1"))
            let chart = try await client.send(.get, base + "/register.svg", session: focal)
            #expect(chart.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(chart.text.hasPrefix("<svg") && chart.text.contains("<circle") && !chart.text.contains("<script"))
            #expect(register.text.contains("register.svg"))
            // donors never see assessments
            #expect(try await client.send(.get, base + "/register", session: try await world.session(.donorViewer)).status == .forbidden)
        }
    }
}
