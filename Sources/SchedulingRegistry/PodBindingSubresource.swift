// Stage 4 · SchedulingRegistry: `pods/binding`, where the scheduler's decision becomes a pod's node.
//
// The scheduler never edits a pod. It sends a `Binding` to
// `POST /api/v1/namespaces/{ns}/pods/{name}/binding`, and the API server applies Kubernetes'
// rules (`BindingREST` in `pkg/registry/core/pod/storage`):
//
//   the Binding's name is not the URL's            400  name in URL does not match name in Binding object
//   target.kind other than Node (or empty)         500  target.kind: Unsupported value: …   (Kubernetes' own code)
//   the Binding's uid is not the pod's             409  … Precondition failed: UID in precondition: …
//   the pod is being deleted                       409  … pod web is being deleted, cannot be assigned to a host
//   the pod already has a node                     409  Operation cannot be fulfilled on pods/binding "web":
//                                                       pod web is already assigned to node "node1"
//   otherwise: spec.nodeName is the target, the Binding's annotations are copied onto the pod,
//   the condition PodScheduled becomes True, and the answer is 201 with a Success Status.
//
// The change is one read-change-write of the stored pod, repeated if another write came
// first (`RESTStorage.guaranteedUpdate`). That is what makes two schedulers (or two
// retries of one) safe: of two bindings racing for a pod, the loser reads the winner's
// node and is refused, so no pod is ever bound twice. The same rules answer the older
// path, `POST /api/v1/namespaces/{ns}/bindings`, which names the pod in the body only.

import API
import APIMachinery
import APIServer
import ClusterKinds
import Foundation
import HTTP
import SchedulingKinds
import Storage

/// `pods/{name}/binding`: places a pending pod on a node; the scheduler's only write to a pod's spec.
public struct PodBindingSubresource: Subresource {
    /// The one target kind a pod may be bound to.
    public static let targetKind = "Node"

    public init() {}

    public var verbs: [String] { ["create"] }

    public var kind: SubresourceKind? { SubresourceKind(group: "", version: "", kind: "Binding") }

    public func serve(_ request: HTTPRequest, info: RequestInfo, storage pods: RESTStorage<PodStrategy>) async throws(Status) -> HTTPResponse {
        guard info.verb == "create" else { throw Status.methodNotSupported(Self.groupResource, action: info.verb) }
        let binding: Binding = try SubresourceRequest.decodeJSON(request)
        guard binding.metadata.name == info.name else {
            throw Status.badRequest("name in URL does not match name in Binding object")
        }
        return try await Self.create(binding, request: request, namespace: info.namespace, pods: pods)
    }

    /// `POST /api/v1/namespaces/{ns}/bindings`: the first path of a binding, still served
    /// (Kubernetes' `LegacyBindingREST`); the pod is the one the Binding names.
    public static func serveLegacy(_ request: HTTPRequest, info: RequestInfo, store: any KeyValueStore) async throws(Status) -> HTTPResponse {
        let binding: Binding = try SubresourceRequest.decodeJSON(request)
        return try await create(binding, request: request, namespace: info.namespace, pods: RESTStorage(store: store))
    }

    /// The legacy `bindings` resource, as discovery lists it: namespaced, create only.
    public static let legacyResource = Resource(kind: "Binding", plural: "bindings", scope: .namespaced)

    /// Validates and applies `binding`, answering 201 with a Success Status (`BindingREST.Create`).
    static func create(
        _ binding: Binding, request: HTTPRequest, namespace: String, pods: RESTStorage<PodStrategy>
    ) async throws(Status) -> HTTPResponse {
        let errors = Self.validate(binding)
        // Kubernetes returns these as a plain error, which its handler answers with a 500 of
        // reason Unknown (a TODO upstream says "move me to a binding strategy").
        guard errors.isEmpty else {
            let messages = errors.map(\.description)
            let message = messages.count == 1 ? messages[0] : "[\(messages.joined(separator: ", "))]"
            throw Status(status: .failure, message: message, code: 500)
        }
        let dryRun = try SubresourceRequest.isDryRun(request)
        _ = try await Self.assign(binding, namespace: namespace, pods: pods, dryRun: dryRun)
        return try SubresourceRequest.object(Status(status: .success, code: 201), status: .created)
    }

    /// `pods/binding`, the resource Kubernetes names in a refused binding's message.
    static let groupResource = GroupResource(resource: "pods/binding")

    /// Kubernetes' `ValidatePodBinding`: the target is a node, and named.
    public static func validate(_ binding: Binding) -> [FieldError] {
        var errors: [FieldError] = []
        if !binding.target.kind.isEmpty && binding.target.kind != targetKind {
            errors.append(FieldError(.notSupported, "target.kind", value: binding.target.kind,
                                     "supported values: \"\(targetKind)\", \"<empty>\""))
        }
        if binding.target.name.isEmpty { errors.append(FieldError(.required, "target.name")) }
        return errors
    }

    /// Binds the pod the binding names to its target node, or throws why not (Kubernetes' `assignPod`).
    public static func assign(
        _ binding: Binding, namespace: String, pods: RESTStorage<PodStrategy>, dryRun: Bool = false
    ) async throws(Status) -> Pod {
        let name = binding.metadata.name
        let uid = binding.metadata.uid
        let now = Time.now()
        return try await pods.guaranteedUpdate(namespace: namespace, name: name, dryRun: dryRun) { (pod: inout Pod) throws(Status) in
            if !uid.isEmpty && uid != pod.metadata.uid {
                let key = Pod.resource.storageKey(namespace: namespace, name: name)
                throw Status.conflict(GroupResource(resource: Pod.resource.plural), name: name, reason:
                    "StorageError: invalid object, Code: 4, Key: \(key), ResourceVersion: 0, AdditionalErrorMsg: "
                    + "Precondition failed: UID in precondition: \(uid), UID in object meta: \(pod.metadata.uid)")
            }
            if pod.metadata.deletionTimestamp != nil {
                throw Status.conflict(groupResource, name: name, reason: "pod \(name) is being deleted, cannot be assigned to a host")
            }
            if !pod.spec.nodeName.isEmpty {
                throw Status.conflict(groupResource, name: name,
                                      reason: "pod \(name) is already assigned to node \(pod.spec.nodeName.goQuoted)")
            }
            if !pod.spec.schedulingGates.isEmpty {
                throw Status.conflict(groupResource, name: name, reason: "pod \(name) has non-empty .spec.schedulingGates")
            }
            pod.spec.nodeName = binding.target.name
            // Bound, the pod no longer waits for the node its preemption nominated (Kubernetes'
            // ClearingNominatedNodeNameAfterBinding: alpha in 1.34, on by default from 1.35).
            pod.status.nominatedNodeName = ""
            pod.metadata.annotations.merge(binding.metadata.annotations) { _, new in new }
            pod.status.setCondition(.podScheduled, status: .true, now: now)
        }
    }
}

extension PodStatus {
    /// Sets condition `type` to `status`, as Kubernetes' `UpdatePodCondition`: its transition
    /// time moves only when its status changes.
    mutating func setCondition(_ type: PodConditionType, status: ConditionStatus, now: Time) {
        if let index = conditions.firstIndex(where: { $0.type == type }) {
            if conditions[index].status != status { conditions[index].lastTransitionTime = now }
            conditions[index].status = status
            conditions[index].reason = ""
            conditions[index].message = ""
        } else {
            conditions.append(PodCondition(type: type, status: status, lastTransitionTime: now))
        }
    }
}
