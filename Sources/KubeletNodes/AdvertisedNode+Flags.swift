// Stage 4 · KubeletNodes: reading `--node-capacity`, `--node-labels` and `--register-with-taints`.
//
// Each flag is a comma-separated list, checked as the kubelet checks it before it starts,
// so a mistake stops the kubelet with a message that names the flag and the bad part:
//
//   --node-labels      key=value pairs (kubelet's `mapStringString`); keys are qualified names,
//                      values label values; keys in the kubernetes.io and k8s.io namespaces only
//                      from the set a kubelet may set (`kubelet.kubernetes.io/…`,
//                      `node.kubernetes.io/…`, `topology.kubernetes.io/zone`…), as Kubernetes'
//                      `ValidateKubeletFlags`
//   --register-with-taints   key[=value]:Effect, Effect one of NoSchedule, PreferNoSchedule,
//                      NoExecute (`taints.ParseTaints`' rules and words)
//   --node-capacity    name=quantity; a name is a standard resource (cpu, memory, pods,
//                      ephemeral-storage, hugepages-…) or fully qualified (example.com/gpu)

import API
import ClusterKinds
import Common

extension AdvertisedNode {
    /// The flags to add to a stage's kubelet flags.
    public static let flags: [Flag] = [
        Flag("node-capacity", "NAME=QUANTITY,...",
             help: "what this node advertises, replacing what the machine reports (cpu=2,memory=4Gi,pods=110,example.com/gpu=1)"),
        Flag("node-labels", "KEY=VALUE,...", help: "labels to add when the node registers (disk=ssd,zone=a)"),
        Flag("register-with-taints", "KEY=VALUE:EFFECT,...", help: "taints to register the node with (dedicated=gpu:NoSchedule)"),
    ]

    /// What the flags ask for, or nil when none was given (then the kubelet advertises the machine).
    public init?(flags: ParsedFlags) throws(CommandLineError) {
        try self.init(nodeCapacity: flags.string("node-capacity") ?? "", nodeLabels: flags.string("node-labels") ?? "",
                      registerWithTaints: flags.string("register-with-taints") ?? "")
        if isEmpty { return nil }
    }

    /// Parses the three flags' values; an empty value asks for nothing.
    public init(nodeCapacity: String, nodeLabels: String, registerWithTaints: String) throws(CommandLineError) {
        self.init(
            capacity: try Self.parseCapacity(nodeCapacity), labels: try Self.parseLabels(nodeLabels),
            taints: try Self.parseTaints(registerWithTaints))
    }

    // MARK: --node-capacity

    /// Resource names without a domain that a node may advertise (core/v1's standard resources).
    public static let standardResourceNames: Set<String> = ["cpu", "memory", "pods", "ephemeral-storage", "storage"]
    /// The prefix of huge page resources (`hugepages-2Mi`).
    public static let hugePagesPrefix = "hugepages-"

    static func parseCapacity(_ text: String) throws(CommandLineError) -> [String: Quantity] {
        var capacity: [String: Quantity] = [:]
        for (name, value) in try pairs(text, flag: "node-capacity") {
            let problems = LabelValidation.qualifiedName(name)
            if !problems.isEmpty { throw invalid("node-capacity", name, problems.joined(separator: "; ")) }
            if !name.contains("/") && !standardResourceNames.contains(name) && !name.hasPrefix(hugePagesPrefix) {
                throw invalid("node-capacity", name, "must be a standard resource type or fully qualified")
            }
            let quantity: Quantity
            do {
                quantity = try Quantity(parsing: value)
            } catch {
                throw invalid("node-capacity", "\(name)=\(value)", error.description)
            }
            if quantity < Quantity(value: 0) { throw invalid("node-capacity", "\(name)=\(value)", "must be greater than or equal to 0") }
            capacity[name] = quantity
        }
        return capacity
    }

    // MARK: --node-labels

