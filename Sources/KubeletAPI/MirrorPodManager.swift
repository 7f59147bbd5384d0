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
// Every `interval` this compares the static pods with the mirror pods on this node:
//   - a static pod without a mirror gets one, and its status is written at once;
//   - a mirror of an old version of the manifest (another hash), or one being deleted,
//     is deleted now (grace 0), and made afresh on the next pass;
//   - a mirror whose static pod is gone is deleted.

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
    let interval: Duration
    private let logger: Logger

    /// Makes a manager mirroring `podManager`'s static pods for `nodeName`.
    public init(
        client: APIClient, nodeName: String, podManager: PodManager, statusSyncer: StatusSyncer,
        interval: Duration = KubeletConfiguration.Defaults.mirrorPodSyncInterval, logger: Logger
    ) {
        self.client = client
        self.nodeName = nodeName
        self.podManager = podManager
        self.statusSyncer = statusSyncer
        self.interval = interval
        self.logger = logger
    }

    /// Compares and repairs every `interval` until cancelled.
    public func run() async throws {
        while true {
            do {
                try await sync()
            } catch {
                logger.warning("cannot sync mirror pods", ["node": nodeName, "error": error])
            }
            try await Task.sleep(for: interval)
        }
    }

    /// One pass: create missing mirrors, delete stale and orphaned ones.
    func sync() async throws(APIError) {
        let staticPods = await podManager.pods.filter { $0.metadata.annotations[ConfigAnnotation.source] == FileSource.sourceName }
        let mirrors = try await client.list(Pod.self, fieldSelector: "spec.nodeName=\(nodeName)").items
            .filter { $0.metadata.annotations[ConfigAnnotation.mirror] != nil }
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
        do {
            try await client.create(Self.makeMirror(of: pod, node: node))
            logger.info("created mirror pod", ["pod": pod.metadata.name, "namespace": pod.metadata.namespace])
        } catch let error where error.isAlreadyExists {
            // Someone created a pod of that name; it is not ours to replace.
            logger.warning("cannot create mirror pod: the name is taken", ["pod": pod.metadata.name])
            return
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
