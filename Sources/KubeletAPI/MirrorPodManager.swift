// Stage 2 · KubeletAPI: mirror pods, the API server's view of static pods.
//
// Static pods come from the kubelet's manifest folder; the API server never created
// them. So that `kubectl get pods` still shows them, the kubelet creates a *mirror pod*
// for each (Kubernetes' `pkg/kubelet/pod/mirror_client.go`): same name, namespace and
// spec, the annotation `kubernetes.io/config.mirror: <config.hash>`, and an owner
// reference to the Node, so the garbage collector (stage 5) removes the mirrors of a
// node that is deleted. A mirror is only a reflection: deleting it does not stop the
// static pod (the kubelet makes a new mirror), and the `APIServerSource` never runs it.
//
// On every list of the node's pods (`PodLister`) this compares the static pods with
// the mirror pods among them:
//   - a static pod without a mirror gets one, and its status is written at once;
//   - a mirror of an old version of the manifest (another hash), or one being deleted,
//     is deleted now (grace 0), and made afresh on the next pass;
//   - a mirror whose static pod is gone is deleted.
// A list may be a poll old, so a mirror created since can still be missing from it: a
// create that finds our own mirror already there is a success, as in Kubernetes.

import API
import APIMachinery
import Client
import ClusterKinds
import Common
import Kubelet

/// Keeps one mirror pod in the API server per static pod; run by `KubeletAPIConnection`.
public struct MirrorPodManager: Sendable {
    let client: APIClient
    let nodeName: String
    let podManager: PodManager
    let statusSyncer: StatusSyncer
    private let logger: Logger

    /// Makes a manager mirroring `podManager`'s static pods for `nodeName`.
    public init(client: APIClient, nodeName: String, podManager: PodManager, statusSyncer: StatusSyncer, logger: Logger) {
        self.client = client
        self.nodeName = nodeName
        self.podManager = podManager
        self.statusSyncer = statusSyncer
        self.logger = logger
    }

    /// Compares and repairs on every list of `pods` until cancelled.
    public func run(pods: any PodLister) async {
        for await listed in await pods.updates() {
            do {
                try await sync(listed)
            } catch {
                logger.warning("cannot sync mirror pods", ["node": nodeName, "error": error])
            }
        }
    }

    /// One pass over the node's listed `pods`: create missing mirrors, delete stale and orphaned ones.
    func sync(_ pods: [Pod]) async throws(APIError) {
        let staticPods = await podManager.pods.filter { $0.metadata.annotations[ConfigAnnotation.source] == FileSource.sourceName }
        let mirrors = pods.filter { $0.metadata.annotations[ConfigAnnotation.mirror] != nil }
        let node = staticPods.isEmpty ? nil : try await client.get(Node.self, name: nodeName)

        for pod in staticPods {
            let mirror = mirrors.first { $0.metadata.namespace == pod.metadata.namespace && $0.metadata.name == pod.metadata.name }
            if let mirror {
                let isCurrent = mirror.metadata.annotations[ConfigAnnotation.mirror] == pod.metadata.annotations[ConfigAnnotation.hash]
                if !isCurrent || mirror.metadata.deletionTimestamp != nil { try await deleteMirror(mirror) }
            } else if let node {
                try await createMirror(of: pod, ownedBy: node)
            }
        }
        for mirror in mirrors where !staticPods.contains(where: {
            $0.metadata.namespace == mirror.metadata.namespace && $0.metadata.name == mirror.metadata.name
        }) {
            try await deleteMirror(mirror)
        }
    }

    private func createMirror(of pod: Pod, ownedBy node: Node) async throws(APIError) {
        let mirror = Self.makeMirror(of: pod, node: node)
        do {
            try await client.create(mirror)
            logger.info("created mirror pod", ["pod": pod.metadata.name, "namespace": pod.metadata.namespace])
        } catch let error where error.isAlreadyExists {
            let existing = try await client.get(Pod.self, namespace: pod.metadata.namespace, name: pod.metadata.name)
            let hash = mirror.metadata.annotations[ConfigAnnotation.mirror]
            guard existing.metadata.annotations[ConfigAnnotation.mirror] == hash else {
                // Someone created a pod of that name; it is not ours to replace.
                logger.warning("cannot create mirror pod: the name is taken", ["pod": pod.metadata.name])
                return
            }
        }
        // The status changes the syncer saw earlier found no mirror to write to.
        await statusSyncer.sync(uid: pod.metadata.uid)
    }

    private func deleteMirror(_ mirror: Pod) async throws(APIError) {
        do {
            // Preconditions: delete this mirror, not a pod created since with its name.
            try await client.delete(
                Pod.self, namespace: mirror.metadata.namespace, name: mirror.metadata.name,
                options: DeleteOptions(gracePeriodSeconds: 0, preconditions: Preconditions(uid: mirror.metadata.uid)))
            logger.info("deleted mirror pod", ["pod": mirror.metadata.name, "namespace": mirror.metadata.namespace])
        } catch let error where error.isNotFound {
            return
        }
    }

    /// The mirror of static `pod` on `node`: its name, namespace, labels, annotations and
    /// spec; no uid or status (the API server gives it its own).
    static func makeMirror(of pod: Pod, node: Node) -> Pod {
        var annotations = pod.metadata.annotations
        annotations[ConfigAnnotation.mirror] = pod.metadata.annotations[ConfigAnnotation.hash] ?? pod.metadata.uid
        var spec = pod.spec
        spec.nodeName = node.metadata.name
        return Pod(
            metadata: ObjectMeta(
                name: pod.metadata.name, namespace: pod.metadata.namespace, labels: pod.metadata.labels,
                annotations: annotations,
                ownerReferences: [OwnerReference(
                    apiVersion: "v1", kind: "Node", name: node.metadata.name, uid: node.metadata.uid, controller: true)]),
            spec: spec)
    }
}
