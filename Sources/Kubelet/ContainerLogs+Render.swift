// Stage 1 · Kubelet: turning CRI log entries back into what the container printed.
//
// Each line of a log file is one entry, `2016-10-06T00:17:09.669794202Z stdout F hello`
// (`ContainerLogs.swift`). `kubectl logs` wants the text: `hello` and a newline (none
// after a `P` entry, whose line goes on in the next entry). Its options act here, as in
// Kubernetes' `kuberuntime/logs` package:
//
//   --timestamps      each entry's text is preceded by its time (RFC 3339, nanoseconds,
//                     trailing zeros dropped as Go's RFC3339Nano does) and a space;
//   --since/--since-time   entries older than the given time are left out;
//   --limit-bytes     the answer stops after that many bytes, mid-line if need be.
//
// `--tail` is applied before, to the file's lines. A line that is not a CRI entry (a log
// written before the runtime time-stamped lines) is passed on as it is.

import Foundation

/// The options of one log request (Kubernetes' `PodLogOptions`, as the kubelet applies them).
struct ContainerLogOptions: Sendable, Equatable {
    var tailLines: Int?
    /// Leave out entries older than this (a CRI timestamp, which compares as text).
    var since: String?
    var timestamps = false
    /// Stop after this many bytes of answer.
    var limitBytes: Int?
}

extension ContainerLogs {
    /// One entry of a log file: its time (nil for a line that is not an entry), its text, and
    /// whether its line ends here (`F`) or goes on in the next entry (`P`).
    struct Entry: Equatable {
        var timestamp: String?
        var text: ArraySlice<UInt8>
        var isFullLine: Bool

        /// Reads `line` (without its newline) as a CRI entry, or as plain text.
        init(_ line: ArraySlice<UInt8>) {
            let fields = line.split(separator: 0x20, maxSplits: 3, omittingEmptySubsequences: false)
            if fields.count >= 3, ContainerLogs.isTimestamp(fields[0]),
               ["stdout", "stderr"].contains(String(decoding: fields[1], as: UTF8.self)),
               fields[2] == [0x46] || fields[2] == [0x50] {
                timestamp = String(decoding: fields[0], as: UTF8.self)
                isFullLine = fields[2] == [0x46]
                text = fields.count == 4 ? fields[3] : []
            } else {
                timestamp = nil
                isFullLine = true
                text = line
            }
        }
    }

    /// What the container printed, from `bytes` of its log file, with `options` applied;
    /// `budget` is what is left of `--limit-bytes` (nil: no limit) and is used up as it goes.
    static func render(_ bytes: [UInt8], options: ContainerLogOptions, budget: inout Int?) -> [UInt8] {
        var output: [UInt8] = []
        guard !bytes.isEmpty else { return output }
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if bytes.last == 0x0A { lines.removeLast() }
        for line in lines {
            if budget == 0 { break }
            let entry = Entry(line)
            if let since = options.since, let timestamp = entry.timestamp, timestamp < since { continue }
            var piece: [UInt8] = []
            if options.timestamps, let timestamp = entry.timestamp {
                piece += Array(goTimestamp(timestamp).utf8) + [0x20]
            }
            piece += entry.text
            if entry.isFullLine { piece.append(0x0A) }
            if let left = budget {
                piece = Array(piece.prefix(left))
                budget = left - piece.count
            }
            output += piece
        }
        return output
    }

    /// True when `field` looks like a CRI timestamp: `YYYY-MM-DDTHH:MM:SS…Z`.
    static func isTimestamp(_ field: ArraySlice<UInt8>) -> Bool {
        field.count >= 20 && field.last == 0x5A && field[field.startIndex + 10] == 0x54
    }

    /// A CRI timestamp as Go's RFC3339Nano writes it: trailing zeros of the fraction dropped.
    static func goTimestamp(_ timestamp: String) -> String {
        guard let dot = timestamp.firstIndex(of: "."), timestamp.hasSuffix("Z") else { return timestamp }
        var fraction = timestamp[timestamp.index(after: dot)..<timestamp.index(before: timestamp.endIndex)]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        return String(timestamp[..<dot]) + (fraction.isEmpty ? "" : "." + fraction) + "Z"
    }

    /// `date` as a CRI timestamp (UTC, nine fractional digits), for comparing with entries.
    static func criTimestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let whole = date.timeIntervalSince1970.rounded(.down)
        let nanoseconds = String(Int(((date.timeIntervalSince1970 - whole) * 1_000_000_000).rounded(.down)))
        let seconds = String(formatter.string(from: Date(timeIntervalSince1970: whole)).dropLast())  // without its Z
        return seconds + "." + String(repeating: "0", count: max(0, 9 - nanoseconds.count)) + nanoseconds + "Z"
    }
}
