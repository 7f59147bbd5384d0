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
    let directory: URL

    /// Makes the directory hold exactly `payload`, unless it already does.
    func write(_ payload: [String: File]) throws {
        let files = FileManager.default
        for path in payload.keys {
            let parts = path.split(separator: "/")
            guard !path.hasPrefix("/"), !path.isEmpty, !parts.contains(".."), !path.hasPrefix("..") else {
                throw KubeletError("invalid path \(path): must be relative, without '..'")
            }
        }
        try files.createDirectory(at: directory, withIntermediateDirectories: true)
        let dataLink = directory.appending(path: Self.dataLink).path
        let old = try? files.destinationOfSymbolicLink(atPath: dataLink)
        if let old, try read(directory.appending(path: old)) == payload { return }

        let stamp = Self.timestamp()
        let fresh = directory.appending(path: "..\(stamp)", directoryHint: .isDirectory)
        try files.createDirectory(at: fresh, withIntermediateDirectories: true)
        for (path, file) in payload {
            let target = fresh.appending(path: path)
            try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents).write(to: target)
            try files.setAttributes([.posixPermissions: Int(file.mode)], ofItemAtPath: target.path)
        }
        let temporaryLink = directory.appending(path: "..data_tmp").path
        try? files.removeItem(atPath: temporaryLink)
        try files.createSymbolicLink(atPath: temporaryLink, withDestinationPath: "..\(stamp)")
        guard rename(temporaryLink, dataLink) == 0 else {
            throw KubeletError("cannot switch \(dataLink): errno \(errno)")
        }
        // The visible names: a link per top-level name, and none for names no longer there.
        let visible = Set(payload.keys.map { String($0.split(separator: "/").first!) })
        for name in (try? files.contentsOfDirectory(atPath: directory.path)) ?? [] where !name.hasPrefix("..") {
            if !visible.contains(name) { try? files.removeItem(at: directory.appending(path: name)) }
        }
        for name in visible where (try? files.destinationOfSymbolicLink(atPath: directory.appending(path: name).path)) == nil {
            try files.createSymbolicLink(atPath: directory.appending(path: name).path, withDestinationPath: "\(Self.dataLink)/\(name)")
        }
        if let old, old != "..\(stamp)" { try? files.removeItem(at: directory.appending(path: old)) }
    }

    /// The payload a previous write left in `directory`, for comparison.
    private func read(_ directory: URL) throws -> [String: File] {
        var payload: [String: File] = [:]
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return payload
        }
        let base = directory.standardizedFileURL.path
        for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count + 1))
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            let mode = (attributes[.posixPermissions] as? NSNumber)?.int32Value ?? 0
            payload[path] = File(contents: Array(try Data(contentsOf: url)), mode: mode)
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
