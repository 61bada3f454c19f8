import CTTechCore
import CTTechServer
import CTTechStore
import CTTechTestSupport
import CTTechWeb
import Testing

@Suite("Demo data")
struct DemoDataTests {
    @Test func demoIsFictionalCompleteAndIdempotent() async throws {
        try await withTestDatabase(.sqlite) { db in
            let services = AppServices(configuration: TestWorld.configuration, persistence: db, pages: try await PageRenderer())
            let logins = try await DemoData.seed(services)
            _ = try await DemoData.seed(services)
            let states = try await services.states.list(visible: SystemAuthority.allStates)
            // the two fictional states hold the assessments; the programme's 29 partner states (12 named publicly, 17
            // placeholders) hold programme records only
            #expect(
                states.count == 31 && states.contains { $0.name == "Kingdom of Norvania" } && states.contains { $0.name == "Republic of Valdoria" })
            for state in states where !["VLD", "NRV"].contains(state.code) {
                let scope = SystemAuthority.tenant(state.id, permission: .viewAssessment)
                #expect(try await services.assessments.records.list(scope).isEmpty, "\(state.code) must hold no assessment")
            }
            // the programme matches the public figures: five regional workshops, 135 persons (45 women) from 29 states,
            // Tashkent 28, Port of Spain 23; five national workshops with 146 registrations
            let programme = SystemAuthority.programme(permission: .manageProgramme)
            let events = try await services.programme.programmeEvents(programme, year: nil)
            #expect(events.filter { $0.kind == .regionalWorkshop }.count == 5 && events.filter { $0.kind == .nationalWorkshop }.count == 5)
            let regional = try await services.programme.programmeFigures(programme, year: 2023)
            #expect(regional.uniquePersons == 135 && regional.byState.count == 29)
            #expect(regional.byState.values.reduce(0) { $0 + ($1["female"] ?? 0) } == 45)
            let tashkent = try #require(events.first { $0.city == "Tashkent" && $0.kind == .regionalWorkshop })
            let portOfSpain = try #require(events.first { $0.city == "Port of Spain" && $0.kind == .regionalWorkshop })
            #expect(regional.byEvent[tashkent.id]?.values.reduce(0, +) == 28 && regional.byEvent[portOfSpain.id]?.values.reduce(0, +) == 23)
            #expect(try await services.programme.programmeFigures(programme, year: 2024).registrations == 146)
            let requests = try await services.followUps.assistanceRequests(programme)
            #expect(requests.count == 9 && Set(requests.flatMap(\.topics)).isSuperset(of: ["T03", "T04", "T08"]))
            #expect(try await services.followUps.recommendations(programme).count == 3)
            // seven knowledge products, presented at every regional workshop; Valdoria's follow-up visit links its capability
            // baseline and the validated assessment
            let products = try await services.agenda.knowledgeProducts(programme)
            #expect(products.count == 7 && products.allSatisfy { $0.year == 2023 })
            #expect(
                try await services.agenda.presentations(programme, productID: products[0].id).count == 5 * 2 + 1,
                "both sessions of each regional workshop and the Valdorian training")
            let visit = try #require(events.first { $0.kind == .followUpVisit && $0.title.contains("Valdoria") })
            #expect(Set(try await services.agenda.eventLinks(programme, eventID: visit.id).map(\.role)) == [.baseline, .followUp])
            // good practices between the fictional states: Valdoria sees Norvania's legislation (with its question and
            // answer) and its own two (one withdrawn); Norvania sees its own and Valdoria's story to all partners, not the
            // withdrawn lesson; a programme partner state sees the story only
            func practices(_ code: String) async throws -> [SharedPractice] {
                let state = try #require(states.first { $0.code == code })
                return try await services.practices.practices(SystemAuthority.tenant(state.id, permission: .viewPractices))
            }
            let seenByValdoria = try await practices("VLD")
            #expect(seenByValdoria.count == 3 && seenByValdoria.filter(\.withdrawn).count == 1)
            let seenByNorvania = try await practices("NRV")
            #expect(seenByNorvania.count == 2 && !seenByNorvania.contains(where: \.withdrawn))
            let partner = try #require(states.first { !["VLD", "NRV"].contains($0.code) }).code
            #expect(try await practices(partner).map(\.kind) == [.successStory])
            let legislation = try #require(seenByValdoria.first { $0.kind == .legislation })
            let valdoriaID = try #require(states.first { $0.code == "VLD" }).id
            let thread = try await services.practices.practiceComments(
                SystemAuthority.tenant(valdoriaID, permission: .viewPractices), practiceID: legislation.id)
            #expect(thread.map(\.kind) == [.question, .comment])
            #expect(Set(logins.map(\.email)).count == logins.count)
            let valdoria = try #require(states.first { $0.code == "VLD" })
            let scope = SystemAuthority.tenant(valdoria.id, permission: .viewAssessment)
            let assessments = try await services.assessments.records.list(scope)
            #expect(assessments.count == 1)
            let assessment = try #require(assessments.first)
            let scenarios = try await services.assessments.scoring.scenarios(scope, assessmentID: assessment.id)
            #expect(scenarios.count == 12)
            #expect(Set(scenarios.flatMap(\.technologies)).count >= 10)
            #expect(
                try await services.assessments.scoring.currentRound(scope, assessmentID: assessment.id) == ScoringRound(number: 3, status: .revealed))
            let round2 = try await services.assessments.scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: 2)
            #expect(Set(round2.map(\.assessorID)).count == 6)
            let others = try await services.assessments.risks.otherRisks(scope, assessmentID: assessment.id)
            #expect(others.count == 8)
            let register = RiskRegister.compute(scenarios: scenarios, scores: round2, round: 2, otherRisks: others, draws: 500)
            #expect(register.entries.count == 20)
            let consensus = register.entries.compactMap(\.threat).map(\.consensus)
            #expect(consensus.contains(true) && consensus.contains(false))
            // steps 1–2, evidence and two approved snapshots to compare; the assessment is a draft again
            #expect(try await services.assessments.institutions.agencies(scope, assessmentID: assessment.id).count == 7)
            let raci = try await services.assessments.institutions.raci(scope, assessmentID: assessment.id)
            #expect(Set(raci.map(\.activity)) == Set(AssessmentActivity.allCases))
            #expect(try await services.assessments.scan.horizonScan(scope, assessmentID: assessment.id).count == 11)
            let evidence = try await services.assessments.evidence.evidence(scope, assessmentID: assessment.id, about: nil)
            #expect(evidence.count == 15 && Set(evidence.map(\.grading)).count >= 4)
            #expect(try await services.assessments.approval.snapshots(scope, assessmentID: assessment.id).map(\.number) == [1, 2])
            #expect(assessment.status == .draft)
            // impact dimensions differ within a scenario
            #expect(register.entries.contains { Set($0.impactByDimension.values).count > 1 })
            // steps 5–6: responses to the top risks — one blocked on H04, one approved through an override, one clean and
            // measured at the follow-up round 3
            let policyScope = SystemAuthority.tenant(valdoria.id, permission: .viewResponses)
            let responses = try await services.policy.responses(policyScope)
            #expect(responses.count == 5)
            let blocked = try #require(responses.first { $0.title.hasPrefix("Mandatory registration") })
            #expect(blocked.status == .underReview)
            let blockedReviews = try await services.policy.reviews(policyScope, responseID: blocked.id)
            #expect(blockedReviews.contains { $0.code == "H04" && $0.status == .notMet })
            let overridden = try #require(responses.first { $0.title.hasPrefix("Licensing of virtual-asset") })
            #expect(overridden.status == .approved)
            #expect(try await services.policy.overrides(policyScope, responseID: overridden.id).count == 1)
            let clean = try #require(responses.first { $0.title.hasPrefix("Deepfake rapid-response") })
            #expect(clean.status == .implementing && clean.targets.first?.baselineRound == 2)
            let indicators = try await services.policy.allIndicators(policyScope)
            #expect(indicators.count == 2 && indicators.allSatisfy { !$0.actuals.isEmpty })
            let scores = try await services.assessments.scoring.scoresForRegister(scope, assessmentID: assessment.id, throughRound: 3)
            let cleanTarget = try #require(clean.targets.first)
            let observed = try #require(ObservedEffectiveness(scenarioID: cleanTarget.riskID, baselineRound: 2, scores: scores))
            #expect(observed.followUpRound == 3 && observed.observed > 0.2)
            // steps 7–8: baselines of two agencies, a validated assessment that differs, targets proposed from the register, a
            // roadmap of about ten items with prerequisites and one adoption under review, a follow-up a year later
            let capabilityScope = SystemAuthority.tenant(valdoria.id, permission: .viewCapability)
            let capability = try await services.capability.capabilityAssessments(capabilityScope)
            let baselines = capability.filter { $0.kind == .selfAssessed && $0.baselineID == nil }
            #expect(baselines.count == 2 && Set(baselines.compactMap(\.agencyID)).count == 2)
            let validated = try #require(capability.first { $0.kind == .validated })
            let validatedOf = try #require(baselines.first { $0.id == validated.validates })
            let framework = try await CapabilityAssessing(capability: services.capability, frameworks: services.capability).framework(of: validatedOf)
            let selfRecords = try await services.capability.criterionRecords(capabilityScope, assessmentID: validatedOf.id)
            let validatedRecords = try await services.capability.criterionRecords(capabilityScope, assessmentID: validated.id)
            let comparison = CapabilityComparison(
                framework: framework, before: MaturityGrid(framework: framework, areas: validatedOf.areas, records: selfRecords),
                after: MaturityGrid(framework: framework, areas: validated.areas, records: validatedRecords), beforeRecords: selfRecords,
                afterRecords: validatedRecords)
            #expect(!comparison.criteria.isEmpty, "the validated assessment differs in places")
            let followUp = try #require(capability.first { $0.baselineID != nil })
            #expect(baselines.contains { $0.id == followUp.baselineID })
            let proposed = try await services.capability.capabilityTargets(capabilityScope, assessmentID: validatedOf.id)
            #expect(proposed.contains { $0.source == .proposed })
            let items = try await services.capability.roadmapItems(capabilityScope)
            #expect((8...12).contains(items.count) && items.filter { !$0.prerequisites.isEmpty }.count >= 4)
            #expect(items.filter { $0.kind == .adoption && $0.status == .underReview }.count == 1)
            // issue 12: a finished workshop (a ranking over two rounds that converge, an idea board with a duplicate merged and
            // an entry hidden, a survey) and a running session with a known code, waiting for a newcomer
            let liveScope = SystemAuthority.tenant(valdoria.id, permission: .viewLiveSession)
            let sessions = try await services.live.liveSessions(liveScope)
            #expect(sessions.count == 2)
            let finished = try #require(sessions.first { $0.status == .ended })
            let open = try #require(sessions.first { $0.status == .running })
            #expect(open.code == "VDR794" && open.assessmentID == assessment.id)
            #expect(try await services.live.liveParticipants(liveScope, sessionID: open.id).isEmpty)
            let activities = try await services.live.liveActivities(liveScope, sessionID: finished.id)
            #expect(activities.map(\.kind) == [.ranking, .ideas, .survey])
            let rounds = try await services.live.liveRounds(liveScope, sessionID: finished.id)
            #expect(rounds.count == 5 && rounds.allSatisfy { $0.status == .revealed })
            let facilitation = LiveFacilitation(
                live: services.live, assessments: services.assessments.records, scoring: services.assessments.scoring, reference: services.reference)
            let ranking = try #require(activities.first)
            let rankingResults = try await facilitation.results(of: ranking, in: finished, scope: liveScope)
            let w1 = try #require(rankingResults.first?.ranking?.concordance)
            let w2 = try #require(rankingResults.last?.ranking?.concordance)
            #expect(rankingResults.count == 2 && w2 > w1, "round 2 agrees more than round 1")
            let board = try await services.live.liveIdeas(liveScope, sessionID: finished.id, activityID: activities[1].id)
            #expect(board.contains { $0.hidden } && board.contains { $0.mergedInto != nil })
            let votes = try #require(try await facilitation.results(of: activities[1], in: finished, scope: liveScope).last?.ideas)
            #expect(!votes.isEmpty && votes.allSatisfy { idea in board.first { $0.id == idea.ideaID }?.isVotable == true })
            guard case .intact = try await services.audit.verify() else {
                Issue.record("the demo's audit log must verify")
                return
            }
        }
    }
}
