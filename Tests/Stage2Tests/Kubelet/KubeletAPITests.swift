// Stage 2 · Kubelet tests: the kubelet's API-server loops against the real API server.

import API
import APIMachinery
import Client
import ClusterKinds
import Common
import Foundation
@testable import Kubelet
@testable import KubeletAPI
import Testing
@testable import TestSupport

private func boundPod(_ name: String, node: String = "node1") -> Pod {
    var pod = Pod(metadata: ObjectMeta(name: name, namespace: "default"))
    pod.spec.nodeName = node
    pod.spec.containers = [Container(name: "web", image: "busybox")]
    return pod
}

private func staticPod(_ name: String, hash: String) -> Pod {
    var pod = boundPod(name)
    pod.metadata.uid = hash
    pod.metadata.annotations = [ConfigAnnotation.source: "file", ConfigAnnotation.hash: hash]
    return pod
}

private let testMachine = MachineInfo(numCores: 4, memoryCapacity: 16 * 1024 * 1024 * 1024, machineID: "m1", bootID: "b1")

/// The pods bound to node1, as the kubelet's loops are handed them.
private func node1Pods(_ client: APIClient) async throws -> [Pod] {
    try await client.list(Pod.self, fieldSelector: "spec.nodeName=node1").items
}

@Test func apiSourceDeliversThePodsBoundToItsNode() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(boundPod("mine"))
        try await client.create(boundPod("theirs", node: "node2"))
        var mirror = boundPod("mirror")
        mirror.metadata.annotations[ConfigAnnotation.mirror] = "abc"
        try await client.create(mirror)
        // A pod on a node is only marked when deleted: it is terminating.
        try await client.create(boundPod("leaving"))
        try await client.delete(Pod.self, namespace: "default", name: "leaving")

        let lister = PollingPodLister(client: client, nodeName: "node1", interval: .milliseconds(50), logger: .silent)
        let source = APIServerSource(pods: lister)
        let (updates, delivered) = AsyncStream.makeStream(of: PodSourceUpdate.self)
        let listing = Task { try await lister.run() }
        let task = Task { try await source.run { delivered.yield($0) } }
        defer { task.cancel(); listing.cancel() }
        var iterator = updates.makeAsyncIterator()
        let update = try #require(await iterator.next())
        #expect(update.source == "api")
        // A terminating pod is passed on with its mark: the kubelet stops it with its grace period.
        #expect(update.pods.map(\.metadata.name) == ["leaving", "mine"])
        #expect(update.pods.first?.metadata.deletionTimestamp != nil)
        #expect(update.pods.last?.metadata.annotations[ConfigAnnotation.source] == "api")
    }
}

@Test func podListerListsOnceForEverySubscriberAndGivesLateOnesTheLatestList() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(boundPod("web"))
        let lister = PollingPodLister(client: client, nodeName: "node1", interval: .seconds(3600), logger: .silent)
        var first = await lister.updates().makeAsyncIterator()
        var second = await lister.updates().makeAsyncIterator()
        let listing = Task { try await lister.run() }
        defer { listing.cancel() }
        #expect(await first.next()?.map(\.metadata.name) == ["web"])
        #expect(await second.next()?.map(\.metadata.name) == ["web"])
        var late = await lister.updates().makeAsyncIterator()
        #expect(await late.next()?.map(\.metadata.name) == ["web"])
        #expect(server.requests.filter { $0.path == "/api/v1/pods" }.count == 1)
    }
}

@Test func nodeReporterRegistersTheNodeWithItsFields() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let reporter = NodeStatusReporter(client: client, nodeName: "node1", kubeletPort: 10255, machine: testMachine, logger: .silent)
        try await reporter.register()
        let node = try #require(try await server.object(Node.self, name: "node1"))
        #expect(node.status.capacity["cpu"] == Quantity(value: 4))
        #expect(node.status.capacity["memory"]?.written == "16777216Ki")
        #expect(node.status.capacity["pods"] == Quantity(value: 110))
        #expect(node.status.allocatable == node.status.capacity)
        #expect(node.status.addresses.contains(NodeAddress(type: .internalIP, address: "127.0.0.1")))
        #expect(node.status.addresses.contains(NodeAddress(type: .hostname, address: "node1")))
        #expect(node.status.daemonEndpoints.kubeletEndpoint.port == 10255)
        #expect(node.status.nodeInfo.kubeletVersion == "v1.33.0-swift")
        #expect(node.status.nodeInfo.containerRuntimeVersion == "process://1.0")
        #expect(node.status.nodeInfo.machineID == "m1")
        #expect(!node.status.nodeInfo.kernelVersion.isEmpty)
        let ready = try #require(node.status.conditions.first { $0.type == .ready })
        #expect(ready.status == .true)
        #expect(ready.reason == "KubeletReady")
        #expect(ready.message == "kubelet is posting ready status")
    }
}

