// Stage 1 · CRI: how a runtime call fails.
//
// CRI reports failures as gRPC status codes (NotFound, InvalidArgument, FailedPrecondition,
// DeadlineExceeded, …) with a message. The cases here are those codes, so that the kubelet can
// react to the kind of failure (a container that is gone is not the same as one that would not
// start) and print the message to the user in the container's `waiting.message`.

/// A failed runtime call, by CRI's kind of failure; the kubelet matches on the case and shows
/// the description.
public enum RuntimeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No sandbox or container has this id, such as `container "3f2a…"`.
    case notFound(String)
    /// The request itself is wrong, whatever the runtime's state.
    case invalidArgument(String)
    /// The request is fine but the object is in the wrong state, such as starting a container
    /// twice or creating one in a stopped sandbox.
    case failedPrecondition(String)
    /// The container's process could not be started; the text says why, as runc would.
    case failedToStart(String)
    /// An `execSync` command ran past its timeout and was killed.
    case deadlineExceeded(String)
    /// Something failed inside the runtime: its state directory, a system call.
    case internalError(String)

    /// The message the kubelet logs and shows in the pod's status.
    public var description: String {
        switch self {
        case .notFound(let what): "not found: \(what)"
        case .invalidArgument(let message): "invalid argument: \(message)"
        case .failedPrecondition(let message): "failed precondition: \(message)"
        case .failedToStart(let message): "failed to start container: \(message)"
        case .deadlineExceeded(let message): "deadline exceeded: \(message)"
        case .internalError(let message): "runtime error: \(message)"
        }
    }
}
