import Testing

@testable import CTTechCore

@Suite("Reference data and support types")
struct ReferenceDataTests {
    @Test func defaultMethodMatchesDomainLists() {
        let method = MethodVersion.ctTechDefault
        #expect(method.problems().isEmpty)
        #expect(method.items(.technologies).count == 18)
        #expect(method.items(.purposes).count == 10)
        #expect(method.items(.capabilityAreas).count == 12)
        #expect(method.items(.enablers).count == 9)
        #expect(method.items(.maturityStages).map(\.name) == ["Start-up", "Formative", "Established", "Strategic", "Dynamic"])
        #expect(method.items(.responseTypes).count == 12)
        #expect(method.items(.humanRightsChecks).count == 13)
        #expect(method.items(.genderChecks).count == 10)
        #expect(method.items(.tlpLevels).map(\.code) == ["CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"])
    }

    @Test func methodProblemsAreFound() {
        var method = MethodVersion.ctTechDefault
        method.lists[.purposes] = [ReferenceItem("P1", "A"), ReferenceItem("P1", "B")]
        method.lists[.enablers] = []
        #expect(method.problems() == ["purposes repeats code P1", "enablers is empty"])
    }

    @Test func tlpOrderAndStixIDs() {
        #expect(TLP.clear < TLP.green && TLP.green < TLP.amber && TLP.amber < TLP.amberStrict && TLP.amberStrict < TLP.red)
        #expect(TLP.amber.stixMarkingDefinitionID == "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421")
        #expect(TLP.amberStrict.label == "TLP:AMBER+STRICT")
    }

    @Test func base64URLKnownVectors() {
        // RFC 4648 test vectors, URL alphabet, no padding.
        #expect(Base64URL.encode(Array("".utf8)) == "")
        #expect(Base64URL.encode(Array("f".utf8)) == "Zg")
        #expect(Base64URL.encode(Array("fo".utf8)) == "Zm8")
        #expect(Base64URL.encode(Array("foobar".utf8)) == "Zm9vYmFy")
        #expect(Base64URL.encode([0xFB, 0xFF]) == "-_8")
    }

    @Test func identifiersAreUUIDShaped() {
        let ids = (0..<100).map { _ in Identifier.make() }
        #expect(ids.allSatisfy(Identifier.isValid))
        #expect(Set(ids).count == 100)
        #expect(!Identifier.isValid("../../etc/passwd"))
        #expect(!Identifier.isValid("11111111-1111-4111-8111-11111111111G"))
    }

    @Test func sha256Hex() {
        #expect(Identifier.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func constantTimeComparison() {
        #expect(constantTimeEquals("abc", "abc"))
        #expect(!constantTimeEquals("abc", "abd"))
        #expect(!constantTimeEquals("abc", "abcd"))
    }
}
