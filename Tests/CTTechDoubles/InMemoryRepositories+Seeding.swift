import CTTechCore

/// Data a test starts from, put in place without audit entries (seeding is not a use case).
extension InMemoryRepositories {
    /// Stores a method version, as the current one unless told otherwise.
    public func seed(_ method: MethodVersion, current: Bool = true) {
        storage.withLock { state in
            state.methods[method.id] = method
            if current { state.currentMethodID = method.id }
        }
    }

    /// Stores the default method shipped with the product as the current one, and returns it.
    @discardableResult
    public func seedDefaultMethod() -> MethodVersion {
        seed(.ctTechDefault)
        return .ctTechDefault
    }

    /// Stores a partner state as it is.
    public func seed(_ partnerState: PartnerState) {
        storage.withLock { $0.states[partnerState.id] = partnerState }
    }

    /// Stores a new partner state at version 1 and returns it.
    @discardableResult
    public func seedPartnerState(
        code: String = "VLD", name: String = "Valdoria", region: Region = .other, defaultTLP: TLP = .amber
    )
        -> PartnerState
    {
        let partnerState = PartnerState(
            id: Identifier.make(), code: code, name: name, region: region, defaultTLP: defaultTLP, profile: "", version: 1)
        seed(partnerState)
        return partnerState
    }

    /// Stores an account with its grants as they are.
    public func seed(_ account: UserAccount, grants: [RoleGrant] = []) {
        storage.withLock { state in
            state.accounts[account.id] = account
            state.grants += grants
        }
    }

    /// Stores an active account at version 1 holding `roles` (a nil state: programme-wide), and returns the identity the
    /// authentication layer would build for it.
    @discardableResult
    public func seedAccount(email: String, displayName: String = "Test user", roles: [(role: Role, stateID: String?)] = []) -> Identity {
        let account = UserAccount(
            id: Identifier.make(), email: email.lowercased(), displayName: displayName, passwordHash: "hashed:seeded", totpSecret: nil,
            isActive: true, failedLogins: 0, lockedUntil: nil, version: 1)
        let grants = roles.map { RoleGrant(id: Identifier.make(), userID: account.id, role: $0.role, stateID: $0.stateID) }
        seed(account, grants: grants)
        return Identity(userID: account.id, email: account.email, displayName: account.displayName, grants: grants)
    }

    /// Stores an assessment as it is (an approved one, say, to test refusals) with its rounds; without rounds, round 1 open.
    public func seed(_ assessment: Assessment, rounds: [ScoringRound] = [ScoringRound(number: 1, status: .open)]) {
        storage.withLock { $0.insert(StoredAssessment(assessment, rounds: rounds)) }
    }

    /// Stores a policy response as it is (of any state, at any status), with answers to its checks.
    public func seed(_ response: PolicyResponse, reviews: [CheckReview] = []) {
        storage.withLock { state in
            state.responses[response.id] = response
            state.checkReviews += reviews
        }
    }

    /// Stores a capability framework version, as the current one unless told otherwise (the default one is there from the
    /// start).
    public func seed(_ framework: CapabilityFramework, current: Bool = true, publishedAt: Int64 = 1) {
        storage.withLock { state in
            state.frameworks.removeAll { $0.framework.id == framework.id }
            state.frameworks.append(PublishedFramework(framework: framework, publishedAt: publishedAt))
            if current { state.currentFrameworkID = framework.id }
        }
    }

    /// Stores a capability assessment as it is (of any state, at any version), with its evidence, answers and targets.
    public func seed(
        _ assessment: CapabilityAssessment, evidence: [CapabilityEvidence] = [], records: [CriterionRecord] = [], targets: [CapabilityTarget] = []
    ) {
        storage.withLock { state in
            state.capabilityAssessments[assessment.id] = assessment
            state.capabilityEvidence += evidence
            state.criterionRecords += records
            state.capabilityTargets += targets
        }
    }

    /// Stores a roadmap item as it is (of any state, at any status), with answers to its checks.
    public func seed(_ item: RoadmapItem, reviews: [CheckReview] = []) {
        storage.withLock { state in
            state.roadmapItems[item.id] = item
            state.roadmapReviews += reviews
        }
    }
}
