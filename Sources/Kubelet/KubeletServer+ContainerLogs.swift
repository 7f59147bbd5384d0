// Stage 1 · Kubelet: `GET /containerLogs/…`, a container's log sent a piece at a time.
//
// The answer is read from the log file as it is sent (`ContainerLogCursor`): a piece of
// whole lines, rendered (`ContainerLogs+Render.swift`), written to the client, then the
// next. The client's pace sets the kubelet's: a write waits until the socket takes it, so
// a slow reader of a 400 MB log holds one piece in the kubelet's memory, not the log.
// A log that fits in one piece is answered as plain bytes, with a length; a longer one,
// or a followed one, as a chunked stream.
//
//   - a whole log is read up to the size the file had when the request came, so a
//     container that keeps printing cannot keep the answer going for ever;
//   - `tailLines` starts that many lines before the end, found by reading backwards;
//   - `limitBytes` ends the answer once that many bytes are sent, mid-line if need be;
//   - `follow` goes on past the end, looking for new lines every `followInterval`, into the
//     new file when the runtime rotates the log, until the container has stopped and its
//     last line was sent, or the client has gone.
//
// Only the current file is read, rotated ones are not: `kubectl logs` shows what the
// container printed since its log was last rotated, as Kubernetes' kubelet does.

import Foundation
import HTTP

extension KubeletServer {
    /// The answer to a log request for the attempt at `location`, with `options` applied:
    /// the whole answer when it fits in one piece, else a stream that reads as it sends.
    func logAnswer(location: ContainerLogLocation, options: ContainerLogOptions, follow asked: Bool,
                   worker: PodWorker, container: String) -> HTTPResponse {
        let follow = asked && location.isRunning
        guard let file = ContainerLogFile(path: location.path) else { return Self.logAnswer([]) }
        let size = file.size
        let chunk = KubeletConfiguration.Defaults.logReadChunkBytes
        let start = options.tailLines.map { file.startOfLastLines($0, before: size, chunk: chunk) } ?? 0
        var cursor = ContainerLogCursor(file: file, offset: start, end: follow ? nil : size, chunk: chunk)
        var budget = options.limitBytes
        var first = ContainerLogs.render(cursor.next(), options: options, budget: &budget)
        if budget == 0 { return Self.logAnswer(first) }
        if !follow && cursor.offset >= size {
            first += ContainerLogs.render(cursor.finish(), options: options, budget: &budget)
            return Self.logAnswer(first)
        }
        let (interval, initial, budgetLeft) = (followInterval, cursor, budget)
        return HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"]) { [first] writer in
            var cursor = initial
            var left = budgetLeft
            try await writer.write(first)
            var isStopping = !follow
            while true {
                let lines = cursor.next()
                if !lines.isEmpty {
                    try await writer.write(ContainerLogs.render(lines, options: options, budget: &left))
                    if left == 0 { return }
                    continue
                }
                if follow && cursor.followRotation() { continue }
                // The end, once the container has stopped: its last line may lack a newline.
                if isStopping {
                    try await writer.write(ContainerLogs.render(cursor.finish(), options: options, budget: &left))
                    return
                }
                // Stopped now: read once more, for what it wrote between our read and its exit.
                if await !worker.isWritingLog(container: container, path: location.path) {
                    isStopping = true
                    continue
                }
                // `kubectl logs -f` interrupted: nobody to write to, even with nothing to write.
                if writer.isClientGone() { return }
                try await Task.sleep(for: interval)
            }
        }
    }

    /// A complete log answer, sent with its length.
    static func logAnswer(_ bytes: [UInt8]) -> HTTPResponse {
        HTTPResponse(status: .ok, headers: ["Content-Type": "text/plain"], body: bytes)
    }
}
