// Stage 1 · CRI: what a command run inside a container returned.
//
// CRI's `ExecSyncResponse`, with stdout and stderr combined into one `output` (the way an exec
// probe's output is shown in a pod's events, and the way one reads a terminal).

/// The exit code and output of a command the kubelet ran inside a container with `execSync`.
public struct ExecSyncResult: Sendable, Hashable, Codable {
    /// The command's exit code; an exec probe succeeds when it is 0.
    public var exitCode: Int32
    /// Standard output and standard error as they arrived, cut off at the runtime's limit.
    public var output: String

    /// Makes a result; runtimes call it from `execSync`.
    public init(exitCode: Int32, output: String) {
        self.exitCode = exitCode
        self.output = output
    }
}
