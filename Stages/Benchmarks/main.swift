// Stage 3 · bench: the stage's benchmark program, one subcommand a benchmark.
//
//   swift run -c release bench store            store writes/s and p50/p99 at 1, 8 and 32
//                                              writers: the embedded store, and etcd beside
//                                              it when `etcd` is on PATH
//   swift run -c release bench list             a LIST of 1,000 pods: stage 3's API server in process
//                                              beside an etcd range of the same bytes
//   swift run -c release bench watch            watch delivery p50/p99 to 1, 100, 1,000 watchers under
//                                              steady writes; CPU and memory of 1,000 idle watchers
//   swift run -c release bench pods             create-to-Running p50/p99 of 100 pods on `stage3 up`
//                                              (and `stage2 up`) run beside it from the same build folder
//   swift run -c release bench fuzz             damaged manifests, HTTP requests and JSON bodies: how
//                                              each was answered (never a crash, never a 5xx)
//   swift run -c release bench sockets          an honest client's answers and latency while 700 idle and
//                                              600 slowloris sockets flood stage2 up's API server and kubelet
//   swift run -c release bench logs             kubelet memory before, during and after tailLines=1 and a
//                                              whole-log stream of a 400 MB log (stage1), and through
//                                              stage2's API server when built
//   swift run -c release bench body             a 1 MB create body on `stage2 up`, and the delay it
//                                              adds to concurrent small creates
//   swift run -c release bench memory           bytes per stored small pod in `stage2 up`, and its
//                                              memory after large requests
//   swift run -c release bench kill             kill -9 trials of `stage2 up` under concurrent writers:
//                                              acknowledged writes lost
// Stage 4 > the scheduler's benchmark
//   swift run -c release bench scheduler        pods/s through stage4's API server and scheduler on 5,000
//                                              fake nodes (Kubernetes' SchedulingBasic), create-to-bound on 100
// Stage 4 <
//   swift run -c release bench load --data-dir D
//                                              writes from 32 tasks until killed, one line per
//                                              acknowledged write (for kill -9 drills)
//
// Each benchmark is one file with one type conforming to `Benchmark`; adding one is a new
// file and a line in `benchmarks` below. Run benchmarks in release
// mode: a debug build measures the compiler's checks, not the design.

import Foundation

/// Every benchmark, in the order `bench` lists them.
let benchmarks: [any Benchmark.Type] = [
    StoreWriteBenchmark.self,
    LoadGenerator.self,
    ListBenchmark.self,
    WatchBenchmark.self,
    PodStartupBenchmark.self,
    FuzzBenchmark.self,
    SocketFloodBenchmark.self,
    LogMemoryBenchmark.self,
    BodyBenchmark.self,
    MemoryBenchmark.self,
    KillBenchmark.self,
    // Stage 4 > the scheduler's benchmark drives stage4's binaries over HTTP, linking nothing of stage 4
    SchedulerBenchmark.self,
    // Stage 4 <
]

let arguments = Array(CommandLine.arguments.dropFirst())
let usage = "Usage: bench <benchmark> [options]\n"
    + benchmarks.map { "  \($0.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n")

guard let name = arguments.first, name != "--help", name != "-h" else {
    print(usage)
    exit(arguments.isEmpty ? 2 : 0)
}
guard let benchmark = benchmarks.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data("bench: unknown benchmark \(name)\n\(usage)\n".utf8))
    exit(2)
}
do {
    try await benchmark.run(options: BenchmarkOptions(Array(arguments.dropFirst())))
} catch {
    FileHandle.standardError.write(Data("bench \(name): \(error)\n".utf8))
    exit(1)
}
