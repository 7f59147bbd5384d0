// Stage 1 · Kubelet: replacing a volume's files all at once (Kubernetes' `AtomicWriter`).
//
// A program reading a configMap volume must never see some files of the old ConfigMap
// and some of the new. So the files are never rewritten in place: a new payload is
// written into a fresh hidden directory, then the `..data` link is pointed at it by
// renaming a new link over the old one (a rename is atomic), then the old directory is
// removed. The names a program sees are links through `..data`, made once:
//
//   app.conf   -> ..data/app.conf
//   ..data     -> ..2024_05_01_10_00_00.123456789
//   ..2024_05_01_10_00_00.123456789/app.conf
//
// An unchanged payload is not rewritten. Paths come from the pod spec and are checked
// here too: relative, without `..`, and not starting with `..` (the writer's own names).
//
// The process runtime cannot make a volume read-only, so a container may have changed
// anything in this directory since the last write: replaced a file by a link to
// `/etc/shadow` or `/dev/zero`, pointed `..data` at `../../..`. Everything here is therefore
// done through `ConfinedDirectory`, which never follows a link, and `..data` is believed
// only when it names one of the writer's own directories.

import Common
import Foundation

/// Writes one volume directory's payload atomically.
struct AtomicWriter {
    /// One file of a payload.
    struct File: Equatable {
        var contents: [UInt8]
        /// Permission bits, such as 0o644.
        var mode: Int32
    }

    static let dataLink = "..data"
    /// The largest file read back to compare payloads: a ConfigMap or Secret holds at most
    /// 1 MiB in all, so anything bigger is not the writer's and the payload is rewritten.
    static let readLimit = 1 << 20
    let directory: URL

    /// Makes the directory hold exactly `payload`, unless it already does.
    func write(_ payload: [String: File]) throws {
        for path in payload.keys {
            let parts = path.split(separator: "/")
            guard !path.hasPrefix("/"), !path.isEmpty, !parts.contains(".."), !path.hasPrefix("..") else {
                throw KubeletError("invalid path \(path): must be relative, without '..'")
            }
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let volume = try ConfinedDirectory(path: directory.path)
        let old = volume.linkDestination(Self.dataLink).flatMap { Self.isPayloadName($0) ? $0 : nil }
        if let old, let current = try? volume.directory([old]), Self.read(current) == payload { return }

        let stamp = "..\(Self.timestamp())"
        let fresh = try volume.directory([stamp], create: true)
        for (path, file) in payload {
            let parts = path.split(separator: "/").map(String.init)
            let parent = try fresh.directory(Array(parts.dropLast()), create: true)
            try parent.writeNewFile(parts.last!, contents: file.contents, mode: mode_t(file.mode))
        }
        let temporaryLink = "..data_tmp"
        volume.removeEntry(temporaryLink)
        try volume.makeLink(temporaryLink, to: stamp)
        try volume.rename(temporaryLink, to: Self.dataLink)
        // The visible names: a link per top-level name, and none for names no longer there.
        // Only links and files are removed; a directory a container made is left to it.
        let visible = Set(payload.keys.map { String($0.split(separator: "/").first!) })
        for name in volume.names() where !name.hasPrefix("..") && !visible.contains(name) {
            volume.removeEntry(name)
        }
        for name in visible where volume.linkDestination(name) != "\(Self.dataLink)/\(name)" {
            volume.removeEntry(name)
            try volume.makeLink(name, to: "\(Self.dataLink)/\(name)")
        }
        // `old` is a single name of the writer's own form, so this stays inside the volume;
        // a recursive removal deletes links it meets, never what they point to.
        if let old, old != stamp { try? FileManager.default.removeItem(at: directory.appending(path: old)) }
    }

    /// Whether `name` is one of the writer's payload directories (`..2024_05_01_…`), the only
    /// thing `..data` is believed to point to.
    static func isPayloadName(_ name: String) -> Bool {
        name.hasPrefix("..") && name.count > 2 && !name.contains("/") && name != dataLink
            && name.dropFirst(2).allSatisfy { $0.isNumber || $0 == "_" || $0 == "." }
    }

    /// The payload a previous write left in `directory`, for comparison; links, special files
    /// and files over `readLimit` make it differ.
    private static func read(_ directory: borrowing ConfinedDirectory, prefix: String = "") -> [String: File]? {
        var payload: [String: File] = [:]
        for name in directory.names() {
            switch directory.kind(of: name) {
            case .file:
                guard let file = directory.readRegularFile(name, limit: readLimit) else { return nil }
                payload[prefix + name] = File(contents: file.contents, mode: Int32(file.mode))
            case .directory:
                guard let inner = try? directory.directory([name]),
                      let files = read(inner, prefix: prefix + name + "/") else { return nil }
                payload.merge(files) { first, _ in first }
            default:
                return nil
            }
        }
        return payload
    }

    /// A unique, sortable name for a payload directory, like Kubernetes' `..2024_05_01_10_00_00.123456789`.
    static func timestamp() -> String {
        let now = Date().timeIntervalSince1970
        let seconds = Int(now)
        let nanos = Int((now - Double(seconds)) * 1_000_000_000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d_%02d_%02d_%02d_%02d_%02d.%09d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec), nanos)
    }
}
