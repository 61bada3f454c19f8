import CTTechCore
import Testing

/// Issue 13: the sharing-scope matrix of good-practice exchange — every marking × scope × viewer state, withdrawn or
/// not. Nobody outside the scope sees a practice or learns it exists.
@Suite("Programme: who sees a shared good practice")
struct PracticeSharingTests {
    static func state(_ id: String, _ region: Region) -> PartnerState {
        PartnerState(id: id, code: id, name: "State \(id)", region: region, defaultTLP: .amber, profile: "", version: 1)
    }

    // The sharing state A (Caribbean); B, the state chosen, and C in Central Asia; D in East Africa.
    static let a = state("A", .caribbean)
    static let b = state("B", .centralAsia)
    static let c = state("C", .centralAsia)
    static let d = state("D", .eastAfrica)

    enum ScopeCase: String, CaseIterable {
        case chosenB, regionOfB, allPartners
        var scope: SharedPractice.Scope {
            switch self {
            case .chosenB: .states(["B"])
            case .regionOfB: .region(.centralAsia)
            case .allPartners: .allPartners
            }
        }
    }

    /// Who sees it, by hand: the viewers (of A, B, C, D) for each scope and marking, while not withdrawn.
    static func expected(_ tlp: TLP, _ scope: ScopeCase) -> Set<String> {
        switch (scope, tlp) {
        case (.chosenB, _): ["A", "B"]
        case (.regionOfB, .red), (.allPartners, .red): ["A"]
        case (.regionOfB, _): ["A", "B", "C"]
        case (.allPartners, _): ["A", "B", "C", "D"]
        }
    }

    @Test(arguments: TLP.allCases, ScopeCase.allCases)
    func everyMarkingScopeAndViewer(tlp: TLP, scope: ScopeCase) {
        for withdrawn in [false, true] {
            // setup
            let practice = SharedPractice(
                id: "p", stateID: "A", kind: .legislation, title: "Drone registration law", body: "…", tlp: tlp, scope: scope.scope,
                sharedOn: CalendarDate("2026-03-02")!, withdrawnOn: withdrawn ? CalendarDate("2026-05-04")! : nil)

            // act
            let seen = Set([Self.a, Self.b, Self.c, Self.d].filter { PracticeSharing.isVisible(practice, to: $0) }.map(\.id))

            // check: a withdrawn practice stays with the state that shared it
            #expect(seen == (withdrawn ? ["A"] : Self.expected(tlp, scope)), "\(tlp.rawValue) \(scope.rawValue) withdrawn: \(withdrawn)")
        }
    }

    @Test func redGoesToNamedStatesOnlyAndAScopeNamesSomeoneElse() throws {
        #expect(throws: ValidationFailure.self) { try PracticeSharing.checkScope(.region(.centralAsia), tlp: .red, sharingState: "A") }
        #expect(throws: ValidationFailure.self) { try PracticeSharing.checkScope(.allPartners, tlp: .red, sharingState: "A") }
        #expect(throws: ValidationFailure.self) { try PracticeSharing.checkScope(.states(["A"]), tlp: .green, sharingState: "A") }
        #expect(throws: ValidationFailure.self) { try PracticeSharing.checkScope(.states([]), tlp: .clear, sharingState: "A") }
        try PracticeSharing.checkScope(.states(["B"]), tlp: .red, sharingState: "A")
        try PracticeSharing.checkScope(.allPartners, tlp: .amberStrict, sharingState: "A")
    }
}
