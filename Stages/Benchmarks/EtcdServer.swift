// Stage 3 · bench: a real etcd, started for a benchmark and removed after it.
//
// The peer to measure against is a single-member etcd, as a small Kubernetes cluster runs
// it: on free loopback ports, in a temporary data directory, with its defaults (it fsyncs
// its write-ahead log before answering a put, as the embedded store does). It is found on
// PATH; without it the benchmark says so and measures only the embedded store.

import Foundation
import HTTPClient
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An etcd process of our own; `stop()` kills it and removes its data directory.
final class EtcdServer {
    /// How long etcd may take to answer its first request.
    static let startTimeout = Duration.seconds(20)

    /// `http://127.0.0.1:<port>`, where it serves clients (and the v3 JSON gateway).
    let clientURL: String
    /// The version it reports, such as "3.4.23".
    let version: String
    private let process: Process
    private let dataDirectory: URL

    /// The `etcd` executable on PATH, or nil when it is not installed.
    static var executable: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appending(path: "etcd") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `executable` and returns once it answers.
    init(executable: URL) async throws {
        let clientPort = try Self.freePort()
        let peerPort = try Self.freePort()
        clientURL = "http://127.0.0.1:\(clientPort)"
        let peerURL = "http://127.0.0.1:\(peerPort)"
        dataDirectory = FileManager.default.temporaryDirectory.appending(path: "bench-etcd-\(UUID().uuidString)")
        process = Process()
        process.executableURL = executable
        process.arguments = [
            "--name", "bench", "--data-dir", dataDirectory.path,
            "--listen-client-urls", clientURL, "--advertise-client-urls", clientURL,
            "--listen-peer-urls", peerURL, "--initial-advertise-peer-urls", peerURL,
            "--initial-cluster", "bench=\(peerURL)", "--logger", "zap", "--log-level", "error",
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()

        let client = try HTTPClient(baseURL: clientURL, timeout: .seconds(2))
        let deadline = ContinuousClock.now + Self.startTimeout
        while true {
            if let response = try? await client.send(HTTPClientRequest(method: "GET", target: "/version")),
               response.status.code == 200,
               let answer = try? JSONSerialization.jsonObject(with: response.data) as? [String: Any],
               let version = answer["etcdserver"] as? String {
                self.version = version
                return
            }
            guard process.isRunning, ContinuousClock.now < deadline else {
                Self.stop(process, removing: dataDirectory)
                throw BenchmarkError("etcd did not start on \(clientURL)")
            }
            try await Task.sleep(for: .milliseconds(100))
        }
    }

    /// Kills etcd and removes its data.
    func stop() {
        Self.stop(process, removing: dataDirectory)
    }

    private static func stop(_ process: Process, removing dataDirectory: URL) {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }

    /// A loopback port nobody listens on now: bound with port 0, read back, released.
    private static func freePort() throws -> Int {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { throw BenchmarkError("socket: errno \(errno)") }
        defer { close(socketDescriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(socketDescriptor, generic, length) == 0 && getsockname(socketDescriptor, generic, &length) == 0
            }
        }
        guard bound else { throw BenchmarkError("bind: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
