// Stage 4 · bench: `stage4 apiserver` and `stage4 scheduler` as child processes, measured.
//
// The scheduler benchmark needs no kubelet, only the two components it measures, each in
// a process of its own so that each one's CPU and memory can be read apart (Linux:
// /proc/<pid>/stat and statm). Both write to one log in a fresh temporary directory;
// `stop()` interrupts them, as Ctrl-C does, and removes the directory.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class ControlPlaneProcesses {
    /// What one component has used so far.
    struct Usage {
        var cpu: Double?
        var megabytes: Double?
    }

    let executable: URL
    let directory: URL
    let url: String
    private let log: FileHandle
    private let apiServer: Process
    private var scheduler: Process?

    /// Starts `stage4 apiserver` on a free port and returns once it announces its address.
    init(executable: URL) async throws {
        self.executable = executable
        directory = FileManager.default.temporaryDirectory.appending(path: "bench-scheduler-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let logFile = directory.appending(path: "log")
        guard FileManager.default.createFile(atPath: logFile.path, contents: nil) else { throw BenchmarkError("cannot create \(logFile.path)") }
        log = try FileHandle(forWritingTo: logFile)
        apiServer = Process()
        apiServer.executableURL = executable
        apiServer.arguments = ["apiserver", "--port", "0", "--data-dir", directory.appending(path: "data").path]
        apiServer.standardOutput = log
        apiServer.standardError = log
        try apiServer.run()
        let (announced, text) = await StageCluster.apiServerURL(
            announcedBy: apiServer, in: logFile, until: .now + StageCluster.startTimeout)
        guard let announced else {
            Self.stop(apiServer)
            throw BenchmarkError("stage4 apiserver did not start: \(text.suffix(2000))")
        }
        url = announced
    }

    /// Starts `stage4 scheduler` against the API server.
    func startScheduler() async throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = ["scheduler", "--apiserver", url]
        process.standardOutput = log
        process.standardError = log
        try process.run()
        scheduler = process
    }

    /// The API server's and the scheduler's CPU seconds and resident memory, in that order.
    func usage() -> [Usage] {
        [apiServer, scheduler].map { process in
            guard let pid = process?.processIdentifier else { return Usage() }
            let megabytes = LogMemoryBenchmark.residentMegabytes(ofProcess: pid)
            return Usage(cpu: ProcessUsage.cpuSeconds(ofProcess: pid), megabytes: megabytes > 0 ? megabytes : nil)
        }
    }

    func stop() {
        if let scheduler { Self.stop(scheduler) }
        Self.stop(apiServer)
        try? FileManager.default.removeItem(at: directory)
    }

    /// SIGINT, a wait of up to `StageCluster.stopTimeout`, then SIGKILL.
    private static func stop(_ process: Process) {
        guard process.isRunning else { return }
        process.interrupt()
        let deadline = ContinuousClock.now + StageCluster.stopTimeout
        while process.isRunning, ContinuousClock.now < deadline { usleep(20_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}
