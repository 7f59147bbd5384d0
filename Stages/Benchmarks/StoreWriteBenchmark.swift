// Stage 3 · bench: `bench store`, the store's writes per second and latency, beside etcd's.
//
// At 1, 8 and 32 concurrent writers, each store takes writes for a few rounds of a few
// seconds, the stores taking turns:
//
//   - stage 2: a `DurableStore` written directly, one fsync per write, for comparison;
//   - embedded: stage 3's `GroupCommitStore` over a `DurableStore` in a fresh temporary
//     directory, every write fsynced before it is answered (concurrent ones share fsyncs);
//   - etcd: a real etcd started for the run (`EtcdServer`), written through its v3 JSON
//     gateway (`POST /v3/kv/put`) with the project's HTTP client; etcd fsyncs its log
//     before answering, so both are equally durable. The embedded store is called
//     directly, as the API server calls it; etcd is behind HTTP, as the API server reaches it.
//
// Each writer writes its own keys, cycling over `keysPerWriter` of them, with values of
// `valueBytes`: a keyspace that stays the size of a small cluster's, as the API server's
// writes are mostly updates to the same objects. The table also gives the time of one
// fsync of a small append on the disk under the temporary directory: the floor under a
// lone writer's latency, for either store.

import Foundation
import GroupCommit
import HTTPClient
import Storage

enum StoreWriteBenchmark: Benchmark {
    static let name = "store"
    static let summary = "store writes/s and p50/p99 at 1, 8, 32 writers: embedded, and etcd when installed [--seconds S] [--rounds N] [--writers 1,8,32]"

    /// The concurrencies measured.
    static let writerCounts = [1, 8, 32]
    /// How long each store runs in each round, unless `--seconds` says otherwise.
    static let defaultSeconds = 2.0
    /// How many rounds each concurrency gets, unless `--rounds` says otherwise. The stores
    /// take turns round by round, so a disk that is busier for a while (other programs
    /// share it) slows all of them alike rather than whichever ran then.
    static let defaultRounds = 3
    /// The size of each value: about a small pod's JSON.
    static let valueBytes = 1_024
    /// How many keys each writer cycles over.
    static let keysPerWriter = 100

    static func run(options: BenchmarkOptions) async throws {
        let seconds = try options.double("seconds", default: defaultSeconds)
        let rounds = try options.int("rounds", default: defaultRounds)
        let writerCounts = try options.string("writers").map(parseWriterCounts) ?? Self.writerCounts
        let duration = Duration.milliseconds(Int(seconds * 1000))
        let value = Data(repeating: UInt8(ascii: "x"), count: valueBytes)
        print("bench store: \(valueBytes)-byte values, \(keysPerWriter) keys per writer, \(rounds) rounds of \(format(seconds)) s"
              + " per store and concurrency, \(ProcessInfo.processInfo.activeProcessorCount) cores")
        try printFsync("before")

        var server: EtcdServer?
        if let executable = EtcdServer.executable { server = try await EtcdServer(executable: executable) }
        defer { server?.stop() }
        let etcdName = server.map { "etcd \($0.version)" } ?? "etcd"

        var stage2: [WriteFigures] = []
        var embedded: [WriteFigures] = []
        var etcd: [WriteFigures] = []
        for writers in writerCounts {
            var turns: (stage2: [WriteFigures], embedded: [WriteFigures], etcd: [WriteFigures]) = ([], [], [])
            for _ in 0..<rounds {
                turns.stage2.append(try await measureEmbedded(writers: writers, duration: duration, value: value, groupCommit: false))
                turns.embedded.append(try await measureEmbedded(writers: writers, duration: duration, value: value, groupCommit: true))
                if let server { turns.etcd.append(try await measureEtcd(server, writers: writers, duration: duration, value: value)) }
            }
            stage2.append(WriteFigures(merging: turns.stage2))
            embedded.append(WriteFigures(merging: turns.embedded))
            if server != nil { etcd.append(WriteFigures(merging: turns.etcd)) }
        }
        try printFsync("after")

        print("")
        print(row(["writers", "stage 2/s", "embedded/s", "p50 ms", "p99 ms", "writes/fsync", "\(etcdName)/s", "p50 ms", "p99 ms", "embedded/etcd"]))
        for (position, writers) in writerCounts.enumerated() {
            let ours = embedded[position]
            var cells = [String(writers), count(stage2[position].writesPerSecond),
                         count(ours.writesPerSecond), format(ours.p50), format(ours.p99),
                         String(format: "%.1f", ours.writesPerFsync ?? 0)]
            if server != nil {
                let theirs = etcd[position]
                cells += [count(theirs.writesPerSecond), format(theirs.p50), format(theirs.p99),
                          String(format: "%.2fx", ours.writesPerSecond / theirs.writesPerSecond)]
            } else {
                cells += ["-", "-", "-", "-"]
            }
            print(row(cells))
        }
        print("\nstage 2/s: the same store written directly, one fsync per write (stage 2's path);"
              + " embedded: through group commit (stage 3's)")
        if server == nil { print("etcd is not on PATH: only the embedded store was measured.") }
    }

