import CTTechCore
import Foundation
import Testing

@testable import CTTechWeb

@Suite("Every page has its template")
struct TemplateTests {
    /// Every page type of the module: what the snapshot tests cover.
    static let pageTypes: [any WebPage.Type] = [
        LoginPage.self, TOTPPage.self, AccountPage.self, AdminStatesPage.self, AdminUsersPage.self, AuditLogPage.self, UserFormPage.self,
        HomePage.self, StatePage.self, StateFormPage.self, ReferencePage.self, ErrorPage.self, AssessmentsPage.self, AssessmentPage.self,
        EditRecordPage.self, InstitutionsPage.self, HorizonScanPage.self, ScenarioPage.self, RegisterPage.self, OtherRisksPage.self,
        SnapshotPage.self, ComparePage.self, RoundConfirmPage.self, ResponsesPage.self, ResponseFormPage.self, ResponsePage.self,
        ResidualTracePage.self, OptionsPage.self, PortfolioPage.self, CompliancePage.self, PolicyDocumentPage.self, CapabilityPage.self,
        CapabilityFormPage.self, CapabilityAssessmentPage.self, AreaAnswersPage.self, CapabilityPlanPage.self, CapabilityComparePage.self,
        RoadmapPage.self, RoadmapFormPage.self, RoadmapItemPage.self, FrameworksPage.self, FrameworkPage.self,
        LiveSessionsPage.self, LiveSessionPage.self, LiveResultsPage.self, LivePresenterPage.self, LiveJoinPage.self, LiveParticipantPage.self,
        RoundStatisticsPage.self, ProgrammePage.self, ProgrammeEventFormPage.self, ProgrammeEventPage.self, ProgrammeDashboardPage.self,
        ProgrammeRequestsPage.self, ProgrammeFollowUpsPage.self, ProgrammeDuplicatesPage.self, PracticesPage.self, PracticeFormPage.self,
        PracticePage.self, ProgrammeProductsPage.self, ProgrammeProductPage.self, ProgrammeTimelinePage.self,
    ]
    static let fragmentTypes: [any WebFragment.Type] = [RegisterBody.self]

    /// One mock of every page.
    static func mocks() async throws -> [any WebPage] {
        [
            LoginPage.mock, TOTPPage.mock, AccountPage.mock, AdminStatesPage.mock, AdminUsersPage.mock, AuditLogPage.mock, UserFormPage.mock,
            HomePage.mock, StatePage.mock, StateFormPage.mock, ReferencePage.mock, ErrorPage.mock, AssessmentsPage.mock, AssessmentPage.mock,
            EditRecordPage.mock, InstitutionsPage.mock, HorizonScanPage.mock, ScenarioPage.mock, try await RegisterPage.mock, OtherRisksPage.mock,
            SnapshotPage.mock, ComparePage.mock, RoundConfirmPage.reveal, ResponsesPage.mock, ResponseFormPage.new, ResponsePage.policyMaker,
            ResidualTracePage.mock, OptionsPage.mock, PortfolioPage.overBudget, CompliancePage.mock, PolicyDocumentPage.mock, CapabilityPage.mock,
            CapabilityFormPage.newSelf, CapabilityAssessmentPage.mock, AreaAnswersPage.editable, CapabilityPlanPage.mock, CapabilityComparePage.mock,
            RoadmapPage.mock, RoadmapFormPage.new, RoadmapItemPage.adoptionBlocked, FrameworksPage.administrator, FrameworkPage.mock,
            LiveSessionsPage.mock, LiveSessionPage.mock, LiveResultsPage.mock, LivePresenterPage.mock, LiveJoinPage.mock, LiveParticipantPage.mock,
            RoundStatisticsPage.mock, ProgrammePage.mock, ProgrammeEventFormPage.refused, ProgrammeEventPage.officer, ProgrammeDashboardPage.mock,
            ProgrammeRequestsPage.officer, ProgrammeFollowUpsPage.officer, ProgrammeDuplicatesPage.mock, PracticesPage.mock, PracticeFormPage.refused,
            PracticePage.received, ProgrammeProductsPage.refused, ProgrammeProductPage.mock, ProgrammeTimelinePage.mock,
        ]
    }

    static var templateFiles: [String] { SourceTree.files(under: "Sources/CTTechWeb/Pages", endingWith: ".mustache") }

    static func name(of path: String) -> String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }

    @Test func everyPageTypeOfTheSourcesIsCovered() throws {
        // setup
        let sources = SourceTree.files(under: "Sources/CTTechWeb", endingWith: ".swift")
        let declaration = /struct (\w+): (WebPage|WebFragment)\b/
        // act
        let declared = try Set(
            sources.flatMap { path in try SourceTree.lines(of: path).compactMap { $0.text.firstMatch(of: declaration).map { String($0.1) } } })
        let covered = Set(Self.pageTypes.map { String(describing: $0) } + Self.fragmentTypes.map { String(describing: $0) })
        // check
        #expect(declared.count > 20)
        #expect(declared == covered, "a page without a mock and snapshot test, or a test of a page that is gone")
    }

    @Test func everyPageHasItsTemplateBesideIt() async throws {
        // setup
        let renderer = try await Pages.renderer.value
        let swiftFiles = SourceTree.files(under: "Sources/CTTechWeb/Pages", endingWith: ".swift")
        let templates = Self.templateFiles
        let names = Self.pageTypes.map { ($0 as Any.Type, $0.template) } + Self.fragmentTypes.map { ($0 as Any.Type, $0.template) }
        for (type, template) in names {
            // act
            let model = swiftFiles.first { Self.name(of: $0) == String(describing: type) }
            let file = templates.first { Self.name(of: $0) == template }
            // check
            #expect(file != nil, "\(type) names the template \(template), and there is no \(template).mustache")
            #expect(renderer.library.getTemplate(named: template) != nil, "\(template) is not in the bundle")
            if let model, let file {
                #expect(
                    URL(fileURLWithPath: model).deletingLastPathComponent() == URL(fileURLWithPath: file).deletingLastPathComponent(),
                    "\(file) is not beside \(model)")
            }
        }
    }

    @Test func templateNamesAreUnique() {
        // setup
        let names = Self.templateFiles.map(Self.name(of:))
        // act
        let repeated = Dictionary(grouping: names, by: { $0 }).filter { $0.value.count > 1 }.keys
        // check
        #expect(repeated.isEmpty, "the bundle holds templates flat, so one name would hide the other")
    }

    @Test func everyPartialAndLayoutExists() throws {
        // setup
        let names = Set(Self.templateFiles.map(Self.name(of:)))
        let reference = /\{\{[<>]\s*([\w-]+)\s*\}\}/
        // act
        let missing = try Self.templateFiles.flatMap { path in
            try SourceTree.lines(of: path).flatMap { line in
                line.text.matches(of: reference).map { String($0.1) }.filter { !names.contains($0) }.map { "\(path):\(line.number): \($0)" }
            }
        }
        // check
        #expect(missing == [], "a missing partial renders as nothing, silently")
    }

    @Test func everyMockRendersFromItsTemplate() async throws {
        // setup
        let pages = try await Self.mocks()
        for page in pages {
            // act
            let html = try await Pages.html(page)
            // check
            #expect(!html.contains("Template \(type(of: page).template) is missing"), "\(type(of: page)) fell back")
            #expect(html.hasPrefix("<!doctype html>") && html.contains("</html>"))
        }
        #expect(Set(pages.map { String(describing: type(of: $0)) }) == Set(Self.pageTypes.map { String(describing: $0) }))
    }
}
