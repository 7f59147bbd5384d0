// Stage 4 · SchedulingRegistry: the rules of leases (Kubernetes' `pkg/apis/coordination/validation`).
//
// A lease is only as good as its numbers: a holder renews it within `leaseDurationSeconds`,
// and `leaseTransitions` counts the changes of hands. So a duration must be positive and
// the count never negative; the rest (who holds it, since when) is the holders' business,
// settled by the API server's optimistic concurrency: of two candidates writing the same
// resourceVersion, one wins.

import API
import APIMachinery
import APIServer
import SchedulingKinds

/// Kubernetes' lease strategy: validation of `Lease`; printed by `LeasePrinter`.
public enum LeaseStrategy: RESTStrategy {
    public typealias Object = Lease

    /// `ValidateLease`: a DNS subdomain name; a positive duration, a non-negative transition count.
    public static func validate(_ lease: Lease) -> [FieldError] {
        let name = lease.metadata.name
        if name.isEmpty { return [FieldError(.required, "metadata.name", "name or generateName is required")] }
        var errors = NameValidation.subdomain(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
        if let duration = lease.spec.leaseDurationSeconds, duration <= 0 {
            errors.append(FieldError(.invalid, "spec.leaseDurationSeconds", number: duration, "must be greater than 0"))
        }
        if let transitions = lease.spec.leaseTransitions, transitions < 0 {
            errors.append(FieldError(.invalid, "spec.leaseTransitions", number: transitions, "must be greater than or equal to 0"))
        }
        return errors
    }

    public static var columns: [TableColumnDefinition] { LeasePrinter.columns }
    public static func cells(_ lease: Lease, now: Time) -> [String] { LeasePrinter.cells(lease, now: now) }
}
