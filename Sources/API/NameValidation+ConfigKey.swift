// Stage 1 · API: the rule for the keys of ConfigMaps and Secrets (Kubernetes' `IsConfigMapKey`).
//
// A key becomes a file name in a configMap or secret volume, so it must be a safe one:
// at most 253 characters of letters, digits, `-`, `_` and `.`, and not `.`, `..` or a
// name starting with `..` (the kubelet's own hidden names, such as `..data`). Checked
// by the API server on ConfigMaps and Secrets, and on the keys a pod's env refers to.

extension NameValidation {
    /// The problems with `key` as a ConfigMap or Secret key, in Kubernetes' words; empty when valid.
    public static func configKey(_ key: String) -> [String] {
        var problems: [String] = []
        if key.count > 253 { problems.append("must be no more than 253 characters") }
        let allowed = key.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-._".unicodeScalars.contains(scalar)
        }
        if key.isEmpty || !allowed {
            problems.append("a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')")
        }
        if key == "." {
            problems.append("must not be '.'")
        } else if key == ".." {
            problems.append("must not be '..'")
        } else if key.hasPrefix("..") {
            problems.append("must not start with '..'")
        }
        return problems
    }
}
