// Stage 2 · APIServer: how clients learn what this server serves.
//
// Before doing anything, `kubectl` asks the server who it is (`/version`) and what it
// serves (`/api`, `/api/v1`, `/apis`): the resources, their kinds, verbs and short
// names. That is how `kubectl get po` knows `po` means pods. These documents are read
// from the `ResourceDefinition` table.

import API

/// The discovery documents of this API server.
enum DiscoveryDocuments {
    /// The Kubernetes version this server speaks, as semver (kubectl compares it with its own).
    static let gitVersion = "v1.33.0"

    /// `/version`.
    static func versionInfo() -> VersionInfo {
        VersionInfo(major: "1", minor: "33", gitVersion: gitVersion, gitCommit: "swift", gitTreeState: "clean",
                    buildDate: "2026-01-01T00:00:00Z", goVersion: "swift6", compiler: "swiftc", platform: platform)
    }

    /// `/api`: the core group's versions.
    static func apiVersions(serverAddress: String) -> APIVersions {
        APIVersions(versions: ["v1"], serverAddressByClientCIDRs: [ServerAddressByClientCIDR(serverAddress: serverAddress)])
    }

    /// `/api/v1`: every resource and subresource of the core group.
    static func coreResources(_ definitions: [ResourceDefinition]) -> APIResourceList {
        var resources: [APIResource] = []
        for definition in definitions {
            resources.append(APIResource(
                name: definition.name, singularName: definition.singularName, namespaced: definition.isNamespaced,
                kind: definition.kind, verbs: definition.verbs, shortNames: definition.shortNames))
            for (subresource, verbs) in definition.subresources.sorted(by: { $0.key < $1.key }) {
                resources.append(APIResource(
                    name: "\(definition.name)/\(subresource)", namespaced: definition.isNamespaced,
                    kind: subresource == "log" ? "Pod" : definition.kind, verbs: verbs))
            }
        }
        return APIResourceList(groupVersion: "v1", resources: resources)
    }

    /// `/openapi/v2`: a valid but empty Swagger document; kubectl needs it to answer.
    static let openAPIv2 = #"{"swagger":"2.0","info":{"title":"Kubernetes","version":"v1.33.0"},"paths":{},"definitions":{}}"#

    #if os(Linux)
    static let platform = "linux/amd64"
    #else
    static let platform = "darwin/arm64"
    #endif
}