    /// Labels in the kubernetes.io and k8s.io namespaces a kubelet may set (`kubeletapis.IsKubeletLabel`).
    public static let kubeletLabels: Set<String> = [
        "kubernetes.io/hostname", "topology.kubernetes.io/zone", "topology.kubernetes.io/region",
        "failure-domain.beta.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/region",
        "beta.kubernetes.io/instance-type", "node.kubernetes.io/instance-type",
        "kubernetes.io/os", "kubernetes.io/arch", "beta.kubernetes.io/os", "beta.kubernetes.io/arch",
    ]
    /// Prefixes of kubernetes.io labels a kubelet may set freely.
    public static let kubeletLabelNamespaces = ["kubelet.kubernetes.io", "node.kubernetes.io"]

    static func parseLabels(_ text: String) throws(CommandLineError) -> [String: String] {
        var labels: [String: String] = [:]
        for (key, value) in try pairs(text, flag: "node-labels") {
            let problems = LabelValidation.qualifiedName(key) + LabelValidation.labelValue(value).map { "value \"\(value)\": \($0)" }
            if !problems.isEmpty { throw invalid("node-labels", "\(key)=\(value)", problems.joined(separator: "; ")) }
            if isKubernetesLabel(key) && !isKubeletLabel(key) {
                throw invalid("node-labels", key, "unknown 'kubernetes.io' or 'k8s.io' label: --node-labels in the 'kubernetes.io'"
                    + " namespace must begin with an allowed prefix (\(kubeletLabelNamespaces.joined(separator: ", ")))"
                    + " or be in the specifically allowed set (\(kubeletLabels.sorted().joined(separator: ", ")))")
            }
            labels[key] = value
        }
        return labels
    }

    /// Whether `key`'s prefix is in the kubernetes.io or k8s.io namespace.
    static func isKubernetesLabel(_ key: String) -> Bool {
        guard let slash = key.firstIndex(of: "/") else { return false }
        let domain = key[..<slash]
        return ["kubernetes.io", "k8s.io"].contains { domain == $0 || domain.hasSuffix(".\($0)") }
    }

    static func isKubeletLabel(_ key: String) -> Bool {
        if kubeletLabels.contains(key) { return true }
        let domain = key.split(separator: "/").first.map(String.init) ?? ""
        return kubeletLabelNamespaces.contains { domain == $0 || domain.hasSuffix(".\($0)") }
    }

    // MARK: --register-with-taints

    static func parseTaints(_ text: String) throws(CommandLineError) -> [Taint] {
        var taints: [Taint] = []
        for spec in text.split(separator: ",", omittingEmptySubsequences: true).map(String.init) {
            let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 2 else { throw invalid("register-with-taints", spec, "invalid taint spec: \(spec), expected key[=value]:Effect") }
            guard let effect = TaintEffect(rawValue: parts[1]) else {
                throw invalid("register-with-taints", spec, "invalid taint effect: \(parts[1]), unsupported taint effect")
            }
            let keyValue = parts[0].split(separator: "=", omittingEmptySubsequences: false).map(String.init)
            guard keyValue.count <= 2 else { throw invalid("register-with-taints", spec, "invalid taint spec: \(spec)") }
            let key = keyValue[0]
            let value = keyValue.count == 2 ? keyValue[1] : ""
            let problems = LabelValidation.labelValue(value) + LabelValidation.qualifiedName(key)
            if !problems.isEmpty { throw invalid("register-with-taints", spec, "invalid taint spec: \(spec), \(problems.joined(separator: "; "))") }
            guard !taints.contains(where: { $0.key == key && $0.effect == effect }) else {
                throw invalid("register-with-taints", spec, "duplicated taints with the same key and effect")
            }
            taints.append(Taint(key: key, value: value, effect: effect))
        }
        return taints
    }

    // MARK: Shared

    /// `a=b,c=d` as pairs, in order; a pair without `=` is refused as pflag refuses it.
    private static func pairs(_ text: String, flag: String) throws(CommandLineError) -> [(String, String)] {
        var result: [(String, String)] = []
        for pair in text.split(separator: ",", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else { throw invalid(flag, String(pair), "malformed pair, expect string=string") }
            result.append((String(pair[..<equals]).trimmingWhitespace, String(pair[pair.index(after: equals)...]).trimmingWhitespace))
        }
        return result
    }

    /// `flag --name: "part": reason`, the shape of every error here.
    private static func invalid(_ flag: String, _ part: String, _ reason: String) -> CommandLineError {
        CommandLineError("flag --\(flag): \"\(part)\": \(reason)")
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