    /// `--writers 1,8,32`: the concurrencies to measure.
    static func parseWriterCounts(_ text: String) throws -> [Int] {
        let counts = text.split(separator: ",").compactMap { Int($0) }.filter { $0 > 0 }
        guard !counts.isEmpty else { throw BenchmarkError("--writers needs counts such as 1,8,32, not \(text)") }
        return counts
    }

    /// Prints the time of one fsync of a small append on the disk under the temporary directory.
    static func printFsync(_ when: String) throws {
        let fsync = try DiskProbe.fsyncMilliseconds(in: FileManager.default.temporaryDirectory)
        print("fsync of a \(DiskProbe.appendBytes)-byte append on this disk, \(when):"
              + " p50 \(format(fsync.p50)) ms, p99 \(format(fsync.p99)) ms")
    }

    /// Writes to a fresh embedded store at `writers` concurrency, through group commit or
    /// straight to the `DurableStore` as stage 2 does.
    static func measureEmbedded(writers: Int, duration: Duration, value: Data, groupCommit: Bool) async throws -> WriteFigures {
        let directory = FileManager.default.temporaryDirectory.appending(path: "bench-store-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let durable = try DurableStore(directory: directory.path, logger: .silent)
        let store: any KeyValueStore = groupCommit ? GroupCommitStore(durable) : durable
        let figures = try await WriteLoad.run(writers: writers, for: duration) { writer, step in
            let key = "/registry/bench/w\(writer)/k\(step % keysPerWriter)"
            if step < keysPerWriter {
                _ = try await store.create(key, value: value)
            } else {
                _ = try await store.update(key, value: value, expectedModRevision: nil)
            }
        }
        var shared = figures
        let syncs = await durable.logSyncCount
        shared.writesPerFsync = Double(await durable.currentRevision - StorageLimits.initialRevision) / Double(max(1, syncs))
        await durable.close()
        return shared
    }

    /// Writes to `server` through its JSON gateway at `writers` concurrency.
    static func measureEtcd(_ server: EtcdServer, writers: Int, duration: Duration, value: Data) async throws -> WriteFigures {
        let client = try HTTPClient(baseURL: server.clientURL, maxIdleConnections: writers)
        let encodedValue = value.base64EncodedString()
        return try await WriteLoad.run(writers: writers, for: duration) { writer, step in
            let key = Data("/registry/bench/w\(writer)/k\(step % keysPerWriter)".utf8).base64EncodedString()
            let body = Array("{\"key\":\"\(key)\",\"value\":\"\(encodedValue)\"}".utf8)
            let response = try await client.send(HTTPClientRequest(
                method: "POST", target: "/v3/kv/put", headers: ["Content-Type": "application/json"], body: body
            ))
            guard response.status.code == 200 else { throw BenchmarkError("etcd put answered \(response.status): \(response.text)") }
        }
    }

    // MARK: The table

    static func row(_ cells: [String]) -> String {
        cells.enumerated().map { position, cell in
            let width = position == 0 ? 7 : 13
            return String(repeating: " ", count: max(0, width - cell.count)) + cell
        }.joined(separator: " ")
    }

    static func format(_ value: Double) -> String { String(format: value < 10 ? "%.2f" : "%.1f", value) }

    static func count(_ value: Double) -> String {
        let whole = Int(value.rounded())
        return whole >= 1000 ? "\(whole / 1000),\(String(format: "%03d", whole % 1000))" : String(whole)
    }
}
