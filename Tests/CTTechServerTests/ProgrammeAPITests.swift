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
            let gone = try await client.send(.get, "/api/v1/states/\(world.foreign.id)/practices/\(practice.id)", headers: foreign)
            #expect(gone.status == .notFound)
            let list = try decode(
                [Components.Schemas.Practice].self, try await client.send(.get, "/api/v1/states/\(world.foreign.id)/practices", headers: foreign))
            #expect(!list.contains { $0.id == practice.id })
        }
    }
}
