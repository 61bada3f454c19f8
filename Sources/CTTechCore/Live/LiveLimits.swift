/// Bounds of live sessions, so every list and every form stays bounded.
public enum LiveLimits {
    /// Sessions listed per state.
    public static let sessions = 200
    /// Participants per session (a regional workshop is 20–40; the load test runs 1,000).
    public static let participants = 2_000
    /// Activities per session.
    public static let activities = 40
    /// Items per activity.
    public static let items = 60
    /// Rounds per activity.
    public static let rounds = 5
    /// Ideas per participant per idea board, and in all.
    public static let ideasPerParticipant = 10
    public static let ideas = 500
    /// Points shared in an allocation.
    public static let allocationPoints = 100
    /// Length of an idea, an item label, a session or activity title, a name.
    public static let ideaLength = 280
    public static let labelLength = 300
    public static let titleLength = 200
    public static let nameLength = 80
    public static let commentLength = 1_000
    /// Options of a quiz question.
    public static let options = 8
}