@Test func nodeReporterTakesOverANodeThatAlreadyExists() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        try await client.create(Node(metadata: ObjectMeta(name: "node1", labels: ["admin": "set"])))
        let reporter = NodeStatusReporter(client: client, nodeName: "node1", kubeletPort: 10255, machine: testMachine, logger: .silent)
        try await reporter.register()
        let node = try #require(try await server.object(Node.self, name: "node1"))
        #expect(node.metadata.labels["admin"] == "set")
        #expect(node.status.conditions.contains { $0.type == .ready && $0.status == .true })
    }
}

@Test func heartbeatRenewsTheReadyConditionAndKeepsItsTransitionTime() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let reporter = NodeStatusReporter(client: client, nodeName: "node1", kubeletPort: 10255, machine: testMachine, logger: .silent)
        // Register with a ready condition from the past, so the renewal is visible at 1 s resolution.
        var node = reporter.makeNode(now: Time(secondsSince1970: 1_000))
        node.metadata.name = "node1"
        try await client.create(node)
        try await reporter.renew()
        let renewed = try #require(try await server.object(Node.self, name: "node1")?.status.conditions.first { $0.type == .ready })
        #expect(renewed.lastTransitionTime == Time(secondsSince1970: 1_000))
        #expect(renewed.lastHeartbeatTime > Time(secondsSince1970: 1_000))
        #expect(server.requests.last?.method == "PUT")
        #expect(server.requests.last?.path == "/api/v1/nodes/node1/status")
    }
}

@Test func nodeReporterRunsHeartbeatsUntilCancelled() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let reporter = NodeStatusReporter(client: client, nodeName: "node1", kubeletPort: 10255,
                                          heartbeatInterval: .milliseconds(30), machine: testMachine, logger: .silent)
        let task = Task { try await reporter.run() }
        try await eventually("a second heartbeat") { server.requests.filter { $0.path == "/api/v1/nodes/node1/status" }.count >= 2 }
        task.cancel()
        #expect(server.requests.first?.method == "POST")
    }
}

@Test func statusSyncerPutsAChangedStatus() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        var created = try await client.create(boundPod("web"))
        created.metadata.annotations[ConfigAnnotation.source] = "api"
        let pod = created
        let podManager = PodManager()
        _ = await podManager.apply(PodSourceUpdate(source: "api", pods: [pod]))
        let statusManager = StatusManager()
        let syncer = StatusSyncer(client: client, podManager: podManager, statusManager: statusManager, logger: .silent)
        let task = Task { await syncer.run() }
        defer { task.cancel() }
        // Whether the change lands before or after `run` subscribes, it is written.
        await statusManager.setStatus(PodStatus(phase: .running, podIP: "127.0.0.1"), forPod: pod.metadata.uid)
        try await eventually("the pod's status to reach the API") { try await server.object(Pod.self, namespace: "default", name: "web")?.status.phase == .running }
        #expect(server.requests.contains { $0.method == "PUT" && $0.path == "/api/v1/namespaces/default/pods/web/status" })
    }
}

@Test func statusSyncerRetriesOnceOnConflict() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let pod = try await client.create(boundPod("web"))
        let podManager = PodManager()
        _ = await podManager.apply(PodSourceUpdate(source: "api", pods: [pod]))
        let statusManager = StatusManager()
        await statusManager.setStatus(PodStatus(phase: .running), forPod: pod.metadata.uid)
        server.injectConflicts(1)
        let syncer = StatusSyncer(client: client, podManager: podManager, statusManager: statusManager, logger: .silent)
        await syncer.sync(uid: pod.metadata.uid)
        #expect(try await server.object(Pod.self, namespace: "default", name: "web")?.status.phase == .running)
        #expect(server.requests.filter { $0.method == "PUT" }.count == 2)
    }
}

