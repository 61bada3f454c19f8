import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@Suite("Steps 1–2, evidence, approval and snapshots in the web UI")
struct StepsFlowTests {
    func actions(_ world: TestWorld) async throws -> [String] {
        try await world.services.audit.list(SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 200))
            .map(\.action)
    }

    @Test(arguments: TestDatabase.kinds)
    func institutionsScanAndEvidence(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal = try await world.session(.focalPoint)
            let assessor = try await world.session(.assessor)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            // step 1: agencies
            let empty = try await client.send(.post, base + "/agencies", session: focal, form: ["_csrf": focal.csrf, "name": " ", "kind": "spies"])
            #expect(empty.status == .badRequest)
            #expect(empty.text.contains("Agency name: is required") && empty.text.contains("Kind of agency: must be one of"))
            #expect(
                try await client.send(.post, base + "/agencies", session: assessor, form: ["_csrf": assessor.csrf, "name": "X", "kind": "other"])
                    .status
                    == .forbidden)
            for (name, kind) in [("Ministry of the Interior", "ministry"), ("National Police <b>CT</b>", "law-enforcement")] {
                let added = try await client.send(
                    .post, base + "/agencies", session: focal, form: ["_csrf": focal.csrf, "name": name, "kind": kind, "mandate": "Fictional."])
                #expect(added.status == .seeOther)
            }
            let agencies = try await world.services.assessments.institutions.agencies(
                SystemAuthority.tenant(world.home.id, permission: .viewAssessment), assessmentID: world.homeAssessmentID)
            let ministry = try #require(agencies.first { $0.name == "Ministry of the Interior" }).id
            let police = try #require(agencies.first { $0.name.hasPrefix("National Police") }).id
            // RACI: two accountable agencies are refused with the reason, the form comes back with the choices kept
            let wrong = try await client.send(
                .post, base + "/raci", session: focal,
                form: ["_csrf": focal.csrf, "raci.approval.\(ministry)": "A", "raci.approval.\(police)": "A"])
            #expect(wrong.status == .badRequest)
            #expect(wrong.text.contains("Approve the assessment needs exactly one accountable agency (it has 2)"))
            #expect(wrong.text.contains("<option value=\"A\" selected>A</option>"))
            let right = try await client.send(
                .post, base + "/raci", session: focal,
                form: ["_csrf": focal.csrf, "raci.approval.\(ministry)": "A", "raci.approval.\(police)": "R", "raci.scoping.\(police)": ""])
            #expect(right.status == .seeOther)
            let page = try await client.send(.get, base + "/institutions", session: assessor)
            #expect(page.status == .ok)
            #expect(page.text.contains("National Police &lt;b&gt;CT&lt;/b&gt;"))
            #expect(!page.text.contains("<select name=\"raci."))  // assessors see the matrix, not the controls
            // step 2: the scan
            let badScan = try await client.send(
                .post, base + "/horizon-scan", session: assessor,
                form: ["_csrf": assessor.csrf, "technology": "T08", "stage": "widespread", "trend": "up"])
            #expect(badScan.status == .badRequest)
            #expect(badScan.text.contains("Diffusion stage: must be one of: aspiration, discussed, attempted, observed, routine"))
            let scan = try await client.send(
                .post, base + "/horizon-scan", session: assessor,
                form: ["_csrf": assessor.csrf, "technology": "T08", "stage": "discussed", "trend": "surging", "notes": "Tools discussed."])
            #expect(scan.status == .seeOther)
            let scanEvidence = try await client.send(
                .post, base + "/horizon-scan/evidence", session: assessor,
                form: [
                    "_csrf": assessor.csrf, "technology": "T08", "summary": "Chat logs (fictional)", "source": "Monitoring", "reliability": "C",
                    "credibility": "2",
                ])
            #expect(scanEvidence.status == .seeOther)
            let scanPage = try await client.send(.get, base + "/horizon-scan", session: focal)
            #expect(scanPage.text.contains("discussed") && scanPage.text.contains("↑ surging") && scanPage.text.contains(">C2</abbr>"))
            // updating a line starts from what it holds, so its notes are not lost (issue 8 item 3)
            #expect(scanPage.text.contains("horizon-scan?technology=T08#scan-form"))
            let editing = try await client.send(.get, base + "/horizon-scan?technology=T08", session: assessor)
            #expect(editing.text.contains(">Tools discussed.</textarea>"))
            #expect(editing.text.contains(#"<option value="discussed" selected>"#) && editing.text.contains(#"<option value="surging" selected>"#))
            #expect(editing.text.contains(#"<option value="T08" selected>"#))
            // evidence on a scenario: a bad grading comes back inside the opened evidence form
            let scenario = base + "/scenarios/\(world.homeScenarioID)"
            let badEvidence = try await client.send(
                .post, scenario + "/evidence", session: assessor,
                form: ["_csrf": assessor.csrf, "summary": "Seized drone", "source": "Liaison", "reliability": "Q", "credibility": "2"])
            #expect(badEvidence.status == .badRequest)
            #expect(
                badEvidence.text.contains("<details open>")
                    && badEvidence.text.contains("Source reliability: must be a source reliability from A to F"))
            #expect(badEvidence.text.contains("value=\"Liaison\""))
            let evidence = try await client.send(
                .post, scenario + "/evidence", session: assessor,
                form: [
                    "_csrf": assessor.csrf, "summary": "Seized drone", "source": "Liaison", "reliability": "B", "credibility": "3",
                    "observedOn": "2025-04-01",
                ])
            #expect(evidence.status == .seeOther)
            let scenarioPage = try await client.send(.get, scenario, session: focal)
            #expect(scenarioPage.text.contains(">B3</abbr>") && scenarioPage.text.contains("horizon 2 years"))
            let overview = try await client.send(.get, base, session: assessor)
            // (the test world brings one agency and one evidence item of its own)
            #expect(overview.text.contains("3 agencies · 1 of 7 activities with an accountable agency"))
            #expect(overview.text.contains("1 of 18 technologies scanned") && overview.text.contains("1 scenario · 3 evidence items"))
            let audit = try await actions(world)
            for action in ["agency.create", "raci.set", "scan.set", "evidence.create"] { #expect(audit.contains(action), "\(action) audited") }
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func approvalFreezesTheAssessmentAndSnapshotsCompare(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal = try await world.session(.focalPoint)
            let facilitator = try await world.session(.facilitator)
            let assessor = try await world.session(.assessor)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            #expect(
                try await client.send(.post, base + "/status", session: assessor, form: ["_csrf": assessor.csrf, "to": "in-review"]).status
                    == .forbidden)
            #expect(
                try await client.send(.post, base + "/status", session: facilitator, form: ["_csrf": facilitator.csrf, "to": "in-review"]).status
                    == .seeOther)
            let notTheirs = try await client.send(.post, base + "/status", session: facilitator, form: ["_csrf": facilitator.csrf, "to": "approved"])
            #expect(notTheirs.status == .forbidden)
            #expect(
                notTheirs.text.contains("Only the state&#39;s focal point approves")
                    || notTheirs.text.contains("Only the state's focal point approves"))
            #expect(
                try await client.send(.post, base + "/status", session: focal, form: ["_csrf": focal.csrf, "to": "approved"]).status == .seeOther)
            let overview = try await client.send(.get, base, session: assessor)
            #expect(overview.text.contains("<strong>Approved</strong>") && overview.text.contains("Snapshot 2"))
            #expect(overview.text.contains("Compare snapshots side by side"))
            #expect(!overview.text.contains("Add a scenario"))
            // frozen: a new scenario is refused with the reason, nothing written
            let frozen = try await client.send(
                .post, base + "/scenarios", session: assessor,
                form: [
                    "_csrf": assessor.csrf, "title": "Late idea", "narrative": "x", "actorType": "A1", "technology.T01": "on", "purpose.P1": "on",
                ])
            #expect(frozen.status == .conflict)
            #expect(frozen.text.contains("approved and frozen"))
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewAssessment)
            #expect(try await world.services.assessments.scoring.scenarios(scope, assessmentID: world.homeAssessmentID).count == 1)
            // the snapshot: read-only, with its hash; comparison of 1 and 2
            let snapshot = try await client.send(.get, base + "/snapshots/2", session: assessor)
            #expect(snapshot.status == .ok)
            let stored = try #require(try await world.services.assessments.approval.snapshot(scope, assessmentID: world.homeAssessmentID, number: 2))
            #expect(snapshot.text.contains(stored.sha256) && snapshot.text.contains("This snapshot cannot change"))
            #expect(stored.content.assessment.status == .approved)
            #expect(snapshot.text.contains("/snapshots/2/register.svg"))
            let ranks = try await client.send(.get, base + "/snapshots/2/register-ranks.svg", session: assessor)
            #expect(ranks.headers[.contentType] == "image/svg+xml; charset=utf-8" && ranks.text.contains("Flood"))
            let compare = try await client.send(.get, base + "/compare?a=1&b=2", session: assessor)
            #expect(compare.status == .ok && compare.text.contains("Snapshot 1: rank") && compare.text.contains("Snapshot 2: rank"))
            #expect(try await client.send(.get, base + "/snapshots/99", session: assessor).status == .notFound)
            #expect(try await client.send(.get, base + "/snapshots/x", session: assessor).status == .notFound)
            // reopened: changes are possible again, the snapshot is untouched
            #expect(try await client.send(.post, base + "/status", session: focal, form: ["_csrf": focal.csrf, "to": "draft"]).status == .seeOther)
            #expect(
                try await client.send(.post, base + "/status", session: focal, form: ["_csrf": focal.csrf, "to": "approved"]).status == .conflict)
            let later = try await client.send(
                .post, base + "/scenarios", session: assessor,
                form: [
                    "_csrf": assessor.csrf, "title": "Late idea", "narrative": "x", "actorType": "A1", "technology.T01": "on", "purpose.P1": "on",
                    "horizonYears": "5",
                ])
            #expect(later.status == .seeOther)
            #expect(try await world.services.assessments.approval.snapshot(scope, assessmentID: world.homeAssessmentID, number: 2) == stored)
            let audit = try await actions(world)
            #expect(audit.contains("assessment.approve"))
        }
    }
}

