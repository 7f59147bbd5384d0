// Stage 3 · Informers: how long to wait before trying again after a failure.
//
// When the API server is down, a client that retries at once only adds to its load, and
// a thousand clients retrying in step are a stampede. So each failure doubles the wait,
// up to a cap, with a random part (jitter) that spreads clients apart; a quiet spell
// (`resetAfter` without a failure) starts again from the first wait. These are
// client-go's reflector numbers: 800 ms doubling to 30 s, jitter up to 100%, reset after
// 2 minutes. A pure value: the reflector asks it for each wait and sleeps on its clock.

/// The back-off policy of a `Reflector`, and where it has got to.
public struct Backoff: Sendable, Hashable {
    /// The first wait after a failure.
    public var initial: Duration
    /// The longest wait, however many failures in a row.
    public var cap: Duration
    /// Each failure multiplies the wait by this.
    public var factor: Double
    /// Up to this fraction of the wait is added at random (0 for none).
    public var jitter: Double
    /// A failure this long after the one before starts again from `initial`.
    public var resetAfter: Duration

    /// client-go's reflector back-off: 800 ms, ×2, up to 30 s, jitter 1.0, reset after 2 min.
    public static let reflector = Backoff(
        initial: .milliseconds(800), cap: .seconds(30), factor: 2, jitter: 1, resetAfter: .seconds(120))

    // The wait the next failure will get, before jitter; nil before any failure.
    private var next: Duration?
    // When the last failure was, on the caller's clock, measured from its start.
    private var lastFailure: Duration?

    public init(initial: Duration, cap: Duration, factor: Double = 2, jitter: Double = 0, resetAfter: Duration) {
        self.initial = initial
        self.cap = cap
        self.factor = factor
        self.jitter = jitter
        self.resetAfter = resetAfter
    }

    /// The wait after a failure at `now` (any monotonic measure, such as the time since
    /// the caller started), and the policy moved on for the failure after it.
    public mutating func delay(at now: Duration) -> Duration {
        if let lastFailure, now - lastFailure >= resetAfter { next = nil }
        lastFailure = now
        let base = min(next ?? initial, cap)
        next = min(base * factor, cap)
        guard jitter > 0 else { return base }
        return base + base * Double.random(in: 0..<jitter)
    }
}
