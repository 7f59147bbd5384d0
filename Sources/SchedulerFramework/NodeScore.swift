// Stage 4 · SchedulerFramework: a node's score, and the bounds scores are normalised to.
//
// Each Score plugin scores every feasible node; after NormalizeScore every score is
// in 0...`maxNodeScore`, the framework multiplies it by the plugin's weight, and the
// node with the highest sum wins (ties broken at random).

/// One node's score from one plugin, or the weighted total.
public struct NodeScore: Sendable, Hashable {
    public var name: String
    public var score: Int64

    public init(name: String, score: Int64) {
        self.name = name
        self.score = score
    }

    /// The highest score a plugin may give after normalising (Kubernetes' MaxNodeScore).
    public static let maxNodeScore: Int64 = 100
    /// The lowest (Kubernetes' MinNodeScore).
    public static let minNodeScore: Int64 = 0

    /// Rescales scores so the largest becomes `maxScore`; `reverse` makes the largest 0
    /// instead (for counts of bad things, such as untolerated PreferNoSchedule taints).
    /// Kubernetes' helper.DefaultNormalizeScore.
    public static func defaultNormalize(_ scores: inout [NodeScore], maxScore: Int64 = maxNodeScore, reverse: Bool) {
        let highest = scores.map(\.score).max() ?? 0
        if highest == 0 {
            if reverse { for i in scores.indices { scores[i].score = maxScore } }
            return
        }
        for i in scores.indices {
            let scaled = maxScore * scores[i].score / highest
            scores[i].score = reverse ? maxScore - scaled : scaled
        }
    }
}
