// Stage 1 · API: a health check the kubelet runs against a container (core/v1 `Probe`).
//
// In Go, `Probe` embeds `ProbeHandler` inline: `exec`, `httpGet` and `tcpSocket` sit
// directly in the probe's JSON object next to `periodSeconds`. Here `handler` is a
// property, read and written against the same JSON object (`.inline` in the table), so
// the JSON matches Go's while Swift code says `probe.handler.httpGet`.
//
// The timing fields are Go int32s with omitempty: 0 means "not set". Kubernetes'
// defaulting fills them in on the API server; a static pod read from a file is not
// defaulted, so the prober uses the `effective…` accessors below, which apply the
// same defaults (timeout 1s, period 10s, success 1, failure 3).

/// A liveness, readiness or startup check of a container; run periodically by the
/// kubelet's prober, whose results restart containers or mark pods ready.
public struct Probe: Sendable, Hashable {
    /// Kubernetes' defaults for unset timing fields.
    public static let defaultTimeoutSeconds: Int32 = 1
    /// Kubernetes' default probe period.
    public static let defaultPeriodSeconds: Int32 = 10
    /// Kubernetes' default number of successes that make a failing probe pass.
    public static let defaultSuccessThreshold: Int32 = 1
    /// Kubernetes' default number of failures that make a passing probe fail.
    public static let defaultFailureThreshold: Int32 = 3

    // Each field's meaning is its description in the table below; a timing of 0 means
    // "Kubernetes' default" until `applyDefaults()` fills it in.
    public var handler: ProbeHandler
    public var initialDelaySeconds: Int32
    public var timeoutSeconds: Int32
    public var periodSeconds: Int32
    public var successThreshold: Int32
    public var failureThreshold: Int32
    public var terminationGracePeriodSeconds: Int64?

    /// Makes a probe; timing fields default to 0, "use Kubernetes' default".
    public init(
        handler: ProbeHandler = ProbeHandler(), initialDelaySeconds: Int32 = 0, timeoutSeconds: Int32 = 0,
        periodSeconds: Int32 = 0, successThreshold: Int32 = 0, failureThreshold: Int32 = 0,
        terminationGracePeriodSeconds: Int64? = nil
    ) {
        self.handler = handler
        self.initialDelaySeconds = initialDelaySeconds
        self.timeoutSeconds = timeoutSeconds
        self.periodSeconds = periodSeconds
        self.successThreshold = successThreshold
        self.failureThreshold = failureThreshold
        self.terminationGracePeriodSeconds = terminationGracePeriodSeconds
    }

    /// The timeout to use: `timeoutSeconds`, or the default when unset.
    public var effectiveTimeoutSeconds: Int32 { timeoutSeconds > 0 ? timeoutSeconds : Probe.defaultTimeoutSeconds }
    /// The period to use: `periodSeconds`, or the default when unset.
    public var effectivePeriodSeconds: Int32 { periodSeconds > 0 ? periodSeconds : Probe.defaultPeriodSeconds }
    /// The success threshold to use: `successThreshold`, or the default when unset.
    public var effectiveSuccessThreshold: Int32 {
        successThreshold > 0 ? successThreshold : Probe.defaultSuccessThreshold
    }
    /// The failure threshold to use: `failureThreshold`, or the default when unset.
    public var effectiveFailureThreshold: Int32 {
        failureThreshold > 0 ? failureThreshold : Probe.defaultFailureThreshold
    }
}

extension Probe: APIFields {
    public static let zero = Probe()
    public static let fields: [JSONField<Probe>] = [
        .inline(\.handler),  // exec, httpGet, tcpSocket: beside the timings, as Go embeds them
        .omitEmpty("initialDelaySeconds", \.initialDelaySeconds, "Seconds after the container starts before the first check."),
        .omitEmpty("timeoutSeconds", \.timeoutSeconds, "Seconds a check may take before it counts as failed; 1 by default."),
        .omitEmpty("periodSeconds", \.periodSeconds, "Seconds between checks; 10 by default."),
        .omitEmpty("successThreshold", \.successThreshold, "Consecutive successes after a failure that count as success; 1 by default."),
        .omitEmpty("failureThreshold", \.failureThreshold, "Consecutive failures that count as failure; 3 by default."),
        .pointer("terminationGracePeriodSeconds", \.terminationGracePeriodSeconds, "For a failed liveness or startup probe: the grace period of the restart, instead of the pod's."),
    ]
}
