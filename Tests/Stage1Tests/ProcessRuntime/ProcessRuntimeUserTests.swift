// The process runtime starts a container as its `runAsUser` and `runAsGroup` when it runs as
// root, and refuses plainly when it cannot (issue 9, finding 10).

import Foundation
import Testing
@testable import ProcessRuntime
import CRI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private let isRoot = getuid() == 0

@Test(.enabled(if: isRoot, "changing a process's user needs the tests to run as root"))
func aContainerRunsAsItsRunAsUserAndRunAsGroup() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sh", "-c", "echo user=$(id -u) group=$(id -g) groups=$(id -G)"]) { config in
            config.linux = LinuxContainerConfig(securityContext: LinuxContainerSecurityContext(runAsUser: 1234, runAsGroup: 5678))
        }
        let status = try await exitedStatus(runtime, id)
        #expect(try criLogText(status.logPath) == "user=1234 group=5678 groups=5678\n")
        #expect(status.exitCode == 0)
    }
}

@Test(.enabled(if: isRoot, "changing a process's user needs the tests to run as root"))
func aCommandRunInAContainerRunsAsTheContainersUser() async throws {
    try await withRuntime { runtime, _ in
        let id = try await startContainer(runtime, ["sleep", "30"]) { config in
            config.linux = LinuxContainerConfig(securityContext: LinuxContainerSecurityContext(runAsUser: 4321))
        }
        let result = try await runtime.execSync(containerID: id, command: ["id", "-u"], timeout: .seconds(10))
        #expect(result.output == "4321\n")
    }
}

@Test(.enabled(if: isRoot, "changing a process's user needs the tests to run as root"))
func aMissingProgramRunAsAnotherUserFailsAsPosixSpawnReportsIt() async throws {
    try await withRuntime { runtime, _ in
        await #expect {
            try await startContainer(runtime, ["no-such-program-here"]) { config in
                config.linux = LinuxContainerConfig(securityContext: LinuxContainerSecurityContext(runAsUser: 1000))
            }
        } throws: { error in
            "\(error)".contains(#"exec: "no-such-program-here": executable file not found in $PATH"#)
        }
    }
}

@Test func aRuntimeThatIsNotRootRefusesAnotherUserAndSaysWhy() throws {
    let asked = LinuxContainerSecurityContext(runAsUser: 2000, runAsGroup: 3000)
    #expect {
        try ProcessRuntime.credentials(for: asked, runtimeUser: 1000, runtimeGroup: 1000)
    } throws: { error in
        "\(error)".contains("the process runtime runs as uid 1000, and only root can start a container as uid 2000 and gid 3000")
    }
    // Its own user needs no change, so it is allowed.
    let own = LinuxContainerSecurityContext(runAsUser: 1000, runAsGroup: 1000)
    #expect(try ProcessRuntime.credentials(for: own, runtimeUser: 1000, runtimeGroup: 1000) == nil)
    #expect(try ProcessRuntime.credentials(for: asked, runtimeUser: 0, runtimeGroup: 0)
        == ProcessLauncher.Credentials(user: 2000, group: 3000))
}

@Test func anIdOutsideTheRangeKubernetesAllowsIsRefused() throws {
    #expect(throws: RuntimeError.self) {
        try ProcessRuntime.credentials(for: LinuxContainerSecurityContext(runAsUser: -1), runtimeUser: 0, runtimeGroup: 0)
    }
}
