// Stage 2 · APIServer: the discovery documents that tell kubectl what this server serves.
//
// Before `kubectl get pods` sends a single request about pods, it finds its way:
//
//     GET /version    which Kubernetes is this?           → VersionInfo
//     GET /api        which versions of the core group?   → APIVersions  ["v1"]
//     GET /apis       which named groups (apps, batch…)?  → APIGroupList (none yet)
//     GET /api/v1     which resources, verbs, short names? → APIResourceList
//     GET /apis/{group}[/{version}]                        → APIGroup, APIResourceList
//
// Only then does it know that `po` means pods, that pods live in namespaces and that
// their URL is `/api/v1/namespaces/{ns}/pods`. These are pure functions of the
// resources the server was given (`ResourceRegistration`); its router serves them.
//
// Aggregated discovery: kubectl 1.26+ asks `/api` and `/apis` with
// `Accept: application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,…,application/json`.
// client-go decides by the *Content-Type* of the answer: only a Content-Type naming
// `apidiscovery.k8s.io` makes it parse the body as an aggregated list; anything else
// (plain `application/json`) is read as the legacy `APIVersions`/`APIGroupList`, after
// which it fetches `/api/v1` the old way. So the server answers every discovery
// request with `contentType` and these legacy documents, whatever the Accept header.

import API
import APIMachinery

/// Builds the answers to `/version`, `/api`, `/apis` and `/api/v1`; called by the API
/// server's router, read by kubectl's discovery client.
public enum Discovery {
    /// The Kubernetes release this server claims to be. kubectl parses `gitVersion` as
    /// semantic version and warns when it is more than one minor version from its own,
    /// so this is a real release number, not the series' own.
    public static let kubernetesMajor = 1
    /// The minor release; kubectl 1.32–1.34 are within the supported skew.
    public static let kubernetesMinor = 33
    /// The patch release.
    public static let kubernetesPatch = 0
    /// When that release was cut (Kubernetes 1.33.0: 23 April 2025), RFC 3339.
    public static let buildDate = "2025-04-23T00:00:00Z"
    /// The Content-Type of every discovery answer: plain JSON, which is what makes
    /// client-go fall back from aggregated to legacy discovery (see the file comment).
    public static let contentType = "application/json"
    /// The address `/api` advertises when the caller does not say.
    public static let defaultServerAddress = "127.0.0.1:8080"

    /// The answer to `GET /version`, printed by `kubectl version` as Server Version.
    public static func versionInfo() -> VersionInfo {
        VersionInfo(
            major: "\(kubernetesMajor)",
            minor: "\(kubernetesMinor)",
            gitVersion: "v\(kubernetesMajor).\(kubernetesMinor).\(kubernetesPatch)",
            // No Kubernetes commit was built: say so rather than invent a hash.
            gitCommit: "kubernetes-in-swift",
            gitTreeState: "clean",
            buildDate: buildDate,
            goVersion: swiftVersion,
            compiler: "swiftc",
            platform: "\(operatingSystem)/\(architecture)")
    }

    /// The answer to `GET /api`: the versions of the core group among `resources`, at `serverAddress`.
    public static func apiVersions(of resources: [ResourceRegistration], serverAddress: String = defaultServerAddress) -> APIVersions {
        APIVersions(
            versions: versions(ofGroup: "", in: resources),
            serverAddressByClientCIDRs: [ServerAddressByClientCIDR(serverAddress: serverAddress)])
    }

    /// The answer to `GET /apis`: every named group among `resources` (none in stage 2;
    /// stage 5 adds `apps`), each with its versions, the first registered preferred.
    public static func apiGroupList(of resources: [ResourceRegistration]) -> APIGroupList {
        var names: [String] = []
        for resource in resources where !resource.resource.group.isEmpty && !names.contains(resource.resource.group) {
            names.append(resource.resource.group)
        }
        return APIGroupList(groups: names.compactMap { apiGroup($0, of: resources) })
    }

    /// The answer to `GET /apis/<group>`, or nil when no resource is in that group. Inside
    /// an `APIGroupList` a group has no kind; served alone it has one.
    public static func apiGroup(_ name: String, of resources: [ResourceRegistration], standalone: Bool = false) -> APIGroup? {
        let versions = versions(ofGroup: name, in: resources).map { GroupVersionForDiscovery(groupVersion: "\(name)/\($0)", version: $0) }
        guard let preferred = versions.first, !name.isEmpty else { return nil }
        return APIGroup(
            apiVersion: standalone ? "v1" : "", kind: standalone ? "APIGroup" : "", name: name, versions: versions,
            preferredVersion: preferred)
    }

    /// The versions `group` is served at, in the order first registered.
    public static func versions(ofGroup group: String, in resources: [ResourceRegistration]) -> [String] {
        var versions: [String] = []
        for resource in resources where resource.resource.group == group && !versions.contains(resource.resource.version) {
            versions.append(resource.resource.version)
        }
        return versions
    }

    /// The answer to `GET /api/v1` (or `/apis/<group>/<version>`): every resource of that
    /// group version and every subresource, sorted by name as Kubernetes sorts them, so
    /// `pods`, `pods/log`, `pods/status` stand together.
    public static func apiResourceList(groupVersion: String, resources: [ResourceRegistration]) -> APIResourceList {
        let entries = resources
            .filter { $0.resource.groupVersion == groupVersion }
            .flatMap(\.discoveryEntries)
            .sorted { $0.name < $1.name }
        return APIResourceList(groupVersion: groupVersion, resources: entries)
    }

    /// Swift's version, reported where Kubernetes reports Go's.
    static var swiftVersion: String {
        #if compiler(>=6.3)
        "swift6.3"
        #elseif compiler(>=6.2)
        "swift6.2"
        #elseif compiler(>=6.1)
        "swift6.1"
        #else
        "swift6.0"
        #endif
    }

    /// The operating system as Go names it (`GOOS`).
    static var operatingSystem: String {
        #if os(Linux)
        "linux"
        #elseif os(macOS)
        "darwin"
        #else
        "unknown"
        #endif
    }

    /// The processor as Go names it (`GOARCH`).
    static var architecture: String {
        #if arch(x86_64)
        "amd64"
        #elseif arch(arm64)
        "arm64"
        #else
        "unknown"
        #endif
    }
}