@Suite("Round progress for facilitators")
struct RoundProgressTests {
    @Test(arguments: TestDatabase.kinds)
    func managersSeeHowManyScoredNeverWhoOrWhat(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let assessor = try await world.session(.assessor)
            let facilitator = try await world.session(.facilitator)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            // act
            let scored = try await client.send(
                .post, base + "/scenarios/\(world.homeScenarioID)/scores", session: assessor,
                form: AssessmentFlowTests().scoreForm(assessor, intent: 4, rationale: "Private view 7731"))
            // check: two accounts may score in the home state (focal point, assessor); one has
            #expect(scored.status == .seeOther)
            let managerView = try await client.send(.get, base, session: facilitator)
            #expect(managerView.text.contains("Assessors who scored") && managerView.text.contains("<td>1 of 2</td>"))
            #expect(!managerView.text.contains("Private view 7731"))
            let assessorView = try await client.send(.get, base, session: assessor)
            #expect(!assessorView.text.contains("Assessors who scored"))
            // their own row shows the likelihood derived from I × C = 4 × min(4, 3) = 12 and opportunity 3 over 2 years:
            // s = 0.6·11/24 + 0.4·2/4 = 0.475, 10^(−3 + 2.5·0.475) = 1.540 % a year, 1 − (1 − 0.0154)² = 3.06 %, shown with one
            // decimal like every percentage
            let own = try await client.send(.get, base + "/scenarios/\(world.homeScenarioID)", session: assessor)
            #expect(own.text.contains("<td>1 %–5 %–20 %</td><td>3.1 %</td>"))
        }
    }
}

