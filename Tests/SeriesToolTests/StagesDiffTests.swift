// `swift run stages diff 1 2`, run as a learner runs it: from the repository's top folder.

import Foundation
import Testing
@testable import TestSupport

@Suite struct StagesDiffTests {
    func stages(_ arguments: String...) async throws -> (status: Int32, output: String) {
        let process = try StageProcess(executable: Binaries.executable(named: "stages"), arguments: arguments,
                                       workingDirectory: Binaries.packageRoot, name: "stages")
        let status = try await process.waitForExit()
        return (status, process.output)
    }

    @Test func diffListsTheFilesAStageIntroducesWithTheirRoles() async throws {
        let (status, output) = try await stages("diff", "1", "2")
        #expect(status == 0)
        #expect(output.hasPrefix("Stage 2 adds to stage 1: "))
        #expect(output.contains("Sources/APIServer/APIServer.swift"))
        #expect(output.contains("APIServer: the cluster's front door"), "each file's header gives its role")
        #expect(!output.contains("Sources/Kubelet/PodWorker.swift "), "stage 1's files are not listed as added")
    }

    @Test func diffComparesTheCompositionRoots() async throws {
        let (_, output) = try await stages("diff", "1", "2")
        #expect(output.contains("--- Stages/Stage1/main.swift\n+++ Stages/Stage2/main.swift\n@@ "))
        #expect(output.contains("\n+import APIServer\n"))
    }

    @Test func diffPutsTheLessonBeforeTheSupportingDetail() async throws {
        let (_, output) = try await stages("diff", "1", "2")
        let lesson = try #require(output.range(of: "\nThe lesson: "))
        let detail = try #require(output.range(of: "\nThe supporting detail: "))
        let server = try #require(output.range(of: "Sources/APIServer/APIServer.swift "))
        let group = try #require(output.range(of: "Sources/APIMachinery/APIGroup.swift "))
        #expect(lesson.lowerBound < server.lowerBound && server.lowerBound < detail.lowerBound,
                "the README's reading path is the lesson")
        #expect(detail.lowerBound < group.lowerBound, "wire-format types are detail")
    }

    @Test func diffShowsEveryLineStage2AddedToStage1Files() async throws {
        let (_, output) = try await stages("diff", "1", "2")
        #expect(output.contains("\nFenced additions to earlier stages' files: "))
        #expect(output.contains("\n  Sources/HTTP/HTTPServer.swift:"))
        #expect(output.contains("Stage 2 > the API server words its refusals"))
        #expect(output.contains("\n  +     public func hasWorker(forPod uid: String) async -> Bool"),
                "the fenced lines themselves are printed")
    }

    @Test func diffListsWhatStage1OpensToOtherModules() async throws {
        let (_, output) = try await stages("diff", "1", "2")
        #expect(output.contains("\nDeclarations of earlier stages that other modules may use (`package`, not `public`): "))
        #expect(output.contains("  Sources/HTTP/Socket.swift:"), "stage 2's client reads and writes through stage 1's sockets")
    }

    @Test func fullAlsoPrintsTheNewFiles() async throws {
        let (_, output) = try await stages("diff", "1", "2", "--full")
        #expect(output.contains("==> Sources/APIServer/RequestInfo.swift <==\n// Stage 2 · APIServer:"))
    }

    @Test func aBackwardsRangeIsAnErrorThatSaysSo() async throws {
        let (status, output) = try await stages("diff", "2", "1")
        #expect(status == 2)
        #expect(output.contains("the earlier first"))
    }
}
