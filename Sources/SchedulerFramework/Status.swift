// Stage 4 · SchedulerFramework: what a plugin answers at an extension point (Kubernetes' framework.Status).
//
// Every plugin call returns a Status. The code says what the scheduler should do next:
// `unschedulable` means "not this node, but preemption might make room";
// `unschedulableAndUnresolvable` means "not this node, and evicting pods would not
// help" (the node is cordoned, its labels do not match); `skip` lets a plugin say at
// PreFilter or PreScore that it has nothing to check for this pod, so the framework
// does not call it per node; `wait` is a Permit plugin holding the pod back. The
// reasons are the words a user reads in `kubectl describe pod`.
//
// Not to be confused with APIMachinery's `Status`, the API's error body: a module that
// imports both says `SchedulerFramework.Status` (or declares a typealias, as the
// plugins do).

/// A plugin's verdict, with the reasons a user will read and the plugin that gave them.
public struct Status: Sendable, Hashable, CustomStringConvertible {
    /// What the scheduler does next; Kubernetes' framework.Code, in its order.
    public enum Code: Int, Sendable, Hashable {
        case success, error, unschedulable, unschedulableAndUnresolvable, wait, skip
    }

    public var code: Code
    /// Each reason is one phrase, counted per node in the FitError's message.
    public var reasons: [String]
    /// The plugin that gave this status; the framework fills it in.
    public var plugin: String

    public init(_ code: Code = .success, _ reasons: String..., plugin: String = "") {
        self.init(code, reasons: reasons, plugin: plugin)
    }

    public init(_ code: Code, reasons: [String], plugin: String = "") {
        self.code = code
        self.reasons = reasons
        self.plugin = plugin
    }

    /// The answer of a plugin that has no objection. Allocates nothing, so a Filter
    /// that passes a node costs no memory traffic.
    public static let success = Status()

    /// An internal failure (an API call failed, state is missing): the pod is retried
    /// with back-off, and no reason is counted against a node.
    public static func error(_ message: String) -> Status { Status(.error, message) }

    public var isSuccess: Bool { code == .success }
    public var isSkip: Bool { code == .skip }
    public var isWait: Bool { code == .wait }
    /// Whether the pod was turned away (as opposed to the scheduler failing).
    public var isRejected: Bool { code == .unschedulable || code == .unschedulableAndUnresolvable }

    /// The reasons as one line, as Kubernetes' Status.Message() joins them.
    public var message: String { reasons.joined(separator: ", ") }

    /// The same status, attributed to `plugin`.
    public func withPlugin(_ plugin: String) -> Status {
        var copy = self
        copy.plugin = plugin
        return copy
    }

    public var description: String {
        "\(code)" + (plugin.isEmpty ? "" : " by \(plugin)") + (reasons.isEmpty ? "" : ": \(message)")
    }
}
