// Stage 3 · StoreWatch tests: stores to wrap, scratch directories, and reading a watch with a deadline.
//
// Tests run in parallel, so each durable store gets its own directory, removed at the
// end. Reading a watch never waits without a deadline: `collect` ends the test with a
// failure instead of hanging when an expected event does not come.

import Common
import Foundation
import Storage
import StoreWatch
@testable import TestSupport

/// A fresh, uniquely named directory for one test's store; removed by the test.
struct ScratchDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("storewatch-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// A new directory holding copies of this one's files: what a `kill -9` at this moment
    /// would leave on disk, since the store fsyncs every write before acknowledging it.
    func copy() throws -> ScratchDirectory {
        let copy = try ScratchDirectory()
        for name in ["log", "snapshot"] where FileManager.default.fileExists(atPath: path + "/" + name) {
            try FileManager.default.copyItem(atPath: path + "/" + name, toPath: copy.path + "/" + name)
        }
        return copy
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The two stage-2 stores that report their commits; watch tests run on both.
enum BaseStoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory, durable

    var description: String { rawValue }

    /// Runs `body` with a fresh watchable store over a store of this kind, then cleans up.
    func withStore(limits: WatchLimits = .standard, _ body: (WatchableStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(await WatchableStore(MemoryStore(), limits: limits))
        case .durable:
            let directory = try ScratchDirectory()
            defer { directory.remove() }
            let base = try DurableStore(directory: directory.path, logger: .silent)
            try await body(await WatchableStore(base, limits: limits))
            await base.close()
        }
    }
}

/// What a watch delivered before it stopped: its events, and the error that ended it, if any.
struct Delivered: Sendable {
    var events: [StoreEvent] = []
    var error: HistoryError?
}

/// Reads `stream` until `isLast` holds for an event, or the stream ends; fails after `seconds`.
func collect(
    _ stream: AsyncThrowingStream<StoreEvent, any Error>, seconds: Double = 60,
    until isLast: @escaping @Sendable (StoreEvent) -> Bool = { _ in false }
) async throws -> Delivered {
    try await withDeadline(seconds: seconds) {
        var delivered = Delivered()
        do {
            for try await event in stream {
                delivered.events.append(event)
                if isLast(event) { break }
            }
        } catch let error as HistoryError {
            delivered.error = error
        }
        return delivered
    }
}

extension Data {
    /// The UTF-8 bytes of `text`, for short test values.
    init(_ text: String) { self = Data(text.utf8) }
}
