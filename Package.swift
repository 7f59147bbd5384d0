// swift-tools-version: 6.0
//
// Kubernetes, rebuilt from the ground up in Swift.
//
// Reading this file is reading the series. Each library module is one component of a
// Kubernetes cluster; each stage's executable links the components of its stage and of
// the stages before it, and nothing else. The dependency lists below are the cluster's
// boundaries made into compile-time facts: the kubelet cannot reach into the API
// server's storage, because it does not import it.

import PackageDescription

/// Every module is compiled in the Swift 6 language mode, with strict concurrency.
let swiftSettings: [SwiftSetting] = []

let package = Package(
    name: "KubernetesInSwift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "stage1", targets: ["stage1"]),
    ],
    targets: [
        // MARK: Stage 1 · the kubelet and the pieces it stands on

        /// Things every component receives: the logger, duration parsing.
        .target(name: "Common", swiftSettings: swiftSettings),
        /// A YAML reader for the YAML that Kubernetes manifests use.
        .target(name: "YAML", swiftSettings: swiftSettings),
        /// Kubernetes' object model (ObjectMeta, Pod, …) in Kubernetes' JSON.
        .target(name: "API", dependencies: ["YAML"], swiftSettings: swiftSettings),
        /// A small HTTP/1.1 server, written here rather than imported.
        .target(name: "HTTP", dependencies: ["Common"], swiftSettings: swiftSettings),
        /// A CRI-shaped container runtime interface and the process runtime.
        .target(name: "ContainerRuntime", dependencies: ["Common"], swiftSettings: swiftSettings),
        /// The kubelet: runs the pods of one node.
        .target(
            name: "Kubelet",
            dependencies: ["Common", "YAML", "API", "HTTP", "ContainerRuntime"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "stage1",
            dependencies: ["Common", "YAML", "API", "Kubelet"],
            path: "Stages/Stage1",
            exclude: ["README.md", "manifests"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "Stage1Tests",
            dependencies: ["Common", "YAML", "API", "HTTP", "ContainerRuntime", "Kubelet"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
