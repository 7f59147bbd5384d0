// Stage 4: the control plane of `up` and `apiserver`: stage 3's API server, serving stage 4's resources.
//
// Nothing here is new but the resource list and the objects made at start-up: the store
// that remembers (or etcd), the watch cache and the compactor are stage 3's, wired as
// stage 3's composition root wires them.

import APIServer
import Common
import EtcdStore
import Foundation
import GroupCommit
import SchedulingRegistry
import Storage
import StoreWatch
import WatchCache

/// The resources stage 4's API server serves (`ResourceRegistration+Stage4.swift`).
let resources = ResourceRegistration.stage4Resources

/// The store that remembers: a real etcd with `--etcd`, else stage 2's durable store in
/// `--data-dir`, wrapped to remember (stage 3's). Only the API server ever holds it.
func makeStore(_ flags: ParsedFlags, logger: Logger) async throws -> any WatchableKeyValueStore {
    if let members = flags.string("etcd"), !members.isEmpty {
        return try await EtcdStore(endpoints: members.split(separator: ",").map(String.init), logger: logger.labelled("etcd"))
    }
    let directory = URL(filePath: flags.string("data-dir")!, directoryHint: .isDirectory).appending(path: "store")
    let store = try DurableStore(directory: directory.path, logger: logger.labelled("storage"))
    return await WatchableStore(GroupCommitStore(store))
}

/// The API server and what runs beside it, as in stage 3: its watch cache and the
/// compactor of the store's history; the API server serves stage 4's resources and makes
/// the system priority classes when it starts.
struct ControlPlane {
    let apiServer: APIServer
    let cacher: Cacher?
    let compactor: Compactor<ContinuousClock>?

    init(_ flags: ParsedFlags, logger: Logger, authenticator: TokenAuthenticator?) async throws {
        let store = try await makeStore(flags, logger: logger)
        let watch: any WatchSource
        switch flags.string("watch-cache") {
        case "true": (cacher, watch) = { let cacher = Cacher(store: store); return (cacher, cacher) }()
        case "false": (cacher, watch) = (nil, StoreWatchSource(store: store))
        case let other: throw CommandLineError("flag --watch-cache expects true or false, got \(other ?? "nothing")")
        }
        var apiServer = try APIServer(store: store, resources: resources, watch: watch,
                                      host: flags.string("address")!, port: try flags.int("port"), logger: logger,
                                      authenticator: authenticator)
        apiServer.bootstrap = ResourceRegistration.stage4Bootstrap
        self.apiServer = apiServer
        let interval = try flags.duration("etcd-compaction-interval")
        compactor = interval > .zero
            ? Compactor(store: store, interval: interval, clock: ContinuousClock(), logger: logger.labelled("compactor")) : nil
    }

    func run(in group: inout ThrowingDiscardingTaskGroup<any Error>) {
        let (apiServer, cacher, compactor) = (apiServer, cacher, compactor)
        group.addTask { try await apiServer.run() }
        if let cacher { group.addTask { await cacher.run() } }
        if let compactor { group.addTask { try await compactor.run() } }
    }
}
