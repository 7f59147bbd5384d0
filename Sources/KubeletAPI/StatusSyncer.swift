// Stage 2 · KubeletAPI: the pods' statuses, sent on to the API server.
//
// Stage 1's `StatusManager` keeps each pod's latest status for the kubelet's own HTTP
// API. Kubernetes' status manager also writes it to the API server, where `kubectl get
// pods` reads it; this loop adds that. For every uid whose status changed it:
//
//   1. finds the pod (namespace, name, source) in the `PodManager`;
//   2. reads the pod from the API server, for its current resourceVersion;
//   3. checks that it is the same pod (same uid; for a static pod: its mirror pod, which
//      carries the static pod's hash), not a namesake created since;
//   4. writes the status with `PUT …/pods/{name}/status`, once more on a Conflict
//      (someone wrote in between: read again, write again).
// A static pod's status goes to its mirror pod, so `kubectl` sees static pods run too.
// A pod the API server does not know (a mirror not yet made) is skipped; its next
// status change, or the mirror's creation, brings it up to date.

import API
import Client
import Common
import Kubelet

/// Writes every pod status change to the API server; run by `KubeletAPIConnection`.
public struct StatusSyncer: Sendable {
    /// How many times a write is retried after a Conflict.
    static let conflictRetries = 1

    let client: APIClient
    let podManager: PodManager
    let statusManager: StatusManager
    private let logger: Logger

    /// Makes a syncer of `statusManager`'s changes, finding pods in `podManager`.
    public init(client: APIClient, podManager: PodManager, statusManager: StatusManager, logger: Logger) {
        self.client = client
        self.podManager = podManager
        self.statusManager = statusManager
        self.logger = logger
    }

    /// Writes each change as it comes, until cancelled.
    ///
    /// It subscribes first and then writes every status already known once: a change
    /// made before the subscription would otherwise wait for the next one.
    public func run() async {
        let changes = await statusManager.changes()
        for pod in await podManager.pods {
            await sync(uid: pod.metadata.uid)
        }
        for await uid in changes {
            await sync(uid: uid)
        }
    }

    /// Writes pod `uid`'s latest status, if the pod and its status are known.
    func sync(uid: String) async {
        guard let pod = await podManager.pods.first(where: { $0.metadata.uid == uid }),
              let status = await statusManager.status(ofPod: uid) else { return }
        var attempt = 0
        while true {
            do {
                try await write(status, for: pod)
                return
            } catch let error where error.isConflict && attempt < Self.conflictRetries {
                attempt += 1
            } catch let error where error.isNotFound {
                logger.debug("pod not in the API server; status not written", ["pod": pod.metadata.name])
                return
            } catch {
                logger.warning("cannot write pod status", ["pod": pod.metadata.name, "error": error])
                return
            }
        }
    }

    /// One read-modify-write of the pod's status.
    private func write(_ status: PodStatus, for pod: Pod) async throws(APIError) {
        var stored = try await client.get(Pod.self, namespace: pod.metadata.namespace, name: pod.metadata.name)
        guard Self.isTheAPIPod(stored, of: pod) else {
            logger.debug("API pod is another pod of the same name; status not written", ["pod": pod.metadata.name])
            return
        }
        guard stored.status != status else { return }
        stored.status = status
        try await client.updateStatus(stored)
    }

    /// Whether `stored` stands for the kubelet's `pod`: the same object, or its mirror.
    static func isTheAPIPod(_ stored: Pod, of pod: Pod) -> Bool {
        if pod.metadata.annotations[ConfigAnnotation.source] == FileSource.sourceName {
            return stored.metadata.annotations[ConfigAnnotation.mirror] == pod.metadata.annotations[ConfigAnnotation.hash]
        }
        return stored.metadata.uid == pod.metadata.uid
    }
}

extension FileSource {
    /// The name static pods carry as their `config.source`.
    static let sourceName = "file"
}
