// Stage 4 · SchedulerFramework tests: what a pod asks of a node, as Kubernetes' computePodResourceRequest counts it.

import API
import SchedulerFramework
import Testing

@Suite struct ResourceTests {
    @Test func containersAddUpAndTheLargestInitContainerCountsIfLarger() {
        var pod = makePod("p", cpu: "500m", memory: "1Gi")
        pod.spec.containers.append(Container(name: "b", resources: ResourceRequirements(requests: ["cpu": quantity("250m")])))
        pod.spec.initContainers = [
            Container(name: "init", resources: ResourceRequirements(requests: ["cpu": quantity("2"), "memory": quantity("100Mi")])),
        ]
        let request = Resource(requestsOf: pod)
        #expect(request.milliCPU == 2000)
        #expect(request.memory == 1 << 30)
    }

    @Test func sidecarsAddToTheContainersAndToLaterInitContainers() {
        var pod = makePod("p", cpu: "1")
        var sidecar = Container(name: "proxy", resources: ResourceRequirements(requests: ["cpu": quantity("500m")]))
        sidecar.restartPolicy = .always
        let later = Container(name: "migrate", resources: ResourceRequirements(requests: ["cpu": quantity("1200m")]))
        pod.spec.initContainers = [sidecar, later]
        // containers 1000 + sidecar 500 = 1500; the later init container runs beside the sidecar: 1700.
        #expect(Resource(requestsOf: pod).milliCPU == 1700)
    }

    @Test func overheadComesOnTop() {
        var pod = makePod("p", cpu: "1", memory: "1Gi")
        pod.spec.overhead = ["cpu": quantity("250m"), "memory": quantity("120Mi")]
        let request = Resource(requestsOf: pod)
        #expect(request.milliCPU == 1250)
        #expect(request.memory == (1 << 30) + 120 * (1 << 20))
    }

    @Test func extendedResourcesAreCountedByName() {
        let pod = makePod("p", extended: ["nvidia.com/gpu": "2"])
        #expect(Resource(requestsOf: pod).scalarResources == ["nvidia.com/gpu": 2])
    }

    @Test func scoringCountsAContainerWithoutRequestsAsATenthOfACoreAnd200Mi() {
        let request = Resource(nonZeroRequestsOf: makePod("p"))
        #expect(request.milliCPU == Resource.defaultMilliCPURequest && request.milliCPU == 100)
        #expect(request.memory == 200 * 1024 * 1024)
        let explicit = Resource(nonZeroRequestsOf: makePod("q", cpu: "0", memory: "1Gi"))
        #expect(explicit.milliCPU == 0 && explicit.memory == 1 << 30)
    }
}
