import CTTechCore
import Testing

/// Issue 13: requests for assistance move received → triaged → planned → delivered (or are declined with a reason), and
/// age; action items of a follow-up are overdue past their due day until done (with evidence) or dropped.
@Suite("Programme: requests for assistance and follow-up action items")
struct AssistanceRequestTests {
    static func day(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let request = AssistanceRequest(
        id: "r1", stateID: "UZ", askedBy: "Ministry of Interior, cyber unit", eventID: "e1", topics: ["T01", "T03"],
        summary: "Training on dark-web investigations", receivedOn: day("2023-09-27"))

    @Test func aRequestMovesStepByStepAndIsDeliveredByAnEvent() throws {
        // act
        let triaged = try Self.request.moved(to: .triaged, on: Self.day("2023-10-02"))
        let planned = try triaged.moved(to: .planned, on: Self.day("2023-10-20"))
        var answered = planned
        answered.answeredBy = ["e9"]
        let delivered = try answered.moved(to: .delivered, on: Self.day("2024-02-15"))

        // check: no skipping, no delivery without the event that answers it; age counts to the day it closed
        #expect(throws: ValidationFailure.self) { try Self.request.moved(to: .planned, on: Self.day("2023-10-01")) }
        #expect(throws: ValidationFailure.self) { try planned.moved(to: .delivered, on: Self.day("2024-02-15")) }
        #expect(throws: ValidationFailure.self) { try delivered.moved(to: .declined, on: Self.day("2024-03-01"), reason: "late") }
        #expect(delivered.status == .delivered && delivered.changedOn == Self.day("2024-02-15"))
        // 27 Sep 2023 → 15 Feb 2024: 3 + 31 + 30 + 31 + 31 + 15 = 141 days
        #expect(delivered.age(on: Self.day("2026-12-02")) == 141)
        #expect(triaged.age(on: Self.day("2023-10-27")) == 30)
    }

    @Test func decliningNeedsAReason() throws {
        #expect(throws: ValidationFailure.self) { try Self.request.moved(to: .declined, on: Self.day("2023-10-02"), reason: "  ") }
        let declined = try Self.request.moved(to: .declined, on: Self.day("2023-10-02"), reason: "Covered by another provider")
        #expect(declined.status.isClosed && declined.declineReason == "Covered by another provider")
        #expect(AssistanceRequest.Status.allCases.filter(\.isClosed) == [.delivered, .declined])
    }

    @Test func anActionItemIsOverdueUntilDoneWithEvidenceOrDropped() throws {
        let item = ActionItem(
            id: "a1", recommendationID: "rec1", action: "Adopt the drone registration regulation", ownerAgency: "Civil aviation authority",
            due: Self.day("2024-06-30"))
        #expect(!item.isOverdue(on: Self.day("2024-06-30")) && item.isOverdue(on: Self.day("2024-07-01")))
        #expect(throws: ValidationFailure.self) { try item.recorded(.done) }
        let done = try item.recorded(.done, evidence: "Regulation 12/2024 published on 2 July 2024")
        #expect(!done.isOverdue(on: Self.day("2025-01-01")) && done.evidence.hasPrefix("Regulation"))
        #expect(!(try item.recorded(.dropped)).isOverdue(on: Self.day("2025-01-01")))
        #expect(try item.recorded(.inProgress).isOverdue(on: Self.day("2025-01-01")))
    }
}
