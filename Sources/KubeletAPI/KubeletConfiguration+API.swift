// Stage 2 · KubeletAPI: the periods and limits of the kubelet's conversation with the API server.
//
// Kept beside stage 1's `KubeletConfiguration.Defaults`, so every kubelet limit is still
// in one place to read; tests shrink the periods so they do not wait on seconds.

import Kubelet

extension KubeletConfiguration.Defaults {
    /// How often `PollingPodLister` lists this node's pods (`--api-poll-frequency`), for the
    /// pod source, the mirror pods and the pod deleter alike. Stage 3 replaces the polling
    /// with a watch, and the kubelet then hears of a new pod at once.
    public static let apiPollInterval: Duration = .seconds(2)
    /// How often the node's status is renewed (Kubernetes' `nodeStatusUpdateFrequency`, 10 s).
    public static let nodeStatusUpdateFrequency: Duration = .seconds(10)
    /// How many events may wait to be posted; past it the oldest are dropped, as
    /// client-go's broadcaster drops events rather than block the kubelet.
    public static let eventQueueLength = 1000
    /// The pods a node offers, reported as capacity `pods` (Kubernetes' `--max-pods`).
    public static let podCapacity = maximumPods
    /// The version the kubelet reports; the suffix tells it from a real kubelet.
    public static let kubeletVersion = "v1.33.0-swift"
    /// The runtime the node reports (`kubectl get nodes -o wide`'s CONTAINER-RUNTIME).
    public static let containerRuntimeVersion = "process://1.0"
}

extension ConfigAnnotation {
    /// On a mirror pod: the config hash of the static pod it mirrors. Pods carrying it
    /// are the kubelet's own reflections, never pods to run.
    public static let mirror = "kubernetes.io/config.mirror"
}
