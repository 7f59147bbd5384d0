// Stage 3 · Informers: the client's watch: one long answer, read event by event.
//
// Stage 2's client could only ask "what is there now?". A watch asks "tell me every
// change after version N", and the answer never quite ends: the API server keeps the
// response open and writes one JSON line per change, as it happens:
//
//     let events = try await client.watch(Pod.self, namespace: "default",
//                                         options: ListOptions(resourceVersion: list.metadata.resourceVersion))
//     for try await event in events {
//         switch event {
//         case .added(let pod), .modified(let pod): print("now", pod.metadata.name)
//         case .deleted(let pod): print("gone", pod.metadata.name)
//         case .bookmark(let version): print("reached", version)
//         case .error(let status) where status.isExpired: print("too old: list again")
//         case .error(let status): print("failed:", status.message)
//         }
//     }
//
// `watch` returns once the server has accepted the watch (its answer's head is in);
// a refusal (a bad selector, an unknown resource) throws `APIError.status` as every
// other call does. The stream then ends when the server ends the watch (its
// `timeoutSeconds` is up, or after an ERROR event) and throws if the connection breaks.
// Ending the consumer's task, or dropping the stream, closes the connection.

import API
import APIMachinery
import Client
import HTTP
import HTTPClient

extension APIClient {
    /// Watches objects of `type`, in one namespace or (with "") in all, from
    /// `options.resourceVersion`: `GET …?watch=true&resourceVersion=N`.
    public func watch<Object: APIObject>(
        _ type: Object.Type, namespace: String = "", options: ListOptions = ListOptions()
    ) async throws(APIError) -> AsyncThrowingStream<WatchEvent<Object>, Error> {
        let target = Object.resource.path(namespace: namespace) + "?" + options.watchQuery
        let request = HTTPClientRequest(method: "GET", target: target, headers: ["Accept": Self.jsonContentType])
        let head: HTTPClientResponseHead
        let body: AsyncThrowingStream<[UInt8], Error>
        do {
            (head, body) = try await http.stream(request)
        } catch let error as HTTPClientError {
            throw .transport(error)
        } catch {
            throw .transport(.connectionFailed(host: http.baseURL.host, port: http.baseURL.port, reason: "\(error)"))
        }
        guard (200..<300).contains(head.status.code) else {
            // A refused watch is an ordinary, short answer: read it whole, then say why.
            var bytes: [UInt8] = []
            do {
                for try await piece in body { bytes += piece }
            } catch {
                throw .transport(.connectionFailed(host: http.baseURL.host, port: http.baseURL.port, reason: "\(error)"))
            }
            throw APIError.fromAnswer(HTTPClientResponse(head: head, body: bytes))
        }
        let reader = WatchLineReader<Object>(lines: HTTPClient.lines(of: body))
        return AsyncThrowingStream(unfolding: { try await reader.next() })
    }
}

extension Status {
    /// The server no longer has the history asked for (410, reason `Expired` or `Gone`):
    /// a watch from that version is impossible, so the client must list again. client-go
    /// accepts either reason, as here.
    public var isExpired: Bool { reason == .expired || reason == .gone || (reason == .unknown && code == 410) }
}

/// The lines of one watch answer, decoded one at a time as the stream asks for them.
///
/// An actor, because the line iterator is state that must not be read by two callers at
/// once; its reads run on the actor (`next(isolation:)`), so the iterator never leaves it.
actor WatchLineReader<Object: APIObject> {
    typealias Lines = HTTPLineSequence<AsyncThrowingStream<[UInt8], Error>>

    private let lines: Lines
    // Made on first use, inside the actor; nil once the watch has ended.
    private var iterator: Lines.Iterator?
    private var isStarted = false

    init(lines: Lines) { self.lines = lines }

    /// The next event; nil when the server has ended the watch.
    func next() async throws -> WatchEvent<Object>? {
        if !isStarted {
            isStarted = true
            iterator = lines.makeAsyncIterator()
        }
        while var current = iterator {
            // Re-checked after the await: only this actor touches `iterator`, and the
            // stream asks for one event at a time, so nobody changed it meanwhile.
            let line = try await current.next(isolation: self)
            iterator = line == nil ? nil : current
            guard let line else { return nil }
            // A blank line carries nothing (a server may send one to keep the connection alive).
            if line.isEmpty { continue }
            return try WatchEventDecoder.event(Object.self, from: line)
        }
        return nil
    }
}
