// Stage 2 · APIServer: a service account as one row of `kubectl get serviceaccounts`.
//
// A port of `printServiceAccount` from Kubernetes' `printers.go`: the name, SECRETS (how
// many secrets the account lists) and the age.

import API
import APIMachinery
import ClusterKinds

/// The columns and cells of serviceaccounts in `kubectl get`.
public enum ServiceAccountPrinter {
    public static let columns: [APIMachinery.TableColumnDefinition] = [
        .init(name: "Name", type: "string", format: "name", description: "Name must be unique within a namespace.", priority: 0),
        .init(name: "Secrets", type: "string", description: "Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a \"kubernetes.io/enforce-mountable-secrets\" annotation set to \"true\". The \"kubernetes.io/enforce-mountable-secrets\" annotation is deprecated since v1.32. Prefer separate namespaces to isolate access to mounted secrets. This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret", priority: 0),
        .init(name: "Age", type: "string", description: "CreationTimestamp is a timestamp representing the server time when this object was created.", priority: 0),
    ]

    public static func cells(_ account: ServiceAccount, now: Time) -> [String] {
        [
            account.metadata.name,
            "\(account.secrets.count)",
            PodPrinter.age(since: account.metadata.creationTimestamp, now: now),
        ]
    }
}
