// Stage 2 · HTTPClient: a byte stream cut into lines, as watch events and logs are read.
//
// A watch response is newline-separated JSON events; `kubectl logs -f` is lines of text.
// The network cuts neither at line boundaries: one read may hold half an event, the next
// the rest and two more. This sequence buffers until a line feed and hands out whole
// lines, without their `\n` or `\r\n`; a last line without a line feed is handed out at
// the end of the stream. It pulls from its base only when asked, keeping back-pressure.

/// Lines of the byte pieces of `Base`; made by `HTTPClient.lines(of:)`.
public struct HTTPLineSequence<Base: AsyncSequence>: AsyncSequence where Base.Element == [UInt8] {
    /// The longest line held before giving up: room for the largest object the API server
    /// accepts (3 MiB) as a watch event, several times over.
    public static var maxLineBytes: Int { 16 * 1024 * 1024 }

    /// A line was longer than `maxLineBytes`.
    public struct LineTooLong: Error, CustomStringConvertible {
        public var description: String { "line longer than \(HTTPLineSequence.maxLineBytes) bytes" }
    }

    private let base: Base

    init(_ base: Base) {
        self.base = base
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator())
    }

    /// Reads pieces of `base` and hands out the lines they hold.
    public struct Iterator: AsyncIteratorProtocol {
        private var base: Base.AsyncIterator
        private var buffer: [UInt8] = []
        // `buffer[..<scanned]` holds no line feed, so each byte is searched once.
        private var scanned = 0
        private var baseEnded = false

        init(base: Base.AsyncIterator) {
            self.base = base
        }

        /// The next line without its ending; nil when the base has ended and nothing is left.
        public mutating func next() async throws -> String? {
            while true {
                if let lineFeed = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                    var line = buffer[..<lineFeed]
                    if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
                    let text = String(decoding: line, as: UTF8.self)
                    buffer.removeSubrange(...lineFeed)
                    scanned = 0
                    return text
                }
                scanned = buffer.count
                if baseEnded {
                    guard !buffer.isEmpty else { return nil }
                    defer { buffer = [] ; scanned = 0 }
                    return String(decoding: buffer, as: UTF8.self)
                }
                guard buffer.count <= HTTPLineSequence.maxLineBytes else { throw LineTooLong() }
                if let piece = try await base.next() {
                    buffer += piece
                } else {
                    baseEnded = true
                }
            }
        }
    }
}

extension HTTPLineSequence: Sendable where Base: Sendable {}
