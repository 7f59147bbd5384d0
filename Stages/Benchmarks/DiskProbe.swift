// Stage 3 · bench: how long one fsync takes on this disk.
//
// A durable write cannot be answered sooner than its fsync returns, so the fsync of a small
// append is the floor under a lone writer's latency, for the embedded store and etcd alike.
// Group commit cannot lower it; it only lets many writes share it.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum DiskProbe {
    /// The size of each append: about one store record.
    static let appendBytes = 1_100
    /// How many appends are timed.
    static let samples = 200

    /// p50 and p99, in milliseconds, of appending `appendBytes` to a file in `directory` and fsyncing it.
    static func fsyncMilliseconds(in directory: URL) throws -> (p50: Double, p99: Double) {
        let path = directory.appending(path: "bench-fsync-\(UUID().uuidString)").path
        let file = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard file >= 0 else { throw BenchmarkError("open \(path): errno \(errno)") }
        defer { close(file); unlink(path) }
        let bytes = [UInt8](repeating: 0x2A, count: appendBytes)
        let clock = ContinuousClock()
        var times: [Double] = []
        for _ in 0..<samples {
            let start = clock.now
            guard bytes.withUnsafeBytes({ write(file, $0.baseAddress, $0.count) }) == appendBytes, fsync(file) == 0 else {
                throw BenchmarkError("write or fsync of \(path) failed: errno \(errno)")
            }
            times.append(WriteLoad.milliseconds(clock.now - start))
        }
        times.sort()
        return (times[samples / 2], times[samples * 99 / 100])
    }
}
