// Stage 1 · Test harness: everything a child process has printed so far.
//
// A `StageProcess` feeds the bytes it reads from the child into a `ProcessOutput`, and
// tests look at it two ways: as complete lines (`waitForLine`, failure messages that
// show the last lines) and as raw bytes (the notebook runner cuts a cell's output out
// of the byte stream between two markers). It is a plain value: the `StageProcess`
// keeps it behind a mutex.

/// The output of one child so far, as bytes and as lines; owned by `StageProcess`.
struct ProcessOutput: Sendable {
    /// Every byte received, in order.
    private(set) var bytes: [UInt8] = []
    /// Every complete line received, without its newline.
    private(set) var lines: [String] = []
    /// True once the child's end of the pipe is closed (by it and by all it started).
    private(set) var isFinished = false
    /// Bytes after the last newline, not yet a line.
    private var partialLine: [UInt8] = []

    /// Adds bytes read from the pipe; called by the reader thread.
    mutating func append(_ chunk: some Collection<UInt8>) {
        bytes.append(contentsOf: chunk)
        for byte in chunk {
            if byte == UInt8(ascii: "\n") {
                lines.append(Self.decode(partialLine))
                partialLine.removeAll(keepingCapacity: true)
            } else {
                partialLine.append(byte)
            }
        }
    }

    /// Marks end-of-file; an unterminated last line becomes a line.
    mutating func finish() {
        if !partialLine.isEmpty {
            lines.append(Self.decode(partialLine))
            partialLine.removeAll()
        }
        isFinished = true
    }

    /// The last `count` lines (and an unterminated last line), for failure messages.
    func tail(_ count: Int) -> [String] {
        var result = Array(lines.suffix(count))
        if !partialLine.isEmpty { result.append(Self.decode(partialLine)) }
        return Array(result.suffix(count))
    }

    /// Decodes bytes as UTF-8, replacing invalid sequences rather than failing.
    private static func decode(_ bytes: [UInt8]) -> String {
        var line = String(decoding: bytes, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
