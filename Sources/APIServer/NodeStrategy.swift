// Stage 2 · APIServer: what the API server does to a node on create and update.
//
// A node is registered by its kubelet (`NodeStatusReporter`) and is cluster-wide. As for
// pods, the object and its status are written apart: an update keeps the status, and
// the kubelet's heartbeats through `nodes/{name}/status` keep the spec, so an
// administrator cordoning a node (`spec.unschedulable`) and the kubelet reporting on it
// never overwrite each other.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' node strategy (`pkg/registry/core/node/strategy.go`), in part.
public enum NodeStrategy: RESTStrategy {
    public static func prepareForUpdate(_ node: inout Node, old: Node) {
        node.metadata.keepSystemFields(from: old.metadata)
        node.status = old.status
    }

    public static func prepareForStatusUpdate(_ node: inout Node, old: Node) {
        node.metadata.keepSystemFields(from: old.metadata)
        node.spec = old.spec
    }

    /// Exactly the fields `selectableFields` gives values for.
    public static var selectableFieldNames: Set<String> { Set(selectableFields(Node()).keys) }
    public static func selectableFields(_ node: Node) -> [String: String] {
        ["metadata.name": node.metadata.name, "spec.unschedulable": node.spec.unschedulable ? "true" : "false"]
    }

    public static var columns: [TableColumnDefinition] { NodePrinter.columns }
    public static func cells(_ node: Node, now: Time) -> [String] { NodePrinter.cells(node, now: now) }
    public static var patchSchema: PatchSchema { .node }
}
