// Stage 1 · Common tests: the one-line, key=value log format every component writes.

import Testing
import Common

@Test func lineIsLabelMessageThenFieldsInOrder() {
    let collector = LogCollector()
    collector.logger(label: "kubelet").info("started container", ["name": "web", "pod": "hello-node1"])
    #expect(collector.collected == ["kubelet: started container name=web pod=hello-node1"])
}

@Test func warningsAndErrorsSayTheirLevel() {
    let collector = LogCollector()
    let logger = collector.logger(label: "kubelet")
    logger.warning("could not read manifest")
    logger.error("gave up")
    logger.debug("detail")
    #expect(collector.collected == ["kubelet: warning could not read manifest", "kubelet: error gave up", "kubelet: detail"])
}

@Test func valuesThatWouldSplitTheLineAreQuoted() {
    let collector = LogCollector()
    collector.logger(label: "k").info("m", ["a": "two words", "b": "say \"hi\"", "c": "x=y", "d": "", "e": "line\nbreak", "f": 3])
    #expect(collector.collected == [#"k: m a="two words" b="say \"hi\"" c="x=y" d="" e="line\nbreak" f=3"#])
}

@Test func backslashesAreEscapedOnlyInsideQuotes() {
    let collector = LogCollector()
    collector.logger(label: "k").info("m", ["path": #"C:\dir"#, "both": #"a \ b"#])
    #expect(collector.collected == [#"k: m path=C:\dir both="a \\ b""#])
}

@Test func linesQuieterThanTheLevelAreDropped() {
    let collector = LogCollector()
    let logger = collector.logger(label: "k", level: .warning)
    logger.info("dropped")
    logger.warning("kept")
    #expect(collector.collected == ["k: warning kept"])
}

@Test func labelledLoggerSharesTheSinkAndLevel() {
    let collector = LogCollector()
    let probe = collector.logger(label: "kubelet", level: .info).labelled("prober")
    probe.debug("dropped")
    probe.info("probe failed")
    #expect(probe.label == "prober")
    #expect(collector.collected == ["prober: probe failed"])
}

@Test func collectorKeepsLinesFromManyTasksOldestFirst() async {
    let collector = LogCollector()
    let logger = collector.logger(label: "k")
    await withTaskGroup(of: Void.self) { group in
        for index in 0..<50 { group.addTask { logger.info("line", ["n": index]) } }
    }
    #expect(collector.collected.count == 50)
    #expect(Set(collector.collected).count == 50)
}

@Test func silentLoggerWritesNothingBelowError() {
    #expect(Logger.silent.level == .error)
}
