// Stage 1 · Kubelet: the downward API — fields of a pod, as the pod's own programs see them.
//
// A program often needs to know where it runs: its pod's name and namespace (to log
// them), its IP (to advertise it), its memory limit (to size a cache). The pod spec asks
// for these by path (`fieldRef.fieldPath: status.podIP`, `resourceFieldRef.resource:
// limits.memory`), and the kubelet, which knows them, fills them in: as environment
// variables when a container starts, or as files of a downwardAPI volume. This is
// Kubernetes' `podFieldSelectorRuntimeValue` and `ExtractContainerResourceValue`.
//
// Values follow Kubernetes: `metadata.labels['app']` is one label ("" when missing),
// `metadata.labels` (files only) is every label as `key="value"` lines, sorted.
// A resource value is divided by the divisor (1 when unset) and rounded up: CPU in
// millicores first, so `limits.cpu` of `500m` is `1` and with divisor `1m` is `500`. A
// limit that is not set is the node's allocatable amount, as in Kubernetes.

import API
import Foundation

/// Resolves downward API references for one pod on this node.
struct DownwardAPI: Sendable {
    let pod: Pod
    /// The node's address, `status.hostIP`.
    let hostIP: String
    /// The pod's address, `status.podIP` (the node's, with the process runtime).
    let podIP: String
    /// What a container gets when it sets no limit: the node's cores and memory.
    var allocatable: [String: Quantity] = DownwardAPI.nodeAllocatable()

    /// The value of `selector` for this pod.
    func value(of selector: ObjectFieldSelector) throws(KubeletError) -> String {
        let path = selector.fieldPath
        switch path {
        case "metadata.name": return pod.metadata.name
        case "metadata.namespace": return pod.metadata.namespace
        case "metadata.uid": return pod.metadata.uid
        case "metadata.labels": return Self.formatted(pod.metadata.labels)
        case "metadata.annotations": return Self.formatted(pod.metadata.annotations)
        case "spec.nodeName": return pod.spec.nodeName
        case "spec.serviceAccountName": return pod.spec.serviceAccountName
        case "status.hostIP", "status.hostIPs": return hostIP
        case "status.podIP", "status.podIPs": return podIP
        default:
            if let key = Self.subscript(path, of: "metadata.labels") { return pod.metadata.labels[key] ?? "" }
            if let key = Self.subscript(path, of: "metadata.annotations") { return pod.metadata.annotations[key] ?? "" }
            throw KubeletError("unsupported fieldPath: \(path)")
        }
    }

    /// The value of `selector` for `container` (the one named by the selector, if it names one).
    func value(of selector: ResourceFieldSelector, for container: Container) throws(KubeletError) -> String {
        var target = container
        if !selector.containerName.isEmpty {
            guard let named = (pod.spec.containers + pod.spec.initContainers).first(where: { $0.name == selector.containerName }) else {
                throw KubeletError("container \(selector.containerName) not found")
            }
            target = named
        }
        let parts = selector.resource.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["limits", "requests"].contains(parts[0]),
              ["cpu", "memory", "ephemeral-storage"].contains(parts[1]) else {
            throw KubeletError("unsupported container resource : \(selector.resource)")
        }
        let name = parts[1]
        let amount: Quantity
        if parts[0] == "limits" {
            amount = target.resources.limits[name] ?? allocatable[name] ?? Quantity(value: 0)
        } else {
            amount = target.resources.requests[name] ?? Quantity(value: 0)
        }
        let divisor = selector.divisor == Quantity(value: 0) ? Quantity(value: 1) : selector.divisor
        if name == "cpu" {
            return String(Self.dividedRoundingUp(amount.milliValue, by: divisor.milliValue))
        }
        return String(Self.dividedRoundingUp(amount.value, by: divisor.value))
    }

    /// `a / b`, rounded up, for the non-negative amounts of resources.
    static func dividedRoundingUp(_ a: Int64, by b: Int64) -> Int64 {
        guard b > 0 else { return a }
        return a / b + (a % b == 0 ? 0 : 1)
    }

    /// `key` of `metadata.labels['key']`, or nil when `path` is not a subscript of `field`.
    static func `subscript`(_ path: String, of field: String) -> String? {
        let prefix = "\(field)['"
        guard path.hasPrefix(prefix), path.hasSuffix("']"), path.count > prefix.count + 2 else { return nil }
        return String(path.dropFirst(prefix.count).dropLast(2))
    }

    /// Every pair as `key="value"`, one a line, sorted by key (Kubernetes' `FormatMap`).
    static func formatted(_ map: [String: String]) -> String {
        map.keys.sorted().map { key in
            let value = map[key]!
            var quoted = "\""
            for scalar in value.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\n": quoted += "\\n"
                case "\t": quoted += "\\t"
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return "\(key)=\(quoted)\""
        }.joined(separator: "\n")
    }

    /// The node's cores and memory, which stand in for a limit a container does not set.
    static func nodeAllocatable() -> [String: Quantity] {
        let info = ProcessInfo.processInfo
        return ["cpu": Quantity(value: Int64(info.activeProcessorCount)),
                "memory": Quantity(value: Int64(clamping: info.physicalMemory))]
    }
}
