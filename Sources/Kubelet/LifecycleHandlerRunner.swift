// Stage 1 · Kubelet: running a container's postStart or preStop hook once.
//
// Kubernetes' `lifecycle/handlers.go`. A hook is a command run in the container (as an
// exec probe is), an HTTP GET of the container's port (as an httpGet probe is), or a
// pause. Unlike a probe, a hook has no threshold: it succeeds or fails once. A failure's
// message, like Kubernetes', names the hook, the container and the pod; it goes to the
// kubelet's log, while the event (`FailedPostStartHook`, `FailedPreStopHook`) says only
// that the hook failed. What a failure does (kill the container, or nothing) is the
// caller's business (`PodWorker+Killing.swift`).

import API
import CRI
import Foundation

/// Runs lifecycle hooks for one pod's containers.
struct LifecycleHandlerRunner: Sendable {
    let runtime: any ContainerRuntime
    /// Where an httpGet hook connects when it names no host: the pod's IP.
    let podIP: String

    /// Runs `handler` against attempt `containerID` of `container`, for at most `timeout`;
    /// nil when it succeeded, otherwise the failure's message for the kubelet's log.
    func run(_ handler: LifecycleHandler, container: Container, containerID: String, pod: Pod, timeout: Duration) async -> String? {
        let podName = "\(pod.metadata.name)_\(pod.metadata.namespace)(\(pod.metadata.uid))"
        if let exec = handler.exec {
            let command = "[\(exec.command.joined(separator: " "))]"
            do {
                let result = try await runtime.execSync(containerID: containerID, command: exec.command, timeout: timeout)
                if result.exitCode == 0 { return nil }
                let error = "command '\(exec.command.joined(separator: " "))' exited with \(result.exitCode): \(result.output)"
                return "Exec lifecycle hook (\(command)) for Container \"\(container.name)\" in Pod \"\(podName)\" failed - error: \(error), message: \(Self.goQuoted(result.output))"
            } catch {
                return "Exec lifecycle hook (\(command)) for Container \"\(container.name)\" in Pod \"\(podName)\" failed - error: \(error), message: \"\""
            }
        }
        if let httpGet = handler.httpGet {
            let path = httpGet.path.isEmpty ? "/" : httpGet.path
            guard let port = Prober.resolve(httpGet.port, in: container) else {
                return "HTTP lifecycle hook (\(httpGet.path)) for Container \"\(container.name)\" in Pod \"\(podName)\" failed - error: unknown port \(httpGet.port)"
            }
            let host = httpGet.host.isEmpty ? podIP : httpGet.host
            let outcome = await HTTPProbe.get(host: host, port: port, path: path,
                                              headers: httpGet.httpHeaders.map { ($0.name, $0.value) }, timeout: timeout)
            guard case .failure(let error) = outcome else { return nil }
            return "HTTP lifecycle hook (\(httpGet.path)) for Container \"\(container.name)\" in Pod \"\(podName)\" failed - error: \(error)"
        }
        if let sleep = handler.sleep {
            // A pause cut short by the timeout (or by cancellation) is not a failure.
            try? await Task.sleep(for: min(.seconds(sleep.seconds), timeout))
            return nil
        }
        return "Cannot run handler: invalid handler for Container \"\(container.name)\" in Pod \"\(podName)\": only exec, httpGet and sleep hooks can run"
    }

    /// `s` as Go's `%q` writes it, for the output of a failed command.
    static func goQuoted(_ s: String) -> String {
        var quoted = "\""
        for character in s.unicodeScalars {
            switch character {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\t": quoted += "\\t"
            case "\r": quoted += "\\r"
            default: quoted.unicodeScalars.append(character)
            }
        }
        return quoted + "\""
    }
}
