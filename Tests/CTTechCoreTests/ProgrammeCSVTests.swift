import CTTechCore
import Testing

/// Issue 13: the knowledge products export — one line a product, the events where it was presented, text escaped like
/// every export (a leading `=` cannot start a formula, a comma or quote is quoted).
@Suite("Programme: the knowledge products as CSV")
struct ProgrammeCSVTests {
    @Test func eachProductIsOneLineWithWhereItWasPresented() {
        let handbook = KnowledgeProduct(
            id: "p1", title: "Handbook, \"new\" technologies", kind: .handbook, languages: ["en", "ru"], year: 2023, audience: "Police",
            topics: ["T01", "T08"], link: "https://example.org/h", summary: "not exported")
        let guide = KnowledgeProduct(
            id: "p2", title: "=HYPERLINK(\"x\")", kind: .referenceGuide, languages: ["fr"], year: 2024, audience: "", topics: [], link: "",
            summary: "")
        let csv = ProgrammeCSV.products([handbook, guide], presentedAt: ["p1": ["Tashkent workshop", "Bangkok workshop"]])
        #expect(
            csv
                == "id,title,kind,languages,year,audience,topics,link,presented_at\r\n"
                + "p1,\"Handbook, \"\"new\"\" technologies\",handbook,en; ru,2023,Police,T01; T08,https://example.org/h,Tashkent workshop; Bangkok workshop\r\n"
                + "p2,\"'=HYPERLINK(\"\"x\"\")\",reference-guide,fr,2024,,,,\r\n")
    }
}
