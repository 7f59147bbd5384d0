// Stage 1 · Common: the logger every component receives.
//
// Every component of the cluster writes one readable line per event to standard error,
// in the form `kubelet: started container name=web pod=hello-node1`: fixed text first,
// then the data as key=value fields. A component never makes its own logger; whoever
// builds it (a stage's composition root, or a test) hands one in, with the component's
// name as its label. Tests pass a logger whose sink collects lines instead of printing.

import Foundation
import Synchronization

/// A labelled, structured line logger, handed to each component by whoever builds it.
public struct Logger: Sendable {
    /// How loud a line is; lines quieter than the logger's level are dropped.
    public enum Level: Int, Sendable, Comparable, CustomStringConvertible {
        case debug, info, warning, error

        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }

        public var description: String {
            switch self {
            case .debug: "debug"
            case .info: "info"
            case .warning: "warning"
            case .error: "error"
            }
        }
    }

    /// Where finished lines go: standard error by default, a collector in tests.
    public typealias Sink = @Sendable (String) -> Void

    /// The component name that starts every line, such as `kubelet`.
    public let label: String
    /// The quietest level that is written.
    public var level: Level
    private let sink: Sink

    /// Makes a logger for one component; lines go to `sink` (standard error by default).
    public init(label: String, level: Level = .info, sink: @escaping Sink = Logger.standardError) {
        self.label = label
        self.level = level
        self.sink = sink
    }

    /// The same sink and level under another label, for a sub-component.
    public func labelled(_ label: String) -> Logger {
        Logger(label: label, level: level, sink: sink)
    }

    /// Writes `label: message key=value …` when `level` is loud enough.
    ///
    /// Values containing spaces or quotes are quoted so a line always splits cleanly.
    public func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, Any> = [:]) {
        guard level >= self.level else { return }
        var line = "\(label): "
        if level >= .warning { line += "\(level) " }
        line += message
        for (key, value) in fields {
            line += " \(key)=\(Logger.quoted(String(describing: value)))"
        }
        sink(line)
    }

    /// Logs a line for a developer following the details.
    public func debug(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) { log(.debug, message, fields) }
    /// Logs an ordinary event, such as a container starting.
    public func info(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) { log(.info, message, fields) }
    /// Logs something that went wrong but that the component survives.
    public func warning(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) { log(.warning, message, fields) }
    /// Logs a failure the component could not work around.
    public func error(_ message: String, _ fields: KeyValuePairs<String, Any> = [:]) { log(.error, message, fields) }

    /// Quotes a field value when it would otherwise be ambiguous on the line.
    static func quoted(_ value: String) -> String {
        if value.isEmpty { return "\"\"" }
        let needsQuotes = value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\n" }
        guard needsQuotes else { return value }
        let escaped = value
            .replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }

    /// Writes a line to standard error in one `write`, so lines from many tasks never interleave.
    public static let standardError: Sink = { line in
        let bytes = Array((line + "\n").utf8)
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(2, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// A logger that drops every line, for components built in tests that don't read logs.
    public static let silent = Logger(label: "silent", level: .error, sink: { _ in })
}

/// Collects log lines in memory, so a test can assert on what a component said.
public final class LogCollector: Sendable {
    private let lines = Mutex<[String]>([])

    public init() {}

    /// A logger with `label` whose lines land in this collector.
    public func logger(label: String, level: Logger.Level = .debug) -> Logger {
        Logger(label: label, level: level) { [self] line in lines.withLock { $0.append(line) } }
    }

    /// Every line collected so far, oldest first.
    public var collected: [String] { lines.withLock { $0 } }
}
