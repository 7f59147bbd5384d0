// Stage 1 · Kubelet: every setting and limit of the kubelet, in one place.
//
// The kubelet's behaviour is shaped by a handful of periods and limits. They are all
// here, with Kubernetes' own defaults, so that a learner can see them at a glance and a
// test can shrink them: a crash-loop test does not want to wait 10 seconds for the first
// back-off, so it starts the kubelet with `--backoff-initial 1s`.

import Foundation

/// The kubelet's settings: who it is, where it keeps state, and how often it acts.
public struct KubeletConfiguration: Sendable {
    /// The node this kubelet runs; static pods are named `<pod>-<node>`.
    public var nodeName: String
    /// Where the kubelet keeps its state: pod directories, logs, the runtime's records.
    public var rootDirectory: URL
    /// The folder of static pod manifests, or nil for none.
    public var manifestDirectory: URL?
    /// The address the read-only HTTP API listens on (Kubernetes: port 10255).
    public var address: String
    /// The port of the read-only HTTP API; 0 picks a free one.
    public var port: Int
    /// How often the manifest folder is read again (Kubernetes' `--file-check-frequency`, 20 s there).
    public var fileCheckFrequency: Duration
    /// How often every pod worker compares desired with actual state, even with no news.
    ///
    /// Kubernetes' PLEG relists the runtime every second; this plays that role.
    public var syncFrequency: Duration
    /// The crash-loop back-off's first delay and cap.
    public var backoff: RestartBackoff.Policy

    /// Makes a configuration; the defaults are stage 1's.
    public init(
        nodeName: String,
        rootDirectory: URL,
        manifestDirectory: URL?,
        address: String = Defaults.address,
        port: Int = Defaults.port,
        fileCheckFrequency: Duration = Defaults.fileCheckFrequency,
        syncFrequency: Duration = Defaults.syncFrequency,
        backoff: RestartBackoff.Policy = RestartBackoff.Policy()
    ) {
        self.nodeName = nodeName
        self.rootDirectory = rootDirectory
        self.manifestDirectory = manifestDirectory
        self.address = address
        self.port = port
        self.fileCheckFrequency = fileCheckFrequency
        self.syncFrequency = syncFrequency
        self.backoff = backoff
    }

    /// The kubelet's defaults and limits, named.
    public enum Defaults {
        /// Loopback only: the read-only API has no authentication.
        public static let address = "127.0.0.1"
        /// Kubernetes' read-only kubelet port.
        public static let port = 10255
        /// Shorter than Kubernetes' 20 s, so a learner sees a new manifest picked up quickly.
        public static let fileCheckFrequency: Duration = .seconds(3)
        /// As Kubernetes' PLEG relist period.
        public static let syncFrequency: Duration = .seconds(1)
        /// The grace period a pod gets when it says nothing (`terminationGracePeriodSeconds`).
        public static let terminationGracePeriodSeconds: Int64 = 30
        /// How often `containerLogs?follow=true` looks for new lines.
        public static let logFollowInterval: Duration = .milliseconds(200)
        /// The most of a container's log read (and held) at once to answer a log request:
        /// a log of any size is sent a piece of this size at a time (`ContainerLogFile`).
        public static let logReadChunkBytes = 64 * 1024
        /// The most a manifest file may hold; a larger one is reported, not read.
        public static let maximumManifestBytes = 1 << 20
        /// The most pods this kubelet runs, as Kubernetes' `--max-pods`.
        public static let maximumPods = 110
    }
}

extension KubeletConfiguration {
    /// Where pod `uid`'s volumes, like its emptyDirs, live (`<root>/pods/<uid>/volumes`).
    func volumesDirectory(podUID: String) -> URL {
        rootDirectory.appending(path: "pods/\(podUID)/volumes", directoryHint: .isDirectory)
    }

    /// Where a pod's container logs live, as Kubernetes' `/var/log/pods/<ns>_<name>_<uid>`.
    func logDirectory(namespace: String, name: String, uid: String) -> URL {
        rootDirectory.appending(path: "logs/\(namespace)_\(name)_\(uid)", directoryHint: .isDirectory)
    }

    /// Where the container runtime keeps its records; the stage's `main` hands it to the runtime.
    public var runtimeDirectory: URL {
        rootDirectory.appending(path: "runtime", directoryHint: .isDirectory)
    }
}
