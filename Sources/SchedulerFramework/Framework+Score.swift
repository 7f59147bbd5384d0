// Stage 4 · SchedulerFramework: running PreScore, Score and NormalizeScore, and the weighted sum.
//
// Each Score plugin scores every feasible node. Plugins whose raw scores are counts
// (matching pods, preferred terms' weights) then rescale them to 0...100
// (NormalizeScore); a score outside that range afterwards is a plugin bug and fails
// the cycle, as in Kubernetes. The node's total is the sum of each plugin's score
// times its weight: TaintToleration counts three times, NodeResourcesFit once.

import API

extension Framework {
    /// Runs every PreScore plugin over the feasible nodes; a `skip` leaves that plugin out of Score.
    public func runPreScorePlugins(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int])
        -> Status {
        var skipped: Set<String> = []
        for plugin in preScorePlugins {
            let status = plugin.preScore(state, pod, snapshot, feasibleNodes)
            if status.isSkip {
                skipped.insert(plugin.name)
                continue
            }
            guard status.isSuccess else { return status.withPlugin(plugin.name) }
        }
        if !skipped.isEmpty { state.skipScorePlugins = skipped }
        return .success
    }

    /// Scores the feasible nodes (indices into `snapshot.nodeInfoList`); one weighted total per node, in order.
    public func runScorePlugins(_ state: CycleState, _ pod: Pod, _ snapshot: Snapshot, _ feasibleNodes: [Int])
        -> ([NodeScore], Status) {
        var totals = feasibleNodes.map { NodeScore(name: snapshot.nodeInfoList[$0].name, score: 0) }
        let skipped = state.skipScorePlugins
        var scores = totals
        for (plugin, weight) in scorePlugins where !skipped.contains(plugin.name) {
            for (position, nodeIndex) in feasibleNodes.enumerated() {
                let (score, status) = plugin.score(state, pod, snapshot.nodeInfoList[nodeIndex])
                guard status.isSuccess else { return ([], status.withPlugin(plugin.name)) }
                scores[position].score = score
            }
            if let normalizing = plugin as? any NormalizeScorePlugin {
                let status = normalizing.normalizeScore(state, pod, &scores)
                guard status.isSuccess else { return ([], status.withPlugin(plugin.name)) }
            }
            for position in scores.indices {
                let score = scores[position].score
                guard score >= NodeScore.minNodeScore, score <= NodeScore.maxNodeScore else {
                    let message = "plugin \"\(plugin.name)\" returns an invalid score \(score), it should in the range of "
                        + "[\(NodeScore.minNodeScore), \(NodeScore.maxNodeScore)] after normalizing"
                    return ([], Status(.error, message, plugin: plugin.name))
                }
                totals[position].score += score * weight
            }
        }
        return (totals, .success)
    }
}
