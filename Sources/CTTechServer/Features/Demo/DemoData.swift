import CTTechCore
import CTTechStore
import Foundation

/// Demo content: two fictional partner states and one account per role. No real state's assessment, ever.
public enum DemoData {
    public static let password = "demo-password-2024"

    public struct Login: Sendable {
        public let email: String
        public let role: String
    }

    static let states: [(code: String, name: String, region: Region, profile: String)] = [
        (
            "VLD", "Republic of Valdoria", .other,
            "Fictional partner state used for demonstrations and training. Valdoria's counter-terrorism coordination centre leads the national "
                + "assessment with the national police, the financial intelligence unit and the ministry of digital affairs."
        ),
        (
            "NRV", "Kingdom of Norvania", .other,
            "Second fictional partner state, used to show that one state's workspace is invisible to another's users."
        ),
    ]

    static let people: [(email: String, name: String, role: Role, state: String?)] = [
        ("admin@demo.cttech.example", "Ada Admin", .administrator, nil),
        ("officer@demo.cttech.example", "Omar Officer", .programmeOfficer, nil),
        ("facilitator@demo.cttech.example", "Fatima Facilitator", .facilitator, "VLD"),
        ("focal@demo.cttech.example", "Фарида Назарова", .focalPoint, "VLD"),
        ("assessor@demo.cttech.example", "ليلى حداد", .assessor, "VLD"),
        ("policy@demo.cttech.example", "Pablo Policy", .policyMaker, "VLD"),
        ("reviewer@demo.cttech.example", "Rita Reviewer", .reviewer, "VLD"),
        ("donor@demo.cttech.example", "Dana Donor", .donorViewer, "VLD"),
        // The programme (issue 13): a donor reading the programme's aggregates, and a programme officer who also holds the
        // personal-data right (``extraRoles``) and so reads participants' names and contacts.
        ("programme-donor@demo.cttech.example", "Paul Programme-Donor", .donorViewer, nil),
        ("privacy@demo.cttech.example", "Priya Privacy", .programmeOfficer, nil),
        ("focal@norvania.cttech.example", "Nils Norvanian", .focalPoint, "NRV"),
    ]

    /// Programme-wide roles some demo accounts hold besides their first: the personal-data right is granted apart.
    static let extraRoles: [String: Role] = ["privacy@demo.cttech.example": .personalDataOfficer]

    /// Creates what is missing (idempotent: a second start with `--demo` changes nothing) and returns the logins.
    public static func seed(_ services: AppServices) async throws -> [Login] {
        let admin = SystemAuthority.administrator(actorID: "demo-seed")
        var stateIDs: [String: String] = [:]
        for entry in states {
            if let existing = try await services.states.find(code: entry.code, visible: SystemAuthority.allStates) {
                stateIDs[entry.code] = existing.id
                continue
            }
            let state = PartnerState(
                id: Identifier.make(), code: entry.code, name: entry.name, region: entry.region, defaultTLP: .amber, profile: entry.profile,
                version: 1)
            try await services.states.create(
                state, by: admin,
                audit: AuditEvent(.stateCreate, by: DemoAssessment.seedActor, entity: state.id, state: state.id, ["code": state.code]))
            stateIDs[entry.code] = state.id
        }
        let hash = try await services.passwords.hash(password)
        for person in people where try await services.accounts.account(email: person.email) == nil {
            let user = UserAccount(
                id: Identifier.make(), email: person.email, displayName: person.name, passwordHash: hash, totpSecret: nil, isActive: true,
                failedLogins: 0, lockedUntil: nil, version: 1)
            let stateID = person.state.flatMap { stateIDs[$0] }
            var grants = [RoleGrant(id: Identifier.make(), userID: user.id, role: person.role, stateID: stateID)]
            if let extra = extraRoles[person.email] { grants.append(RoleGrant(id: Identifier.make(), userID: user.id, role: extra, stateID: nil)) }
            try await services.accounts.create(
                user, grants: grants, by: admin,
                audit: AuditEvent(
                    .userCreate, by: DemoAssessment.seedActor, entity: user.id, state: stateID, ["email": user.email, "grant": person.role.rawValue]))
        }
        if let valdoria = stateIDs["VLD"] {
            try await DemoAssessment.seed(services, stateID: valdoria, stateCode: "VLD", passwordHash: hash)
        }
        try await DemoProgramme.seed(services)
        try await DemoAgenda.seed(services, valdoria: stateIDs["VLD"])
        if let valdoria = stateIDs["VLD"], let norvania = stateIDs["NRV"] {
            try await DemoPractices.seed(services, valdoria: valdoria, norvania: norvania)
        }
        var logins = people.map { person in
            Login(
                email: person.email,
                role: "\(person.role.rawValue)\(extraRoles[person.email].map { " + " + $0.rawValue } ?? "")\(person.state.map { " · " + $0 } ?? "")")
        }
        logins += DemoAssessment.assessors.filter { !$0.name.isEmpty }.map { Login(email: $0.email, role: "assessor · VLD") }
        return logins
    }

    static func announce(_ logins: [Login], configuration: AppConfiguration) {
        var lines = [
            "",
            "Demo data loaded (fictional partner states Valdoria and Norvania). Log in at http://\(configuration.host):\(configuration.port)/login with:",
        ]
        for login in logins { lines.append("  \(login.email.padding(toLength: 36, withPad: " ", startingAt: 0)) \(login.role)") }
        lines.append("  password for every demo account: \(password)")
        lines.append(
            "A live session is open: join it from a second browser or a phone at http://\(configuration.host):\(configuration.port)/join with the code \(DemoLive.openCode)"
        )
        lines.append("")
        // Written straight to the file descriptor: print() buffers when standard output is not a terminal.
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
