import CTTechCore
import Testing

@testable import CTTechWeb

/// The checks every page goes through find what they claim to find.
@Suite("The page checks themselves")
struct HTMLCheckTests {
    @Test func linksOutsideSiteURLAreNamed() {
        // setup
        let state = Valdoria.state.id
        let targets = [
            SiteURL.assessment(state, Valdoria.assessment.id).path, SiteURL.adminUserNew.path, SiteURL.stylesheet.path, "#main",
            SiteURL.snapshotChart(state, Valdoria.assessment.id, number: 2, .ranks).path, SiteURL.audit.path + "?before=12",
            "https://example.org/", "/states/\(state)/nowhere", SiteURL.state("").path, SiteURL.scenario(state, "42", scenario: "x").path, "#",
        ]
        // act
        let problems = targets.map { SiteURLPatterns.problem(with: $0) != nil }
        // check
        #expect(problems == [false, false, false, false, false, false, true, true, true, true, true])
    }

    @Test func controlsWithoutALabelAreFound() {
        // setup
        let html = HTML(
            """
            <label for="a">A</label><input id="a" name="a">
            <label class="check"><input type="checkbox" name="b"> B</label>
            <input name="c" aria-label="C"><input type="hidden" name="_csrf" value="t">
            <input id="d" name="d"><select name="e"></select>
            """)
        // act
        let unlabelled = html.unlabelledControls
        // check
        #expect(unlabelled == [#"<input id="d" name="d">"#, #"<select name="e">"#])
    }

    @Test func repeatedIDsAndPostFormsAreCounted() {
        // setup
        let html = HTML(
            #"<form method="post" action="/logout"><input id="x"></form><form method="get" action="/home"></form><p id="x"></p><h2 id="y">"#)
        // act
        let repeated = html.duplicateIDs
        let posts = html.postForms.count
        // check
        #expect(repeated == ["x"])
        #expect(posts == 1)
    }
}
