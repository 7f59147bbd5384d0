// Stage 2 · APIServer: service accounts, stored as they are sent.
//
// A ServiceAccount needs only the default checks (its name is a DNS subdomain). What
// Kubernetes does around it lives elsewhere and comes later in this series: the
// controller that makes `default` in every namespace (stage 5), and the tokens that
// authentication would need. Without the ServiceAccount admission plugin, a pod keeps
// the `serviceAccountName` it was given, empty included, and runs whether or not the
// account exists.

import API
import APIMachinery
import ClusterKinds

/// Kubernetes' ServiceAccount strategy (`pkg/registry/core/serviceaccount/strategy.go`), in part.
public enum ServiceAccountStrategy: RESTStrategy {
    public static var columns: [TableColumnDefinition] { ServiceAccountPrinter.columns }
    public static func cells(_ account: ServiceAccount, now: Time) -> [String] { ServiceAccountPrinter.cells(account, now: now) }
    public static var patchSchema: PatchSchema { .serviceAccount }
}
