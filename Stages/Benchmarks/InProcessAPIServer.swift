// Stage 3 · bench: stage 3's API server inside the benchmark's own process.
//
// Built as `stage3 apiserver` builds it: a `DurableStore` in a fresh temporary directory
// (every write fsynced), under a `GroupCommitStore` (concurrent writes share one fsync),
// under a `WatchableStore` (the history watches read), with the `Cacher` as the watch
// source (one store watch per resource, fanned out to every client). It serves pods and
// namespaces on a free loopback port, and the benchmark talks to it over real sockets, as
// any client would. Running in process lets the benchmark read the server's CPU time with
// `getrusage`; that figure includes the benchmark's client side too, which the tables say.

import APIServer
import Common
import Foundation
import GroupCommit
import HTTP
import HTTPClient
import Storage
import StoreWatch
import WatchCache

/// A running API server; `stop()` ends it and removes its data.
final class InProcessAPIServer: Sendable {
    /// How long the server may take to create its namespaces and answer.
    static let startTimeout = Duration.seconds(20)

    /// `http://127.0.0.1:<port>`.
    let url: String
    let port: Int
    private let durable: DurableStore
    private let directory: URL
    private let task: Task<Void, any Error>

    /// Starts a server; `maxConnections` raises stage 2's cap on open connections (512),
    /// which a thousand watches exceed; `cacheLimits` are the watch cache's.
    init(maxConnections: Int? = nil, cacheLimits: WatchCacheLimits = .standard) async throws {
        directory = FileManager.default.temporaryDirectory.appending(path: "bench-apiserver-\(UUID().uuidString)")
        durable = try DurableStore(directory: directory.path, logger: .silent)
        let store = await WatchableStore(GroupCommitStore(durable))
        let cacher = Cacher(store: store, limits: cacheLimits)
        let resources = [
            ResourceRegistration(PodStrategy.self, subresources: ["status": StatusSubresource()]),
            ResourceRegistration(NamespaceStrategy.self, subresources: ["status": StatusSubresource()]),
        ]
        var limits = HTTPLimits.apiServer
        if let maxConnections {
            // Every watcher comes from 127.0.0.1: that one address may hold them all.
            limits.maxConnections = maxConnections
            limits.maxConnectionsPerAddress = maxConnections
        }
        let server = try APIServer(store: store, resources: resources, watch: cacher, port: 0, logger: .silent, limits: limits)
        port = server.port
        url = "http://127.0.0.1:\(server.port)"
        task = Task {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try await server.run() }
                group.addTask { await cacher.run() }
            }
        }
        let client = try HTTPClient(baseURL: url, timeout: .seconds(2))
        let deadline = ContinuousClock.now + Self.startTimeout
        while (try? await client.send(HTTPClientRequest(method: "GET", target: "/api/v1/namespaces/default")))?.status.code != 200 {
            guard ContinuousClock.now < deadline else {
                await stop()
                throw BenchmarkError("the in-process API server did not answer on \(url)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }

    /// Stops serving, closes the store and removes its directory.
    func stop() async {
        task.cancel()
        _ = try? await task.value
        await durable.close()
        try? FileManager.default.removeItem(at: directory)
    }
}
