// Stage 1 · API: the checks on where a pod may run — tolerations, affinity, topology spread.
//
// Kubernetes validates these with the pod (`pkg/apis/core/validation`), so a scheduler
// (stage 4) may trust their shape: a toleration's operator agrees with its value, a
// node selector requirement has the values its operator needs, weights lie in 1…100, a
// spread constraint names its domain. The messages are Kubernetes' own.

/// Validates a pod spec's scheduling fields; called by `PodValidation`.
public enum SchedulingValidation {
    /// The weights a preferred term may carry.
    public static let weightRange: ClosedRange<Int32> = 1...100

    /// Every problem with `spec`'s tolerations, affinity and spread constraints.
    static func validate(_ spec: PodSpec, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, toleration) in spec.tolerations.enumerated() {
            errors += validate(toleration, path: "\(path).tolerations[\(index)]")
        }
        if let affinity = spec.affinity {
            errors += validate(affinity, path: "\(path).affinity")
        }
        for (index, constraint) in spec.topologySpreadConstraints.enumerated() {
            let field = "\(path).topologySpreadConstraints[\(index)]"
            if constraint.maxSkew <= 0 {
                errors.append(FieldError(.invalid, "\(field).maxSkew", number: constraint.maxSkew, "must be greater than zero"))
            }
            if constraint.topologyKey.isEmpty {
                errors.append(FieldError(.required, "\(field).topologyKey", "can not be empty"))
            }
            if constraint.whenUnsatisfiable == nil {
                errors.append(FieldError(.notSupported, "\(field).whenUnsatisfiable", value: "",
                                         "supported values: \"DoNotSchedule\", \"ScheduleAnyway\""))
            }
        }
        return errors
    }

    static func validate(_ toleration: Toleration, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if !toleration.key.isEmpty {
            errors += LabelValidation.qualifiedName(toleration.key).map { FieldError(.invalid, "\(path).key", value: toleration.key, $0) }
        }
        if toleration.key.isEmpty && toleration.operator != .exists {
            errors.append(FieldError(.invalid, "\(path).operator", value: toleration.operator?.rawValue ?? "",
                                     "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
        }
        if toleration.tolerationSeconds != nil && toleration.effect != .noExecute {
            errors.append(FieldError(.invalid, "\(path).effect", value: toleration.effect?.rawValue ?? "",
                                     "effect must be 'NoExecute' when `tolerationSeconds` is set"))
        }
        if toleration.operator == .exists {
            // Kubernetes prints the whole toleration here, a Go struct; the value says as much.
            if !toleration.value.isEmpty {
                errors.append(FieldError(.invalid, "\(path).operator", value: toleration.value, "value must be empty when `operator` is 'Exists'"))
            }
        } else {
            errors += LabelValidation.labelValue(toleration.value).map { FieldError(.invalid, "\(path).operator", value: toleration.value, $0) }
        }
        return errors
    }

    static func validate(_ affinity: Affinity, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let node = affinity.nodeAffinity {
            let field = "\(path).nodeAffinity"
            if let required = node.requiredDuringSchedulingIgnoredDuringExecution {
                let termsPath = "\(field).requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms"
                if required.nodeSelectorTerms.isEmpty {
                    errors.append(FieldError(.required, termsPath, "must have at least one node selector term"))
                }
                for (index, term) in required.nodeSelectorTerms.enumerated() {
                    errors += validate(term, path: "\(termsPath)[\(index)]")
                }
            }
            for (index, preferred) in node.preferredDuringSchedulingIgnoredDuringExecution.enumerated() {
                let termPath = "\(field).preferredDuringSchedulingIgnoredDuringExecution[\(index)]"
                errors += weight(preferred.weight, path: "\(termPath).weight")
                errors += validate(preferred.preference, path: "\(termPath).preference")
            }
        }
        let podRules = [
            ("podAffinity", affinity.podAffinity.map { ($0.requiredDuringSchedulingIgnoredDuringExecution, $0.preferredDuringSchedulingIgnoredDuringExecution) }),
            ("podAntiAffinity", affinity.podAntiAffinity.map { ($0.requiredDuringSchedulingIgnoredDuringExecution, $0.preferredDuringSchedulingIgnoredDuringExecution) }),
        ]
        for (name, rules) in podRules {
            guard let (required, preferred) = rules else { continue }
            for (index, term) in required.enumerated() {
                errors += validate(term, path: "\(path).\(name).requiredDuringSchedulingIgnoredDuringExecution[\(index)]")
            }
            for (index, weighted) in preferred.enumerated() {
                let termPath = "\(path).\(name).preferredDuringSchedulingIgnoredDuringExecution[\(index)]"
                errors += weight(weighted.weight, path: "\(termPath).weight")
                errors += validate(weighted.podAffinityTerm, path: "\(termPath).podAffinityTerm")
            }
        }
        return errors
    }

    static func validate(_ term: NodeSelectorTerm, path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, requirement) in term.matchExpressions.enumerated() {
            let field = "\(path).matchExpressions[\(index)]"
            switch requirement.operator {
            case .in?, .notIn?:
                if requirement.values.isEmpty {
                    errors.append(FieldError(.required, "\(field).values", "must be specified when `operator` is 'In' or 'NotIn'"))
                }
            case .exists?, .doesNotExist?:
                if !requirement.values.isEmpty {
                    errors.append(FieldError(.forbidden, "\(field).values", "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
                }
            case .greaterThan?, .lessThan?:
                if requirement.values.count != 1 {
                    errors.append(FieldError(.required, "\(field).values", "must be specified single value when `operator` is 'Lt' or 'Gt'"))
                }
            case nil:
                errors.append(FieldError(.invalid, "\(field).operator", value: "", "not a valid selector operator"))
            }
            errors += LabelValidation.qualifiedName(requirement.key).map { FieldError(.invalid, "\(field).key", value: requirement.key, $0) }
        }
        return errors
    }

    static func validate(_ term: PodAffinityTerm, path: String) -> [FieldError] {
        if term.topologyKey.isEmpty {
            return [FieldError(.required, "\(path).topologyKey", "can not be empty")]
        }
        return LabelValidation.qualifiedName(term.topologyKey).map { FieldError(.invalid, "\(path).topologyKey", value: term.topologyKey, $0) }
    }

    static func weight(_ weight: Int32, path: String) -> [FieldError] {
        weightRange.contains(weight) ? [] : [FieldError(.invalid, path, number: weight, "must be in the range 1-100")]
    }
}
