import FluentKit
import SQLKit

/// Every migration, in order. Landed migrations are never edited: a change is a new numbered struct.
enum Schema {
    static let all: [any Migration] = [
        M0001PartnerStatesAndAccounts(),
        M0002SessionsAndTokens(),
        M0003AuditLog(),
        M0004ReferenceData(),
        M0005Assessments(),
        M0006AssessmentRevision(),
        M0007AssessmentSteps(),
        M0008RoundsAndConsensus(),
        M0009Languages(),
        M0010PolicyResponses(),
        M0011CapabilityRoadmap(),
        M0012LiveSessions(),
        M0013WorkshopInput(),
        M0014ProgrammeRegistry(),
        M0015PracticesAndAgendas(),
    ]
}

extension Database {
    var sqlDatabase: any SQLDatabase {
        get throws {
            guard let sql = self as? any SQLDatabase else { throw StoreError.unavailable("driver without SQL support") }
            return sql
        }
    }
}

extension SQLDataType {
    /// BOOLEAN on both databases (SQLite stores 0/1 under numeric affinity).
    static let boolean = SQLDataType.custom(SQLRaw("BOOLEAN"))
}

extension SQLDataType {
    /// 64-bit floating point on both databases (PostgreSQL's REAL would be 32-bit and round probabilities).
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))
}
