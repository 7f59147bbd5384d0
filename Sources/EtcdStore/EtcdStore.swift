// Stage 3 · EtcdStore: the store contract kept by a real etcd cluster, as Kubernetes keeps its objects.
//
// Until now the API server's store was embedded: stage 2's `DurableStore`, with stage 3's
// history around it. A real Kubernetes cluster keeps its objects in etcd, a separate,
// replicated key-value store, usually three or five members, of which a majority must
// agree on every write. This store is the API server's side of that: it keeps the same
// `WatchableKeyValueStore` contract, so nothing above it changes, by speaking to etcd over
// its JSON gateway (`EtcdClient`) exactly as Kubernetes' `etcd3` storage does:
//
//   - a get or a list is a range (`EtcdRange`), a list's revision is the answer's header;
//   - create, update and delete are transactions comparing the key's mod revision
//     (`EtcdTxn`), and a failed one reads the key back in the same step, to tell a
//     conflict from a missing key;
//   - a watch is etcd's watch stream (EtcdStore+Watch.swift), reads in the past and
//     compaction are etcd's own (EtcdStore+History.swift).
//
// The keys are the API server's (`/registry/pods/<namespace>/<name>`), so
// `etcdctl get --prefix /registry/pods` shows the pods a learner created with kubectl,
// and a resourceVersion is etcd's `mod_revision`. Every failure to reach etcd becomes a
// `StorageError.unavailable` naming the members, which the API server answers with a
// 500; nothing here crashes on what the network does.
//
// The store holds no task of its own: each call is one request, and each watch reads its
// own stream for as long as its reader iterates.

import Common
import Storage
import StoreWatch
import Synchronization
import struct Foundation.Data

/// A `WatchableKeyValueStore` kept in an etcd cluster; the API server's store with `--etcd`.
public final class EtcdStore: WatchableKeyValueStore {
    let client: EtcdClient
    let logger: Logger
    /// What the store has learned of etcd, from every answer; only a cache, never the truth.
    struct Known {
        /// The newest revision any answer's header carried.
        var revision: Int64 = StorageLimits.initialRevision
        /// The newest compaction revision the store made or was told of (etcd starts never compacted).
        var compactRevision: Int64 = StorageLimits.initialRevision
    }
    let known = Mutex(Known())

    /// A store on the etcd members at `endpoints` (`http://127.0.0.1:2379`, …); throws
    /// unless one of them answers, so a wrong flag fails at start, not at the first request.
    public convenience init(
        endpoints: [String], patience: Duration = EtcdLimits.failoverPatience, logger: Logger
    ) async throws {
        try self.init(connectingTo: endpoints, patience: patience, logger: logger)
        _ = try await range(EtcdRangeRequest(key: EtcdKeys.prefixStart(""), rangeEnd: nil, revision: 0, countOnly: true))
        logger.info("connected to etcd", ["endpoints": endpoints.joined(separator: ","), "revision": known.withLock { $0.revision }])
    }

    /// A store on `endpoints` that has not spoken to etcd yet; throws for a malformed URL.
    /// A request keeps trying the members for `patience` before it fails.
    public init(
        connectingTo endpoints: [String], patience: Duration = EtcdLimits.failoverPatience, logger: Logger
    ) throws(StorageError) {
        guard !endpoints.isEmpty else { throw .unavailable(reason: "no etcd endpoints given") }
        do {
            client = try EtcdClient(endpoints: endpoints, patience: patience, logger: logger)
        } catch {
            throw .unavailable(reason: "bad etcd endpoint: \(error)")
        }
        self.logger = logger
    }

    /// The members' URLs, as given.
    public var endpoints: [String] { client.urls }

    // MARK: Reads

    /// See `KeyValueStore.get`: a range of one key.
    public func get(_ key: String) async throws(StorageError) -> StoredValue? {
        try await range(.key(key)).kvs?.first?.stored
    }

    /// See `KeyValueStore.list(prefix:)`: a range over the prefix, and the answer's revision.
    public func list(prefix: String) async throws(StorageError) -> (items: [StoredValue], revision: Int64) {
        let answer = try await range(.prefix(prefix))
        return ((answer.kvs ?? []).map(\.stored), answer.header.revision)
    }

    /// See `KeyValueStore.currentRevision`: the header of the cheapest range there is. When
    /// no member answers, the newest revision seen so far (the contract cannot throw here).
    public var currentRevision: Int64 {
        get async {
            do {
                let cheapest = EtcdRangeRequest(key: EtcdKeys.bytes("\0"), rangeEnd: nil, revision: 0, countOnly: true)
                return try await range(cheapest).header.revision
            } catch {
                logger.warning("etcd revision unknown, reporting the last one seen", ["error": error])
                return known.withLock { $0.revision }
            }
        }
    }

