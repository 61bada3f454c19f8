import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Issue 13 through the real router, on both databases: a programme officer adds an event and imports its participant
/// list (a bad file is refused whole, each problem by line and column); the officer sees pseudonyms, names only with the
/// personal-data right; the focal point sees protected aggregates; the donor sees the dashboards and nothing else.
@Suite("Programme end to end (issue 13)")
struct ProgrammeFlowTests {
    static func multipart(
        _ csv: [UInt8], csrf: String, fields: [String: String], boundary: String = "----cttech-test-boundary"
    ) -> (HTTPFields, ByteBuffer) {
        var body = ByteBuffer()
        for (name, value) in fields.merging(["_csrf": csrf], uniquingKeysWith: { $1 }).sorted(by: { $0.key < $1.key }) {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"list.csv\"\r\nContent-Type: text/csv\r\n\r\n")
        body.writeBytes(csv)
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }

    static let consent = [
        "consentPurpose": "Programme records", "consentMethod": "Signed form", "consentDate": "2024-04-01", "retainUntil": "2027-04-01",
    ]

    @Test(arguments: TestDatabase.kinds)
    func anOfficerAddsAnEventAndImportsItsParticipants(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let officer = try await world.session(.programmeOfficer)
            let home = world.home
            // a refused form keeps what was typed and names each problem
            let refused = try await client.send(
                .post, SiteURL.programmeEvents.path, session: officer,
                form: ["_csrf": officer.csrf, "kind": "national-workshop", "title": "National workshop", "start": "2024-04-04", "end": "2024-04-01"])
            #expect(refused.status == .badRequest)
            #expect(refused.text.contains("choose at least one partner state") && refused.text.contains("the last day is before the first day"))
            // the event is added
            let created = try await client.send(
                .post, SiteURL.programmeEvents.path, session: officer,
                form: [
                    "_csrf": officer.csrf, "kind": "national-workshop", "title": "Capacity-building workshop", "state.\(home.id)": "on",
                    "start": "2024-04-01", "end": "2024-04-04", "city": "Sarajevo", "organisers": "UNOCT/UNCCT\nINTERPOL",
                ])
            #expect(created.status == .seeOther)
            let eventPath = created.headers[.location] ?? ""
            let eventID = String(eventPath.split(separator: "/").last ?? "")
            let importPath = SiteURL.programmeImport(eventID).path
            let scope = SystemAuthority.programme(permission: .manageProgramme)
            let headBefore = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq
            // a bad file: nothing written, every problem listed
            let code = home.code
            let bad = Array("name,state,sex,attended\nA (fictional),\(code),female,all\nB (fictional),ZZZ,M,2024-04-09\n".utf8)
            let (h1, b1) = Self.multipart(bad, csrf: officer.csrf, fields: Self.consent)
            let badResponse = try await client.send(.post, importPath, session: officer, headers: h1, body: b1)
            #expect(badResponse.status == .badRequest)
            #expect(badResponse.text.contains("Line 3, column sex: &quot;M&quot; is not allowed here"))
            #expect(badResponse.text.contains("Line 3, column state: &quot;ZZZ&quot; is not the code of a partner state"))
            #expect(badResponse.text.contains("Line 3, column attended: 2024-04-09 is not a day of this event"))
            #expect(try await world.services.programme.programmeRegistrations(scope, eventID: eventID).isEmpty)
            #expect(try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 1)).first?.seq == headBefore)
            // a file in the wrong encoding
            var latin1 = Array("name,state\nRen".utf8)
            latin1 += [0xE9] + Array(" (fictional),\(code)\n".utf8)
            let (h2, b2) = Self.multipart(latin1, csrf: officer.csrf, fields: Self.consent)
            let encoding = try await client.send(.post, importPath, session: officer, headers: h2, body: b2)
            #expect(encoding.status == .badRequest && encoding.text.contains("the file is not UTF-8 text (first bad byte on line 2)"))
            // a good file: twelve officials, five women; one did not come
            var rows = "name,state,sex,attended\n"
            for n in 1...12 { rows += "Official \(n) (fictional),\(code),\(n <= 5 ? "female" : "male"),\(n == 12 ? "" : "all")\n" }
            let (h3, b3) = Self.multipart(Array(rows.utf8), csrf: officer.csrf, fields: Self.consent)
            let imported = try await client.send(.post, importPath, session: officer, headers: h3, body: b3)
            #expect(imported.status == .seeOther)
            let registrations = try await world.services.programme.programmeRegistrations(scope, eventID: eventID)
            #expect(registrations.count == 12 && registrations.filter { $0.0.attended.count == 4 }.count == 11)
            // the officer's page: pseudonyms, no names (no personal-data right)
            let page = try await client.send(.get, eventPath, session: officer)
            #expect(page.status == .ok && page.text.contains("12 registered · 11 attended · 44 person-days"))
            #expect(!page.text.contains("Official 1 (fictional)") && page.text.contains("Persons are shown by pseudonym"))
            // attendance: the twelfth came on the first day after all
            let twelfth = try #require(registrations.last?.1)
            let saved = try await client.send(
                .post, SiteURL.programmeAttendance(eventID, person: twelfth.id).path, session: officer,
                form: ["_csrf": officer.csrf, "day.2024-04-01": "on"])
            #expect(saved.status == .seeOther)
            // the focal point of the state: the event and protected aggregates, no person, no import
            let focal = try await world.session(.focalPoint)
            let focalPage = try await client.send(.get, eventPath, session: focal)
            #expect(focalPage.status == .ok && focalPage.text.contains("12 registered · 12 attended · 45 person-days"))
            #expect(!focalPage.text.contains("P-") && !focalPage.text.contains("type=\"file\""))
            let focalImport = try await client.send(.post, importPath, session: focal, headers: h3, body: b3)
            #expect(focalImport.status == .forbidden)
            // the donor: dashboards only; the calendar and the event are closed
            let donor = try await world.session(.donorViewer)
            #expect(try await client.send(.get, SiteURL.programmeDashboard().path, session: donor).status == .ok)
            #expect(try await client.send(.get, SiteURL.programme().path, session: donor).status == .forbidden)
            #expect(try await client.send(.get, eventPath, session: donor).status == .forbidden)
            // every change is in the audit log
            let entries = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 20)).map(\.action)
            #expect(Set(["programme.attendance", "programme.import", "programme.event_create"]).isSubset(of: Set(entries)))
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func namesNeedThePersonalDataRight(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let home = try #require(world.programme[world.home.id])
            let path = SiteURL.programmeEvent(home.event).path
            // a programme officer: pseudonyms only
            let officer = try await world.session(.programmeOfficer)
            let withoutRight = try await client.send(.get, path, session: officer)
            #expect(withoutRight.status == .ok && !withoutRight.text.contains(">Official<"))
            // the same officer granted the personal-data right for the state: the name
            let officerID = world.user(.programmeOfficer).id
            try await world.services.accounts.addGrant(
                RoleGrant(id: Identifier.make(), userID: officerID, role: .personalDataOfficer, stateID: world.home.id),
                by: SystemAuthority.administrator(),
                audit: AuditEvent(.grantAdd, by: AuditActor(id: "test", label: "test"), entity: officerID, state: world.home.id))
            let withRight = try await client.send(.get, path, session: try await world.session(.programmeOfficer))
            #expect(withRight.status == .ok && withRight.text.contains(">Official<"))
            // a personal-data officer alone (no programme role) does not see the registry at all
            let privacy = try await world.session(.personalDataOfficer)
            let page = try await client.send(.get, path, session: privacy)
            #expect(page.status == .forbidden && !page.text.contains("Official"))
        }
    }
}
