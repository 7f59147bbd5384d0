// Stage 3 · EtcdStore: one watch of etcd, read a message at a time, re-opened when it breaks.
//
// See EtcdStore+Watch.swift for what the watch promises. This is the loop that keeps the
// promise: `next()` hands out the events of the last message read; when there are none
// left it reads the next line of the stream; when the stream has broken it opens the
// watch again, on whichever member answers, from `WatchPosition`. An actor, because the
// stream's reader may be any task, and the open connection must be used by one at a time.
//
// A reader that asks for progress also asks etcd for `progress_notify`: etcd then sends,
// every `--experimental-watch-progress-notify-interval` (10 minutes unless its operator
// says otherwise) and only once the watch has caught up, a message with no events whose
// header is the store's revision: every event up to it has been sent. That becomes
// `.progress(revision)`, and the resume point moves up to it.

import HTTPClient
import Storage
import StoreWatch
import struct Foundation.Data

/// The state of one watch of etcd; `EtcdStore.watch` makes one per stream.
actor EtcdWatchReader {
    private let store: EtcdStore
    private let prefix: String
    private var position: WatchPosition
    /// The open stream and the member serving it; nil before the first open and after a break.
    private var connection: (endpoint: String, lines: HTTPLineSequence<AsyncThrowingStream<[UInt8], Error>>.Iterator)?
    /// Events of the last message not handed out yet.
    private var pending: [StoreWatchItem] = []
    /// Whether etcd's progress notifications are asked for and handed out.
    private let wantsProgress: Bool
    private let decoder = EtcdClient.decoder
    /// When the streams began failing without a message read between; nil while they work.
    private var failingSince: ContinuousClock.Instant?

    init(store: EtcdStore, prefix: String, after revision: Int64, progress: Bool) {
        self.store = store
        self.prefix = prefix
        self.wantsProgress = progress
        self.position = WatchPosition(after: revision)
    }

    /// The next event (or progress), waiting for it; throws `HistoryError` when the watch cannot go on.
    func next() async throws -> StoreWatchItem? {
        while pending.isEmpty {
            try Task.checkCancellation()
            if connection == nil { try await open() }
            guard var current = connection else { continue }
            let line: String?
            do {
                line = try await current.lines.next(isolation: self)
            } catch {
                try Task.checkCancellation()
                store.logger.warning(
                    "etcd watch broke, watching again", ["endpoint": current.endpoint, "after": position.revision, "error": error])
                try await reconnectSoon(after: "the stream from \(current.endpoint) broke: \(error)")
                continue
            }
            guard let line else {
                store.logger.warning(
                    "etcd watch stream ended, watching again", ["endpoint": current.endpoint, "after": position.revision])
                try await reconnectSoon(after: "the stream from \(current.endpoint) ended")
                continue
            }
            connection = current
            do {
                try take(line, from: current.endpoint)
                failingSince = nil
            } catch let failure as EtcdFailure {
                // The member is failing (stopping, lost its leader): watch again elsewhere.
                store.logger.warning("etcd watch failed, watching again", ["endpoint": current.endpoint, "error": failure])
                try await reconnectSoon(after: failure.description)
            }
        }
        return pending.removeFirst()
    }

    /// Opens the watch from the position reached, on the first member that answers.
    private func open() async throws(HistoryError) {
        let request = EtcdWatchRequest(createRequest: EtcdWatchCreateRequest(
            key: EtcdKeys.prefixStart(prefix), rangeEnd: EtcdKeys.prefixEnd(prefix),
            startRevision: max(position.revision, StorageLimits.initialRevision), prevKv: true,
            progressNotify: wantsProgress ? true : nil))
        do {
            let opened = try await store.client.openWatch(request)
            connection = (opened.endpoint, opened.lines.makeAsyncIterator())
            position.reconnected()
        } catch {
            throw .storage(error.storageError)
        }
    }

    /// Drops the broken stream; the next `open` is a moment later, so a member that
    /// breaks every stream at once is not asked again in a tight loop. Streams that keep
    /// breaking, with nothing read between, end the watch after the client's patience:
    /// members that answer but cannot serve (no leader) are as good as none.
    private func reconnectSoon(after problem: String) async throws {
        connection = nil
        let now = ContinuousClock.now
        if let failingSince, now - failingSince > store.client.patience {
            let reason = "the etcd watch of \(prefix) kept failing for \(store.client.patience): \(problem)"
            throw HistoryError.storage(.unavailable(reason: reason))
        }
        if failingSince == nil { failingSince = now }
        try await Task.sleep(for: EtcdLimits.failoverPause)
    }

    /// Reads one line of the stream into `pending`, skipping the events the reader has
    /// (or does not want) before reading them: those at the start revision may lack their
    /// previous value. Throws `HistoryError` for a refused watch, `EtcdFailure` for a failing member.
    private func take(_ line: String, from endpoint: String) throws {
        guard !line.isEmpty else { return }
        let message: EtcdWatchStreamMessage
        do {
            message = try decoder.decode(EtcdWatchStreamMessage.self, from: Data(line.utf8))
        } catch {
            throw HistoryError.storage(.unavailable(reason: "etcd at \(endpoint) sent a watch message that is not etcd's JSON: \(error)"))
        }
        if let error = message.error {
            throw EtcdFailure.refused(code: error.grpcCode ?? 0, message: error.message ?? "watch failed", endpoint: endpoint)
        }
        guard let result = message.result else { return }
        if result.compactRevision > 0 {
            store.noteCompacted(through: result.compactRevision)
            throw HistoryError.compacted(requested: position.revision, compactRevision: result.compactRevision)
        }
        if result.canceled == true {
            let reason = "etcd at \(endpoint) canceled the watch: \(result.cancelReason ?? "no reason given")"
            throw HistoryError.storage(.unavailable(reason: reason))
        }
        let revision = result.header?.revision ?? 0
        store.note(revision: revision)
        guard let events = result.events, !events.isEmpty else {
            // No events and not the `created` answer (whose revision comes before the replay):
            // a progress notification.
            if wantsProgress, result.created != true, revision > 0, position.passed(revision) {
                pending.append(.progress(revision: revision))
            }
            return
        }
        for event in events where position.admits(event.kv.modRevision) {
            pending.append(.event(try Self.storeEvent(event, from: endpoint)))
        }
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
            let what = "an update of \(event.kv.keyText) at \(event.kv.modRevision) without its previous value"
            throw .storage(.unavailable(reason: "etcd at \(endpoint) sent \(what)"))
        }
        return StoreEvent(revision: event.kv.modRevision, key: event.kv.keyText, value: event.kv.stored, previous: previous)
    }
}
