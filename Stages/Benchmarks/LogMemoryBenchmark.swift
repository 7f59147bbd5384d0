// Stage 3 · bench: `bench logs`, the kubelet's memory while it serves a 400 MB container log.
//
// A container's log can be far bigger than the memory a kubelet should spend on it. The
// benchmark runs `stage1` (a kubelet alone) from the build folder `bench` runs from, with
// one static pod that sleeps, and appends 400 MB of CRI entries to its container's log
// file directly (a container printing 400 MB would take minutes; the kubelet reads the
// file the same either way, and `--container-log-max-size 1Gi` keeps the runtime from
// rotating it). Then it reads the kubelet's resident memory (`/proc/<pid>/status`,
// Linux only) before, at its peak during, and after:
//
//   - four `tailLines=1` requests at once: each must answer the last line;
//   - one whole-log stream, read to its end as fast as loopback allows, then four at once.
//
// With `stage2` built too, the same log is read through `stage2 up`'s API server
// (`pods/{name}/log`, relayed from its kubelet): its status, its bytes, and the memory
// of the process that holds both.

import Foundation
import HTTPClient
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum LogMemoryBenchmark: Benchmark {
    static let name = "logs"
    static let summary = "kubelet RSS before, during and after tailLines=1 and a whole-log stream of a 400 MB log (stage1; stage2's log proxy when built) [--megabytes N]"

    static let defaultMegabytes = 400
    /// How long the kubelet may take to start the pod and create its log file.
    static let startTimeout = Duration.seconds(30)
    /// How long one request may take.
    static let requestTimeout = Duration.seconds(300)
    static let lastLine = "the last line of the log"

    static func run(options: BenchmarkOptions) async throws {
        let megabytes = try options.int("megabytes", default: defaultMegabytes)
        guard let stage1 = StageCluster.executable(named: "stage1") else {
            throw BenchmarkError("no stage1 binary beside bench: build it with `swift build -c release --product stage1`")
        }
        let directory = FileManager.default.temporaryDirectory.appending(path: "bench-logs-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: directory) }
        let manifests = directory.appending(path: "manifests")
        try FileManager.default.createDirectory(at: manifests, withIntermediateDirectories: true)
        try Self.manifest.write(to: manifests.appending(path: "big.yaml"), atomically: true, encoding: .utf8)
        let output = directory.appending(path: "output")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else { throw BenchmarkError("cannot create \(output.path)") }
        let process = Process()
        process.executableURL = stage1
        process.arguments = ["--manifests", manifests.path, "--root", directory.appending(path: "root").path, "--port", "0"]
            + rotationArguments(stage1, ["--help"])
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = process.standardOutput
        try process.run()
        defer {
            process.interrupt()
            process.waitUntilExit()
        }
        let port = try await waitFor("stage1 to listen") { Self.port(inLog: output) }
        let logPath = try await waitFor("the pod's log file") { Self.logFile(under: directory.appending(path: "root/logs")) }
        let written = try plant(megabytes: megabytes, at: logPath)
        print("bench logs: stage1 (release), a \(Table.format(Double(written) / 1_048_576)) MiB log of 100-byte CRI entries, "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
        let client = try HTTPClient(baseURL: "http://127.0.0.1:\(port)", timeout: requestTimeout)
        let target = "/containerLogs/default/big-node1/main"
        let pid = process.processIdentifier
        print("")
        print(Table.row(["stage1 kubelet", "RSS MB", "peak MB", "after MB", "answer", "seconds"], first: 22))
        let idle = residentMegabytes(ofProcess: pid)
        print(Table.row(["idle, log planted", format(idle), "", "", "", ""], first: 22))
        try await measure("tailLines=1, 4 at once", pid: pid) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        let response = try await client.send(HTTPClientRequest(method: "GET", target: target + "?tailLines=1"))
                        guard response.status.code == 200, response.text == lastLine + "\n" else {
                            throw BenchmarkError("tailLines=1 answered \(response.status.code): \(response.text.prefix(200))")
                        }
                        return response.body.count
                    }
                }
                return try await group.reduce(0, +)
            }
        }
        try await measure("whole log, streamed", pid: pid) {
            try await Self.readStream(client, target: target)
        }
        try await measure("whole log, 4 at once", pid: pid) {
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 { group.addTask { try await Self.readStream(client, target: target) } }
                return try await group.reduce(0, +)
            }
        }
        if let stage2 = StageCluster.executable(named: "stage2") {
            try await measureProxy(stage2, megabytes: megabytes)
        } else {
            print("(stage2 is not built: `swift build -c release --product stage2` to measure the API server's log proxy too)")
        }
    }

    /// Runs `body` while sampling the kubelet's memory every 20 ms, and prints a row.
    static func measure(_ label: String, pid: Int32, first: Int = 22, _ body: () async throws -> Int) async throws {
        let peak = Atomic<Int>(0)
        let sampler = Task {
            while !Task.isCancelled {
                let kilobytes = Int(residentMegabytes(ofProcess: pid) * 1024)
                _ = peak.max(kilobytes, ordering: .relaxed)
                try? await Task.sleep(for: .milliseconds(20))
            }
        }
        let start = ContinuousClock.now
        let bytes: Int
        do { bytes = try await body() } catch { sampler.cancel(); throw error }
        let seconds = WriteLoad.milliseconds(ContinuousClock.now - start) / 1000
        sampler.cancel()
        _ = await sampler.value
        let after = residentMegabytes(ofProcess: pid)
        print(Table.row([label, "", format(Double(peak.load(ordering: .relaxed)) / 1024), format(after),
                         bytes < 1_048_576 ? "\(bytes) B" : Table.format(Double(bytes) / 1_048_576) + " MiB", Table.format(seconds)], first: first))
    }

    /// The same log read through `stage2 up`'s API server, which relays its kubelet's answer.
    static func measureProxy(_ stage2: URL, megabytes: Int) async throws {
        let cluster = try await StageCluster(executable: stage2, nodeName: "node1", arguments: rotationArguments(stage2, ["up", "--help"]))
        defer { cluster.stop() }
        let client = try HTTPClient(baseURL: cluster.url, timeout: requestTimeout)
        let pod = #"{"apiVersion":"v1","kind":"Pod","metadata":{"name":"big"},"spec":{"nodeName":"node1","containers":[{"name":"main","image":"busybox","command":["sleep","3600"]}]}}"#
        let created = try await client.send(HTTPClientRequest(method: "POST", target: "/api/v1/namespaces/default/pods",
                                                              headers: ["Content-Type": "application/json"], body: Array(pod.utf8)))
        guard created.status.code == 201 else { throw BenchmarkError("creating the pod answered \(created.status.code): \(created.text)") }
        let logPath = try await waitFor("the pod's log file") { Self.logFile(under: cluster.directory.appending(path: "node1/logs")) }
        _ = try plant(megabytes: megabytes, at: logPath)
        let target = "/api/v1/namespaces/default/pods/big/log"
        // The kubelet's status reaches the API server a little after the process starts.
        let deadline = ContinuousClock.now + startTimeout
        while try await client.send(HTTPClientRequest(method: "GET", target: target + "?tailLines=1")).status.code != 200 {
            guard ContinuousClock.now < deadline else { throw BenchmarkError("the pod's log was not served within \(startTimeout)") }
            try await Task.sleep(for: .milliseconds(100))
        }
        print("")
        print(Table.row(["stage2 up (one process)", "RSS MB", "peak MB", "after MB", "answer", "seconds"], first: 24))
        let pid = cluster.processIdentifier
        print(Table.row(["idle, log planted", format(residentMegabytes(ofProcess: pid)), "", "", "", ""], first: 24))
        try await measure("pods/log tailLines=1", pid: pid, first: 24) {
            let response = try await client.send(HTTPClientRequest(method: "GET", target: target + "?tailLines=1"))
            guard response.status.code == 200, response.text == lastLine + "\n" else {
                throw BenchmarkError("pods/log?tailLines=1 answered \(response.status.code): \(response.text.prefix(300))")
            }
            return response.body.count
        }
        try await measure("pods/log, whole", pid: pid, first: 24) {
            try await Self.readStream(client, target: target)
        }
    }

    /// `--container-log-max-size 1Gi`, so that the runtime leaves the planted log whole;
    /// nothing for a binary from before rotation, which has no such flag (to measure it too).
    static func rotationArguments(_ executable: URL, _ help: [String]) -> [String] {
        let process = Process()
        process.executableURL = executable
        process.arguments = help
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        guard (try? process.run()) != nil else { return [] }
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return text.contains("--container-log-max-size") ? ["--container-log-max-size", "1Gi"] : []
    }

    /// Reads a streamed answer to its end; its size in bytes.
    static func readStream(_ client: HTTPClient, target: String) async throws -> Int {
        let (head, body) = try await client.stream(HTTPClientRequest(method: "GET", target: target))
        guard head.status.code == 200 else { throw BenchmarkError("\(target) answered \(head.status.code)") }
        var bytes = 0
        for try await piece in body { bytes += piece.count }
        return bytes
    }

    static let manifest = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: big
        spec:
          containers:
          - name: main
            image: busybox
            command: ["sleep", "3600"]

        """

    /// Appends about `megabytes` MiB of CRI entries, then `lastLine`, to `path`; the bytes written.
    static func plant(megabytes: Int, at path: String) throws -> Int {
        let handle = try FileHandle(forWritingTo: URL(filePath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        let prefix = "2026-12-01T17:00:00.000000000Z stdout F "
        let line = prefix + String(repeating: "x", count: 100 - prefix.utf8.count - 1) + "\n"
        let block = Data(String(repeating: line, count: 10_486).utf8)  // about 1 MiB
        var written = 0
        for _ in 0..<megabytes {
            try handle.write(contentsOf: block)
            written += block.count
        }
        let last = Data((prefix + lastLine + "\n").utf8)
        try handle.write(contentsOf: last)
        return written + last.count
    }

    /// The port in the kubelet's `listening address=…:PORT` line, once it is there.
    static func port(inLog url: URL) -> Int? {
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        guard let line = text.split(separator: "\n").first(where: { $0.contains("listening address=") }),
              let field = line.split(separator: " ").first(where: { $0.hasPrefix("address=") }) else { return nil }
        return Int(field.split(separator: ":").last ?? "")
    }

    /// The one container log file under `logs`, once the runtime has created it.
    static func logFile(under logs: URL) -> String? {
        let files = FileManager.default.enumerator(atPath: logs.path)?.compactMap { $0 as? String } ?? []
        return files.first { $0.hasSuffix("/0.log") }.map { logs.path + "/" + $0 }
    }

    /// Polls `condition` until it gives a value, or throws after `startTimeout`.
    static func waitFor<T>(_ what: String, _ condition: () -> T?) async throws -> T {
        let deadline = ContinuousClock.now + startTimeout
        while ContinuousClock.now < deadline {
            if let value = condition() { return value }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw BenchmarkError("timed out waiting for \(what)")
    }

    /// Process `pid`'s resident memory in MiB (`VmRSS`), 0 where /proc is absent.
    static func residentMegabytes(ofProcess pid: Int32) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kilobytes / 1024
    }

    static func format(_ megabytes: Double) -> String { String(format: "%.0f", megabytes) }
}
