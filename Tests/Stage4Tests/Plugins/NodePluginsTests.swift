// Stage 4 · SchedulerPlugins tests: the node-only filters, table-driven (a pod, nodes, the expected statuses).

import API
import ClusterKinds
import SchedulerFramework
import SchedulerPlugins
import Testing

@Suite struct NodePluginsTests {
    @Test func nodeUnschedulableKeepsPodsOffCordonedNodesUnlessTheyTolerateIt() {
        let snapshot = Snapshot(nodes: [makeNode("open"), makeNode("cordoned", unschedulable: true)])
        let rejected = Status(.unschedulableAndUnresolvable, "node(s) were unschedulable")
        #expect(filterStatuses(NodeUnschedulable(), makePod("p"), snapshot) == [.success, rejected])

        var tolerant = makePod("daemon")
        var toleration = Toleration()
        toleration.key = "node.kubernetes.io/unschedulable"
        toleration.operator = .exists
        toleration.effect = .noSchedule
        tolerant.spec.tolerations = [toleration]
        #expect(filterStatuses(NodeUnschedulable(), tolerant, snapshot) == [.success, .success])
    }

    @Test func nodeNameAcceptsOnlyTheNamedNode() {
        let snapshot = Snapshot(nodes: [makeNode("n1"), makeNode("n2")])
        var pod = makePod("p")
        #expect(filterStatuses(NodeName(), pod, snapshot) == [.success, .success])
        pod.spec.nodeName = "n2"
        let rejected = Status(.unschedulableAndUnresolvable, "node(s) didn't match the requested node name")
        #expect(filterStatuses(NodeName(), pod, snapshot) == [rejected, .success])
    }

    static func toleration(_ key: String, _ op: TolerationOperator?, _ value: String = "", _ effect: TaintEffect? = nil) -> Toleration {
        var toleration = Toleration()
        toleration.key = key
        toleration.operator = op
        toleration.value = value
        toleration.effect = effect
        return toleration
    }

    @Test(arguments: [
        (tolerations: [Toleration](), expected: false),
        ([toleration("dedicated", .equal, "gpu", .noSchedule)], true),
        ([toleration("dedicated", nil, "gpu")], true),
        ([toleration("dedicated", .equal, "cpu", .noSchedule)], false),
        ([toleration("dedicated", .exists)], true),
        ([toleration("", .exists)], true),
        ([toleration("dedicated", .exists, "", .noExecute)], false),
    ])
    func taintTolerationFiltersUntoleratedNoScheduleTaints(tolerations: [Toleration], expected: Bool) {
        let gpu = Taint(key: "dedicated", value: "gpu", effect: .noSchedule)
        let snapshot = Snapshot(nodes: [makeNode("tainted", taints: [gpu])])
        var pod = makePod("p")
        pod.spec.tolerations = tolerations
        let status = filterStatuses(TaintToleration(), pod, snapshot)[0]
        #expect(status.isSuccess == expected)
        if !expected {
            #expect(status == Status(.unschedulableAndUnresolvable, "node(s) had untolerated taint {dedicated: gpu}"))
        }
    }

    @Test func taintTolerationIgnoresPreferNoScheduleInFilterButScoresAgainstIt() {
        let soft = { (key: String) in Taint(key: key, value: "x", effect: .preferNoSchedule) }
        let snapshot = Snapshot(nodes: [makeNode("clean"), makeNode("one", taints: [soft("a")]),
                                        makeNode("two", taints: [soft("a"), soft("b")])])
        let pod = makePod("p")
        #expect(filterStatuses(TaintToleration(), pod, snapshot).allSatisfy { $0.isSuccess })
        #expect(scores(TaintToleration(), pod, snapshot) == [100, 50, 0])

        var tolerant = pod
        tolerant.spec.tolerations = [Self.toleration("a", .exists, "", .preferNoSchedule)]
        #expect(scores(TaintToleration(), tolerant, snapshot) == [100, 100, 0])
    }

    @Test func nodePortsRejectsANodeWhereTheHostPortIsTaken() {
        let snapshot = Snapshot(nodes: [makeNode("free"), makeNode("busy")],
                                pods: [makePod("holder", node: "busy", hostPorts: [8080])])
        let pod = makePod("p", hostPorts: [8080])
        let rejected = Status(.unschedulable, "node(s) didn't have free ports for the requested pod ports")
        #expect(filterStatuses(NodePorts(), pod, snapshot) == [.success, rejected])
        #expect(filterStatuses(NodePorts(), makePod("q", hostPorts: [9090]), snapshot) == [.success, .success])
        #expect(filterStatuses(NodePorts(), makePod("none"), snapshot) == [.success, .success])
    }

    @Test func hostPortsOnTheWildcardAddressConflictWithEveryAddress() {
        let any = HostPort(ip: "", protocol: "", port: 80)
        #expect(any.conflicts(with: HostPort(ip: "10.0.0.1", protocol: "TCP", port: 80)))
        #expect(!HostPort(ip: "10.0.0.1", protocol: "TCP", port: 80).conflicts(with: HostPort(ip: "10.0.0.2", protocol: "TCP", port: 80)))
        #expect(!any.conflicts(with: HostPort(ip: "", protocol: "UDP", port: 80)))
    }
}
