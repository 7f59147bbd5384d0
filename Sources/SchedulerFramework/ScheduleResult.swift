// Stage 4 · SchedulerFramework: what one scheduling cycle decided.

/// The chosen node, and how many nodes were looked at and passed Filter.
public struct ScheduleResult: Sendable, Hashable {
    public var suggestedHost: String
    /// The nodes Filter looked at (those that passed and those that did not).
    public var evaluatedNodes: Int
    public var feasibleNodes: Int

    public init(suggestedHost: String, evaluatedNodes: Int, feasibleNodes: Int) {
        self.suggestedHost = suggestedHost
        self.evaluatedNodes = evaluatedNodes
        self.feasibleNodes = feasibleNodes
    }
}
