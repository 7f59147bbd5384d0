// Stage 2 · APIServer: the discovery documents that tell kubectl what this server serves.
//
// Before `kubectl get pods` sends a single request about pods, it finds its way:
//
//     GET /version    which Kubernetes is this?           → VersionInfo
//     GET /api        which versions of the core group?   → APIVersions  ["v1"]
//     GET /apis       which named groups (apps, batch…)?  → APIGroupList (none yet)
//     GET /api/v1     which resources, verbs, short names? → APIResourceList
//
// Only then does it know that `po` means pods, that pods live in namespaces and that
// their URL is `/api/v1/namespaces/{ns}/pods`. These are pure functions; the API
// server's router serves their results.
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

    /// The answer to `GET /api`: the core group is served at `v1`, at `serverAddress`.
    public static func apiVersions(serverAddress: String = defaultServerAddress) -> APIVersions {
        APIVersions(
            versions: ["v1"],
            serverAddressByClientCIDRs: [ServerAddressByClientCIDR(serverAddress: serverAddress)])
    }

    /// The answer to `GET /apis`: no named groups in stage 2 (stage 5 adds `apps`).
    public static func apiGroupList(groups: [APIGroup] = []) -> APIGroupList {
        APIGroupList(groups: groups)
    }

    /// The answer to `GET /api/v1` (or `/apis/<group>/<version>`): every resource of that
    /// group version and every subresource, sorted by name as Kubernetes sorts them, so
    /// `pods`, `pods/log`, `pods/status` stand together.
    public static func apiResourceList(
        groupVersion: String = "v1", resources: [ResourceDefinition] = ResourceDefinition.coreV1
    ) -> APIResourceList {
        let entries = resources
            .filter { $0.groupVersion == groupVersion }
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
