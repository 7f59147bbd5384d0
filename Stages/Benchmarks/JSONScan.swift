// Stage 3 · bench: finding a field in JSON bytes without decoding them.
//
// A benchmark's client must cost little beside the server it measures, or it measures
// itself: a watcher reads each event's `resourceVersion`, and a list's reader its
// `continue` token (the list's metadata comes after its items: keys are sorted), by searching the bytes (`memchr`) rather than decoding a megabyte of
// JSON. Good enough for our own answers and etcd's, whose strings hold no escaped quotes
// in these fields.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum JSONScan {
    /// Where each occurrence of `needle` starts in `haystack`.
    static func offsets(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> [Int] {
        var found: [Int] = []
        haystack.withUnsafeBytes { buffer in
            needle.withUnsafeBytes { pattern in
                guard let base = buffer.baseAddress, let patternBase = pattern.baseAddress, !needle.isEmpty else { return }
                var offset = 0
                // memchr for the first byte, memcmp for the rest (glibc hides memmem).
                while offset + needle.count <= buffer.count,
                      let hit = memchr(base + offset, Int32(needle[0]), buffer.count - offset - needle.count + 1) {
                    let position = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(hit, patternBase, needle.count) == 0 {
                        found.append(haystack.startIndex + position)
                        offset = position + needle.count
                    } else {
                        offset = position + 1
                    }
                }
            }
        }
        return found
    }

    /// The string that follows the first `prefix` (such as `"continue":"`), up to its closing quote.
    static func string(after prefix: String, in bytes: ArraySlice<UInt8>) -> String? {
        offsets(of: Array(prefix.utf8), in: bytes).first.flatMap { value(at: $0 + prefix.utf8.count, in: bytes) }
    }

    /// The string that follows the last `prefix`.
    static func lastString(after prefix: String, in bytes: [UInt8]) -> String? {
        offsets(of: Array(prefix.utf8), in: bytes[...]).last.flatMap { value(at: $0 + prefix.utf8.count, in: bytes[...]) }
    }

    private static func value(at start: Int, in bytes: ArraySlice<UInt8>) -> String? {
        guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
