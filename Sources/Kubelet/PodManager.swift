// Stage 1 · Kubelet: the set of pods this kubelet should be running.
//
// Every source reports its complete set of pods; the pod manager keeps the latest set
// from each and answers "which pods should run here?" (Kubernetes merges its sources in
// `config.PodConfig` and keeps the result in the `podManager`; one actor does both here).

import API

/// Holds the desired pods of every source, merged.
public actor PodManager {
    /// The latest complete set from each source, by source name.
    private var podsBySource: [String: [Pod]] = [:]

    public init() {}

    /// Takes a source's new complete set and returns every desired pod, all sources merged.
    public func apply(_ update: PodSourceUpdate) -> [Pod] {
        podsBySource[update.source] = update.pods
        return pods
    }

    /// Every desired pod, sorted by namespace and name.
    public var pods: [Pod] {
        podsBySource.values.joined().sorted {
            ($0.metadata.namespace, $0.metadata.name) < ($1.metadata.namespace, $1.metadata.name)
        }
    }

    /// The desired pod with this namespace and name, if any.
    public func pod(namespace: String, name: String) -> Pod? {
        pods.first { $0.metadata.namespace == namespace && $0.metadata.name == name }
    }
}
