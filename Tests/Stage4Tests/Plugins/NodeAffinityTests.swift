// Stage 4 · SchedulerPlugins tests: nodeSelector, required and preferred node affinity.

import API
import ClusterKinds
import SchedulerFramework
import SchedulerPlugins
import Testing

@Suite struct NodeAffinityTests {
    static let nodes = [
        makeNode("ssd-a", labels: ["disktype": "ssd", "zone": "a", "cores": "8"]),
        makeNode("hdd-b", labels: ["disktype": "hdd", "zone": "b", "cores": "4"]),
        makeNode("bare"),
    ]
    static let rejected = Status(.unschedulableAndUnresolvable, "node(s) didn't match Pod's node affinity/selector")

    static func requirement(_ key: String, _ op: NodeSelectorOperator, _ values: [String] = []) -> NodeSelectorRequirement {
        var requirement = NodeSelectorRequirement()
        requirement.key = key
        requirement.operator = op
        requirement.values = values
        return requirement
    }

    static func pod(required terms: [[NodeSelectorRequirement]]? = nil,
                    preferred: [(Int32, [NodeSelectorRequirement])] = []) -> Pod {
        var pod = makePod("p")
        var nodeAffinity = API.NodeAffinity()
        if let terms {
            var selector = NodeSelector()
            selector.nodeSelectorTerms = terms.map { expressions in
                var term = NodeSelectorTerm()
                term.matchExpressions = expressions
                return term
            }
            nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = selector
        }
        nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution = preferred.map { weight, expressions in
            var term = PreferredSchedulingTerm()
            term.weight = weight
            term.preference.matchExpressions = expressions
            return term
        }
        var affinity = Affinity()
        affinity.nodeAffinity = nodeAffinity
        pod.spec.affinity = affinity
        return pod
    }

    @Test func aNodeSelectorMustMatchEveryLabel() {
        var pod = makePod("p")
        pod.spec.nodeSelector = ["disktype": "ssd", "zone": "a"]
        #expect(filterStatuses(NodeAffinityPlugin(), pod, Snapshot(nodes: Self.nodes)) == [.success, Self.rejected, Self.rejected])
    }

    @Test(arguments: [
        (terms: [[requirement("disktype", .in, ["ssd", "nvme"])]], expected: [true, false, false]),
        ([[requirement("disktype", .notIn, ["ssd"])]], [false, true, true]),
        ([[requirement("zone", .exists)]], [true, true, false]),
        ([[requirement("zone", .doesNotExist)]], [false, false, true]),
        ([[requirement("cores", .greaterThan, ["6"])]], [true, false, false]),
        ([[requirement("cores", .lessThan, ["6"])]], [false, true, false]),
        ([[requirement("zone", .in, ["a"])], [requirement("zone", .in, ["b"])]], [true, true, false]),
        ([[requirement("zone", .in, ["a"]), requirement("disktype", .in, ["hdd"])]], [false, false, false]),
        ([[]], [false, false, false]),
    ])
    func requiredTermsAreOredAndTheirExpressionsAnded(terms: [[NodeSelectorRequirement]], expected: [Bool]) {
        let statuses = filterStatuses(NodeAffinityPlugin(), Self.pod(required: terms), Snapshot(nodes: Self.nodes))
        #expect(statuses.map(\.isSuccess) == expected)
    }

    @Test func preferredTermsScoreByTheirWeightsNormalisedToAHundred() {
        let pod = Self.pod(preferred: [(80, [Self.requirement("disktype", .in, ["ssd"])]),
                                       (20, [Self.requirement("zone", .exists)])])
        #expect(scores(NodeAffinityPlugin(), pod, Snapshot(nodes: Self.nodes)) == [100, 20, 0])
    }

    @Test func aRequiredTermOnTheNodesNameNarrowsTheSearchToThatNode() async throws {
        var pod = makePod("daemon")
        var term = NodeSelectorTerm()
        term.matchFields = [Self.requirement("metadata.name", .in, ["hdd-b"])]
        var selector = NodeSelector()
        selector.nodeSelectorTerms = [term]
        var nodeAffinity = API.NodeAffinity()
        nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = selector
        var affinity = Affinity()
        affinity.nodeAffinity = nodeAffinity
        pod.spec.affinity = affinity
        let (result, status) = NodeAffinityPlugin().preFilter(CycleState(), pod, Snapshot(nodes: Self.nodes))
        #expect(status.isSuccess && result?.nodeNames == ["hdd-b"])
        let algorithm = SchedulingAlgorithm(framework: DefaultPlugins.framework(handle: RecordingHandle()))
        let placed = try await algorithm.schedulePod(pod, state: CycleState(), snapshot: Snapshot(nodes: Self.nodes))
        #expect(placed.suggestedHost == "hdd-b" && placed.evaluatedNodes == 1)
    }

    @Test func aPodWithoutRulesSkipsTheFilter() {
        let (_, status) = NodeAffinityPlugin().preFilter(CycleState(), makePod("p"), Snapshot(nodes: Self.nodes))
        #expect(status.isSkip)
    }
}

/// The plugin; `NodeAffinity` alone would also name the API's type.
typealias NodeAffinityPlugin = SchedulerPlugins.NodeAffinity
