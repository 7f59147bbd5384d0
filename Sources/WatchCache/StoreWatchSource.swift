// Stage 3 · WatchCache: the API server's watch, served from the store's history of changes.
//
// Stage 2's watch listed again and again and compared (`PollingWatch`). This one asks the
// store to `watch` the resource's key prefix from a revision, and turns each committed
// write into the event the client must see (`WatchFilter`). Where it starts follows
// Kubernetes' rules for a watch's `resourceVersion`:
//
//   unset or "0"   every current object as ADDED, all read at one revision R,
//                  then every change after R
//   N              only the changes after N
//   N too old      (the history no longer reaches back to N) one ERROR event carrying
//                  410 Expired, "too old resource version: N (M)", M being the oldest
//                  version a watch may still start from; then the stream ends, and the
//                  client lists again and watches from the list
//
// The answer is already `200 OK` when the watch starts, so a failure after that is an
// ERROR event, not an HTTP status, as in Kubernetes. With `allowWatchBookmarks=true` the
// watch sends a BOOKMARK every `bookmarkInterval` with the version it has reached, so a
// client that hears nothing still learns a version to resume from. (Here that version
// moves with this resource's writes only; the `Cacher`'s moves with the store's progress.)
// The watch ends when the client goes, when its `timeoutSeconds` are up (the sink says
// so), or when the client has fallen so far behind that it was cut off: the stream just
// ends, and the client watches again from the last version it saw, as Kubernetes' do.
//
// Each request holds one watch on the store. Kubernetes puts a watch cache in between (one
// store watch per resource, fanned out to every client): that is the `Cacher`, which hands
// this source the watches its window cannot serve, and which `stage3 --watch-cache=false`
// replaces with this one, as kube-apiserver's flag does.

import API
import APIMachinery
import APIServer
import Storage
import StoreWatch

/// Stage 3's `WatchSource`: every change, from the store's history, exactly once and in order.
public struct StoreWatchSource: WatchSource {
    /// How often a watch that asked for them is sent a BOOKMARK: Kubernetes' default.
    public static let defaultBookmarkInterval = Duration.seconds(60)
    /// How often an idle watch wakes to see whether its client has gone (its timeout wakes
    /// it on time): slow, because every idle watch pays it (see `withWatchFeed`).
    public static let defaultTickInterval = Duration.seconds(2)
    /// How many changes may wait for a slow client before its watch is ended.
    public static let defaultBufferEvents = 1000

    public let store: any WatchableKeyValueStore
    public let bookmarkInterval: Duration
    public let tickInterval: Duration
    public let bufferEvents: Int

    /// Watches served from `store`, the same store the API server writes to.
    public init(
        store: any WatchableKeyValueStore, bookmarkInterval: Duration = defaultBookmarkInterval,
        tickInterval: Duration = defaultTickInterval, bufferEvents: Int = defaultBufferEvents
    ) {
        self.store = store
        self.bookmarkInterval = bookmarkInterval
        self.tickInterval = tickInterval
        self.bufferEvents = bufferEvents
    }

