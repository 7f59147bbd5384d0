// Stage 4 · SchedulerFramework tests: the cache assumes, forgets, confirms, and snapshots incrementally.

import API
import ClusterKinds
import SchedulerFramework
import Testing

@Suite struct SchedulerCacheTests {
    @Test func anAssumedPodTakesItsResourcesUntilItIsForgotten() async throws {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1", cpu: "2"))
        let pod = makePod("web", cpu: "1500m", node: "n1")
        try await cache.assumePod(pod)
        #expect(await cache.isAssumedPod(pod))
        var snapshot = Snapshot()
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfo(named: "n1")?.requested.milliCPU == 1500)

        await cache.forgetPod(pod)
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfo(named: "n1")?.requested.milliCPU == 0)
        #expect(await !cache.isAssumedPod(pod))
    }

    @Test func theInformersAddConfirmsAnAssumedPodWithoutCountingItTwice() async throws {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1"))
        let pod = makePod("web", cpu: "1", node: "n1")
        try await cache.assumePod(pod)
        await cache.finishBinding(pod)
        await cache.addPod(pod)
        #expect(await !cache.isAssumedPod(pod))
        await cache.forgetPod(pod)  // no longer assumed: forgetting does nothing
        let info = await cache.nodeInfo(named: "n1")
        #expect(info?.pods.count == 1)
        #expect(info?.requested.milliCPU == 1000)
    }

    @Test func assumingAPodTwiceIsRefused() async throws {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1"))
        let pod = makePod("web", node: "n1")
        try await cache.assumePod(pod)
        await #expect(throws: SchedulerCacheError.self) { try await cache.assumePod(pod) }
    }

    @Test func aSnapshotFollowsNodeAndPodChanges() async throws {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1"))
        await cache.addNode(makeNode("n2"))
        var snapshot = Snapshot()
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfoList.map(\.name) == ["n1", "n2"])

        await cache.addPod(makePod("a", cpu: "1", node: "n2"))
        await cache.updateNode(makeNode("n1", labels: ["zone": "a"]))
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfo(named: "n2")?.requested.milliCPU == 1000)
        #expect(snapshot.nodeInfo(named: "n1")?.node.metadata.labels == ["zone": "a"])

        await cache.removeNode(makeNode("n1"))
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfoList.map(\.name) == ["n2"])
        #expect(await cache.nodeCount == 1)
    }

    @Test func aSnapshotUpdateReplacesOnlyTheNodesThatChanged() async {
        let cache = SchedulerCache()
        for name in ["n1", "n2", "n3"] { await cache.addNode(makeNode(name)) }
        var snapshot = Snapshot()
        await cache.updateSnapshot(&snapshot)
        let before = snapshot.nodeInfoList
        await cache.addPod(makePod("a", node: "n2"))
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfoList[0] === before[0] && snapshot.nodeInfoList[2] === before[2])
        #expect(snapshot.nodeInfoList[1] !== before[1] && snapshot.nodeInfoList[1].pods.count == 1)
    }

    @Test func anUpdatedPodIsCountedWithItsNewRequests() async {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1"))
        let old = makePod("web", cpu: "1", node: "n1")
        await cache.addPod(old)
        await cache.updatePod(old: old, new: makePod("web", cpu: "2", node: "n1"))
        let info = await cache.nodeInfo(named: "n1")
        #expect(info?.pods.count == 1 && info?.requested.milliCPU == 2000)
    }

    @Test func aPodThatArrivesBeforeItsNodeIsCountedWhenTheNodeIsAdded() async {
        let cache = SchedulerCache()
        await cache.addPod(makePod("early", cpu: "1", node: "n1"))
        await cache.addNode(makeNode("n1"))
        var snapshot = Snapshot()
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.nodeInfo(named: "n1")?.requested.milliCPU == 1000)
    }

    @Test func removingAPodFreesItsResourcesAndPorts() async {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1"))
        let pod = makePod("web", cpu: "1", node: "n1", hostPorts: [8080])
        await cache.addPod(pod)
        #expect(await cache.nodeInfo(named: "n1")?.usedPorts.isEmpty == false)
        await cache.removePod(pod)
        let info = await cache.nodeInfo(named: "n1")
        #expect(info?.usedPorts.isEmpty == true && info?.requested.milliCPU == 0 && info?.pods.isEmpty == true)
    }

    @Test func affinityNodeListsFollowThePods() async {
        let cache = SchedulerCache()
        await cache.addNode(makeNode("n1"))
        await cache.addNode(makeNode("n2"))
        var pod = makePod("anti", node: "n2", labels: ["app": "web"])
        var term = PodAffinityTerm()
        var selector = LabelSelectorSpec()
        selector.matchLabels = ["app": "web"]
        term.labelSelector = selector
        term.topologyKey = "kubernetes.io/hostname"
        var anti = PodAntiAffinity()
        anti.requiredDuringSchedulingIgnoredDuringExecution = [term]
        var affinity = Affinity()
        affinity.podAntiAffinity = anti
        pod.spec.affinity = affinity
        var snapshot = Snapshot()
        await cache.updateSnapshot(&snapshot)
        await cache.addPod(pod)
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.havePodsWithRequiredAntiAffinityNodeInfoList == [1])
        await cache.removePod(pod)
        await cache.updateSnapshot(&snapshot)
        #expect(snapshot.havePodsWithRequiredAntiAffinityNodeInfoList.isEmpty)
    }
}
