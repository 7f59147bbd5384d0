// Stage 4 · SchedulerFramework: the plugins of one scheduler profile, sorted by extension point (Kubernetes' frameworkImpl).
//
// A Framework is built once from a list of plugins and their score weights. It asks
// each plugin which extension points it implements and keeps one list per point, in
// registration order, so running a point is walking a list. The run* methods are in
// `Framework+Filter.swift`, `Framework+Score.swift` and `Framework+Binding.swift`;
// `SchedulingAlgorithm` strings the scheduling-cycle ones together.

import Synchronization

/// The registered plugins, by extension point, with their score weights.
public struct Framework: Sendable {
    /// The weight of a score plugin the configuration does not mention (Kubernetes defaults it to 1).
    public static let defaultScoreWeight = 1
    /// The longest a Permit plugin may hold a pod back (Kubernetes' maxTimeout).
    public static let maxPermitTimeout: Duration = .seconds(15 * 60)

    public let plugins: [any Plugin]
    public let handle: any FrameworkHandle
    /// Kubernetes' percentageOfNodesToScore: 0 is the adaptive default (see `SchedulingAlgorithm`).
    public let percentageOfNodesToScore: Int32

    let queueSortPlugins: [any QueueSortPlugin]
    let preFilterPlugins: [any PreFilterPlugin]
    let filterPlugins: [any FilterPlugin]
    let postFilterPlugins: [any PostFilterPlugin]
    let preScorePlugins: [any PreScorePlugin]
    let scorePlugins: [(plugin: any ScorePlugin, weight: Int64)]
    let reservePlugins: [any ReservePlugin]
    let permitPlugins: [any PermitPlugin]
    let preBindPlugins: [any PreBindPlugin]
    let bindPlugins: [any BindPlugin]
    let postBindPlugins: [any PostBindPlugin]
    /// Pods a Permit plugin told to wait; shared by every copy of this framework.
    public let waitingPods = WaitingPods()

    public init(plugins: [any Plugin], scoreWeights: [String: Int], handle: any FrameworkHandle,
                percentageOfNodesToScore: Int32 = 0) {
        self.plugins = plugins
        self.handle = handle
        self.percentageOfNodesToScore = percentageOfNodesToScore
        queueSortPlugins = plugins.compactMap { $0 as? any QueueSortPlugin }
        preFilterPlugins = plugins.compactMap { $0 as? any PreFilterPlugin }
        filterPlugins = plugins.compactMap { $0 as? any FilterPlugin }
        postFilterPlugins = plugins.compactMap { $0 as? any PostFilterPlugin }
        preScorePlugins = plugins.compactMap { $0 as? any PreScorePlugin }
        scorePlugins = plugins.compactMap { plugin in
            (plugin as? any ScorePlugin).map { ($0, Int64(scoreWeights[$0.name] ?? Framework.defaultScoreWeight)) }
        }
        reservePlugins = plugins.compactMap { $0 as? any ReservePlugin }
        permitPlugins = plugins.compactMap { $0 as? any PermitPlugin }
        preBindPlugins = plugins.compactMap { $0 as? any PreBindPlugin }
        bindPlugins = plugins.compactMap { $0 as? any BindPlugin }
        postBindPlugins = plugins.compactMap { $0 as? any PostBindPlugin }
    }

    /// The plugin that orders the queue (a profile has exactly one; PrioritySort by default).
    public var queueSortPlugin: (any QueueSortPlugin)? { queueSortPlugins.first }

    /// The names of the plugins at each extension point, for logs and tests.
    public var pluginNames: [String: [String]] {
        [
            "QueueSort": queueSortPlugins.map(\.name), "PreFilter": preFilterPlugins.map(\.name),
            "Filter": filterPlugins.map(\.name), "PostFilter": postFilterPlugins.map(\.name),
            "PreScore": preScorePlugins.map(\.name), "Score": scorePlugins.map(\.plugin.name),
            "Reserve": reservePlugins.map(\.name), "Permit": permitPlugins.map(\.name),
            "PreBind": preBindPlugins.map(\.name), "Bind": bindPlugins.map(\.name),
            "PostBind": postBindPlugins.map(\.name),
        ]
    }

    /// The weight of each score plugin.
    public var scoreWeights: [String: Int64] {
        Dictionary(scorePlugins.map { ($0.plugin.name, $0.weight) }, uniquingKeysWith: { first, _ in first })
    }

    public var hasFilterPlugins: Bool { !filterPlugins.isEmpty }
    public var hasScorePlugins: Bool { !scorePlugins.isEmpty }
}
