/// The CT TECH-aligned default method shipped with the product (DOMAIN.md §3). Editable reference data, not an official UN scale.
extension MethodVersion {
    public static let defaultID = "ctt-default-2024.1"

    /// The checks the default method makes mandatory: the tests of legality, necessity and proportionality that
    /// international human rights law sets for any restriction (H01–H04), non-discrimination, privacy, oversight and
    /// remedy (H05, H06, H09, H11); on gender, the differential impact of the measure, the gender marker and do no harm
    /// (G03, G08, G09). The others are advisory.
    public static let defaultMandatoryChecks: Set<String> = ["H01", "H02", "H03", "H04", "H05", "H06", "H09", "H11", "G03", "G08", "G09"]

    public static let ctTechDefault = MethodVersion(
        id: defaultID,
        title: "CT TECH-aligned defaults 2024.1",
        note: "Default lists and scales aligned with the CT TECH initiative's method; editable and versioned, not an official UN scale.",
        lists: [
            .technologies: [
                .init("T01", "Internet and social media"), .init("T02", "Encrypted messaging"),
                .init("T03", "Dark web and anonymisation networks"), .init("T04", "Virtual assets / cryptocurrencies"),
                .init("T05", "Crowdfunding, fintech, mobile money"), .init("T06", "Terrorist-operated websites, apps and archives"),
                .init("T07", "Gaming platforms"), .init("T08", "AI, generative AI, deepfakes"), .init("T09", "Drones / unmanned systems"),
                .init("T10", "Self-driving vehicles"), .init("T11", "3D printing"), .init("T12", "Cyber-attack tools and services"),
                .init("T13", "Extended reality"), .init("T14", "Internet of things"), .init("T15", "Biotech / CBRN-enabling technology"),
                .init("T16", "Satellite / GNSS"), .init("T17", "Robotics"), .init("T99", "Other"),
            ],
            .purposes: [
                .init("P1", "Propaganda and radicalisation"), .init("P2", "Recruitment"), .init("P3", "Financing", "Raise, move and store funds."),
                .init("P4", "Training"), .init("P5", "Planning and coordination"),
                .init("P6", "Procurement of weapons and false documents"), .init("P7", "Attack execution"), .init("P8", "Cyberattacks"),
                .init("P9", "Evading detection / operational security"), .init("P10", "Amplification and disinformation"),
            ],
            .actorTypes: [
                .init("A1", "Organised group"), .init("A2", "Network / affiliate"), .init("A3", "Lone actor"),
                .init("A4", "State-sponsored proxy"),
                .init("A9", "Other", "Never ethnicity, religion or nationality: profiling is a human-rights failure."),
            ],
            .capabilityAreas: [
                .init("F01", "Threat assessment and foresight"), .init("F02", "OSINT and social-media investigation"),
                .init("F03", "Digital forensics", "Including battlefield devices."), .init("F04", "Dark-web investigation"),
                .init("F05", "Virtual-asset tracing and seizure"), .init("F06", "Encrypted communications and lawful access"),
                .init("F07", "Counter-drone"), .init("F08", "3D-printed weapons"), .init("F09", "AI and data analytics"),
                .init("F10", "Content referral and cooperation with ICT companies", "Including emergency disclosure."),
                .init("F11", "International cooperation and e-evidence"), .init("F12", "Response to cyberattacks on critical infrastructure"),
            ],
            .enablers: [
                .init("E1", "Legal authority"), .init("E2", "Governance and coordination"), .init("E3", "People and skills"),
                .init("E4", "Processes"), .init("E5", "Tools"), .init("E6", "Data and information sharing"), .init("E7", "Partnerships"),
                .init("E8", "Human-rights safeguards and oversight"), .init("E9", "Budget and sustainability"),
            ],
            .maturityStages: [
                .init("1", "Start-up", "Ad hoc: the capability depends on individuals, with no defined process, mandate or budget."),
                .init("2", "Formative", "Basic mandate, tools and trained staff exist in places; practice is inconsistent."),
                .init("3", "Established", "Documented processes, trained teams and tools in routine use across the responsible agencies."),
                .init("4", "Strategic", "Performance is measured, resourced in the budget and coordinated nationally and internationally."),
                .init("5", "Dynamic", "Continuously improved from lessons and foresight; adapts quickly to new technologies."),
            ],
            .responseTypes: [
                .init("R01", "Legislative"), .init("R02", "Regulatory"), .init("R03", "Strategy / action plan"),
                .init("R04", "Operational law enforcement"), .init("R05", "Technical / protective"), .init("R06", "Capacity building"),
                .init("R07", "Public–private cooperation"), .init("R08", "International cooperation"),
                .init("R09", "Prevention and counter-narratives"), .init("R10", "Oversight, safeguards, transparency"),
                .init("R11", "Research and monitoring"), .init("R12", "Victim support and resilience"),
            ],
            .humanRightsChecks: [
                .init("H01", "Legality", "Precise legal basis and definition of terrorism."), .init("H02", "Legitimate aim"),
                .init("H03", "Necessity"), .init("H04", "Proportionality / least intrusive means"),
                .init("H05", "Non-discrimination", "Including algorithmic bias."), .init("H06", "Privacy and data protection"),
                .init("H07", "Expression, association, assembly, religion"), .init("H08", "Fair trial and evidence integrity"),
                .init("H09", "Prior authorisation and independent oversight"), .init("H10", "Transparency"),
                .init("H11", "Accountability and remedy"), .init("H12", "Due diligence on vendors and private partners"),
                .init("H13", "Impact assessment before deploying a technology"),
            ],
            .genderChecks: [
                .init("G01", "Sex- and age-disaggregated data"),
                .init("G02", "Gender analysis of the threat", "Gendered recruitment, roles, misogyny-driven extremism."),
                .init("G03", "Differential impact of the measure", "On women, men, girls, boys, LGBTIQ+ people."),
                .init("G04", "Gender balance of teams and participants", "Default target: at least 30 % women."),
                .init("G05", "Consultation with women's organisations"), .init("G06", "Gender expertise / focal point"),
                .init("G07", "Gender-responsive indicators"), .init("G08", "Gender marker", "UN Gender Equality Marker 0–3."),
                .init("G09", "Do no harm"), .init("G10", "Gender-responsive budgeting"),
            ],
            .tlpLevels: TLP.allCases.map { ReferenceItem($0.rawValue, $0.label, $0.audience) },
        ],
        mandatoryChecks: defaultMandatoryChecks
    ).translated(shippedTranslations(of: defaultID))
}
