// Stage 1 · Test harness: tests of the documented normalisation rules.

@testable import TestSupport
import Testing

@Suite struct OutputNormalizerTests {
    @Test func timestampsBecomeTimePlaceholders() {
        #expect(OutputNormalizer.normalize("started 2024-05-01T12:00:00.123456Z ok") == "started <time> ok")
        #expect(OutputNormalizer.normalize("at 2024-05-01 12:00:00+02:00") == "at <time>")
    }

    @Test func uuidsBecomeUidPlaceholders() {
        #expect(OutputNormalizer.normalize("uid: 3F2504E0-4F89-11D3-9A0C-0305E82C3301") == "uid: <uid>")
    }

    @Test func durationsBecomeDurationPlaceholders() {
        #expect(OutputNormalizer.normalize("web-1   Running   0   12s") == "web-1   Running   0   <duration>")
        #expect(OutputNormalizer.normalize("back-off 1m30s, took 1.5ms") == "back-off <duration>, took <duration>")
        #expect(OutputNormalizer.normalize("stage1 v1 port 10255") == "stage1 v1 port 10255")
    }

    @Test func pidsBecomePidPlaceholders() {
        #expect(OutputNormalizer.normalize("started container pid=4242") == "started container pid=<pid>")
        #expect(OutputNormalizer.normalize("bash: line 3: 4242 Killed   sleep 100") == "bash: line 3: <pid> Killed   sleep 100")
    }

    @Test func jobNoticesOfAnInteractiveBashAreDropped() {
        let jupyter = "[1] 29150\nok\n[1]+  Done                    stage1 --port 10256 > \"$work/kubelet.log\" 2>&1\nexited\n"
        #expect(OutputNormalizer.normalize(jupyter) == "ok\nexited")
        #expect(OutputNormalizer.normalize("[2]-  Exit 1    false\n[1] not a notice") == "[1] not a notice")
    }

    @Test func trailingWhitespaceAndBlankLinesAreDropped() {
        #expect(OutputNormalizer.normalize("a  \r\nb\t\n\n\n") == "a\nb")
    }
}