@Suite("Import and export: web upload, API, downloads")
struct ImportExportTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/examples/assessment-import.json")

    /// The documented example with its assessors replaced by the test world's two scorers.
    static func document(_ change: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        var text = try String(contentsOf: example, encoding: .utf8)
        text = text.replacingOccurrences(of: "assessor@demo.cttech.example", with: "assessor@valdoria.example")
            .replacingOccurrences(of: "analyst2@demo.cttech.example", with: "focal-point@valdoria.example")
            .replacingOccurrences(of: "reviewer@demo.cttech.example", with: "reviewer@valdoria.example")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var rounds = object["rounds"] as? [[String: Any]] ?? []
        for i in rounds.indices {
            rounds[i]["scores"] = (rounds[i]["scores"] as? [[String: Any]] ?? []).filter {
                ($0["assessor"] as? String) != "analyst3@demo.cttech.example"
            }
        }
        object["rounds"] = rounds
        change(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    static func multipart(_ file: Data, csrf: String, boundary: String = "----cttech-test-boundary") -> (HTTPFields, ByteBuffer) {
        var body = ByteBuffer()
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(csrf)\r\n")
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\nContent-Type: application/json\r\n\r\n")
        body.writeBytes(file)
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    @Test(arguments: TestDatabase.kinds)
    func webUploadChecksEverythingFirst(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal = try await world.session(.focalPoint)
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewAssessment)
            let target = "/states/\(world.home.id)/assessment-import"
            let headBefore = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
            let bad = try Self.document { doc in
                var scenarios = doc["scenarios"] as? [[String: Any]] ?? []
                scenarios[0]["technologies"] = ["T42"]
                doc["scenarios"] = scenarios
            }
            let (headers, body) = Self.multipart(bad, csrf: focal.csrf)
            let refused = try await client.send(.post, target, session: focal, headers: headers, body: body)
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("scenarios[0].technologies: T42 is not a technology of this method"))
            #expect(refused.text.contains("Nothing was imported. Please correct the file"))
            #expect(try await world.services.assessments.records.list(scope).count == 1)
            #expect(try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq == headBefore)
            // without the form's token: refused before reading the file
            let (h2, b2) = Self.multipart(try Self.document(), csrf: "wrong")
            #expect(try await client.send(.post, target, session: focal, headers: h2, body: b2).status == .forbidden)
            let assessor = try await world.session(.assessor)
            let (h3, b3) = Self.multipart(try Self.document(), csrf: assessor.csrf)
            #expect(try await client.send(.post, target, session: assessor, headers: h3, body: b3).status == .forbidden)
            let (h4, b4) = Self.multipart(try Self.document(), csrf: focal.csrf)
            let imported = try await client.send(.post, target, session: focal, headers: h4, body: b4)
            #expect(imported.status == .seeOther)
            let location = try #require(imported.headers[.location])
            let page = try await client.send(.get, location, session: focal)
            #expect(page.text.contains("Imported example assessment (fictional)"))
            #expect(try await world.services.assessments.records.list(scope).count == 2)
            // only signed-in users get the import's 16 MiB: a stranger is held to 1 MiB
            let (h5, b5) = Self.multipart(Data(repeating: 0x20, count: 2 * 1024 * 1024), csrf: "x")
            #expect(try await client.send(.post, target, headers: h5, body: b5).status == .contentTooLarge)
            // no file chosen: the page again, with the reason by the import form
            let (h6, b6) = Self.multipart(Data(), csrf: focal.csrf)
            let empty = try await client.send(.post, target, session: focal, headers: h6, body: b6)
            #expect(empty.status == .badRequest && empty.text.contains("File: choose a JSON file to import"))
            // a broken multipart body is a 400, not a crash
            var broken = ByteBuffer(string: "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(focal.csrf)")
            broken.writeString("no closing boundary")
            let torn = try await client.send(.post, target, session: focal, headers: [.contentType: "multipart/form-data; boundary=x"], body: broken)
            #expect(torn.status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func apiImportAndRegisterDownloads(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let token = try await world.bearer(.focalPoint)
            let auth: HTTPFields = [.authorization: "Bearer \(token)"]
            let path = "/api/v1/states/\(world.home.id)/assessments/import"
            let invalid = try await client.send(
                .post, path, json: String(decoding: try Self.document { $0["otherRisks"] = [["id": "x", "title": "Flood"]] }, as: UTF8.self),
                headers: auth)
            #expect(invalid.status == .badRequest)
            #expect(invalid.headers[.contentType] == "application/problem+json")
            #expect(invalid.text.contains("otherRisks[0].family"))
            // 50 MB: refused by size before anything is parsed
            let huge = try await client.send(
                .post, path, headers: auth.merging([.contentType: "application/json"]), body: ByteBuffer(repeating: 0x20, count: 50_000_000))
            #expect(huge.status == .contentTooLarge)
            #expect(
                try await client.send(.post, path, headers: auth.merging([.contentType: "text/plain"]), body: ByteBuffer(string: "{}")).status
                    == .unsupportedMediaType)
            let created = try await client.send(.post, path, json: String(decoding: try Self.document(), as: UTF8.self), headers: auth)
            #expect(created.status == .created)
            let assessment = try JSONDecoder().decode(Components.Schemas.Assessment.self, from: Data(buffer: created.body))
            #expect(assessment.round == 2 && assessment.roundStatus == .revealed)
            // the register: served from cached bytes, in the schema's shape, with an ETag
            let registerPath = "/api/v1/states/\(world.home.id)/assessments/\(assessment.id)/register"
            let register = try await client.send(.get, registerPath, headers: auth)
            #expect(register.status == .ok && register.headers[.contentType] == "application/json")
            let decoded = try JSONDecoder().decode(Components.Schemas.Register.self, from: Data(buffer: register.body))
            #expect(decoded.entries.count == 5 && decoded.basisRound == 2 && decoded.tlp == .amber)
            #expect(decoded.agreement?.assessors == 2)
            let etag = try #require(register.headers[.eTag])
            #expect(try await client.send(.get, registerPath, headers: auth.merging([.ifNoneMatch: etag])).status == .notModified)
            let csv = try await client.send(.get, registerPath + ".csv", headers: auth)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.split(separator: "\r\n").dropFirst().allSatisfy { $0.hasPrefix("AMBER,") })
            // the page's register body is rendered once per revision and shared; a change shows at once
            let focalSession = try await world.session(.focalPoint)
            let pagePath = "/states/\(world.home.id)/assessments/\(assessment.id)/register"
            let before = try await client.send(.get, pagePath, session: focalSession)
            #expect(before.status == .ok && !before.text.contains("Heatwave"))
            #expect(before.text.contains("Kendall&#39;s W = ") && before.text.contains("over 2 assessors ranking 3 scenarios"))
            let assessorView = try await client.send(.get, pagePath, session: try await world.session(.assessor))
            #expect(assessorView.text.contains("Add another national security risk") == false)
            #expect(before.text.contains("Add another national security risk"))
            // a change gives a new ETag
            let risk =
                #"{"title":"Heatwave","family":"climate","likelihood":{"low":0.1,"best":0.2,"high":0.3},"impact":{"low":2,"best":3,"high":4},"confidence":"high"}"#
            #expect(
                try await client.send(.post, "/api/v1/states/\(world.home.id)/assessments/\(assessment.id)/other-risks", json: risk, headers: auth)
                    .status
                    == .created)
            let changed = try await client.send(.get, registerPath, headers: auth.merging([.ifNoneMatch: etag]))
            #expect(changed.status == .ok && changed.headers[.eTag] != etag)
            #expect(try await client.send(.get, pagePath, session: focalSession).text.contains("Heatwave"))
            // the same downloads in the web UI
            let focal = try await world.session(.focalPoint)
            let web = try await client.send(.get, "/states/\(world.home.id)/assessments/\(assessment.id)/register.csv", session: focal)
            #expect(web.headers[.contentDisposition]?.hasPrefix("attachment; filename=\"register-AMBER-") == true)
            #expect(web.text.contains("Heatwave"))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func apiWritesFollowTheSameRules(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let assessor: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.assessor))"]
            let facilitator: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.facilitator))"]
            let state = "/api/v1/states/\(world.home.id)/assessments"
            let opened = try await client.send(.post, state, json: #"{"title":"API assessment","period":"2026","horizonYears":3}"#, headers: focal)
            #expect(opened.status == .created)
            let assessment = try JSONDecoder().decode(Components.Schemas.Assessment.self, from: Data(buffer: opened.body))
            #expect(try await client.send(.post, state, json: #"{"title":"x","period":"2026"}"#, headers: assessor).status == .forbidden)
            let base = "\(state)/\(assessment.id)"
            let scenarioBody = #"{"title":"Drone swarm","narrative":"Fictional.","actorType":"A3","technologies":["T09"],"purposes":["P7"]}"#
            let scenario = try await client.send(.post, base + "/scenarios", json: scenarioBody, headers: assessor)
            #expect(scenario.status == .created)
            let created = try JSONDecoder().decode(Components.Schemas.Scenario.self, from: Data(buffer: scenario.body))
            #expect(created.horizonYears == 3)
            let impact = ImpactDimension.allCases.map { "\"\($0.rawValue)\":4" }.joined(separator: ",")
            func score(intent: Int, low: Double = 0.01) -> String {
                #"{"intent":\#(intent),"actorCapability":3,"technologyAccessibility":4,"opportunity":3,"likelihood":{"low":\#(low),"best":0.05,"high":0.2},"impact":{\#(impact)},"confidence":"moderate","rationale":"Fictional."}"#
            }
            let scores = base + "/scenarios/\(created.id)/scores"
            let outOfRange = try await client.send(.post, scores, json: score(intent: 9, low: 0.5), headers: assessor)
            #expect(outOfRange.status == .badRequest)
            #expect(outOfRange.text.contains("intent") && outOfRange.text.contains("likelihood"))
            #expect(try await client.send(.post, scores, json: score(intent: 4), headers: assessor).status == .created)
            let twice = try await client.send(.post, scores, json: score(intent: 5), headers: assessor)
            #expect(twice.status == .conflict && twice.text.contains("already scored"))
            let closed = try await client.send(.post, base + "/round", json: #"{"to":"closed"}"#, headers: facilitator)
            #expect(closed.status == .ok && closed.text.contains(#""roundStatus":"closed""#))
            let late = try await client.send(.post, scores, json: score(intent: 4), headers: focal)
            #expect(late.status == .conflict && late.text.contains("not open for scoring"))
            // step 1 and 2 through the API
            let agency = try await client.send(.post, base + "/agencies", json: #"{"name":"Police","kind":"law-enforcement"}"#, headers: focal)
            #expect(agency.status == .created)
            let agencyID = try JSONDecoder().decode(Components.Schemas.Agency.self, from: Data(buffer: agency.body)).id
            let twoA =
                #"{"cells":[{"activity":"scoring","agencyId":"\#(agencyID)","role":"A"},{"activity":"scoring","agencyId":"\#(agencyID)","role":"R"}]}"#
            #expect(try await client.send(.put, base + "/raci", json: twoA, headers: focal).status == .badRequest)
            let oneA = #"{"cells":[{"activity":"scoring","agencyId":"\#(agencyID)","role":"A"}]}"#
            #expect(try await client.send(.put, base + "/raci", json: oneA, headers: focal).text.contains(#""role":"A""#))
            let scan = try await client.send(
                .put, base + "/horizon-scan", json: #"{"technology":"T09","stage":"attempted","trend":"rising"}"#, headers: assessor)
            #expect(scan.status == .ok)
            let ghost = #"{"subject":"scenario","ref":"\#(Identifier.make())","summary":"x","source":"y","reliability":"A","credibility":1}"#
            #expect(try await client.send(.post, base + "/evidence", json: ghost, headers: assessor).status == .badRequest)
            let evidence = #"{"subject":"scenario","ref":"\#(created.id)","summary":"x","source":"y","reliability":"A","credibility":1}"#
            let graded = try await client.send(.post, base + "/evidence", json: evidence, headers: assessor)
            #expect(graded.status == .created && graded.text.contains(#""grading":"A1""#))
            // approval: facilitators submit, only the focal point approves; the snapshot appears in the list
            #expect(try await client.send(.post, base + "/status", json: #"{"to":"in-review"}"#, headers: facilitator).status == .ok)
            #expect(try await client.send(.post, base + "/status", json: #"{"to":"approved"}"#, headers: facilitator).status == .forbidden)
            let approved = try await client.send(.post, base + "/status", json: #"{"to":"approved"}"#, headers: focal)
            #expect(approved.status == .ok && approved.text.contains(#""status":"approved""#))
            let snapshots = try await client.send(.get, base + "/snapshots", headers: assessor)
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            let list = try decoder.decode([Components.Schemas.Snapshot].self, from: Data(buffer: snapshots.body))
            #expect(list.map(\.number) == [1] && list.first?.sha256.count == 64)
            let frozen = try await client.send(
                .put, base + "/horizon-scan", json: #"{"technology":"T08","stage":"routine","trend":"stable"}"#, headers: assessor)
            #expect(frozen.status == .conflict && frozen.headers[.contentType] == "application/problem+json")
        }
    }
}

extension HTTPFields {
    /// These fields with `other`'s added (replacing same-named ones).
    func merging(_ other: HTTPFields) -> HTTPFields {
        var result = self
        for field in other { result[field.name] = field.value }
        return result
    }
}

@Suite("Removing mistakes: agencies, evidence, other risks, unscored scenarios")
struct RemovalTests {
    @Test(arguments: TestDatabase.kinds)
    func removalIsScopedAuditedAndRefusedWhereInputsMustBeKept(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal = try await world.session(.focalPoint)
            let assessor = try await world.session(.assessor)
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewAssessment)
            let store = world.services.assessments
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            // an agency with a RACI role goes, and its role with it
            _ = try await client.send(.post, base + "/agencies", session: focal, form: ["_csrf": focal.csrf, "name": "Ministry", "kind": "ministry"])
            let agency = try #require(
                try await store.institutions.agencies(scope, assessmentID: world.homeAssessmentID).first { $0.name == "Ministry" })
            _ = try await client.send(.post, base + "/raci", session: focal, form: ["_csrf": focal.csrf, "raci.approval.\(agency.id)": "A"])
            let institutions = try await client.send(.get, base + "/institutions", session: focal)
            #expect(institutions.text.contains("Yes, remove “<span dir=\"auto\">Ministry</span>” and its roles in the matrix"))
            #expect(
                try await client.send(.post, base + "/agencies/\(agency.id)/delete", session: assessor, form: ["_csrf": assessor.csrf]).status
                    == .forbidden)
            #expect(
                try await client.send(.post, base + "/agencies/\(agency.id)/delete", session: focal, form: ["_csrf": focal.csrf]).status == .seeOther)
            #expect(try await store.institutions.agencies(scope, assessmentID: world.homeAssessmentID).map(\.name) == ["Police"])
            #expect(try await store.institutions.raci(scope, assessmentID: world.homeAssessmentID).isEmpty)
            // an unknown or foreign id is a 404
            #expect(
                try await client.send(.post, base + "/agencies/\(Identifier.make())/delete", session: focal, form: ["_csrf": focal.csrf]).status
                    == .notFound)
            // evidence on a scenario: removed by an assessor, back to the scenario
            let scenario = base + "/scenarios/\(world.homeScenarioID)"
            _ = try await client.send(
                .post, scenario + "/evidence", session: assessor,
                form: ["_csrf": assessor.csrf, "summary": "x", "source": "y", "reliability": "A", "credibility": "1"])
            let item = try #require(
                try await store.evidence.evidence(scope, assessmentID: world.homeAssessmentID, about: nil).first {
                    $0.subject == .scenario(world.homeScenarioID)
                })
            let removed = try await client.send(.post, base + "/evidence/\(item.id)/delete", session: assessor, form: ["_csrf": assessor.csrf])
            #expect(removed.status == .seeOther && removed.headers[.location] == scenario)
            #expect(
                try await store.evidence.evidence(scope, assessmentID: world.homeAssessmentID, about: nil).map(\.id) == [
                    world.records[world.home.id]?.evidence
                ])
            // other risks through the API
            let token: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let risk =
                #"{"title":"Heatwave","family":"climate","likelihood":{"low":0.1,"best":0.2,"high":0.3},"impact":{"low":2,"best":3,"high":4},"confidence":"high"}"#
            let api = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let created = try await client.send(.post, api + "/other-risks", json: risk, headers: token)
            let riskID = try JSONDecoder().decode(Components.Schemas.OtherRisk.self, from: Data(buffer: created.body)).id
            let list = try await client.send(.get, base + "/other-risks", session: focal)
            #expect(list.status == .ok && list.text.contains("Yes, remove “<span dir=\"auto\">Heatwave</span>”") && list.text.contains("20 %–30 %"))
            let readOnly = try await client.send(.get, base + "/other-risks", session: assessor)
            #expect(readOnly.text.contains("Heatwave") && !readOnly.text.contains("Remove Heatwave"))
            #expect(try await client.send(.delete, api + "/other-risks/\(riskID)", headers: token).status == .noContent)
            #expect(try await client.send(.delete, api + "/other-risks/\(riskID)", headers: token).status == .notFound)
            // a scored scenario is kept: every input stays
            _ = try await client.send(
                .post, scenario + "/scores", session: assessor,
                form: AssessmentFlowTests().scoreForm(assessor, intent: 3, rationale: "kept"))
            let refused = try await client.send(.delete, api + "/scenarios/\(world.homeScenarioID)", headers: token)
            #expect(refused.status == .conflict && refused.text.contains("cannot be removed"))
            #expect(try await store.scoring.scenarios(scope, assessmentID: world.homeAssessmentID).count == 1)
            // an unscored one goes, with its evidence
            let other = try await client.send(
                .post, api + "/scenarios", json: #"{"title":"Typo","narrative":"x","actorType":"A1","technologies":["T01"],"purposes":["P1"]}"#,
                headers: token)
            let otherID = try JSONDecoder().decode(Components.Schemas.Scenario.self, from: Data(buffer: other.body)).id
            #expect(try await client.send(.get, base + "/scenarios/\(otherID)", session: focal).text.contains("Remove this scenario"))
            #expect(!(try await client.send(.get, base + "/scenarios/\(otherID)", session: assessor).text.contains("Remove this scenario")))
            #expect(try await client.send(.delete, api + "/scenarios/\(otherID)", headers: token).status == .noContent)
            #expect(try await store.scoring.scenarios(scope, assessmentID: world.homeAssessmentID).map(\.id) == [world.homeScenarioID])
            let audit = try await world.services.audit.list(
                SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 50)
            )
            .map(\.action)
            for action in ["agency.delete", "evidence.delete", "other_risk.delete", "scenario.delete"] {
                #expect(audit.contains(action), "\(action)")
            }
        }
    }
}

