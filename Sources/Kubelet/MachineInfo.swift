// Stage 1 · Kubelet: what the node is made of, as the kubelet's `/spec/` reports it.
//
// Kubernetes' kubelet learns the machine from cAdvisor and serves it at `/spec/`; the
// scheduler later decides where pods fit from these numbers (as the node's capacity).
// Field names are cAdvisor's `MachineInfo` JSON names.

import Foundation

/// The node's cores and memory, and the ids that tell machines apart.
public struct MachineInfo: Codable, Sendable, Equatable {
    /// Logical CPUs.
    public var numCores: Int
    /// Memory in bytes.
    public var memoryCapacity: UInt64
    /// `/etc/machine-id`, when the system has one.
    public var machineID: String
    /// The kernel's boot id on Linux: it changes when the machine reboots.
    public var bootID: String

    enum CodingKeys: String, CodingKey {
        case numCores = "num_cores"
        case memoryCapacity = "memory_capacity"
        case machineID = "machine_id"
        case bootID = "boot_id"
    }

    public static func current() -> MachineInfo {
        func firstLine(_ path: String) -> String {
            (try? String(contentsOfFile: path, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        return MachineInfo(
            numCores: ProcessInfo.processInfo.activeProcessorCount,
            memoryCapacity: ProcessInfo.processInfo.physicalMemory,
            machineID: firstLine("/etc/machine-id"),
            bootID: firstLine("/proc/sys/kernel/random/boot_id")
        )
    }
}
