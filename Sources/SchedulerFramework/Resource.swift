// Stage 4 · SchedulerFramework: an amount of every resource a node offers and pods request, as plain integers.
//
// Quantities in the API are text with suffixes (`500m`, `2Gi`). Comparing them in the
// scheduler's inner loop, thousands of nodes per pod, would parse and scale them every
// time; Kubernetes' framework.Resource converts them once to integers instead: CPU in
// millicores, memory and ephemeral storage in bytes, the pod count, and every other
// resource (`nvidia.com/gpu`, `hugepages-2Mi`) by name. A node's allocatable amount,
// the sum its pods request and one pod's request are all a Resource.

import API

/// Resource amounts as integers: what a node has, what its pods ask for.
public struct Resource: Sendable, Hashable {
    public var milliCPU: Int64 = 0
    /// Bytes.
    public var memory: Int64 = 0
    /// Bytes.
    public var ephemeralStorage: Int64 = 0
    /// How many pods fit (a node's `pods` resource); 0 in a pod's request.
    public var allowedPodNumber: Int64 = 0
    /// Every other resource, by name, in its unit (Quantity's value).
    public var scalarResources: [String: Int64] = [:]

    /// The resource names the struct holds in fields rather than in `scalarResources`.
    public enum Name {
        public static let cpu = "cpu"
        public static let memory = "memory"
        public static let ephemeralStorage = "ephemeral-storage"
        public static let pods = "pods"
    }

    public init(milliCPU: Int64 = 0, memory: Int64 = 0, ephemeralStorage: Int64 = 0, allowedPodNumber: Int64 = 0,
                scalarResources: [String: Int64] = [:]) {
        self.milliCPU = milliCPU
        self.memory = memory
        self.ephemeralStorage = ephemeralStorage
        self.allowedPodNumber = allowedPodNumber
        self.scalarResources = scalarResources
    }

    /// A resource list from the API (`requests`, `allocatable`) as integers.
    public init(_ list: [String: Quantity]) {
        add(list)
    }

    /// Adds a resource list from the API.
    public mutating func add(_ list: [String: Quantity]) {
        for (name, quantity) in list {
            switch name {
            case Name.cpu: milliCPU += quantity.milliValue
            case Name.memory: memory += quantity.value
            case Name.ephemeralStorage: ephemeralStorage += quantity.value
            case Name.pods: allowedPodNumber += quantity.value
            default: scalarResources[name, default: 0] += quantity.value
            }
        }
    }

    public mutating func add(_ other: Resource) {
        milliCPU += other.milliCPU
        memory += other.memory
        ephemeralStorage += other.ephemeralStorage
        allowedPodNumber += other.allowedPodNumber
        for (name, amount) in other.scalarResources { scalarResources[name, default: 0] += amount }
    }

    public mutating func subtract(_ other: Resource) {
        milliCPU -= other.milliCPU
        memory -= other.memory
        ephemeralStorage -= other.ephemeralStorage
        allowedPodNumber -= other.allowedPodNumber
        for (name, amount) in other.scalarResources { scalarResources[name, default: 0] -= amount }
    }

    /// Raises each amount to `other`'s where that is larger (how init containers count).
    public mutating func setMax(_ other: Resource) {
        milliCPU = max(milliCPU, other.milliCPU)
        memory = max(memory, other.memory)
        ephemeralStorage = max(ephemeralStorage, other.ephemeralStorage)
        allowedPodNumber = max(allowedPodNumber, other.allowedPodNumber)
        for (name, amount) in other.scalarResources { scalarResources[name] = max(scalarResources[name] ?? 0, amount) }
    }

    /// Whether nothing at all is requested, so NodeResourcesFit need only count pods.
    public var isZero: Bool {
        milliCPU == 0 && memory == 0 && ephemeralStorage == 0 && scalarResources.values.allSatisfy { $0 == 0 }
    }
}
