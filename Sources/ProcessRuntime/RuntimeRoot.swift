// Stage 1 · ProcessRuntime: the process runtime's directory, and how records are written.
//
// The layout under the root (like containerd's `/var/lib/containerd` and `/run/containerd`):
//
//     <root>/sandboxes/<id>/sandbox.json      the sandbox's record
//     <root>/sandboxes/<id>/logs/…            container logs, when the kubelet gave no log directory
//     <root>/containers/<id>/container.json   the container's record
//     <root>/containers/<id>/rootfs/          the container's stand-in root directory
//
// Records are written atomically (to a temporary file, then renamed over the old one), so a
// runtime killed halfway through a write leaves the previous record, never half of a new one.

import CRI
import Foundation

/// The paths under a process runtime's root and the reading and writing of its records.
struct RuntimeRoot: Sendable {
    /// The root directory itself.
    let path: String

    /// The directory holding one directory per sandbox.
    var sandboxesDirectory: String { path + "/sandboxes" }
    /// The directory holding one directory per container.
    var containersDirectory: String { path + "/containers" }

    func sandboxDirectory(_ id: String) -> String { sandboxesDirectory + "/" + id }
    /// The record file of one sandbox.
    func sandboxRecord(_ id: String) -> String { sandboxDirectory(id) + "/sandbox.json" }
    func containerDirectory(_ id: String) -> String { containersDirectory + "/" + id }
    /// The record file of one container.
    func containerRecord(_ id: String) -> String { containerDirectory(id) + "/container.json" }
    /// The stand-in root filesystem of one container.
    func rootfs(_ id: String) -> String { containerDirectory(id) + "/rootfs" }

    /// Makes the root and its two directories when they do not exist yet.
    func prepare() throws {
        for directory in [sandboxesDirectory, containersDirectory] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
    }

    /// Writes a record as JSON, atomically.
    func write<Record: Encodable>(_ record: Record, to file: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(record).write(to: URL(fileURLWithPath: file), options: .atomic)
    }

    /// Reads every record named `fileName` in the subdirectories of `directory`; returns the
    /// records and the files that could not be read, so the caller can log them.
    func readAll<Record: Decodable>(_ type: Record.Type, in directory: String, fileName: String) -> (records: [Record], unreadable: [String]) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var records: [Record] = []
        var unreadable: [String] = []
        for entry in entries.sorted() {
            let file = directory + "/" + entry + "/" + fileName
            guard let data = FileManager.default.contents(atPath: file),
                  let record = try? decoder.decode(Record.self, from: data) else {
                unreadable.append(file)
                continue
            }
            records.append(record)
        }
        return (records, unreadable)
    }

    /// Deletes a file or directory tree, ignoring one that is already gone.
    func remove(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try FileManager.default.removeItem(atPath: path)
    }
}
