// Stage 3 · EtcdStore: the store's watch, from etcd's watch stream, across member failures.
//
// `watch(prefix:after:)` opens etcd's `/v3/watch` on the prefix with `prev_kv` and reads
// its messages as they come, turning each etcd event into a `StoreEvent`. Three details
// carry the contract:
//
//   - Where it starts. The contract's history "starts after" the compaction revision C,
//     etcd's lets a watch start *at* C, whose events lack their previous values. So the
//     watch asks etcd for `start_revision = after`, one earlier than the first event it
//     wants, and drops the events at `after` itself. A watch after C−1 thus asks for C−1,
//     and etcd refuses it, reporting `compact_revision` C: the store's
//     `HistoryError.compacted(requested: C−1, compactRevision: C)`, as the embedded
//     store answers. (Revision 0 would mean "from now" to etcd, so the floor is 1.)
//   - Failover. When the stream breaks (the member died, the connection dropped), the
//     watch opens again on the next member that answers, from the last revision it
//     delivered, skipping the events it already gave out at that revision. So a member
//     killed mid-watch costs the reader nothing: no gap, no duplicate.
//   - Back-pressure. Events wait in a bounded buffer (`EtcdLimits.watcherBufferEvents`);
//     a reader that lets it fill is cut off with `HistoryError.fellBehind`, as by the
//     embedded store, and may watch again from the last revision it saw.
//
// Each watch is read by a task of its own, which ends when the stream does: the reader
// stopping (the stream's termination cancels the task, which closes the connection, and
// etcd drops the watch), a refusal, or no member answering for `failoverPatience`.

import HTTPClient
import Storage
import StoreWatch
import struct Foundation.Data

