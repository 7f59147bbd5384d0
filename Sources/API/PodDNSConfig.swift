// Stage 1 · API: the names a pod resolves (core/v1 `PodDNSConfig`, `PodDNSConfigOption`, `HostAlias`).
//
// The kubelet writes a pod's /etc/resolv.conf from its `dnsPolicy`, then merges in
// `dnsConfig` (all of it, with `dnsPolicy: None`), and its /etc/hosts from the pod's
// own names plus `hostAliases`. The process runtime of this series gives containers the
// node's own files, so these are kept and shown but not applied.

/// Extra DNS settings for a pod's resolv.conf.
public struct PodDNSConfig: Sendable, Hashable {
    public var nameservers: [String] = []
    public var searches: [String] = []
    public var options: [PodDNSConfigOption] = []

    public init() {}
}

extension PodDNSConfig: APIFields {
    public static let zero = PodDNSConfig()
    public static let fields: [JSONField<PodDNSConfig>] = [
        .omitEmpty("nameservers", \.nameservers, "DNS server addresses, added to those the DNS policy gives."),
        .omitEmpty("searches", \.searches, "Search domains for host-name lookups, added to those the policy gives."),
        .omitEmpty("options", \.options, "Resolver options such as ndots; these replace options of the same name."),
    ]
}

/// One resolver option (`ndots:2`).
public struct PodDNSConfigOption: Sendable, Hashable {
    public var name: String = ""
    public var value: String?

    public init() {}
}

extension PodDNSConfigOption: APIFields {
    public static let zero = PodDNSConfigOption()
    public static let fields: [JSONField<PodDNSConfigOption>] = [
        .omitEmpty("name", \.name, "The option's name."),
        .pointer("value", \.value, "The option's value, for options that take one."),
    ]
}

/// An /etc/hosts entry of the pod: one address, several names.
public struct HostAlias: Sendable, Hashable {
    public var ip: String = ""
    public var hostnames: [String] = []

    public init() {}
}

extension HostAlias: APIFields {
    public static let zero = HostAlias()
    public static let fields: [JSONField<HostAlias>] = [
        .always("ip", \.ip, "The IP address of the entry."),
        .omitEmpty("hostnames", \.hostnames, "The names that resolve to the address."),
    ]
}
