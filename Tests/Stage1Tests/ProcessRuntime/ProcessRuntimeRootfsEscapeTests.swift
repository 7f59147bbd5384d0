// The process runtime makes nested mounts and working directories inside volumes a container
// can write, and never follows a link the container left there (issue 9, finding 4).

import Foundation
import Testing
@testable import ProcessRuntime
import CRI

/// A volume directory holding `link -> outside`, as an init container could leave it, and the
/// outside directory, which must stay untouched.
private func plantedVolume() throws -> (volume: String, outside: String) {
    let volume = try makeTemporaryDirectory("volume")
    let outside = try makeTemporaryDirectory("outside")
    try FileManager.default.createSymbolicLink(atPath: volume + "/link", withDestinationPath: outside)
    return (volume, outside)
}

/// Creates (without starting) a container with `mounts` and `workingDir`.
private func create(_ runtime: ProcessRuntime, mounts: [Mount], workingDir: String = "") async throws -> String {
    let sandboxConfig = podSandbox()
    let sandbox = try await runtime.runPodSandbox(sandboxConfig)
    let config = ContainerConfig(metadata: ContainerMetadata(name: "main"), command: ["true"], workingDir: workingDir, mounts: mounts)
    return try await runtime.createContainer(sandboxID: sandbox, config: config, sandboxConfig: sandboxConfig)
}

@Test func aMountNestedUnderALinkAContainerPlantedIsRefusedAndNothingIsMadeOutside() async throws {
    let (volume, outside) = try plantedVolume()
    let other = try makeTemporaryDirectory("other")
    try await withRuntime { runtime, _ in
        let mounts = [Mount(containerPath: "/shared", hostPath: volume), Mount(containerPath: "/shared/link/x", hostPath: other)]
        await #expect {
            try await create(runtime, mounts: mounts)
        } throws: { error in
            "\(error)".contains("\(volume)/link\" is a symbolic link, which the kubelet does not follow")
        }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
}

@Test func aWorkingDirectoryUnderAPlantedLinkIsRefusedAndNothingIsMadeOutside() async throws {
    let (volume, outside) = try plantedVolume()
    try await withRuntime { runtime, _ in
        await #expect(throws: RuntimeError.self) {
            try await create(runtime, mounts: [Mount(containerPath: "/shared", hostPath: volume)], workingDir: "/shared/link/work")
        }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
}

@Test func aMountNestedInAnotherVolumeIsMadeInsideThatVolumeAndAgainOnRestart() async throws {
    let volume = try makeTemporaryDirectory("volume")
    let cache = try makeTemporaryDirectory("cache")
    try await withRuntime { runtime, _ in
        // Deepest first on purpose: the runtime makes the shallower mount first.
        let mounts = [Mount(containerPath: "/shared/cache", hostPath: cache), Mount(containerPath: "/shared", hostPath: volume)]
        _ = try await create(runtime, mounts: mounts, workingDir: "/shared/cache/work")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: volume + "/cache") == cache)
        #expect(FileManager.default.fileExists(atPath: cache + "/work"))
        // The next attempt finds its own link in the volume and keeps it.
        _ = try await create(runtime, mounts: mounts)
    }
}

@Test func aNestedMountOverSomethingAContainerPutThereIsRefused() async throws {
    let volume = try makeTemporaryDirectory("volume")
    let secret = try makeTemporaryDirectory("secret")
    try Data("mine".utf8).write(to: URL(fileURLWithPath: volume + "/cache"))
    try await withRuntime { runtime, _ in
        await #expect {
            try await create(runtime, mounts: [Mount(containerPath: "/shared", hostPath: volume),
                                               Mount(containerPath: "/shared/cache", hostPath: secret)])
        } throws: { error in
            "\(error)".contains("already exists (a file) and is not replaced")
        }
    }
}
