// Stage 1 · Kubelet tests: probe ports, TCP connects and HTTP GETs.
//
// The network checks run against real loopback sockets: a port that is bound but not
// listening (`RefusingPort`: a connect is refused, and no other test can take it
// meanwhile), and a tiny `HTTPServer` on a kernel-chosen port that answers 200 and then 500.

@testable import TestSupport
import API
import Common
import HTTP
import Synchronization
import Testing
@testable import Kubelet
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Generous: the test server answers from the shared thread pool, which a loaded machine
/// can keep busy for seconds. The refused and invalid cases answer at once anyway.
private let probeTimeout = Duration.seconds(60)

@Test func probePortResolvesANumber() {
    #expect(Prober.resolve(.int(8080), in: Container(name: "web")) == 8080)
}

@Test func probePortResolvesANamedContainerPort() {
    let container = Container(name: "web", ports: [ContainerPort(name: "metrics", containerPort: 9090),
                                                  ContainerPort(name: "http", containerPort: 8080)])
    #expect(Prober.resolve(.string("http"), in: container) == 8080)
}

@Test func probePortWithAnUnknownNameDoesNotResolve() {
    #expect(Prober.resolve(.string("http"), in: Container(name: "web")) == nil)
}

@Test func probePortResolvesADigitString() {
    #expect(Prober.resolve(.string("8080"), in: Container(name: "web")) == 8080)
}

@Test func connectToAPortWithNothingListeningIsRefused() async throws {
    let refusing = try RefusingPort()
    let outcome = await HTTPProbe.connect(host: "127.0.0.1", port: refusing.port, timeout: probeTimeout)
    #expect(outcome == .failure("dial tcp 127.0.0.1:\(refusing.port): connect: connection refused"))
}

@Test func getFromAPortWithNothingListeningIsRefused() async throws {
    let refusing = try RefusingPort()
    let outcome = await HTTPProbe.get(host: "127.0.0.1", port: refusing.port, path: "/", headers: [], timeout: probeTimeout)
    #expect(outcome == .failure("dial tcp 127.0.0.1:\(refusing.port): connect: connection refused"))
}

@Test func connectToAHostThatIsNotAnIPv4AddressFails() async {
    let outcome = await HTTPProbe.connect(host: "not-an-address", port: 80, timeout: probeTimeout)
    #expect(outcome == .failure("dial tcp not-an-address:80: not an IPv4 address"))
}

/// The requests a test server received, as `METHOD target user-agent` lines.
private final class RequestLog: Sendable {
    private let lines = Mutex<[String]>([])
    /// Records a request and returns how many have arrived, this one included.
    func record(_ request: HTTPRequest) -> Int {
        lines.withLock { lines in
            lines.append("\(request.method) \(request.target) \(request.headers["User-Agent"] ?? "")")
            return lines.count
        }
    }
    var recorded: [String] { lines.withLock { $0 } }
}

/// Runs an `HTTPServer` on port 0 answering 200 to the first request and 500 to the rest.
private func withHealthThenSickServer(_ body: @escaping @Sendable (Int, RequestLog) async throws -> Void) async throws {
    let seen = RequestLog()
    let server = try HTTPServer(port: 0, logger: .silent) { request in
        let count = seen.record(request)
        return .text(count == 1 ? "ok" : "sick", status: count == 1 ? .ok : .internalServerError)
    }
    try await withDeadline(seconds: 180) {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            try await body(server.port, seen)
            group.cancelAll()
            try await group.waitForAll()
        }
    }
}

@Test func getSucceedsOn200AndFailsOn500() async throws {
    try await withHealthThenSickServer { port, seen in
        let first = await HTTPProbe.get(host: "127.0.0.1", port: port, path: "/healthz", headers: [], timeout: probeTimeout)
        let second = await HTTPProbe.get(host: "127.0.0.1", port: port, path: "/healthz", headers: [], timeout: probeTimeout)
        #expect(first == .success)
        #expect(second == .failure("HTTP probe failed with statuscode: 500"))
        #expect(seen.recorded == ["GET /healthz kube-probe/1.33", "GET /healthz kube-probe/1.33"])
    }
}

@Test func connectToAListeningPortSucceeds() async throws {
    try await withHealthThenSickServer { port, _ in
        #expect(await HTTPProbe.connect(host: "localhost", port: port, timeout: probeTimeout) == .success)
    }
}
