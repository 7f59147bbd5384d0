// Stage 1 · Kubelet: one container log file, open for reading a piece at a time.
//
// A container's log may be hundreds of megabytes: a program that prints in a loop fills
// its file for as long as it runs. So the kubelet never reads a log whole. It opens the
// file once and reads pieces of at most `KubeletConfiguration.Defaults.logReadChunkBytes`
// at an offset (`pread`), and sends each piece to the client before it reads the next:
// what it holds is one piece, whatever the size of the file. `--tail N` is found the same
// way from the other end, a piece at a time backwards, counting newlines, as Kubernetes'
// kubelet does (`findTailLineStartIndex` in `kuberuntime/logs`), so the last line of a
// 400 MB log costs one piece, not 400 MB.
//
// The file stays open while it is read. When the runtime rotates the log (renames the
// file and starts a new one under the same name, `ContainerLogWriter`), a reader that
// holds the old file still reads it to its end: a rename does not move what an open file
// descriptor points at. `isReplaced` tells a follower that the name now means another
// file, so that it can go on in the new one.

import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A log file opened for reading by offset; closed when the last reference goes.
final class ContainerLogFile: Sendable {
    let path: String
    private let descriptor: Int32
    /// The file's identity when it was opened, to tell whether `path` still names it.
    private let device: UInt64
    private let inode: UInt64
    /// Every byte read from the file so far, so a test can see how little `--tail` reads.
    let bytesRead = Atomic<Int>(0)

    /// Opens `path` for reading, or nil when there is no such file (a container that
    /// has not written yet, or whose log was removed).
    init?(path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            return nil
        }
        self.path = path
        self.descriptor = descriptor
        self.device = UInt64(status.st_dev)
        self.inode = UInt64(status.st_ino)
    }

    deinit { close(descriptor) }

    /// The file's size now; it grows while the container writes.
    var size: UInt64 {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return 0 }
        return UInt64(status.st_size)
    }

    /// True when `path` now names another file than the one open here: the log was rotated.
    /// While the name names nothing (between the runtime's rename and its new file) it is
    /// false, and the caller asks again later.
    var isReplaced: Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return UInt64(status.st_dev) != device || UInt64(status.st_ino) != inode
    }

    /// Up to `count` bytes from `offset`; fewer at the end of the file, none past it.
    func read(at offset: UInt64, count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let got = bytes.withUnsafeMutableBytes {
                pread(descriptor, $0.baseAddress! + filled, count - filled, off_t(offset) + off_t(filled))
            }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            filled += got
        }
        bytes.removeLast(count - filled)
        bytesRead.add(filled, ordering: .relaxed)
        return bytes
    }

    /// Where the last `lines` lines begin, reading backwards a piece at a time from `end`.
    ///
    /// A last line without a newline counts as a line, and the final newline does not
    /// start an extra empty one: "a\nb\n" has two lines, as a person counts them.
    func startOfLastLines(_ lines: Int, before end: UInt64, chunk: Int) -> UInt64 {
        guard lines > 0 else { return end }
        var newlines = 0
        var position = end
        var skippedFinalNewline = false
        while position > 0 {
            let start = position - min(position, UInt64(chunk))
            let piece = read(at: start, count: Int(position - start))
            guard !piece.isEmpty else { return position }
            var index = piece.endIndex
            if !skippedFinalNewline {
                skippedFinalNewline = true
                if piece[index - 1] == 0x0A { index -= 1 }
            }
            while index > piece.startIndex {
                if piece[index - 1] == 0x0A {
                    newlines += 1
                    if newlines == lines { return start + UInt64(index) }
                }
                index -= 1
            }
            position = start
        }
        return 0
    }
}