    /// Sends what `request` asks for into `sink` until the sink closes, the watch fails
    /// (an ERROR event), or the client falls behind.
    public func watch<Strategy: RESTStrategy>(
        _ storage: RESTStorage<Strategy>, _ request: WatchRequest, into sink: WatchSink<Strategy>
    ) async throws {
        let filter = WatchFilter(storage: storage, labels: request.labels, fields: request.fields)
        let prefix = Strategy.Object.resource.storagePrefix(namespace: request.namespace)
        var reached: Int64
        if request.sendsCurrentState {
            guard let listed = try await sendCurrentState(prefix: prefix, filter: filter, into: sink) else { return }
            reached = listed
        } else if let version = Int64(request.resourceVersion), version > 0 {
            reached = version
        } else {
            return try await sink.send(.error(.badRequest("invalid resource version: \(request.resourceVersion)")))
        }
        let (store, after) = (store, reached)
        var lastBookmark = ContinuousClock.now
        do {
            let startWatch = { @Sendable in store.watch(prefix: prefix, after: after) }
            try await withWatchFeed(startWatch, tickInterval: tickInterval, wakeAt: [sink.closesAt], bufferEvents: bufferEvents) {
                feed, latch in
                for try await item in feed {
                    if sink.isClosed { return }
                    switch item {
                    case .change(let change):
                        reached = change.revision
                        if let event = try filter.event(for: change) { try await sink.send(event) }
                    case .tick:
                        latch.release()
                        if request.allowsBookmarks && lastBookmark.duration(to: .now) >= bookmarkInterval {
                            try await sink.send(.bookmark(resourceVersion: String(reached)))
                            lastBookmark = .now
                        }
                    }
                }
            }
        } catch let error as HistoryError {
            switch error {
            case .compacted(let requested, let compactRevision):
                try await sink.send(.error(.resourceExpired("too old resource version: \(requested) (\(compactRevision))")))
            case .fellBehind:
                return  // The client re-watches from the last version it saw.
            case .futureRevision, .storage:
                try await sink.send(.error(.internalError(error.description)))
            }
        } catch let status as Status {
            try await sink.send(.error(status))  // An object the store holds could not be read.
        }
    }

    /// Refuses a resourceVersion that is not one, and a resourceVersionMatch (400, 422).
    public func refusal(of request: WatchRequest) -> Status? {
        ResourceVersionRules.watchRefusal(request)
    }

    /// Reads lists at the version they name, from the store's past (`ListReader`).
    public func listValues(under prefix: String, _ read: ListRead) async throws(Status) -> (items: [StoredValue], revision: Int64)? {
        try await ListReader(store: store, limits: .standard).values(under: prefix, read)
    }

    /// Sends every current object in view as ADDED, all read at one revision; returns that
    /// revision, or nil after sending an ERROR.
    func sendCurrentState<Strategy: RESTStrategy>(
        prefix: String, filter: WatchFilter<Strategy>, into sink: WatchSink<Strategy>
    ) async throws -> Int64? {
        let values: [StoredValue], revision: Int64
        do {
            (values, revision) = try await store.list(prefix: prefix)
        } catch {
            try await sink.send(.error(.internalError(error.description)))
            return nil
        }
        for value in values {
            // Plain JSON and no field selector: the stored bytes go as they are, not decoded.
            switch try await sendStoredJSON(value, filter: filter, into: sink) {
            case .sent, .leftOut: continue
            case .needsObject: break
            }
            let object: Strategy.Object
            do { object = try filter.storage.object(from: value) } catch {
                try await sink.send(.error(error))
                return nil
            }
            if filter.selects(object) { try await sink.send(.added(object)) }
        }
        return revision
    }

    /// What became of a value offered as stored JSON.
    enum StoredJSONOutcome { case sent, leftOut, needsObject }

    /// Sends `value` as ADDED from its stored bytes, with its resourceVersion spliced in,
    /// when the sink wants JSON and no field selector needs the object; a label selector
    /// reads only the labels.
    private func sendStoredJSON<Strategy: RESTStrategy>(
        _ value: StoredValue, filter: WatchFilter<Strategy>, into sink: WatchSink<Strategy>
    ) async throws -> StoredJSONOutcome {
        guard filter.fields.isEmpty else { return .needsObject }
        let json = [UInt8](value.value)
        if !filter.labels.isEmpty {
            guard let labels = StoredObjectJSON.labels(in: json) else { return .needsObject }
            guard filter.labels.matches(labels) else { return .leftOut }
        }
        guard let spliced = StoredObjectJSON.withResourceVersion(json, String(value.modRevision)) else { return .needsObject }
        return try await sink.sendEncoded(type: "ADDED", objectJSON: spliced) ? .sent : .needsObject
    }
}