@Test func eventRecorderPostsAnEventForThePod() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let recorder = APIEventRecorder(client: client, nodeName: "node1", logger: .silent)
        let task = Task { await recorder.run() }
        defer { task.cancel() }
        var pod = boundPod("web")
        pod.metadata.uid = "uid-1"
        await recorder.record(.normal, reason: "Started", message: "Started container web", pod: pod)
        try await eventually("an event to be posted") { server.requests.contains { $0.method == "POST" } }
        let post = try #require(server.requests.first { $0.method == "POST" })
        #expect(post.path == "/api/v1/namespaces/default/events")
        let event = try APIJSON.decode(Event.self, from: Data(post.body))
        #expect(event.metadata.name.hasPrefix("web."))
        let suffix = event.metadata.name.dropFirst(4)
        #expect(!suffix.isEmpty && suffix.allSatisfy { $0.isHexDigit })
        #expect(event.involvedObject == ObjectReference(kind: "Pod", namespace: "default", name: "web", uid: "uid-1", apiVersion: "v1"))
        #expect(event.source == EventSource(component: "kubelet", host: "node1"))
        #expect(event.reportingComponent == "kubelet")
        #expect(event.reportingInstance == "node1")
        #expect(event.reason == "Started")
        #expect(event.type == "Normal")
        #expect(event.count == 1)
        #expect(event.firstTimestamp == event.lastTimestamp && !event.firstTimestamp.isZero)
    }
}

@Test func mirrorPodIsCreatedForAStaticPodAndDeletedWhenItGoes() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let node = try await client.create(Node(metadata: ObjectMeta(name: "node1")))
        let podManager = PodManager()
        let statusManager = StatusManager()
        let pod = staticPod("etcd-node1", hash: "hash1")
        _ = await podManager.apply(PodSourceUpdate(source: "file", pods: [pod]))
        await statusManager.setStatus(PodStatus(phase: .running), forPod: pod.metadata.uid)
        let syncer = StatusSyncer(client: client, podManager: podManager, statusManager: statusManager, logger: .silent)
        let mirrors = MirrorPodManager(client: client, nodeName: "node1", podManager: podManager, statusSyncer: syncer, logger: .silent)

        try await mirrors.sync(node1Pods(client))
        let mirror = try #require(try await server.object(Pod.self, namespace: "default", name: "etcd-node1"))
        #expect(mirror.metadata.annotations[ConfigAnnotation.mirror] == "hash1")
        #expect(mirror.metadata.ownerReferences == [OwnerReference(apiVersion: "v1", kind: "Node", name: "node1", uid: node.metadata.uid, controller: true)])
        #expect(mirror.spec.containers.map(\.image) == pod.spec.containers.map(\.image))
        #expect(mirror.status.phase == .running)

        _ = await podManager.apply(PodSourceUpdate(source: "file", pods: []))
        try await mirrors.sync(node1Pods(client))
        #expect(try await server.object(Pod.self, namespace: "default", name: "etcd-node1") == nil)
    }
}

@Test func podDeleterConfirmsDeletionOnceThePodHasStopped() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let stored = try await client.create(boundPod("web"))
        try await client.delete(Pod.self, namespace: "default", name: "web")
        let deleter = PodDeleter(client: client, nodeName: "node1", podManager: PodManager(), hasWorker: { _ in false }, logger: .silent)
        try await deleter.sync(node1Pods(client))
        #expect(try await server.object(Pod.self, namespace: "default", name: "web") == nil)
        let delete = try #require(server.requests.last { $0.method == "DELETE" })
        let options = try APIJSON.decode(DeleteOptions.self, from: Data(delete.body))
        #expect(options.gracePeriodSeconds == 0)
        #expect(options.preconditions?.uid == stored.metadata.uid)
    }
}

@Test func podDeleterWaitsWhileThePodIsStillDesired() async throws {
    try await withTestAPIServer { server in
        let client = try APIClient(server: server.url)
        let stored = try await client.create(boundPod("web"))
        try await client.delete(Pod.self, namespace: "default", name: "web")
        let podManager = PodManager()
        _ = await podManager.apply(PodSourceUpdate(source: "api", pods: [stored]))
        let deleter = PodDeleter(client: client, nodeName: "node1", podManager: podManager, hasWorker: { _ in false }, logger: .silent)
        try await deleter.sync(node1Pods(client))
        #expect(try await server.object(Pod.self, namespace: "default", name: "web") != nil)
    }
}
