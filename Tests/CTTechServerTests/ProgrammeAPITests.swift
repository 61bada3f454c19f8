import CTTechAPI
import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue 13 through the JSON API, on both databases: the programme read with the web's permissions (a donor the figures
/// only, published with the dashboards' suppression), requests recorded and moved, and good practices shared, discussed
/// and withdrawn within their scope — a practice out of reach answers 404, and a recipient never reads who else was named.
@Suite("Programme and good practices through the JSON API (issue 13)")
struct ProgrammeAPITests: JSONAPITest {
    @Test(arguments: TestDatabase.kinds)
    func theProgrammeIsReadWithTheWebsPermissionsAndItsSuppression(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let home = try #require(world.programme[world.home.id])
            let focal = try await auth(world, .focalPoint)
            let events = try decode(
                [Components.Schemas.ProgrammeEvent].self, try await client.send(.get, "/api/v1/programme/events", headers: focal))
            #expect(events.map(\.id) == [home.event])
            let detail = try decode(
                Components.Schemas.ProgrammeEventDetail.self, try await client.send(.get, "/api/v1/programme/events/\(home.event)", headers: focal))
            #expect(detail.agenda.map(\.title) == ["Presenting the handbook"] && detail.agenda.first?.productIds == [home.product])
            // one woman attended: a group of one, suppressed with its total
            #expect(detail.participants.rows.first?.cells == [nil, 0, 0, 0] && detail.participants.total == nil)
            let foreignEvent = try #require(world.programme[world.foreign.id]).event
            let refused = try await client.send(.get, "/api/v1/programme/events/\(foreignEvent)", headers: focal)
            #expect(refused.status == .notFound && refused.headers[.contentType] == "application/problem+json")
            // the figures: the same published table as the CSV
            let figures = try decode(
                Components.Schemas.PublishedTable.self,
                try await client.send(.get, "/api/v1/programme/figures?table=participants-by-state", headers: focal))
            #expect(figures.suppressed > 0 && figures.rows.map(\.label) == ["Republic of Valdoria"])
            let csv = try await client.send(.get, "/api/v1/programme/figures.csv?table=participants-by-state", headers: focal)
            #expect(csv.status == .ok && csv.text.contains("Republic of Valdoria,suppressed,0,0,0,suppressed"))
            // a donor reads the figures, never the events
            let donor = try await auth(world, .donorViewer)
            #expect(try await client.send(.get, "/api/v1/programme/figures?table=participants-by-year", headers: donor).status == .ok)
            #expect(try await client.send(.get, "/api/v1/programme/events", headers: donor).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/programme/records.csv?table=requests", headers: donor).status == .forbidden)
            let bad = try await client.send(.get, "/api/v1/programme/figures?table=names", headers: focal)
            #expect(bad.status == .badRequest)
            #expect(try fields(bad) == ["table"])
            for query in ["figures?year=2201", "figures.csv?year=2201", "figures.csv?year=next", "events?year=1989"] {
                let refused = try await client.send(.get, "/api/v1/programme/\(query)", headers: focal)
                #expect(refused.status == .badRequest, "\(query)")
                #expect(try fields(refused) == ["year"], "\(query)")
            }
            let products = try decode(
                [Components.Schemas.KnowledgeProduct].self, try await client.send(.get, "/api/v1/programme/knowledge-products", headers: focal))
            #expect(products.map(\.id) == [home.product])
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func anOfficerRecordsAndMovesARequest(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let officer = try await auth(world, .programmeOfficer)
            let before = try await auditHead(world)
            let refused = try await client.send(
                .post, "/api/v1/programme/requests",
                json: #"{"stateId":"\#(world.home.id)","askedBy":"Cyber unit","topics":[],"summary":"x","receivedOn":"2026-13-01"}"#,
                headers: officer)
            #expect(refused.status == .badRequest)
            #expect(Set(try fields(refused)) == ["topics", "receivedOn"])
            #expect(try await auditHead(world) == before, "nothing written")
            let created = try await client.send(
                .post, "/api/v1/programme/requests",
                json:
                    #"{"stateId":"\#(world.home.id)","askedBy":"Cyber unit","topics":["T03"],"summary":"Dark-web investigations","receivedOn":"2026-02-01"}"#,
                headers: officer)
            #expect(created.status == .created)
            let request = try decode(Components.Schemas.AssistanceRequest.self, created)
            #expect(request.status == .received && request.topics == ["T03"])
            let skipped = try await client.send(
                .post, "/api/v1/programme/requests/\(request.id)/status", json: #"{"to":"delivered"}"#, headers: officer)
            #expect(skipped.status.code >= 400 && skipped.status.code < 500)
            let triaged = try await client.send(
                .post, "/api/v1/programme/requests/\(request.id)/status", json: #"{"to":"triaged"}"#, headers: officer)
            #expect(try decode(Components.Schemas.AssistanceRequest.self, triaged).status == .triaged)
            // the focal point reads requests and may not record one
            let focal = try await auth(world, .focalPoint)
            #expect(try await client.send(.post, "/api/v1/programme/requests", json: "{}", headers: focal).status.code >= 400)
            #expect(
                try decode([Components.Schemas.AssistanceRequest].self, try await client.send(.get, "/api/v1/programme/requests", headers: focal))
                    .count == 2)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func practicesAreSharedDiscussedAndWithdrawnWithinTheirScope(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal = try await auth(world, .focalPoint)
            let foreign: HTTPFields = [
                .authorization:
                    "Bearer \(try await world.services.tokens.create(userID: world.foreignFocal.id, label: "test", lifetimeMilliseconds: nil, audit: AuditEvent(.tokenCreate, by: AuditActor(id: "test", label: "test"), entity: "", state: nil)))"
            ]
            let home = "/api/v1/states/\(world.home.id)/practices"
            // TLP:RED to all partners is refused, by the scope
            let red = try await client.send(
                .post, home, json: #"{"kind":"lesson","title":"Red lesson","body":"x","tlp":"RED","scope":"all"}"#, headers: focal)
            #expect(red.status == .badRequest)
            #expect(try fields(red) == ["scope"])
            // shared with the foreign state by name
            let shared = try await client.send(
                .post, home,
                json:
                    #"{"kind":"legislation","title":"Drone act","body":"What the act says.","tlp":"AMBER","scope":"states","recipients":["\#(world.foreign.id)"]}"#,
                headers: focal)
            #expect(shared.status == .created)
            let practice = try decode(Components.Schemas.Practice.self, shared)
            #expect(practice.recipients == [world.foreign.id], "the sharing state reads its recipients")
            // the recipient reads it without the list of recipients, and asks a question
            let seen = try decode(
                Components.Schemas.PracticeDetail.self,
                try await client.send(.get, "/api/v1/states/\(world.foreign.id)/practices/\(practice.id)", headers: foreign))
            #expect(seen.practice.recipients == nil && seen.practice.title == "Drone act")
            let asked = try await client.send(
                .post, "/api/v1/states/\(world.foreign.id)/practices/\(practice.id)/comments", json: #"{"kind":"question","body":"Who registers?"}"#,
                headers: foreign)
            #expect(asked.status == .created)
            // the recipient cannot withdraw it; the sharing state does, and the recipient loses it
            #expect(
                try await client.send(.post, "/api/v1/states/\(world.foreign.id)/practices/\(practice.id)/withdraw", headers: foreign).status
                    == .notFound)
            let detail = try decode(
                Components.Schemas.PracticeDetail.self, try await client.send(.get, "\(home)/\(practice.id)", headers: focal))
            #expect(detail.comments.map(\.body) == ["Who registers?"] && detail.comments.first?.stateId == world.foreign.id)
            let withdrawn = try await client.send(.post, "\(home)/\(practice.id)/withdraw", headers: focal)
            #expect(try decode(Components.Schemas.Practice.self, withdrawn).withdrawnOn != nil)
            // the sharing state still reads it, withdrawn: no second withdrawal, no more comments (409, not a field problem)
            #expect(try await client.send(.post, "\(home)/\(practice.id)/withdraw", headers: focal).status == .conflict)
            let late = try await client.send(
                .post, "\(home)/\(practice.id)/comments", json: #"{"kind":"question","body":"Still open?"}"#, headers: focal)
            #expect(late.status == .conflict)
            let gone = try await client.send(.get, "/api/v1/states/\(world.foreign.id)/practices/\(practice.id)", headers: foreign)
            #expect(gone.status == .notFound)
            let list = try decode(
                [Components.Schemas.Practice].self, try await client.send(.get, "/api/v1/states/\(world.foreign.id)/practices", headers: foreign))
            #expect(!list.contains { $0.id == practice.id })
        }
    }

    /// The consent values of an import and its CSV, as a JSON body.
    func importBody(_ csv: String) throws -> String {
        let body = [
            "csv": csv, "consentPurpose": "Programme records", "consentMethod": "Signed form", "consentDate": "2024-04-01",
            "retainUntil": "2030-01-01",
        ]
        return String(decoding: try JSONEncoder().encode(body), as: UTF8.self)
    }

    @Test(arguments: TestDatabase.kinds)
    func participantsAreImportedWholeAttendedAndMergedWithNamesOnlyUnderTheRight(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let home = try #require(world.programme[world.home.id])
            let officer = try await auth(world, .programmeOfficer)
            let code = world.home.code
            // a second event of the state, where the seeded official comes again
            let created = try await client.send(
                .post, "/api/v1/programme/events",
                json:
                    #"{"kind":"training","title":"Follow-up training","stateIds":["\#(world.home.id)"],"start":"2025-03-10","end":"2025-03-11","city":"Capital"}"#,
                headers: officer)
            let second = try decode(Components.Schemas.ProgrammeEvent.self, created).id
            let path = "/api/v1/programme/events/\(second)/participants"
            // a list with a bad sex code, an unknown state and a day outside the event: every bad cell by line and
            // column, and nothing written
            let before = try await auditHead(world)
            let bad = try await client.send(
                .post, path,
                json: try importBody("name,state,sex,attended\nA (fictional),\(code),X,all\nB (fictional),ZZZ,female,2025-04-01\n"),
                headers: officer)
            #expect(bad.status == .badRequest)
            #expect(Set(try fields(bad)) == ["2:sex", "3:state", "3:attended"])
            let noConsent = try await client.send(
                .post, path, json: #"{"csv":"","consentPurpose":" ","consentMethod":"form","consentDate":"2024-02-30","retainUntil":"2030-01-01"}"#,
                headers: officer)
            #expect(Set(try fields(noConsent)) == ["csv", "consentPurpose", "consentDate"])
            #expect(try await auditHead(world) == before, "nothing written")
            // the whole list: the official (again) and a newcomer
            let good = try await client.send(
                .post, path, json: try importBody("name,state,sex,attended\nOfficial,\(code),female,all\nNew (fictional),\(code),male,\n"),
                headers: officer)
            #expect(good.status == .created)
            #expect(try decode(Components.Schemas.ParticipantImportResult.self, good).imported == 2)
            // pseudonyms only: the officer holds no personal-data right
            var listed = try decode([Components.Schemas.Participant].self, try await client.send(.get, path, headers: officer))
            #expect(listed.count == 2 && listed.allSatisfy { $0.personal == nil })
            #expect(listed.map(\.attended) == [["2025-03-10", "2025-03-11"], []])
            // attendance: the newcomer came on the second day; a day outside the event is refused
            let newcomer = try #require(listed.last).personId
            let attendance = "\(path)/\(newcomer)/attendance"
            let recorded = try await client.send(.put, attendance, json: #"{"days":["2025-03-11"]}"#, headers: officer)
            #expect(try decode(Components.Schemas.Attendance.self, recorded).days == ["2025-03-11"])
            #expect(try await client.send(.put, attendance, json: #"{"days":["2025-03-12"]}"#, headers: officer).status == .conflict)
            let stranger = try await client.send(.put, "\(path)/\(home.person)/attendance", json: #"{"days":[]}"#, headers: officer)
            #expect(stranger.status == .notFound, "registered at the other event only")
            // the official at both events is suggested once, and merged only when confirmed
            let suggestions = try decode(
                [Components.Schemas.DuplicateSuggestion].self, try await client.send(.get, "/api/v1/programme/duplicates", headers: officer))
            let pair = try #require(suggestions.first)
            #expect(suggestions.count == 1 && pair.keep.personId == home.person && pair.keep.personal == nil)
            let merge = #"{"keepId":"\#(pair.keep.personId)","otherId":"\#(pair.other.personId)"}"#
            let turned = #"{"keepId":"\#(pair.other.personId)","otherId":"\#(pair.keep.personId)"}"#
            #expect(try await client.send(.post, "/api/v1/programme/duplicates/merge", json: turned, headers: officer).status == .notFound)
            #expect(try await client.send(.post, "/api/v1/programme/duplicates/merge", json: merge, headers: officer).status == .noContent)
            #expect(try await client.send(.post, "/api/v1/programme/duplicates/merge", json: merge, headers: officer).status == .notFound)
            // the same officer granted the personal-data right for the state reads the names
            let officerID = world.user(.programmeOfficer).id
            try await world.services.accounts.addGrant(
                RoleGrant(id: Identifier.make(), userID: officerID, role: .personalDataOfficer, stateID: world.home.id),
                by: SystemAuthority.administrator(),
                audit: AuditEvent(.grantAdd, by: AuditActor(id: "test", label: "test"), entity: officerID, state: world.home.id))
            listed = try decode([Components.Schemas.Participant].self, try await client.send(.get, path, headers: officer))
            #expect(listed.map(\.personal?.name) == ["Official", "New (fictional)"])
            #expect(listed.first?.personId == home.person, "the merged official is the one kept")
            // a focal point reads neither the list nor the suggestions
            let focal = try await auth(world, .focalPoint)
            #expect(try await client.send(.get, path, headers: focal).status == .forbidden)
            #expect(try await client.send(.get, "/api/v1/programme/duplicates", headers: focal).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.kinds)
    func workIsLinkedOnlyWhereTheOfficersOwnGrantsOpenIt(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let home = try #require(world.programme[world.home.id])
            let officer = try await auth(world, .programmeOfficer)
            let path = "/api/v1/programme/events/\(home.event)/links"
            // the foreign state's assessment is neither the event's state's work nor open to the officer's grants
            let before = try await auditHead(world)
            let refused = try await client.send(
                .post, path, json: #"{"kind":"assessment","targetId":"\#(world.foreignAssessmentID)"}"#, headers: officer)
            #expect(refused.status == .badRequest)
            #expect(try fields(refused) == ["targetId"])
            #expect(!refused.text.contains(TestWorld.foreignMarker))
            #expect(try await auditHead(world) == before)
            // the state's own assessment, which the officer's grant opens: linked once
            let body = #"{"kind":"assessment","targetId":"\#(world.homeAssessmentID)"}"#
            let linked = try await client.send(.post, path, json: body, headers: officer)
            #expect(linked.status == .created)
            let link = try decode(Components.Schemas.EventLink.self, linked)
            #expect(link.stateId == world.home.id && link.role == .run)
            #expect(try await client.send(.post, path, json: body, headers: officer).status == .badRequest, "linked twice")
            #expect(try decode([Components.Schemas.EventLink].self, try await client.send(.get, path, headers: officer)).count == 1)
            // unlinked once, then there is nothing to unlink; the agenda's session is removed the same way
            let unlink = "\(path)/assessment/\(world.homeAssessmentID)"
            #expect(try await client.send(.delete, unlink, headers: officer).status == .noContent)
            #expect(try await client.send(.delete, unlink, headers: officer).status == .notFound)
            #expect(try await client.send(.post, path, json: body, headers: officer).status == .created, "linked again")
            let detail = try decode(
                Components.Schemas.ProgrammeEventDetail.self, try await client.send(.get, "/api/v1/programme/events/\(home.event)", headers: officer))
            let session = try #require(detail.agenda.first).id
            let focalHeaders = try await auth(world, .focalPoint)
            let agendaPath = "/api/v1/programme/events/\(home.event)/agenda/\(session)"
            #expect(try await client.send(.delete, agendaPath, headers: focalHeaders).status == .forbidden)
            #expect(try await client.send(.delete, agendaPath, headers: officer).status == .noContent)
            #expect(try await client.send(.delete, agendaPath, headers: officer).status == .notFound)
            let actions = try await world.services.audit.list(SystemAuthority.administrator(), page: PageRequest(limit: 5)).map(\.action)
            #expect(actions.contains("programme.agenda_remove") && actions.contains("programme.event_unlink"))
            // a baseline belongs to a follow-up visit, and a national workshop is not one
            let baseline = try await client.send(
                .post, path, json: #"{"kind":"assessment","targetId":"\#(world.homeAssessmentID)","role":"baseline"}"#, headers: officer)
            #expect(try fields(baseline).contains("role"))
            // the focal point reads the link (their grant opens the assessment); the donor reads no event at all
            let focal = try await auth(world, .focalPoint)
            #expect(
                try decode([Components.Schemas.EventLink].self, try await client.send(.get, path, headers: focal)).map(\.targetId) == [
                    world.homeAssessmentID
                ])
            #expect(try await client.send(.get, path, headers: try await auth(world, .donorViewer)).status == .forbidden)
        }
    }
}
