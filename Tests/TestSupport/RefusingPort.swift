// Stage 1 · Test harness: a loopback port where a connection is refused, and stays refused.
//
// "Bind port 0, close it, connect to that number" races every other test: the kernel may
// hand the freed port to the next server that asks, and the connection then succeeds.
// A socket that is bound but never listens holds its port for as long as it lives, and a
// connection to it is refused (RST), so a test of "nothing listens there" cannot be
// answered by another test's server.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A TCP socket bound to a loopback port without listening: connecting to it is refused.
final class RefusingPort: Sendable {
    /// The bound, never-listening socket; closed when this object goes away.
    private let descriptor: Int32
    /// The port it holds, chosen by the kernel.
    let port: Int

    /// Binds a kernel-chosen port on 127.0.0.1.
    init() throws {
        // Close-on-exec, as every descriptor of the harness: a child spawned meanwhile must
        // not keep the port bound after the test is done with it.
        #if canImport(Glibc)
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        #else
        let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        if descriptor >= 0 { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        #endif
        guard descriptor >= 0 else { throw HarnessError.posix("socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0
            }
        }
        guard bound else {
            let error = HarnessError.posix("binding a loopback port")
            close(descriptor)
            throw error
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(descriptor) }
}
