// Stage 1 · Test harness: a unique scratch directory per test.
//
// Tests run in parallel, so none may share a fixed path. Each test that needs files
// makes its own directory and removes it when done.

import Foundation

/// A fresh directory under the system temporary directory; made and removed by a test.
struct TemporaryDirectory {
    /// The directory's location.
    let url: URL

    /// Creates a new, empty, uniquely named directory.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("harness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Writes `text` to `name` inside the directory and returns its URL.
    func write(_ text: String, to name: String, executable: Bool = false) throws -> URL {
        let file = url.appendingPathComponent(name)
        try Data(text.utf8).write(to: file)
        if executable { try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path) }
        return file
    }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
