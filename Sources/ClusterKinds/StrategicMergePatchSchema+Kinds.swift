// Stage 2 · ClusterKinds: the patch schemas of the kinds the API server of stage 2 serves.
//
// Transcribed from the `patchStrategy`/`patchMergeKey` tags of Kubernetes' core/v1 and
// meta/v1 types (k8s.io/api/core/v1/types.go). Only lists need entries: every object
// merges by default. Lists marked `+listType=atomic` in Kubernetes (tolerations, taints,
// a container's command and args, containerStatuses, …) have no tag and are replaced
// whole; a few of them are written out as `.replace` so that a reader sees the choice.

import APIMachinery

extension PatchSchema {
    /// ObjectMeta's lists, shared by every kind.
    static let objectMeta: [String: PatchStrategy] = [
        "metadata.finalizers": .mergeAsSet,
        "metadata.ownerReferences": .mergeByKey("uid"),
    ]

    /// The lists inside one container, for the container lists at `path`.
    static func container(at path: String) -> [String: PatchStrategy] {
        let element = elements(of: path)
        return [
            path: .mergeByKey("name"),
            "\(element).ports": .mergeByKey("containerPort"),
            "\(element).env": .mergeByKey("name"),
            "\(element).volumeMounts": .mergeByKey("mountPath"),
            "\(element).volumeDevices": .mergeByKey("devicePath"),
        ]
    }

    /// Pods (core/v1 `Pod`): containers by name, their ports by containerPort, and so on.
    public static let pod: PatchSchema = {
        var table = objectMeta
        for list in ["spec.containers", "spec.initContainers", "spec.ephemeralContainers"] {
            table.merge(container(at: list)) { first, _ in first }
        }
        table.merge([
            "spec.volumes": .mergeByKey("name"),
            "spec.imagePullSecrets": .mergeByKey("name"),
            "spec.hostAliases": .mergeByKey("ip"),
            "spec.topologySpreadConstraints": .mergeByKey("topologyKey"),
            "spec.schedulingGates": .mergeByKey("name"),
            "spec.resourceClaims": .mergeByKey("name"),
            "spec.tolerations": .replace,
            "status.conditions": .mergeByKey("type"),
            "status.podIPs": .mergeByKey("ip"),
            "status.hostIPs": .mergeByKey("ip"),
            "status.resourceClaimStatuses": .mergeByKey("name"),
            "status.containerStatuses": .replace,
        ]) { first, _ in first }
        return PatchSchema(table)
    }()

    /// Nodes (core/v1 `Node`): conditions and addresses by type.
    public static let node: PatchSchema = {
        var table = objectMeta
        table.merge([
            "spec.podCIDRs": .mergeAsSet,
            "spec.taints": .replace,
            "status.conditions": .mergeByKey("type"),
            "status.addresses": .mergeByKey("type"),
        ]) { first, _ in first }
        return PatchSchema(table)
    }()

    /// Namespaces (core/v1 `Namespace`): conditions by type; `spec.finalizers` is atomic.
    public static let namespace: PatchSchema = {
        var table = objectMeta
        table.merge([
            "spec.finalizers": .replace,
            "status.conditions": .mergeByKey("type"),
        ]) { first, _ in first }
        return PatchSchema(table)
    }()

    /// Events (core/v1 `Event`): nothing but ObjectMeta's lists; the rest are plain merges.
    public static let event = PatchSchema(objectMeta)
}
