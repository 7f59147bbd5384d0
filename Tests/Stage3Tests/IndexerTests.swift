// Stage 3 · Informers tests: the cache's keys and indexes.

import API
import APIMachinery
import Informers
import Testing

@Suite struct IndexerTests {
    static func byNode() -> Indexer<Pod> { Indexer(indexers: ["node": { [$0.spec.nodeName] }]) }

    @Test func objectsAreKeyedByNamespaceAndNameOrByNameAlone() {
        #expect(Indexer.key(of: makePod("web", namespace: "shop")) == "shop/web")
        #expect(Indexer.key(of: Pod(metadata: ObjectMeta(name: "cluster-wide"))) == "cluster-wide")
    }

    @Test func anIndexFindsTheObjectsFiledUnderAValue() {
        let indexer = Self.byNode()
        indexer.upsert(makePod("a", node: "node1"))
        indexer.upsert(makePod("b", node: "node2"))
        indexer.upsert(makePod("c", node: "node1"))
        #expect(Set(indexer.byIndex("node", "node1").map(\.metadata.name)) == ["a", "c"])
        #expect(indexer.byIndex("node", "node3").isEmpty)
        #expect(indexer.byIndex(Indexer<Pod>.namespaceIndex, "default").count == 3)
        #expect(indexer.byIndex("no such index", "node1").isEmpty)
    }

    @Test func anUpdateRefilesTheObjectAndADeleteUnfilesIt() {
        let indexer = Self.byNode()
        indexer.upsert(makePod("a", node: "node1"))
        indexer.upsert(makePod("a", node: "node2"))
        #expect(indexer.byIndex("node", "node1").isEmpty)
        #expect(indexer.byIndex("node", "node2").map(\.metadata.name) == ["a"])
        indexer.delete(makePod("a"))
        #expect(indexer.byIndex("node", "node2").isEmpty)
        #expect(indexer.get(key: "default/a") == nil)
    }

    @Test func aReplaceLeavesExactlyTheNewObjects() {
        let indexer = Self.byNode()
        indexer.upsert(makePod("old", node: "node1"))
        indexer.replace(with: [makePod("new", node: "node1")])
        #expect(indexer.keys() == ["default/new"])
        #expect(indexer.byIndex("node", "node1").map(\.metadata.name) == ["new"])
    }
}
