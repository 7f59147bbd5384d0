// Stage 3 · end-to-end tests: `stage3 up` through the shared `RunningCluster`, and what
// its tests need besides: long-running kubectl watches, raw watches as curl sends them,
// and how long a test waits for "at once".

import Foundation
import Testing
@testable import TestSupport

extension RunningCluster {
    /// How long a test waits for a watcher to see a change, or the kubelet to act on one.
    ///
    /// A deadline against a hang, not a speed claim: on a shared 2-core machine running the
    /// whole suite, a timing assertion measures the machine. How soon stage 3 acts (a pod
    /// Running about 0.1 s after its creation, where stage 2 took about 2 s) is measured by
    /// `swift run -c release bench pods` and printed in the stage README.
    static let promptly = Duration.seconds(15)

    /// Starts `stage3 up` with `arguments` beside the harness's own flags.
    static func stage3(directory: URL? = nil, marker: String? = nil, arguments: [String] = []) async throws -> RunningCluster {
        try await RunningCluster(binary: "stage3", directory: directory, marker: marker, arguments: arguments)
    }

    /// Starts `tool` (a kubectl) with this cluster's kubeconfig and leaves it running, as
    /// `kubectl get pods -w` is left running in a terminal.
    func start(_ arguments: [String], tool: String = "kubectl") throws -> StageProcess {
        let kubectl = try #require(Tools.path(of: tool), "\(tool) is not installed")
        return try StageProcess(
            executable: URL(fileURLWithPath: kubectl),
            arguments: ["--kubeconfig", directory.appendingPathComponent("kubeconfig").path] + arguments,
            name: "\(URL(fileURLWithPath: tool).lastPathComponent) \(arguments.joined(separator: " "))")
    }

    /// The `metadata.resourceVersion` of `GET path` (an object, or a list: the version a
    /// watch resumes from). Asked raw, since kubectl rebuilds a list without its version.
    func resourceVersion(at path: String) async throws -> String {
        let response = try await rawGet(path)
        let object = try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
        let metadata = object?["metadata"] as? [String: Any]
        return try #require(metadata?["resourceVersion"] as? String, "no resourceVersion in \(response.body)")
    }

    /// A pod that no kubelet runs (no `nodeName`, and no scheduler in stage 3), labelled
    /// `labels`: an object to watch, with no container noise.
    func unboundPodManifest(_ name: String, labels: String = "{}") -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
          labels: \(labels)
        spec:
          containers: [{name: main, image: busybox, command: ["sh", "-c", "sleep 1", "\(marker)"]}]
        """
    }

    /// `GET path` as curl sends it, read to its end: for a watch, the server must end it.
    func rawGet(_ path: String) async throws -> TestHTTPResponse {
        try await TestHTTPClient().get(port: port, path: path, headers: authorization)
    }
}

extension StageProcess {
    /// Waits, at most `timeout`, for a line after the first `startIndex` that satisfies
    /// `condition`, and returns it.
    @discardableResult
    func waitForLine(
        from startIndex: Int, timeout: Duration, sourceLocation: SourceLocation = #_sourceLocation,
        _ awaited: String, where condition: @escaping (String) -> Bool
    ) async throws -> String {
        do {
            return try await waitUntil("\(name) to print \(awaited)", timeout: timeout, sourceLocation: sourceLocation) {
                lines.dropFirst(startIndex).first(where: condition)
            }
        } catch let timeout as WaitTimeout {
            throw HarnessError("\(timeout). Its output:\n\(output)")
        }
    }
}
