import CTTechCore
import CTTechStore
import CTTechWeb
import Foundation
import HummingbirdBcrypt

/// What controllers and API handlers work with: the stores, the page renderer and the account security rules.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let persistence: Persistence
    public let states: PartnerStateStore
    public let accounts: AccountStore
    public let sessions: SessionStore
    public let tokens: APITokenStore
    public let audit: AuditLogStore
    public let reference: ReferenceDataStore
    public let assessments: AssessmentStore
    let registerCache = RegisterCache(capacity: 64)
    public let pages: PageRenderer
    public let passwords: PasswordHasher
    public let lockout: LockoutPolicy
    let loginLimiter: LoginRateLimiter
    /// A bcrypt hash of a random text at the configured cost, verified against when an e-mail is unknown.
    let decoyHash: String

    public init(configuration: AppConfiguration, persistence: Persistence, pages: PageRenderer) {
        self.configuration = configuration
        self.persistence = persistence
        self.states = PartnerStateStore(persistence)
        self.accounts = AccountStore(persistence)
        self.sessions = SessionStore(persistence)
        self.tokens = APITokenStore(persistence)
        self.audit = AuditLogStore(persistence)
        self.reference = ReferenceDataStore(persistence)
        self.assessments = AssessmentStore(persistence)
        self.pages = pages
        self.passwords = PasswordHasher(cost: configuration.bcryptCost)
        self.lockout = LockoutPolicy()
        self.loginLimiter = LoginRateLimiter(limit: 20, windowSeconds: 300)
        self.decoyHash = Bcrypt.hash(PasswordHasher.prehash(Identifier.secret()), cost: passwords.cost)
    }

    /// The audit actor fields for an identity.
    static func actor(_ identity: Identity) -> (id: String, label: String) { (identity.userID, identity.email) }
}
