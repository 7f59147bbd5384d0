// Stage 4 · SchedulerFramework tests: Reserve, Permit (with waiting), Bind through the handle.

import API
import SchedulerFramework
import SchedulerPlugins
import Synchronization
import Testing
@testable import TestSupport

/// A permit plugin that holds every pod back.
struct WaitingPermit: PermitPlugin {
    let name = "Gang"
    let timeout: Duration
    func permit(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> (Status, Duration) {
        (Status(.wait), timeout)
    }
}

/// A reserve plugin that records reserve and unreserve calls, and can refuse.
final class RecordingReserve: ReservePlugin {
    let name = "Recorder"
    let refuse: Bool
    let calls = Mutex<[String]>([])
    init(refuse: Bool) { self.refuse = refuse }
    func reserve(_ state: CycleState, _ pod: Pod, _ nodeName: String) async -> Status {
        calls.withLock { $0.append("reserve \(nodeName)") }
        return refuse ? Status(.unschedulable, "no room") : .success
    }
    func unreserve(_ state: CycleState, _ pod: Pod, _ nodeName: String) async {
        calls.withLock { $0.append("unreserve \(nodeName)") }
    }
}

@Suite struct BindingCycleTests {
    @Test func theDefaultBinderPostsABindingThroughTheHandle() async {
        let handle = RecordingHandle()
        let framework = DefaultPlugins.framework(handle: handle)
        let status = await framework.runBindPlugins(CycleState(), makePod("web"), "node2")
        #expect(status.isSuccess)
        let binding = handle.recorded.bindings.first
        #expect(binding?.metadata.name == "web" && binding?.metadata.namespace == "default")
        #expect(binding?.target.name == "node2" && binding?.target.kind == "Node")
    }

    @Test func aFailedBindingIsAnErrorStatusNamingTheBinder() async {
        let framework = DefaultPlugins.framework(handle: RecordingHandle(failBinding: true))
        let status = await framework.runBindPlugins(CycleState(), makePod("web"), "node2")
        #expect(status.code == .error && status.plugin == "DefaultBinder" && status.message == "binding refused")
    }

    @Test func aRefusedReserveIsReportedAndUnreserveRunsOnRequest() async {
        let recorder = RecordingReserve(refuse: true)
        let framework = Framework(plugins: [recorder], scoreWeights: [:], handle: RecordingHandle())
        let status = await framework.runReservePluginsReserve(CycleState(), makePod("p"), "n1")
        #expect(status.code == .unschedulable && status.plugin == "Recorder")
        await framework.runReservePluginsUnreserve(CycleState(), makePod("p"), "n1")
        #expect(recorder.calls.withLock { $0 } == ["reserve n1", "unreserve n1"])
    }

    @Test func aWaitingPodProceedsWhenItsPluginAllowsIt() async throws {
        let framework = Framework(plugins: [WaitingPermit(timeout: .seconds(600))], scoreWeights: [:], handle: RecordingHandle())
        let pod = makePod("member")
        async let status = framework.runPermitPlugins(CycleState(), pod, "n1")
        try await eventually("the pod to wait at Permit") { framework.waitingPods.keys == [pod.metadata.uid] }
        framework.waitingPods.allow(pod.metadata.uid, plugin: "Gang")
        #expect(await status.isSuccess)
    }

    @Test func aWaitingPodCanBeRejected() async throws {
        let framework = Framework(plugins: [WaitingPermit(timeout: .seconds(600))], scoreWeights: [:], handle: RecordingHandle())
        let pod = makePod("member")
        async let status = framework.runPermitPlugins(CycleState(), pod, "n1")
        try await eventually("the pod to wait at Permit") { framework.waitingPods.keys == [pod.metadata.uid] }
        framework.waitingPods.reject(pod.metadata.uid, plugin: "Gang", message: "group incomplete")
        let result = await status
        #expect(result.code == .unschedulable && result.message == "group incomplete")
    }

    @Test func aWaitingPodIsRejectedWhenItsTimeoutPasses() async {
        let framework = Framework(plugins: [WaitingPermit(timeout: .zero)], scoreWeights: [:], handle: RecordingHandle())
        let status = await framework.runPermitPlugins(CycleState(), makePod("member"), "n1")
        #expect(status.code == .unschedulable && status.plugin == "Gang")
        #expect(status.message.hasPrefix("rejected due to timeout after waiting"))
    }
}
