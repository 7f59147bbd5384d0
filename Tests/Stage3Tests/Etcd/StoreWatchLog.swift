// Stage 3 · EtcdStore tests: a store watch read by a task of its own, for tests that act meanwhile.
//
// `collect` reads a watch until a condition and stops; a test that must kill an etcd
// member while a watch stays open needs the reading to go on in the background, and to
// look at what has arrived so far. `withStoreWatchLog` runs that reader for the length
// of its body and stops it after.

import StoreWatch
import Synchronization

/// The events a store watch has delivered so far, and the error that ended it, if any.
final class StoreWatchLog: Sendable {
    private let state = Mutex<(events: [StoreEvent], error: String?)>(([], nil))
    var events: [StoreEvent] { state.withLock { $0.events } }
    var error: String? { state.withLock { $0.error } }
    fileprivate func append(_ event: StoreEvent) { state.withLock { $0.events.append(event) } }
    fileprivate func end(_ error: any Error) { state.withLock { $0.error = "\(error)" } }
}

/// Runs `body` while a task reads `stream` into a log; stops the reading after it.
func withStoreWatchLog<T: Sendable>(
    _ stream: AsyncThrowingStream<StoreEvent, any Error>, _ body: (StoreWatchLog) async throws -> T
) async throws -> T {
    let log = StoreWatchLog()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            do {
                for try await event in stream { log.append(event) }
            } catch {
                log.end(error)
            }
        }
        defer { group.cancelAll() }
        return try await body(log)
    }
}
