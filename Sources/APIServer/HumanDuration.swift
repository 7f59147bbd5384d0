// Stage 2 · APIServer: ages as `kubectl get` prints them (`5s`, `3m20s`, `2d4h`).
//
// The AGE column is computed by the API server, not by kubectl: it sends table rows
// with the text already in them. This is apimachinery's `duration.HumanDuration`: the
// longer ago, the coarser the unit.

/// Writes durations the way `kubectl get`'s AGE column does.
public enum HumanDuration {
    /// `seconds` as Kubernetes' human duration: `45s`, `2m5s`, `3h`, `2d4h`, `3y`.
    public static func format(seconds: Int64) -> String {
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        if seconds < 60 * 2 { return "\(seconds)s" }
        let minutes = seconds / 60
        if minutes < 10 {
            let rest = seconds % 60
            return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
        }
        if minutes < 60 * 3 { return "\(minutes)m" }
        let hours = seconds / 3600
        if hours < 8 {
            let rest = minutes % 60
            return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 24 * 8 {
            let rest = hours % 24
            return rest == 0 ? "\(hours / 24)d" : "\(hours / 24)d\(rest)h"
        }
        if hours < 24 * 365 * 2 { return "\(hours / 24)d" }
        if hours < 24 * 365 * 8 {
            let days = (hours / 24) % 365
            return days == 0 ? "\(hours / 24 / 365)y" : "\(hours / 24 / 365)y\(days)d"
        }
        return "\(hours / 24 / 365)y"
    }
}