@Suite("The register page's shared body")
struct RegisterBodyTests {
    @Test(arguments: TestDatabase.kinds)
    func theBodyGoesInItsSlotOnceAndUserTextCannotTakeTheSlot(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup: a title that spells the slot
            let token: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let created = try await client.send(
                .post, "/api/v1/states/\(world.home.id)/assessments", json: #"{"title":"Evil <!--register-body--> title","period":"2026"}"#,
                headers: token)
            let id = try JSONDecoder().decode(Components.Schemas.Assessment.self, from: Data(buffer: created.body)).id
            // act
            let page = try await client.send(
                .get, "/states/\(world.home.id)/assessments/\(id)/register", session: try await world.session(.focalPoint))
            // check: the title is escaped where it appears, the body stands once, below the heading
            #expect(page.status == .ok && page.text.contains("Evil &lt;!--register-body--&gt; title"))
            #expect(!page.text.contains("<!--register-body-->"))
            #expect(page.text.components(separatedBy: #"<nav aria-label="On this page""#).count == 2)
            let heading = try #require(page.text.range(of: "<h1>National risk register</h1>"))
            let body = try #require(page.text.range(of: #"<nav aria-label="On this page""#))
            #expect(heading.upperBound < body.lowerBound)
        }
    }
}

@Suite("Correcting agencies and other national risks")
struct CorrectionTests {
    @Test(arguments: TestDatabase.kinds)
    func correctionsKeepTheFormOnErrorAndAreAudited(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            // setup
            let focal = try await world.session(.focalPoint)
            let assessor = try await world.session(.assessor)
            let records = try #require(world.records[world.home.id])
            let scope = SystemAuthority.tenant(world.home.id, permission: .viewAssessment)
            let base = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            // act and check: the agency's form comes prefilled; a bad type comes back with the text kept
            let form = try await client.send(.get, base + "/agencies/\(records.agency)/edit", session: focal)
            #expect(form.status == .ok && form.text.contains("value=\"Police\"") && form.text.contains("<option value=\"law-enforcement\" selected>"))
            #expect(try await client.send(.get, base + "/agencies/\(records.agency)/edit", session: assessor).status == .forbidden)
            let bad = try await client.send(
                .post, base + "/agencies/\(records.agency)", session: focal, form: ["_csrf": focal.csrf, "name": "National Police ✓", "kind": "army"])
            #expect(
                bad.status == .badRequest && bad.text.contains("Kind of agency: must be one of") && bad.text.contains("value=\"National Police ✓\""))
            let good = try await client.send(
                .post, base + "/agencies/\(records.agency)", session: focal,
                form: ["_csrf": focal.csrf, "name": "National Police ✓", "kind": "law-enforcement", "mandate": "Investigates."])
            #expect(good.status == .seeOther)
            #expect(
                try await world.services.assessments.institutions.agencies(scope, assessmentID: world.homeAssessmentID).first?.name
                    == "National Police ✓")
            // the other risk: prefilled with its numbers and confidence; an interval out of order is refused
            let riskForm = try await client.send(.get, base + "/other-risks/\(records.risk)/edit", session: focal)
            #expect(riskForm.text.contains("value=\"0.2\"") && riskForm.text.contains("<option value=\"high\" selected>high</option>"))
            let misordered = try await client.send(
                .post, base + "/other-risks/\(records.risk)", session: focal,
                form: [
                    "_csrf": focal.csrf, "title": "Flood", "family": "natural hazard", "likelihoodLow": "0.5", "likelihoodBest": "0.2",
                    "likelihoodHigh": "0.9", "impactLow": "2", "impactBest": "3", "impactHigh": "4", "confidence": "low",
                ])
            #expect(misordered.status == .badRequest && misordered.text.contains("low must not exceed best"))
            #expect(misordered.text.contains("<option value=\"low\" selected>low</option>"))
            let token: HTTPFields = [.authorization: "Bearer \(try await world.bearer(.focalPoint))"]
            let api = "/api/v1/states/\(world.home.id)/assessments/\(world.homeAssessmentID)"
            let body =
                #"{"title":"River flood","family":"natural hazard","likelihood":{"low":0.1,"best":0.3,"high":0.5},"impact":{"low":3,"best":4,"high":5},"confidence":"moderate"}"#
            let updated = try await client.send(.put, api + "/other-risks/\(records.risk)", json: body, headers: token)
            #expect(updated.status == .ok && updated.text.contains(#""title":"River flood""#))
            #expect(try await client.send(.put, api + "/other-risks/\(Identifier.make())", json: body, headers: token).status == .notFound)
            let risk = try #require(try await world.services.assessments.risks.otherRisks(scope, assessmentID: world.homeAssessmentID).first)
            #expect(risk.title == "River flood" && risk.impact.best == 4 && risk.confidence == .moderate)
            let agencyAPI = try await client.send(
                .put, api + "/agencies/\(records.agency)", json: #"{"name":"Police HQ","kind":"law-enforcement"}"#, headers: token)
            #expect(agencyAPI.status == .ok && agencyAPI.text.contains("Police HQ"))
            let audit = try await world.services.audit.list(
                SystemAuthority.tenant(world.home.id, permission: .readStateAudit), page: PageRequest(limit: 20)
            )
            .map(\.action)
            #expect(audit.contains("agency.update") && audit.contains("other_risk.update"))
        }
    }
}
