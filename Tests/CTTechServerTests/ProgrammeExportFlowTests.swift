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

/// Issue 13 through the real router, on both databases: the CSV exports keep to the caller's scope and publish the
/// breakdowns of people with the dashboards' suppression; a donor exports aggregates and no record.
@Suite("Programme exports end to end (issue 13)")
struct ProgrammeExportFlowTests {
    @Test(arguments: TestDatabase.kinds)
    func exportsKeepToTheScopeAndSuppressSmallGroups(_ kind: DatabaseKind) async throws {
        try await withApp(kind) { world, client in
            let focal = try await world.session(.focalPoint)
            // the home state's one participant (a woman) is a group of one: suppressed, and the totals with it
            let byState = try await client.send(.get, SiteURL.programmeFiguresCSV(.participantsByState).path, session: focal)
            #expect(byState.status == .ok && byState.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(byState.headers[.contentDisposition]?.contains("programme-participants-by-state-AMBER.csv") == true)
            let lines = byState.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "key,label,female,male,other,undeclared,total")
            let home = try #require(lines.first { $0.contains("Republic of Valdoria") })
            #expect(home.hasSuffix(",suppressed,0,0,0,suppressed"), "\(home)")
            #expect(!byState.text.contains(",1,") && !byState.text.contains(TestWorld.foreignMarker))
            // the event's row, protected on its own
            let byEvent = try await client.send(.get, SiteURL.programmeFiguresCSV(.participantsByEvent, year: 2024).path, session: focal)
            #expect(byEvent.text.contains("National workshop,suppressed,0,0,0,suppressed"), "\(byEvent.text)")
            // the records of the home state only
            for (table, expected) in [
                (ProgrammeCSV.Records.events, "National workshop"), (.requests, "Training on AI"), (.actionItems, "Adopt a strategy"),
                // the programme-wide product, presented where the reader reaches: the home workshop, not the foreign one
                (
                    .products,
                    "Handbook on new technologies,handbook,en; fr,2023,Law enforcement,T08,https://www.un.org/counterterrorism/,National workshop"
                ),
            ] {
                let records = try await client.send(.get, SiteURL.programmeRecordsCSV(table).path, session: focal)
                #expect(records.status == .ok && records.text.contains(expected), "\(table)")
                #expect(!records.text.contains(TestWorld.foreignMarker), "\(table)")
            }
            // an export that does not exist
            #expect(try await client.send(.get, "/programme/figures.csv?table=names", session: focal).status == .notFound)
            #expect(try await client.send(.get, "/programme/records.csv?table=people", session: focal).status == .notFound)
            // a donor exports the aggregates, never a record
            let donor = try await world.session(.donorViewer)
            #expect(try await client.send(.get, SiteURL.programmeFiguresCSV(.participantsByYear).path, session: donor).status == .ok)
            #expect(try await client.send(.get, SiteURL.programmeRecordsCSV(.requests).path, session: donor).status == .forbidden)
        }
    }
}
