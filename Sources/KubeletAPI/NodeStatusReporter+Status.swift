// Stage 2 · KubeletAPI: what a node says about itself.
//
// The fields follow a real kubelet's `setNodeStatus`: capacity and allocatable (the
// scheduler fits pods into allocatable, stage 4), addresses, the kubelet's port, the
// system's identity and versions, and the `Ready` condition. This kubelet reserves
// nothing for the system, so allocatable equals capacity.

import API
import ClusterKinds
import Foundation
import Kubelet
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NodeStatusReporter {
    /// The reason and message of a Ready node, Kubernetes' own words.
    static let readyReason = "KubeletReady"
    static let readyMessage = "kubelet is posting ready status"
    /// The label every kubelet puts on its node.
    static let hostnameLabel = "kubernetes.io/hostname"
    /// The address a node of this series is reached at: the kubelet listens on loopback.
    static let internalIP = "127.0.0.1"
    /// Bytes in a kibibyte, for memory capacity in `Ki` as a real kubelet writes it.
    static let bytesPerKibibyte: UInt64 = 1024

    /// The Node to register, as of `now`.
    func makeNode(now: Time) -> Node {
        var node = Node(metadata: ObjectMeta(name: nodeName, labels: [
            Self.hostnameLabel: nodeName,
            "kubernetes.io/os": Self.operatingSystem,
            "kubernetes.io/arch": Self.architecture,
        ]))
        node.status = refreshedStatus(NodeStatus(), now: now)
        return node
    }

    /// `status` with everything the kubelet owns set afresh; the Ready condition's
    /// transition time is kept when it was already True.
    func refreshedStatus(_ status: NodeStatus, now: Time) -> NodeStatus {
        var status = status
        let capacity: [String: Quantity] = [
            "cpu": Quantity(value: Int64(machine.numCores)),
            "memory": (try? Quantity(parsing: "\(machine.memoryCapacity / Self.bytesPerKibibyte)Ki")) ?? Quantity(value: Int64(machine.memoryCapacity)),
            "pods": Quantity(value: Int64(KubeletConfiguration.Defaults.podCapacity)),
        ]
        status.capacity = capacity
        status.allocatable = capacity
        // Stage 4 > a node of a chosen size: the advertiser replaces what the machine reports
        if let advertiser { status = advertiser.reporting(status) }
        // Stage 4 <
        status.addresses = [
            NodeAddress(type: .internalIP, address: Self.internalIP),
            NodeAddress(type: .hostname, address: nodeName),
        ]
        status.daemonEndpoints = NodeDaemonEndpoints(kubeletEndpoint: DaemonEndpoint(port: Int32(kubeletPort)))
        status.nodeInfo = NodeSystemInfo(
            machineID: machine.machineID, bootID: machine.bootID, kernelVersion: Self.kernelVersion,
            osImage: Self.osImage, containerRuntimeVersion: KubeletConfiguration.Defaults.containerRuntimeVersion,
            kubeletVersion: KubeletConfiguration.Defaults.kubeletVersion,
            operatingSystem: Self.operatingSystem, architecture: Self.architecture)

        let previous = status.conditions.first { $0.type == .ready }
        let transition = previous?.status == .true ? previous!.lastTransitionTime : now
        let ready = NodeCondition(
            type: .ready, status: .true, lastHeartbeatTime: now, lastTransitionTime: transition,
            reason: Self.readyReason, message: Self.readyMessage)
        status.conditions.removeAll { $0.type == .ready }
        status.conditions.append(ready)
        return status
    }

    /// `uname -r`: the kernel's release.
    static var kernelVersion: String {
        var name = utsname()
        guard uname(&name) == 0 else { return "" }
        return withUnsafeBytes(of: &name.release) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    /// The OS's pretty name (`PRETTY_NAME` in `/etc/os-release` on Linux, as Kubernetes reads it).
    static var osImage: String {
        #if os(Linux)
        let text = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        for line in text.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            return line.dropFirst("PRETTY_NAME=".count).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return "Linux"
        #else
        return "macOS \(ProcessInfo.processInfo.operatingSystemVersionString)"
        #endif
    }

    /// Go's `GOOS`: `linux` or `darwin`.
    static var operatingSystem: String {
        #if os(Linux)
        "linux"
        #else
        "darwin"
        #endif
    }

    /// Go's `GOARCH`: `amd64` or `arm64`.
    static var architecture: String {
        #if arch(x86_64)
        "amd64"
        #elseif arch(arm64)
        "arm64"
        #else
        "unknown"
        #endif
    }
}
