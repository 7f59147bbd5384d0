import API
import APIServer
import Testing

@Suite struct PodPrinterTests {
    static let created = Time(secondsSince1970: 1_700_000_000)
    static let now = Time(secondsSince1970: 1_700_000_000 + 125)

    static func pod(containers: [ContainerStatus], initContainers: [ContainerStatus] = [], phase: PodPhase = .running) -> Pod {
        var pod = Pod()
        pod.metadata.name = "web"
        pod.metadata.creationTimestamp = created
        pod.spec.containers = containers.map { status in
            var container = Container()
            container.name = status.name
            return container
        }
        pod.spec.initContainers = initContainers.map { status in
            var container = Container()
            container.name = status.name
            return container
        }
        pod.status.phase = phase
        pod.status.containerStatuses = containers
        pod.status.initContainerStatuses = initContainers
        return pod
    }

    static func status(_ name: String, _ state: ContainerState, ready: Bool = false, restarts: Int32 = 0, last: ContainerState = ContainerState()) -> ContainerStatus {
        var status = ContainerStatus()
        status.name = name
        status.state = state
        status.ready = ready
        status.restartCount = restarts
        status.lastState = last
        return status
    }

    @Test func aRunningReadyPodShowsItsPhase() {
        let pod = Self.pod(containers: [Self.status("main", ContainerState(running: ContainerStateRunning(startedAt: Self.created)), ready: true)])
        #expect(PodPrinter.cells(pod, now: Self.now).prefix(5) == ["web", "1/1", "Running", "0", "2m5s"])
    }

    @Test func aWaitingContainerShowsItsReason() {
        let pod = Self.pod(containers: [Self.status("main", ContainerState(waiting: ContainerStateWaiting(reason: "ContainerCreating")))], phase: .pending)
        #expect(PodPrinter.cells(pod, now: Self.now)[2] == "ContainerCreating")
    }

    @Test func aCrashLoopShowsRestartsAndWhenTheLastOneWas() {
        var terminated = ContainerStateTerminated()
        terminated.exitCode = 1
        terminated.reason = "Error"
        terminated.finishedAt = Time(secondsSince1970: Self.now.secondsSince1970 - 5)
        let pod = Self.pod(containers: [Self.status("main", ContainerState(waiting: ContainerStateWaiting(reason: "CrashLoopBackOff")),
                                                    restarts: 2, last: ContainerState(terminated: terminated))])
        let cells = PodPrinter.cells(pod, now: Self.now)
        #expect(cells[1] == "0/1")
        #expect(cells[2] == "CrashLoopBackOff")
        #expect(cells[3] == "2 (5s ago)")
    }

    @Test func aRunningInitContainerShowsInitProgress() {
        let pod = Self.pod(
            containers: [Self.status("main", ContainerState(waiting: ContainerStateWaiting(reason: "PodInitializing")))],
            initContainers: [Self.status("prepare", ContainerState(running: ContainerStateRunning(startedAt: Self.created)))],
            phase: .pending)
        #expect(PodPrinter.cells(pod, now: Self.now)[2] == "Init:0/1")
    }

    @Test func aDeletedPodIsTerminating() {
        var pod = Self.pod(containers: [Self.status("main", ContainerState(running: ContainerStateRunning(startedAt: Self.created)), ready: true)])
        pod.metadata.deletionTimestamp = Self.now
        #expect(PodPrinter.cells(pod, now: Self.now)[2] == "Terminating")
    }

    @Test func wideCellsShowIPAndNodeOrNone() {
        var pod = Self.pod(containers: [Self.status("main", ContainerState(running: ContainerStateRunning(startedAt: Self.created)), ready: true)])
        #expect(PodPrinter.cells(pod, now: Self.now).suffix(4) == ["<none>", "<none>", "<none>", "<none>"])
        pod.spec.nodeName = "node1"
        pod.status.podIPs = [PodIP(ip: "127.0.0.1")]
        #expect(PodPrinter.cells(pod, now: Self.now).suffix(4) == ["127.0.0.1", "node1", "<none>", "<none>"])
    }
}
