// Stage 4 · SchedulerFramework: what one pod asks of a node (Kubernetes' computePodResourceRequest).
//
// A pod's containers run side by side, so their requests add up. Its init containers
// run one after another before them, so only the largest counts, unless it is larger
// than the sum of the regular containers. Sidecars (init containers with
// `restartPolicy: Always`) keep running, so they add to both. The pod's `overhead` (the
// sandbox's own cost, set from its RuntimeClass) comes on top:
//
//     request = max(sum(containers) + sidecars, each init container + sidecars started before it) + overhead
//
// For scoring, Kubernetes pretends a container that requests no CPU or memory asks for
// a little (`defaultMilliCPURequest`, `defaultMemoryRequest`), so that pods without
// requests still spread out instead of piling onto the node that looks empty.

import API

extension Resource {
    /// The CPU a container is counted with for scoring when it requests none: 0.1 core.
    public static let defaultMilliCPURequest: Int64 = 100
    /// The memory a container is counted with for scoring when it requests none: 200 MiB.
    public static let defaultMemoryRequest: Int64 = 200 * 1024 * 1024

    /// The pod's effective request, as the scheduler adds it to a node.
    public init(requestsOf pod: Pod) {
        self = Resource.podRequest(pod) { Resource($0.resources.requests) }
    }

    /// The pod's request with the scoring defaults for containers that ask for no CPU or memory.
    public init(nonZeroRequestsOf pod: Pod) {
        let request = Resource.podRequest(pod) { container in
            let requests = container.resources.requests
            var resource = Resource()
            resource.milliCPU = requests[Name.cpu]?.milliValue ?? Resource.defaultMilliCPURequest
            resource.memory = requests[Name.memory]?.value ?? Resource.defaultMemoryRequest
            return resource
        }
        self = Resource(milliCPU: request.milliCPU, memory: request.memory)
    }

    private static func podRequest(_ pod: Pod, _ requestOf: (Container) -> Resource) -> Resource {
        var request = Resource()
        for container in pod.spec.containers { request.add(requestOf(container)) }
        var sidecars = Resource()
        var initContainers = Resource()
        for container in pod.spec.initContainers {
            var containerRequest = requestOf(container)
            if container.restartPolicy == .always {
                request.add(containerRequest)
                sidecars.add(containerRequest)
                containerRequest = sidecars
            } else {
                containerRequest.add(sidecars)
            }
            initContainers.setMax(containerRequest)
        }
        request.setMax(initContainers)
        request.add(Resource(pod.spec.overhead))
        return request
    }
}
