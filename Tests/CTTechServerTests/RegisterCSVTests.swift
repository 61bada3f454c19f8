import CTTechCore
import CTTechServer
import CTTechTestSupport
import CTTechWeb
import HTTPTypes
import HummingbirdTesting
import Testing

/// Issue 9: the stable CSV for software stays as it was; `?language=` gives a CSV for people, headed and worded in one
/// of the six languages; the charts are drawn in the reader's language.
@Suite("Register downloads and charts in the reader's language (issue 9)")
struct RegisterCSVTests {
    /// One scored scenario (substantial threat, too few ratings) and one other national risk.
    static func document() throws -> RegisterDocument {
        let scenario = ThreatScenario(
            id: "s1", assessmentID: "a", title: "Drone swarm, harbour", narrative: "", actorType: "A1", technologies: ["T01"], purposes: ["P1"],
            targetSector: "", horizonYears: 2, version: 1)
        let score = try ScoreDraft(
            fields: [
                "intent": "4", "actorCapability": "3", "technologyAccessibility": "4", "opportunity": "3", "likelihoodLow": "0.01",
                "likelihoodBest": "0.05", "likelihoodHigh": "0.2", "confidence": "moderate",
            ].merging(ImpactDimension.allCases.map { ("impact.\($0.rawValue)", "3") }) { $1 }
        ).validated(scenarioID: "s1", round: 1, assessorID: "u")
        let flood = OtherRisk(
            id: "r1", title: "River flooding", family: "natural hazard",
            likelihood: try UncertainEstimate(low: 0.2, best: 0.35, high: 0.5, within: 0...1),
            impact: try UncertainEstimate(low: 3, best: 4, high: 5, within: 1...5), confidence: .high)
        let assessment = Assessment(
            id: "a", stateID: "st", title: "t", period: "p", horizonYears: 2, methodVersion: "m", tlp: .amber, status: .draft, version: 1)
        return RegisterDocument(
            assessment: assessment,
            register: RiskRegister.compute(scenarios: [scenario], scores: [score], round: 1, otherRisks: [flood], draws: 200),
            basisRound: 1, draws: 200, seed: 1)
    }

    /// The French header, checked by hand against the catalog: labels with a comma are quoted, nothing else changes.
    static let frenchHeader =
        "Marquage (TLP),Rang (médian),\"Rang, 10e centile\",\"Rang, 90e centile\",Probabilité d'être parmi les 5 premiers,Identifiant,Type,"
        + "Risque,\"Menace, médiane (I × C)\",Niveau de menace,Consensus,\"Probabilité, basse\",\"Probabilité, meilleure estimation\","
        + "\"Probabilité, haute\",\"Impact, bas\",\"Impact, meilleure estimation\",\"Impact, haut\",Impact : Décès et blessures,"
        + "Impact : Économie,Impact : Services essentiels,Impact : Société / psychologie,Impact : Confiance du public / politique,"
        + "Impact : Relations internationales,Impact : Droits de l'homme et cohésion sociale,Confiance,Besoin de renseignement,"
        + "Probabilité dérivée,Probabilité éloignée de la probabilité dérivée,Rang résiduel,Rang résiduel (10e centile),"
        + "Rang résiduel (90e centile),\"Probabilité résiduelle, basse\",\"Probabilité résiduelle, meilleure estimation\","
        + "\"Probabilité résiduelle, haute\",\"Impact résiduel, bas\",\"Impact résiduel, meilleure estimation\",\"Impact résiduel, haut\","
        + "Efficacité prévue"

    static let stableHeader =
        "tlp,rank,rank_low_p10,rank_high_p90,p_top5,id,kind,title,threat_median,threat_band,consensus,likelihood_low,likelihood_best,"
        + "likelihood_high,impact_low,impact_best,impact_high,impact_fatalities,impact_economic,impact_essential_services,impact_societal,"
        + "impact_public_confidence,impact_international,impact_human_rights,confidence,intelligence_requirement,derived_likelihood,"
        + "likelihood_divergent,residual_rank,residual_rank_low,residual_rank_high,residual_likelihood_low,residual_likelihood_best,"
        + "residual_likelihood_high,residual_impact_low,residual_impact_best,residual_impact_high,planned_effectiveness"

