// Tests of the server under connection floods (issue 9, item 3), over real loopback
// sockets: with every slot held by idle sockets or by slow lorises, a well-behaved client
// is still answered; busy connections keep their slots; one address gets only its share.
// On Linux a flood can come from 127.0.0.2 while the honest client is 127.0.0.1.

@testable import TestSupport
import Foundation
import Testing
import Common
@testable import HTTP
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A connected, non-blocking socket to 127.0.0.1:`port`, bound first to `source` (a loopback address).
private func connect(to port: Int, from source: String = "127.0.0.1") throws -> Socket {
    let descriptor = Posix.makeStreamSocket(family: AF_INET, protocol: 0)
    guard descriptor >= 0 else { throw TestFailure("socket: errno \(errno)") }
    func address(_ host: String, _ port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        #if canImport(Darwin)
        address.sin_len = UInt8(MemoryLayout<sockaddr_in>.size)
        #endif
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        _ = inet_pton(AF_INET, host, &address.sin_addr)
        return address
    }
    var local = address(source, 0)
    var remote = address("127.0.0.1", port)
    let length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafePointer(to: &local) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) } }
    // Loopback connects complete at once; only then is the socket made non-blocking.
    let connected = withUnsafePointer(to: &remote) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connectDescriptor(descriptor, $0, length) }
    }
    guard bound == 0, connected == 0, Posix.makeNonBlocking(descriptor) else {
        let code = errno
        Posix.closeDescriptor(descriptor)
        throw TestFailure("connect from \(source): errno \(code)")
    }
    return Socket(owning: descriptor)
}

/// `connect(2)`, named apart from this file's `connect(to:from:)`.
private func connectDescriptor(_ descriptor: Int32, _ address: UnsafePointer<sockaddr>, _ length: socklen_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.connect(descriptor, address, length)
    #else
    Darwin.connect(descriptor, address, length)
    #endif
}

/// Sends `request` on `socket` and returns what the server answered before closing.
private func answer(_ request: String, on socket: Socket) async throws -> String {
    try await socket.write(Array(request.utf8))
    var received: [UInt8] = []
    while let bytes = try? await socket.read(maxBytes: 64 * 1024), !bytes.isEmpty { received += bytes }
    return String(decoding: received, as: UTF8.self)
}

/// Whether the server has closed `socket` (a read returns end of stream, or a reset).
private func isClosedByServer(_ socket: Socket) async -> Bool {
    guard let bytes = try? await socket.read(maxBytes: 1024) else { return true }
    return bytes.isEmpty
}

private let honestRequest = "GET /honest HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
/// Long clocks: what is under test is the slots, not the timeouts.
private let eightSlots = HTTPLimits(maxConnections: 8, headerTimeout: .seconds(60), idleTimeout: .seconds(60))

@Test func aWellBehavedClientIsAnsweredWhileIdleSocketsHoldEverySlot() async throws {
    try await withServer(limits: eightSlots) { server in
        var idle: [Socket] = []
        for _ in 0..<8 { idle.append(try connect(to: server.port)) }
        defer { idle.forEach { $0.close() } }
        try await eventually("8 idle sockets to hold every slot") { server.connectionCount == 8 }
        let answered = try await answer(honestRequest, on: try connect(to: server.port))
        #expect(answered.hasPrefix("HTTP/1.1 200 OK"), "\(answered.prefix(40))")
        #expect(await isClosedByServer(idle[0]), "the longest idle socket gave up its slot")
    }
}

@Test func aWellBehavedClientIsAnsweredWhileSlowLorisesHoldEverySlot() async throws {
    try await withServer(limits: eightSlots) { server in
        var lorises: [Socket] = []
        for index in 0..<8 {
            let socket = try connect(to: server.port)
            try await socket.write(Array("GET /slow\(index) HTTP/1.1\r\nHost: x\r\nX-Part: ".utf8))
            lorises.append(socket)
        }
        defer { lorises.forEach { $0.close() } }
        try await eventually("8 slow lorises to hold every slot") { server.connectionCount == 8 }
        for _ in 0..<3 {
            let answered = try await answer(honestRequest, on: try connect(to: server.port))
            #expect(answered.hasPrefix("HTTP/1.1 200 OK"), "\(answered.prefix(40))")
        }
    }
}

@Test func busyConnectionsKeepTheirSlotsAndANewcomerIsRefused503() async throws {
    let release = AsyncStream<Void>.makeStream()
    let entered = AsyncStream<Void>.makeStream()
    let limits = HTTPLimits(maxConnections: 2, headerTimeout: .seconds(60))
    try await withServer(limits: limits, handler: { _ in
        entered.continuation.yield()
        for await _ in release.stream { break }
        return .text("done")
    }) { server in
        let busy = [try connect(to: server.port), try connect(to: server.port)]
        for socket in busy { try await socket.write(Array("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n".utf8)) }
        var count = 0
        for await _ in entered.stream { count += 1; if count == 2 { break } }
        let refused = try await answer(honestRequest, on: try connect(to: server.port))
        #expect(refused.hasPrefix("HTTP/1.1 503 Service Unavailable"), "\(refused.prefix(40))")
        #expect(refused.contains("too many connections"))
        release.continuation.finish()
        for socket in busy {
            let bytes = try await socket.read(maxBytes: 4096)
            #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("HTTP/1.1 200 OK"), "a busy connection was not cut")
            socket.close()
        }
    }
}

@Test func oneAddressGetsOnlyItsShareOfTheSlots() async throws {
    #if os(Linux)
    let release = AsyncStream<Void>.makeStream()
    let entered = AsyncStream<Void>.makeStream()
    let limits = HTTPLimits(maxConnections: 16, maxConnectionsPerAddress: 3, headerTimeout: .seconds(60))
    try await withServer(limits: limits, handler: { request in
        guard request.path == "/hold" else { return .text("served") }
        entered.continuation.yield()
        for await _ in release.stream { break }
        return .text("done")
    }) { server in
        // 127.0.0.2 fills its share with busy connections, which never yield.
        var crowd: [Socket] = []
        for _ in 0..<3 {
            let socket = try connect(to: server.port, from: "127.0.0.2")
            try await socket.write(Array("GET /hold HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
            crowd.append(socket)
        }
        var count = 0
        for await _ in entered.stream { count += 1; if count == 3 { break } }
        let refused = try await answer(honestRequest, on: try connect(to: server.port, from: "127.0.0.2"))
        #expect(refused.hasPrefix("HTTP/1.1 503"), "\(refused.prefix(40))")
        #expect(refused.contains("too many connections from 127.0.0.2"))
        // Everyone else still has slots.
        let answered = try await answer(honestRequest, on: try connect(to: server.port, from: "127.0.0.1"))
        #expect(answered.hasPrefix("HTTP/1.1 200 OK"), "\(answered.prefix(40))")
        release.continuation.finish()
        crowd.forEach { $0.close() }
    }
    #else
    print("skipped: only Linux routes all of 127.0.0.0/8 to loopback, so a second client address is not at hand")
    #endif
}