extension EtcdStore {
    /// See `WatchableKeyValueStore.watch(prefix:after:)`.
    public func watch(prefix: String, after revision: Int64) -> AsyncThrowingStream<StoreEvent, any Error> {
        let (stream, continuation) = AsyncThrowingStream<StoreEvent, any Error>.makeStream(
            bufferingPolicy: .bufferingOldest(EtcdLimits.watcherBufferEvents))
        let reader = Task { [self] in
            do {
                try await follow(prefix: prefix, after: revision) { event in
                    if case .dropped = continuation.yield(event) {
                        throw HistoryError.fellBehind(limit: EtcdLimits.watcherBufferEvents)
                    }
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in reader.cancel() }
        return stream
    }

    /// Reads etcd's watch from `after` and hands each event to `deliver`, in order,
    /// re-opening the watch on another member whenever its stream breaks.
    private func follow(prefix: String, after: Int64, deliver: (StoreEvent) throws -> Void) async throws {
        var position = WatchPosition(after: after)
        while !Task.isCancelled {
            let request = EtcdWatchRequest(createRequest: EtcdWatchCreateRequest(
                key: EtcdKeys.prefixStart(prefix), rangeEnd: EtcdKeys.prefixEnd(prefix),
                startRevision: max(position.revision, StorageLimits.initialRevision), prevKv: true))
            let opened: (endpoint: String, lines: HTTPLineSequenceOfBody)
            do {
                opened = try await client.openWatch(request)
            } catch {
                throw HistoryError.storage(error.storageError)
            }
            position.reconnected()
            do {
                for try await line in opened.lines where !line.isEmpty {
                    // Events the reader has (or does not want) are skipped before they are read:
                    // those at the start revision may lack their previous value.
                    for event in try read(line, from: opened.endpoint, position: position) where position.admits(event.kv.modRevision) {
                        try deliver(try Self.storeEvent(event, from: opened.endpoint))
                    }
                }
                logger.warning("etcd watch stream ended, watching again", ["endpoint": opened.endpoint, "after": position.revision])
            } catch let error as HistoryError {
                throw error
            } catch is CancellationError {
                return
            } catch {
                guard !Task.isCancelled else { return }
                logger.warning("etcd watch broke, watching again", ["endpoint": opened.endpoint, "after": position.revision, "error": error])
            }
            // A member that breaks every stream at once is not asked again in a tight loop.
            try? await Task.sleep(for: EtcdLimits.failoverPause)
        }
    }

    /// The events of one line of the stream; throws `compacted` for a refused start.
    private func read(_ line: String, from endpoint: String, position: WatchPosition) throws -> [EtcdEvent] {
        let message: EtcdWatchStreamMessage
        do {
            message = try EtcdClient.decoder.decode(EtcdWatchStreamMessage.self, from: Data(line.utf8))
        } catch {
            throw HistoryError.storage(.unavailable(reason: "etcd at \(endpoint) sent a watch message that is not etcd's JSON: \(error)"))
        }
        if let error = message.error {
            // The member is failing (stopping, lost its leader): watch again elsewhere.
            throw EtcdFailure.refused(code: error.grpcCode ?? 0, message: error.message ?? "watch failed", endpoint: endpoint)
        }
        guard let result = message.result else { return [] }
        if result.compactRevision > 0 {
            noteCompacted(through: result.compactRevision)
            throw HistoryError.compacted(requested: position.revision, compactRevision: result.compactRevision)
        }
        if result.canceled == true {
            throw HistoryError.storage(.unavailable(reason: "etcd at \(endpoint) canceled the watch: \(result.cancelReason ?? "no reason given")"))
        }
        if let revision = result.header?.revision { note(revision: revision) }
        return result.events ?? []
    }

    /// An etcd event as the contract's `StoreEvent`.
    private static func storeEvent(_ event: EtcdEvent, from endpoint: String) throws(HistoryError) -> StoreEvent {
        let previous = event.prevKv?.stored
        if event.isDelete {
            return StoreEvent(revision: event.kv.modRevision, key: event.kv.keyText, value: nil, previous: previous)
        }
        // Only a create may come without its previous value; anything else would be told
        // to watchers as a create, and Kubernetes' watcher treats it as an error too.
        let isCreate = event.kv.createRevision == event.kv.modRevision
        guard isCreate || previous != nil else {
            throw .storage(.unavailable(reason: "etcd at \(endpoint) sent an update of \(event.kv.keyText) at \(event.kv.modRevision) without its previous value"))
        }
        return StoreEvent(revision: event.kv.modRevision, key: event.kv.keyText, value: event.kv.stored, previous: previous)
    }
}

/// The body of an HTTP watch response, line by line.
typealias HTTPLineSequenceOfBody = HTTPLineSequence<AsyncThrowingStream<[UInt8], Error>>

/// How far a watch has delivered: the newest revision, and how many of its events.
///
/// A revision may hold several events (a transaction writing several keys), so resuming
/// "after revision R" would lose the rest of R's events if the stream broke in the middle
/// of them. A resumed watch starts *at* R and skips as many of R's events as were given out.
struct WatchPosition {
    /// The newest revision delivered (at first, the watch's `after`).
    private(set) var revision: Int64
    /// How many of `revision`'s events were delivered; `Int.max` when all of them count as
    /// delivered (the `after` revision, whose events the watcher does not want).
    private var deliveredAtRevision = Int.max
    /// How many of `revision`'s events this connection has shown so far.
    private var seenAtRevision = 0

    init(after: Int64) { revision = after }

    /// A new stream replays from `revision` again.
    mutating func reconnected() { seenAtRevision = 0 }

    /// Whether the event at `eventRevision` is new to the watcher; records it as delivered if so.
    mutating func admits(_ eventRevision: Int64) -> Bool {
        if eventRevision > revision {
            revision = eventRevision
            deliveredAtRevision = 1
            seenAtRevision = 1
            return true
        }
        guard eventRevision == revision else { return false }
        seenAtRevision += 1
        guard seenAtRevision > deliveredAtRevision else { return false }
        deliveredAtRevision += 1
        return true
    }
}
