// Stage 2 tests: nodes, namespaces and events as `kubectl get` rows.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Testing

@Suite struct NodePrinterTests {
    static let created = Time(secondsSince1970: 1_700_000_000)
    static let now = Time(secondsSince1970: 1_700_000_000 + 3 * 86_400)

    static func node(ready: ConditionStatus?, unschedulable: Bool = false, labels: [String: String] = [:]) -> Node {
        var node = Node()
        node.metadata.name = "node-1"
        node.metadata.creationTimestamp = created
        node.metadata.labels = labels
        node.spec.unschedulable = unschedulable
        if let ready { node.status.conditions = [NodeCondition(type: .ready, status: ready)] }
        node.status.nodeInfo.kubeletVersion = "v1.33.0"
        return node
    }

    @Test func aReadyNodeShowsReadyNoRolesAgeAndVersion() {
        #expect(NodePrinter.cells(Self.node(ready: .true), now: Self.now).prefix(5) == ["node-1", "Ready", "<none>", "3d", "v1.33.0"])
    }

    @Test func aNodeWhoseReadyConditionIsFalseOrUnknownIsNotReady() {
        #expect(NodePrinter.status(of: Self.node(ready: .false)) == "NotReady")
        #expect(NodePrinter.status(of: Self.node(ready: .unknown)) == "NotReady")
    }

    @Test func aNodeWithoutAReadyConditionIsUnknown() {
        #expect(NodePrinter.status(of: Self.node(ready: nil)) == "Unknown")
    }

    @Test func aCordonedNodeAddsSchedulingDisabled() {
        #expect(NodePrinter.status(of: Self.node(ready: .true, unschedulable: true)) == "Ready,SchedulingDisabled")
    }

    @Test func rolesComeFromNodeRoleLabelsSorted() {
        let node = Self.node(ready: .true, labels: [
            "node-role.kubernetes.io/worker": "", "node-role.kubernetes.io/control-plane": "",
            "kubernetes.io/role": "edge", "node-role.kubernetes.io/": "", "app": "x",
        ])
        #expect(NodePrinter.cells(node, now: Self.now)[2] == "control-plane,edge,worker")
    }

    @Test func wideColumnsShowAddressesAndSoftwareOrPlaceholders() {
        var node = Self.node(ready: .true)
        node.status.addresses = [NodeAddress(type: .hostname, address: "node-1"), NodeAddress(type: .internalIP, address: "10.0.0.5")]
        node.status.nodeInfo.osImage = "Debian GNU/Linux 12 (bookworm)"
        #expect(Array(NodePrinter.cells(node, now: Self.now).suffix(5)) == ["10.0.0.5", "<none>", "Debian GNU/Linux 12 (bookworm)", "<unknown>", "<unknown>"])
    }

    @Test func nodeColumnsMatchKubernetes() {
        #expect(NodePrinter.columns.map(\.name) == ["Name", "Status", "Roles", "Age", "Version", "Internal-IP", "External-IP", "OS-Image", "Kernel-Version", "Container-Runtime"])
        #expect(NodePrinter.columns.map(\.priority) == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
    }
}

@Suite struct NamespacePrinterTests {
    @Test func aNamespaceShowsNamePhaseAndAge() {
        var namespace = Namespace()
        namespace.metadata.name = "default"
        namespace.metadata.creationTimestamp = Time(secondsSince1970: 1_000)
        namespace.status.phase = .active
        #expect(NamespacePrinter.cells(namespace, now: Time(secondsSince1970: 1_045)) == ["default", "Active", "45s"])
    }

    @Test func aTerminatingNamespaceSaysSo() {
        var namespace = Namespace()
        namespace.metadata.name = "old"
        namespace.status.phase = .terminating
        #expect(NamespacePrinter.cells(namespace, now: .now()) == ["old", "Terminating", "<unknown>"])
    }
}

@Suite struct EventPrinterTests {
    static let now = Time(secondsSince1970: 1_700_000_000)

    static func event() -> Event {
        var event = Event()
        event.metadata.name = "web.17a1"
        event.involvedObject = ObjectReference(kind: "Pod", namespace: "default", name: "web", fieldPath: "spec.containers{main}")
        event.reason = "Started"
        event.message = "Started container main\n"
        event.type = Event.normal
        event.source = EventSource(component: "kubelet", host: "node-1")
        event.firstTimestamp = Time(secondsSince1970: now.secondsSince1970 - 300)
        event.lastTimestamp = Time(secondsSince1970: now.secondsSince1970 - 30)
        event.count = 3
        return event
    }

    @Test func anEventShowsEveryColumnWithTheObjectAsKindSlashName() {
        #expect(EventPrinter.cells(Self.event(), now: Self.now) == [
            "30s", "Normal", "Started", "pod/web", "spec.containers{main}", "kubelet, node-1",
            "Started container main", "5m", "3", "web.17a1",
        ])
    }

    @Test func aSingletonEventFromTheNewAPIUsesEventTimeAndCountsOne() {
        var event = Self.event()
        event.firstTimestamp = .zero
        event.lastTimestamp = .zero
        event.count = 0
        event.eventTime = MicroTime(microsecondsSince1970: (Self.now.secondsSince1970 - 90) * 1_000_000)
        event.source = EventSource()
        event.reportingComponent = "default-scheduler"
        let cells = EventPrinter.cells(event, now: Self.now)
        #expect(cells[0] == "90s" && cells[7] == "90s")
        #expect(cells[8] == "1")
        #expect(cells[5] == "default-scheduler")
    }

    @Test func aSeriesGivesLastSeenAndCount() {
        var event = Self.event()
        event.series = EventSeries(count: 7, lastObservedTime: MicroTime(microsecondsSince1970: (Self.now.secondsSince1970 - 5) * 1_000_000))
        let cells = EventPrinter.cells(event, now: Self.now)
        #expect(cells[0] == "5s" && cells[8] == "7")
    }

    @Test func anEventAboutAnUnnamedObjectShowsOnlyTheKind() {
        var event = Self.event()
        event.involvedObject = ObjectReference(kind: "Node")
        #expect(EventPrinter.cells(event, now: Self.now)[3] == "node")
    }

    @Test func eventColumnsMatchKubernetes() {
        #expect(EventPrinter.columns.map(\.name) == ["Last Seen", "Type", "Reason", "Object", "Subobject", "Source", "Message", "First Seen", "Count", "Name"])
        #expect(EventPrinter.columns.filter { $0.priority == 0 }.map(\.name) == ["Last Seen", "Type", "Reason", "Object", "Message"])
    }
}
