// Stage 2 · Storage tests: scratch directories, store factories and file surgery.
//
// Tests run in parallel, so each makes its own uniquely named directory and removes it.
// The recovery tests damage files on purpose; the helpers here read, cut and copy them.

import Common
import Foundation
@testable import Storage

/// A fresh directory for one test's data; removed by the test when done.
struct ScratchDirectory {
    /// The directory's path.
    let path: String

    /// Creates a new, empty, uniquely named directory.
    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("storage-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the directory.
    func file(_ name: String) -> String { path + "/" + name }

    /// The bytes of `name`.
    func read(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: file(name))))
    }

    /// Replaces `name` with `bytes`.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    /// True when `name` exists.
    func contains(_ name: String) -> Bool { FileManager.default.fileExists(atPath: file(name)) }

    /// A new scratch directory holding copies of this one's `log` and `snapshot`: what a
    /// `kill -9` at this moment would leave on disk (the store writes synchronously, so the
    /// files hold every acknowledged write and nothing else).
    func copy() throws -> ScratchDirectory {
        let copy = try ScratchDirectory()
        for name in ["log", "snapshot"] where contains(name) {
            try FileManager.default.copyItem(atPath: file(name), toPath: copy.file(name))
        }
        return copy
    }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The two stores that keep the `KeyValueStore` contract; contract tests run on both.
enum StoreKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case memory, durable

    var description: String { rawValue }

    /// Runs `body` with a fresh store of this kind, then closes it and removes its files.
    func withStore(_ body: (any KeyValueStore) async throws -> Void) async throws {
        switch self {
        case .memory:
            try await body(MemoryStore())
        case .durable:
            let directory = try ScratchDirectory()
            defer { directory.remove() }
            let store = try DurableStore(directory: directory.path, logger: .silent)
            try await body(store)
            await store.close()
        }
    }
}

/// The offsets where each record of a log file starts, read with the store's own scanner.
func recordOffsets(ofLog bytes: [UInt8]) throws -> [Int] {
    try RecordScan(bytes, from: DataDirectory.logMagic.count, file: "log", allowsTornTail: true).records.map(\.offset)
}

extension Data {
    /// The UTF-8 bytes of `text`, for short test values.
    init(_ text: String) { self = Data(text.utf8) }
}

extension DurableStore {
    /// Opens a store in `directory` with a silent logger unless one is given.
    static func open(_ directory: ScratchDirectory, thresholds: CompactionThresholds = .standard, logger: Logger = .silent) throws -> DurableStore {
        try DurableStore(directory: directory.path, thresholds: thresholds, logger: logger)
    }
}
