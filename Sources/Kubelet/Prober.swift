// Stage 1 · Kubelet: asking a container "are you alive? are you ready?" once.
//
// A probe is one of three checks, each answering success or failure:
//   - exec:      run a command in the container; exit code 0 is success;
//   - httpGet:   GET a path on the container's port; a status from 200 to 399 is success;
//   - tcpSocket: open a TCP connection to the port; connecting is success.
// Each check must answer within `timeoutSeconds`, or it has failed. Whether failures
// matter (and how many in a row) is the `ProbeWorker`'s business, not the prober's.
//
// In the process runtime a pod shares the node's network, so the container's ports are
// on 127.0.0.1, the pod's IP.

import API
import CRI
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The outcome of one probe: success, or failure with a message for the event.
enum ProbeOutcome: Sendable, Equatable {
    case success
    case failure(String)
}

/// Runs one probe against one container.
struct Prober: Sendable {
    let runtime: any ContainerRuntime
    /// The address of the pod, where httpGet and tcpSocket probes connect.
    let podIP: String

    /// Runs `probe` against `container` (runtime id `containerID`) once.
    func run(_ probe: Probe, container: Container, containerID: String) async -> ProbeOutcome {
        let timeout = Duration.seconds(Int64(probe.effectiveTimeoutSeconds))
        if let exec = probe.handler.exec {
            return await runExec(exec.command, containerID: containerID, timeout: timeout)
        }
        if let httpGet = probe.handler.httpGet {
            guard let port = Self.resolve(httpGet.port, in: container) else {
                return .failure("unknown port \(httpGet.port) in container \(container.name)")
            }
            let host = httpGet.host.isEmpty ? podIP : httpGet.host
            return await HTTPProbe.get(host: host, port: port, path: httpGet.path.isEmpty ? "/" : httpGet.path,
                                       headers: httpGet.httpHeaders.map { ($0.name, $0.value) }, timeout: timeout)
        }
        if let tcpSocket = probe.handler.tcpSocket {
            guard let port = Self.resolve(tcpSocket.port, in: container) else {
                return .failure("unknown port \(tcpSocket.port) in container \(container.name)")
            }
            let host = tcpSocket.host.isEmpty ? podIP : tcpSocket.host
            return await HTTPProbe.connect(host: host, port: port, timeout: timeout)
        }
        return .failure("the probe has no handler: give it exec, httpGet or tcpSocket")
    }

    private func runExec(_ command: [String], containerID: String, timeout: Duration) async -> ProbeOutcome {
        do {
            let result = try await runtime.execSync(containerID: containerID, command: command, timeout: timeout)
            if result.exitCode == 0 { return .success }
            // Kubernetes' message for a failed exec probe is what the command printed.
            return .failure(result.output.trimmingCharacters(in: .newlines))
        } catch {
            return .failure("\(error)")
        }
    }

    /// A probe's port: a number, or the name of one of the container's ports.
    static func resolve(_ port: IntOrString, in container: Container) -> Int? {
        switch port {
        case .int(let number): return Int(number)
        case .string(let name):
            if let number = Int(name) { return number }
            return container.ports.first { $0.name == name }.map { Int($0.containerPort) }
        }
    }
}