    @Test func theCSVForPeopleIsHeadedAndWordedInItsLanguage() throws {
        // setup
        let document = try Self.document()
        // act
        let stable = document.csv().components(separatedBy: "\r\n")
        let french = document.csv(in: Localizer(.french)).components(separatedBy: "\r\n")
        // check: the stable CSV keeps its keys and English values
        #expect(stable[0] == Self.stableHeader)
        let stableScenario = Self.cells(try #require(stable.first { $0.contains(",s1,") }))
        #expect(Array(stableScenario[5...10]) == ["s1", "scenario", "Drone swarm, harbour", "12", "Substantial", "too few ratings"])
        #expect(stableScenario[24] == "moderate")
        // the French one: a byte order mark, the header in French, the words in French, ids and numbers unchanged
        #expect(french[0] == "\u{FEFF}" + Self.frenchHeader)
        let scenario = Self.cells(try #require(french.first { $0.contains(",s1,") }))
        #expect(Array(scenario[5...10]) == ["s1", "scénario", "Drone swarm, harbour", "12", "Substantiel", "trop peu de notes"])
        #expect(scenario[24] == "modérée")
        let words = [6, 9, 10, 24, 25, 27]
        for index in stableScenario.indices where !words.contains(index) {
            #expect(scenario[index] == stableScenario[index], "column \(index) is a code or a number: unchanged")
        }
        #expect(["oui", "non"].contains(scenario[25]) && ["oui", "non"].contains(scenario[27]))
        #expect((scenario[25] == "oui") == (stableScenario[25] == "yes") && (scenario[27] == "oui") == (stableScenario[27] == "yes"))
        let flood = Self.cells(try #require(french.first { $0.contains(",r1,") }))
        #expect(Array(flood[5...17]) == ["r1", "autre risque", "River flooding", "", "", "", "0.2", "0.35", "0.5", "3", "4", "5", ""])
        #expect(flood[24] == "élevée" && flood[25] == "non" && flood[27] == "non")
        #expect(french.count == stable.count, "the same rows")
        #expect(stable.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("AMBER,") })
        #expect(french.dropFirst().allSatisfy { $0.isEmpty || $0.hasPrefix("AMBER,") }, "the marking is a code: never translated")
        // Arabic and Chinese words, for good measure
        #expect(document.csv(in: Localizer(.arabic)).contains(",s1,سيناريو,"))
        #expect(document.csv(in: Localizer(.chinese)).contains(",r1,其他风险,"))
    }

    /// The cells of one CSV line (RFC 4180 quoting).
    static func cells(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var quoted = false
        var previous: Character = " "
        for character in line {
            if character == "\"" {
                if quoted && previous == "\"" { current.append("\"") }
                quoted.toggle()
            } else if character == "," && !quoted {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            previous = character
        }
        return cells + [current]
    }

    @Test func theWebDownloadTakesALanguageAndRefusesAnUnknownOne() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let focal = try await world.session(.focalPoint)
            let path = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)/register.csv"
            // act
            let stable = try await client.send(.get, path, session: focal)
            let french = try await client.send(.get, path + "?language=fr", session: focal)
            let unknown = try await client.send(.get, path + "?language=de", session: focal)
            // check: without a parameter, the CSV as before
            #expect(stable.status == .ok && stable.text.hasPrefix(Self.stableHeader + "\r\n"))
            #expect(stable.headers[.contentDisposition]?.hasSuffix(".csv\"") == true && stable.headers[.contentLanguage] == nil)
            // with one, the CSV for people in that language, with its own file name and validator
            #expect(french.status == .ok && french.text.hasPrefix("\u{FEFF}" + Self.frenchHeader + "\r\n"))
            #expect(french.headers[.contentType] == "text/csv; charset=utf-8" && french.headers[.contentLanguage] == "fr")
            #expect(french.headers[.contentDisposition]?.hasSuffix("-fr.csv\"") == true)
            #expect(french.headers[.eTag] != stable.headers[.eTag])
            let etag = try #require(french.headers[.eTag])
            #expect(try await client.send(.get, path + "?language=fr", session: focal, headers: [.ifNoneMatch: etag]).status == .notModified)
            // an unknown language: a 400 that names the six codes
            #expect(unknown.status == .badRequest)
            #expect(unknown.text.contains("The language “de” is not available: use one of ar, zh, en, fr, ru, es."))
        }
    }

    @Test func chartsAreDrawnInTheReadersLanguage() async throws {
        try await withApp(.sqlite) { world, client in
            // setup
            let viewer = try await world.session(.assessor)
            let path = "/states/\(world.home.id)/assessments/\(world.homeAssessmentID)/register-heatmap.svg"
            // act
            let english = try await client.send(.get, path, session: viewer)
            let arabic = try await client.send(.get, path, session: viewer, headers: [.acceptLanguage: "ar"])
            let again = try await client.send(.get, path, session: viewer, headers: [.acceptLanguage: "ar"])
            // check
            #expect(english.status == .ok && english.text.contains(">Level:</text>") && !english.text.contains("direction="))
            #expect(arabic.status == .ok && arabic.headers[.contentLanguage] == "ar")
            #expect(arabic.text.contains("direction=\"rtl\">المستوى:</text>") && arabic.text.contains("xml:lang=\"ar\""))
            #expect(again.text == arabic.text, "drawn once per revision and language, then served from the cache")
        }
    }
}