    // MARK: Writes

    /// See `KeyValueStore.create(_:value:)`: `If(mod_revision == 0) Then(put)`.
    public func create(_ key: String, value: Data) async throws(StorageError) -> Int64 {
        try Self.checkEntry(key, value)
        let request = EtcdTxnRequest(compare: [.modRevision(of: key, is: 0)], success: [.put(key, value)], failure: [])
        let answer = try await txn(request, key: key)
        guard answer.succeeded == true else { throw .alreadyExists(key: key) }
        return answer.header.revision
    }

    /// See `KeyValueStore.update(_:value:expectedModRevision:)`: `If(mod_revision == expected)
    /// Then(put) Else(get)`; without an expectation the condition is only that the key exists.
    public func update(_ key: String, value: Data, expectedModRevision: Int64?) async throws(StorageError) -> Int64 {
        try Self.checkEntry(key, value)
        let answer = try await txn(Self.conditional(key, expectedModRevision, then: .put(key, value)), key: key)
        guard answer.succeeded == true else { throw Self.failure(of: key, current: answer.rangeResult.first) }
        return answer.header.revision
    }

    /// See `KeyValueStore.delete(_:expectedModRevision:)`: as `update`, with a delete that
    /// returns the value it removed (`prev_kv`).
    public func delete(_ key: String, expectedModRevision: Int64?) async throws(StorageError) -> (deleted: StoredValue, revision: Int64) {
        guard !key.isEmpty else { throw .emptyKey }
        let answer = try await txn(Self.conditional(key, expectedModRevision, then: .delete(key)), key: key)
        guard answer.succeeded == true else { throw Self.failure(of: key, current: answer.rangeResult.first) }
        guard let deleted = answer.deleted.first else {
            throw .unavailable(reason: "etcd deleted \(key) without returning its value")
        }
        return (deleted.stored, answer.header.revision)
    }

    /// `If(condition) Then(operation) Else(get key)`.
    private static func conditional(_ key: String, _ expected: Int64?, then operation: EtcdRequestOp) -> EtcdTxnRequest {
        let condition: EtcdCompare = expected.map { .modRevision(of: key, is: $0) } ?? .exists(key)
        return EtcdTxnRequest(compare: [condition], success: [operation], failure: [.get(key)])
    }

    /// Why a conditional write did not happen, from the key as the `Else(get)` read it.
    private static func failure(of key: String, current: EtcdKeyValue?) -> StorageError {
        guard let current else { return .notFound(key: key) }
        return .conflict(key: key, current: current.stored)
    }

    /// Refuses empty keys and entries over the size limit before sending, as the embedded
    /// stores do, so both stores refuse the same writes the same way.
    private static func checkEntry(_ key: String, _ value: Data) throws(StorageError) {
        guard !key.isEmpty else { throw .emptyKey }
        let bytes = key.utf8.count + value.count
        guard bytes <= StorageLimits.maximumEntryBytes else {
            throw .tooLarge(key: key, bytes: bytes, limit: StorageLimits.maximumEntryBytes)
        }
    }

    // MARK: Calls

    /// A range, now or in the past; notes the answer's revision.
    func range(_ request: EtcdRangeRequest) async throws(StorageError) -> EtcdRangeResponse {
        do {
            return try await rangeOrRefusal(request)
        } catch {
            throw error.storageError
        }
    }

    /// A range whose refusal the caller reads (a past read tells compacted from future).
    func rangeOrRefusal(_ request: EtcdRangeRequest) async throws(EtcdFailure) -> EtcdRangeResponse {
        let answer = try await client.call("/v3/kv/range", request, as: EtcdRangeResponse.self, retry: .always)
        note(revision: answer.header.revision)
        return answer
    }

    /// A transaction writing `key`; notes the answer's revision.
    private func txn(_ request: EtcdTxnRequest, key: String) async throws(StorageError) -> EtcdTxnResponse {
        do {
            let answer = try await client.call("/v3/kv/txn", request, as: EtcdTxnResponse.self, retry: .ifNotApplied)
            note(revision: answer.header.revision)
            return answer
        } catch let failure where failure.isTooLarge {
            throw .tooLarge(key: key, bytes: request.success.first?.requestPut?.value.count ?? 0, limit: StorageLimits.maximumEntryBytes)
        } catch {
            throw error.storageError
        }
    }

    func note(revision: Int64) {
        known.withLock { $0.revision = max($0.revision, revision) }
    }
}
