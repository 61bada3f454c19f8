import Testing

@testable import CTTechWeb

/// The lookup templates use instead of Mustache's reflection of every property (``TemplateModel``): the same answers,
/// property by property, for every type.
@Suite("Template models answer by name like Mustache's own lookup")
struct TemplateModelTests {
    struct Sample: TemplateModel {
        let title: String
        let count: Int?
        let missing: Int?
        let rows = [1, 2, 3]
    }

    struct Other: TemplateModel {
        let rows: String
        let title: Bool
    }

    @Test func eachNameGivesItsPropertyAndOptionalsAreUnwrapped() {
        // setup
        let sample = Sample(title: "T", count: 2, missing: nil)
        let other = Other(rows: "r", title: true)
        // act and check
        #expect(sample.child(named: "title") as? String == "T")
        #expect(sample.child(named: "count") as? Int == 2)
        #expect(sample.child(named: "missing") == nil)
        #expect(sample.child(named: "rows") as? [Int] == [1, 2, 3])
        #expect(sample.child(named: "nothing") == nil)
        // Positions are kept per type: the same names in another type in another order.
        #expect(other.child(named: "rows") as? String == "r")
        #expect(other.child(named: "title") as? Bool == true)
        #expect(sample.child(named: "title") as? String == "T")
    }

    @Test func everyPageAnswersEveryStoredPropertyByName() async throws {
        for page in try await TemplateTests.mocks() {
            for child in Mirror(reflecting: page).children {
                guard let label = child.label else { continue }
                let optional = Mirror(reflecting: child.value).displayStyle == .optional
                let found = page.child(named: label)
                #expect(optional || found != nil, "\(type(of: page)).\(label)")
            }
        }
    }
}
