// Stage 4 · SchedulerPlugins tests: preemption's eligibility, victims, choice of node, and messages.

import API
import ClusterKinds
import SchedulerFramework
import SchedulerPlugins
import Testing

@Suite struct DefaultPreemptionTests {
    /// Runs the default profile's Filter (to get the statuses), then PostFilter, as the scheduler would.
    static func preempt(_ pod: Pod, _ snapshot: Snapshot, _ handle: RecordingHandle) async -> (String?, Status) {
        let framework = DefaultPlugins.framework(handle: handle)
        let state = CycleState()
        do {
            _ = try await SchedulingAlgorithm(framework: framework).schedulePod(pod, state: state, snapshot: snapshot)
            return (nil, Status(.error, "the pod fit"))
        } catch let error as FitError {
            return await framework.runPostFilterPlugins(state, pod, error.diagnosis.nodeToStatus, snapshot)
        } catch {
            return (nil, Status(.error, "\(error)"))
        }
    }

    @Test func aHigherPriorityPodEvictsTheLeastImportantVictims() async {
        // n1 holds a priority-100 pod, n2 a priority-10 pod: n2's victim matters less.
        let snapshot = Snapshot(nodes: [makeNode("n1", cpu: "2"), makeNode("n2", cpu: "2")],
                                pods: [makePod("mid", cpu: "2", node: "n1", priority: 100),
                                       makePod("low", cpu: "2", node: "n2", priority: 10)])
        let handle = RecordingHandle()
        let (nominated, status) = await Self.preempt(makePod("vip", cpu: "1", priority: 1000), snapshot, handle)
        #expect(status.isSuccess)
        #expect(nominated == "n2")
        #expect(handle.recorded.deleted == ["low"])
        #expect(handle.recorded.nominations == ["vip": "n2"])
    }

    @Test func victimsThatCanStayAreReprieved() async {
        // Three pods of 1 cpu on a 4-cpu node, two of them low; the newcomer needs 1.5: evicting one is enough.
        let snapshot = Snapshot(nodes: [makeNode("n1", cpu: "4")],
                                pods: [makePod("older", cpu: "1", node: "n1", priority: 5, startedAt: 100),
                                       makePod("newer", cpu: "1", node: "n1", priority: 5, startedAt: 200),
                                       makePod("same", cpu: "1", node: "n1", priority: 1000)])
        let handle = RecordingHandle()
        let (nominated, status) = await Self.preempt(makePod("vip", cpu: "1500m", priority: 1000), snapshot, handle)
        #expect(status.isSuccess && nominated == "n1")
        // The more important (the one running longer) is put back first and stays.
        #expect(handle.recorded.deleted == ["newer"])
    }

    @Test func fewerVictimsWinWhenPrioritiesTie() async {
        let snapshot = Snapshot(nodes: [makeNode("two", cpu: "2"), makeNode("one", cpu: "2")],
                                pods: [makePod("a", cpu: "1", node: "two", priority: 1),
                                       makePod("b", cpu: "1", node: "two", priority: 1),
                                       makePod("c", cpu: "2", node: "one", priority: 1)])
        let handle = RecordingHandle()
        let (nominated, _) = await Self.preempt(makePod("vip", cpu: "2", priority: 10), snapshot, handle)
        #expect(nominated == "one")
        #expect(handle.recorded.deleted == ["c"])
    }

    @Test func aLowerPriorityPodThatTheNewcomerAvoidsIsEvictedToSatisfyAntiAffinity() async {
        // One node; the newcomer refuses to share a host with app=web, and a low-priority web pod is there.
        let node = makeNode("n1", labels: ["kubernetes.io/hostname": "n1"])
        let snapshot = Snapshot(nodes: [node], pods: [makePod("web-low", node: "n1", labels: ["app": "web"], priority: 1)])
        let newcomer = PodPlacementTests.podWith(anti: true, labels: ["app": "web"], name: "vip")
        var important = newcomer
        important.spec.priority = 100
        let handle = RecordingHandle()
        let (nominated, status) = await Self.preempt(important, snapshot, handle)
        #expect(status.isSuccess && nominated == "n1")
        #expect(handle.recorded.deleted == ["web-low"])
    }

    @Test func aPodThatMayNotPreemptSaysSo() async {
        let snapshot = Snapshot(nodes: [makeNode("n1", cpu: "1")], pods: [makePod("low", cpu: "1", node: "n1", priority: 0)])
        var pod = makePod("polite", cpu: "1", priority: 1000)
        pod.spec.preemptionPolicy = .never
        let handle = RecordingHandle()
        let (_, status) = await Self.preempt(pod, snapshot, handle)
        #expect(status.code == .unschedulable)
        #expect(status.message == "preemption: not eligible due to preemptionPolicy=Never.")
        #expect(handle.recorded.deleted.isEmpty)
    }

    @Test func nodesThatRejectForOtherReasonsAreNotHelpedByPreemption() async {
        let gpu = Taint(key: "dedicated", value: "gpu", effect: .noSchedule)
        let snapshot = Snapshot(nodes: [makeNode("n1", cpu: "1"), makeNode("tainted", taints: [gpu])],
                                pods: [makePod("equal", cpu: "1", node: "n1", priority: 1000)])
        let (nominated, status) = await Self.preempt(makePod("p", cpu: "1", priority: 1000), snapshot, RecordingHandle())
        #expect(nominated == "")
        #expect(status.message == "preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, "
            + "1 Preemption is not helpful for scheduling.")
    }
}
