// Stage 4 · SchedulingRegistry: the rules of priority classes (Kubernetes' `pkg/apis/scheduling/validation`).
//
// A priority class is a name for a number, and the number decides who is scheduled first
// and who may evict whom, so the API server guards it:
//   - values above 1000000000 belong to the system: a user class may not have one;
//   - names starting `system-` are the system's: only its two classes, with their own
//     values, may use them;
//   - a class's value and preemptionPolicy never change (pods already carry the value);
//   - at most one class is the `globalDefault` (checked when it is written, in
//     `PriorityAdmission`, since it needs the other classes).
// An omitted preemptionPolicy is `PreemptLowerPriority`, as Kubernetes defaults it.

import API
import APIMachinery
import APIServer
import SchedulingKinds

/// Kubernetes' priority class strategy: defaults and validation of `PriorityClass`.
public enum PriorityClassStrategy: RESTStrategy {
    public typealias Object = PriorityClass

    /// The highest value a class that is not the system's may have (`HighestUserDefinablePriority`).
    public static let highestUserDefinablePriority: Int32 = 1_000_000_000
    /// The prefix reserved for the system's classes' names.
    public static let systemPrefix = "system-"

    public static func prepareForCreate(_ priorityClass: inout PriorityClass) {
        if priorityClass.preemptionPolicy == nil { priorityClass.preemptionPolicy = .preemptLowerPriority }
    }

    public static func prepareForUpdate(_ priorityClass: inout PriorityClass, old: PriorityClass) {
        if priorityClass.preemptionPolicy == nil { priorityClass.preemptionPolicy = .preemptLowerPriority }
        priorityClass.metadata.keepSystemFields(from: old.metadata)
    }

    /// `ValidatePriorityClass`: a DNS subdomain name; `system-` names only the system's
    /// classes, exactly; other values at most `highestUserDefinablePriority`.
    public static func validate(_ priorityClass: PriorityClass) -> [FieldError] {
        let name = priorityClass.metadata.name
        if name.isEmpty { return [FieldError(.required, "metadata.name", "name or generateName is required")] }
        var errors = NameValidation.subdomain(name).map { FieldError(.invalid, "metadata.name", value: name, $0) }
        if name.hasPrefix(systemPrefix) {
            if let problem = SystemPriorityClasses.problem(name: name, value: priorityClass.value,
                                                           globalDefault: priorityClass.globalDefault) {
                errors.append(FieldError(.forbidden, "metadata.name",
                                         "priority class names with '\(systemPrefix)' prefix are reserved for system use only. error: \(problem)"))
            }
        } else if priorityClass.value > highestUserDefinablePriority {
            errors.append(FieldError(.forbidden, "value", "maximum allowed value of a user defined priority is \(highestUserDefinablePriority)"))
        }
        return errors
    }

    /// `ValidatePriorityClassUpdate`: the name, the value and the preemption policy are for ever.
    public static func validateUpdate(_ priorityClass: PriorityClass, old: PriorityClass) -> [FieldError] {
        var errors = validate(priorityClass)
        if priorityClass.metadata.name != old.metadata.name {
            errors.append(FieldError(.invalid, "metadata.name", value: priorityClass.metadata.name, "field is immutable"))
        }
        if priorityClass.value != old.value {
            errors.append(FieldError(.forbidden, "value", "may not be changed in an update."))
        }
        if priorityClass.preemptionPolicy != old.preemptionPolicy {
            errors.append(FieldError(.invalid, "preemptionPolicy", value: priorityClass.preemptionPolicy?.rawValue ?? "",
                                     "field is immutable"))
        }
        return errors
    }

    public static var columns: [TableColumnDefinition] { PriorityClassPrinter.columns }
    public static func cells(_ priorityClass: PriorityClass, now: Time) -> [String] { PriorityClassPrinter.cells(priorityClass, now: now) }
}
