/// A policy response to the prioritised threats (DOMAIN.md §2, steps 5–6): what it is, what it addresses, what it
/// declares it reduces and by how much, who leads it, what it costs, when and under which law.
public struct PolicyResponse: Sendable, Codable, Hashable {
    public var id: String
    public var stateID: String
    public var title: String
    /// A response type code of the method (R01–R12).
    public var type: String
    public var description: String
    public var targets: [ResponseTarget]
    public var effects: [DeclaredEffect]
    /// Agency ids from step 1 of the state's assessments.
    public var leadAgencyID: String?
    public var partnerAgencyIDs: [String]
    public var cost: CostRange?
    public var timeframe: Timeframe?
    public var legalBasis: String
    public var status: ResponseStatus
    public var tlp: TLP
    /// The method version whose checks its reviews answer.
    public var methodVersion: String
    /// Rises with every change of content, so a review names the version it reviewed.
    public var version: Int
    /// Who created it and who last changed its content: neither may review it.
    public var createdBy: String
    public var updatedBy: String
    public var updatedAt: Int64

    public init(
        id: String, stateID: String, title: String, type: String, description: String, targets: [ResponseTarget], effects: [DeclaredEffect],
        leadAgencyID: String?, partnerAgencyIDs: [String], cost: CostRange?, timeframe: Timeframe?, legalBasis: String, status: ResponseStatus,
        tlp: TLP, methodVersion: String, version: Int, createdBy: String, updatedBy: String, updatedAt: Int64
    ) {
        self.id = id
        self.stateID = stateID
        self.title = title
        self.type = type
        self.description = description
        self.targets = targets
        self.effects = effects
        self.leadAgencyID = leadAgencyID
        self.partnerAgencyIDs = partnerAgencyIDs
        self.cost = cost
        self.timeframe = timeframe
        self.legalBasis = legalBasis
        self.status = status
        self.tlp = tlp
        self.methodVersion = methodVersion
        self.version = version
        self.createdBy = createdBy
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }

    /// Whether `userID` wrote it (created it or last changed its content): such a user never reviews it.
    public func isAuthor(_ userID: String) -> Bool { userID == createdBy || userID == updatedBy }

    /// The content a review looks at, without status, version and bookkeeping: a change here sends it back to review.
    public var content: Content {
        Content(
            title: title, type: type, description: description, targets: targets.map(\.riskID).sorted(), effects: effects,
            leadAgencyID: leadAgencyID, partnerAgencyIDs: partnerAgencyIDs.sorted(), cost: cost, timeframe: timeframe, legalBasis: legalBasis,
            tlp: tlp)
    }

    public struct Content: Sendable, Hashable {
        var title: String
        var type: String
        var description: String
        var targets: [String]
        var effects: [DeclaredEffect]
        var leadAgencyID: String?
        var partnerAgencyIDs: [String]
        var cost: CostRange?
        var timeframe: Timeframe?
        var legalBasis: String
        var tlp: TLP
    }
}

/// A cost estimate as a range in one currency (ISO 4217 code).
public struct CostRange: Sendable, Codable, Hashable {
    public var low: Double
    public var high: Double
    public var currency: String

    public init(low: Double, high: Double, currency: String) {
        self.low = low
        self.high = high
        self.currency = currency
    }

    /// The middle of the range, used to compare cost-effectiveness.
    public var middle: Double { (low + high) / 2 }
}

/// When a response runs: from its start to its end date (the end on or after the start).
public struct Timeframe: Sendable, Codable, Hashable {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }
}
