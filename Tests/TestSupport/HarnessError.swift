// Stage 1 · Test harness: the one error type the harness throws.
//
// Every failure of the harness itself (a binary that is not built, a process that
// could not start, a socket that would not connect) is a `HarnessError` whose
// description is a whole sentence a learner can act on. Swift Testing prints a thrown
// error's description as the test's failure, so the message is the diagnosis.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A harness failure with a readable explanation; thrown by every support helper.
struct HarnessError: Error, CustomStringConvertible {
    /// The full, human-readable explanation shown as the test failure.
    let description: String

    /// Wraps a message; used by the support code when something outside the test failed.
    init(_ description: String) {
        self.description = description
    }

    /// Describes a failed POSIX call with its `errno`, e.g. "connect failed: Connection refused".
    static func posix(_ call: String, errno code: Int32 = errno) -> HarnessError {
        HarnessError("\(call) failed: \(String(cString: strerror(code))) (errno \(code))")
    }
}
