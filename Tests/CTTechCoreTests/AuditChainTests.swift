import PropertyBased
import Testing

@testable import CTTechCore

@Suite("Hash-chained audit log")
struct AuditChainTests {
    func chain(_ count: Int) -> [AuditEntry] {
        var entries: [AuditEntry] = []
        for i in 0..<count {
            let event = AuditEvent(
                actorID: "u\(i % 3)", actorLabel: "user\(i % 3)@example.org", action: "state.update", entityType: "partner_state", entityID: "s\(i)",
                stateID: i % 2 == 0 ? "s" : nil, details: ["profile": "before → after \(i)", "name": "Валдория / فالدوريا"])
            entries.append(AuditChain.seal(event, after: entries.last.map { ($0.seq, $0.hash) }, at: 1_700_000_000_000 + Int64(i)))
        }
        return entries
    }

    @Test func intactChainVerifies() {
        let entries = chain(5)
        #expect(entries.map(\.seq) == [1, 2, 3, 4, 5])
        #expect(entries[0].prevHash == AuditChain.genesis)
        #expect(entries[1].prevHash == entries[0].hash)
        #expect(AuditChain.verify(entries, recordedHead: (5, entries[4].hash)) == .intact(count: 5, headHash: entries[4].hash))
    }

    @Test func hashIsSHA256OfLengthPrefixedFields() {
        // Hand-built: the same entry must hash the same, and any one field change must change the hash.
        let entry = chain(1)[0]
        #expect(entry.hash.count == 64)
        #expect(AuditChain.hash(of: entry) == entry.hash)
        var moved = entry
        moved.actorID = "u0x"
        moved.actorLabel = String(entry.actorLabel.dropFirst(0))
        #expect(AuditChain.hash(of: moved) != entry.hash)
    }

    @Test func detailsJSONIsCanonical() {
        let event = AuditEvent(
            actorID: "a", actorLabel: "a", action: "x", entityType: "t", entityID: "e", stateID: nil, details: ["b": "2\"", "a": "1\n"])
        #expect(event.detailsJSON == #"{"a":"1\n","b":"2\""}"#)
    }

    @Test(arguments: ["actorID", "actorLabel", "action", "entityType", "entityID", "stateID", "details", "at"])
    func alteringAnyFieldIsDetectedAtThatEntry(field: String) {
        var entries = chain(6)
        switch field {
        case "actorID": entries[3].actorID = "intruder"
        case "actorLabel": entries[3].actorLabel = "intruder@example.org"
        case "action": entries[3].action = "state.view"
        case "entityType": entries[3].entityType = "user"
        case "entityID": entries[3].entityID = "other"
        case "stateID": entries[3].stateID = "another-state"
        case "details": entries[3].details = "{}"
        default: entries[3].at += 1
        }
        #expect(AuditChain.verify(entries, recordedHead: (6, entries[5].hash)) == .broken(seq: 4, reason: "its content was altered (hash mismatch)"))
    }

    @Test func removingAnEntryIsDetected() {
        var entries = chain(6)
        entries.remove(at: 2)
        guard case .broken(let seq, _) = AuditChain.verify(entries, recordedHead: nil) else {
            Issue.record("a gap must be detected")
            return
        }
        #expect(seq == 3)
    }

    @Test func removingTheTailIsDetectedByTheHead() {
        let entries = chain(6)
        guard case .broken(let seq, _) = AuditChain.verify(Array(entries.prefix(4)), recordedHead: (6, entries[5].hash)) else {
            Issue.record("a removed tail must be detected")
            return
        }
        #expect(seq == 5)
    }

    @Test func rehashedForgeryBreaksTheNextLink() {
        var entries = chain(5)
        entries[1].details = #"{"forged":"yes"}"#
        entries[1].hash = AuditChain.hash(of: entries[1])
        #expect(AuditChain.verify(entries, recordedHead: nil) == .broken(seq: 3, reason: "does not link to the entry before it"))
    }

    /// Law: for any chain length and any single altered entry, verification names exactly that entry.
    @Test func anySingleAlterationIsLocated() async {
        await propertyCheck(input: Gen.int(in: 1...30), Gen.int(in: 0...29)) { length, index in
            var entries = chain(length)
            let target = index % length
            entries[target].details = "{\"tampered\":\"\(index)\"}"
            #expect(
                AuditChain.verify(entries, recordedHead: nil) == .broken(seq: Int64(target + 1), reason: "its content was altered (hash mismatch)"))
        }
    }
}
