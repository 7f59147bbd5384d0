// Stage 1 · Kubelet: a static pod may not refer to objects of the API.
//
// A static pod is read from a file on the node, and must be able to run with no API
// server at all: static pods are how a control plane starts itself. So since Kubernetes
// 1.34 (the `PreventStaticPodAPIReferences` gate, on by default) the kubelet refuses a
// manifest whose pod names a service account, a Secret or a ConfigMap, with its own
// message: `static pods may not reference configmaps`. The kubelet's file source checks
// this after validation (`podutil.HasAPIObjectReference`, in its order).

import API

extension Pod {
    /// The plural resource of the first API object the spec refers to, or nil for none:
    /// `serviceaccounts`, then `secrets`, then `configmaps`.
    var apiObjectReference: String? {
        if !spec.serviceAccountName.isEmpty { return "serviceaccounts" }
        let containers = spec.initContainers + spec.containers
        let envSources = containers.flatMap { $0.env.compactMap(\.valueFrom) }
        if containers.contains(where: { $0.envFrom.contains { $0.secretRef != nil } })
            || envSources.contains(where: { $0.secretKeyRef != nil })
            || spec.volumes.contains(where: { $0.source.secret != nil }) {
            return "secrets"
        }
        if containers.contains(where: { $0.envFrom.contains { $0.configMapRef != nil } })
            || envSources.contains(where: { $0.configMapKeyRef != nil })
            || spec.volumes.contains(where: { $0.source.configMap != nil }) {
            return "configmaps"
        }
        return nil
    }
}
