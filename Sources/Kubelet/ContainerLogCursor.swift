// Stage 1 · Kubelet: walking a container's log a piece of whole lines at a time, across a rotation.
//
// The kubelet answers a log request in pieces (`ContainerLogFile`), and each piece must
// end at a line's end: an entry cut in two would be rendered as two lines
// (`ContainerLogs+Render.swift`). The cursor keeps the offset it has reached and the
// start of a line not finished yet, and hands out whole lines only; the unfinished line
// waits for its newline, or for the end of the log (`finish`).
//
// A follower (`kubectl logs -f`) reaches the end of the file and waits. If meanwhile the
// runtime rotated the log, `followRotation` has it first read what the old file still
// holds (the runtime may have written to it just before renaming it), then move to the
// new file at its start, so that no line is lost or sent twice, as Kubernetes' kubelet
// reopens a log it sees recreated while following it.

/// A position in a container's log, handing out whole lines a piece at a time.
struct ContainerLogCursor: Sendable {
    private(set) var file: ContainerLogFile
    private(set) var offset: UInt64
    /// Where a reader that is not following stops: the file's size when it was asked, so a
    /// container that keeps writing cannot keep a whole-log answer going for ever.
    let end: UInt64?
    /// The start of a line whose newline has not been read yet.
    private var partial: [UInt8] = []
    /// The most read in one go, and the longest unfinished line kept before it is handed
    /// out anyway (the runtime never writes one that long: it splits lines at 16 KiB).
    let chunk: Int

    init(file: ContainerLogFile, offset: UInt64, end: UInt64? = nil, chunk: Int = KubeletConfiguration.Defaults.logReadChunkBytes) {
        self.file = file
        self.offset = offset
        self.end = end
        self.chunk = chunk
    }

    /// The next whole lines, at most about `chunk` bytes; empty at the end of what is there.
    mutating func next() -> [UInt8] {
        var count = chunk
        if let end { count = Int(min(UInt64(count), end > offset ? end - offset : 0)) }
        let bytes = file.read(at: offset, count: count)
        guard !bytes.isEmpty else { return [] }
        offset += UInt64(bytes.count)
        guard let lastNewline = bytes.lastIndex(of: 0x0A) else {
            partial += bytes
            // A line longer than a piece is handed out in pieces rather than held whole.
            if partial.count >= chunk { return finish() }
            return next()
        }
        let lines = partial + bytes[...lastNewline]
        partial = Array(bytes[(lastNewline + 1)...])
        return lines
    }

    /// The unfinished last line, once nothing more will be written to it.
    mutating func finish() -> [UInt8] {
        defer { partial = [] }
        return partial
    }

    /// After reaching the end: true when the log was rotated and there is more to read,
    /// either in the old file (written to just before its rename) or, once that is read, in
    /// the new one, where the cursor has moved; false when the caller should wait. The old
    /// file ends at a line's end (the runtime rotates between entries), so no line is split.
    mutating func followRotation() -> Bool {
        guard file.isReplaced else { return false }
        if file.size > offset { return true }
        guard let replacement = ContainerLogFile(path: file.path) else { return false }
        file = replacement
        offset = 0
        return true
    }
}
