// Stage 4 · SchedulerPlugins: whether a toleration matches a taint (Kubernetes' Toleration.ToleratesTaint).
//
// A toleration matches a taint when its effect is empty or the same, its key is empty
// (with `Exists`: every taint) or the same, and either its operator is `Exists` or its
// value equals the taint's (`Equal`, the default).

import API
import ClusterKinds

extension Toleration {
    /// Whether this toleration lets a pod ignore `taint`.
    public func tolerates(_ taint: Taint) -> Bool {
        if let effect, effect != taint.effect { return false }
        if !key.isEmpty && key != taint.key { return false }
        switch self.operator {
        case .exists: return true
        case .equal, nil: return value == taint.value
        }
    }
}

extension Array where Element == Toleration {
    /// Whether any of these tolerations matches `taint`.
    public func tolerate(_ taint: Taint) -> Bool { contains { $0.tolerates(taint) } }
}
