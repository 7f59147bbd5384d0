// Stage 4 · Scheduler: a priority queue of pods that can also find, replace and remove one.
//
// Both timed sub-queues of the scheduling queue are heaps: the active queue ordered by
// priority then arrival, the back-off queue by the moment each back-off ends. A plain heap
// only pops its top; the queue must also replace a pod that was updated and drop one that
// was deleted, wherever it sits. So, as Kubernetes' `internal/heap`, this heap keeps the
// index of every item by its key and restores the order from that index: each operation
// is O(log n).

import SchedulerFramework

/// A binary heap of `QueuedPodInfo` keyed by `namespace/name`; owned by `SchedulingQueue`.
struct PodHeap: Sendable {
    private var items: [QueuedPodInfo] = []
    /// Where each key's item is in `items`; kept in step with every swap.
    private var positions: [String: Int] = [:]
    private let less: @Sendable (QueuedPodInfo, QueuedPodInfo) -> Bool

    init(less: @escaping @Sendable (QueuedPodInfo, QueuedPodInfo) -> Bool) {
        self.less = less
    }

    var count: Int { items.count }
    var isEmpty: Bool { items.isEmpty }
    /// The item `pop` would return.
    var top: QueuedPodInfo? { items.first }
    /// Every item, in no order.
    var all: [QueuedPodInfo] { items }

    func get(_ key: String) -> QueuedPodInfo? {
        positions[key].map { items[$0] }
    }

    func contains(_ key: String) -> Bool { positions[key] != nil }

    /// Adds `info`, or replaces the item with its key and moves it to its new place.
    mutating func addOrUpdate(_ info: QueuedPodInfo) {
        if let index = positions[info.key] {
            items[index] = info
            fix(index)
        } else {
            items.append(info)
            positions[info.key] = items.count - 1
            up(items.count - 1)
        }
    }

    /// Removes and returns the item with `key`, if there is one.
    @discardableResult
    mutating func remove(_ key: String) -> QueuedPodInfo? {
        guard let index = positions[key] else { return nil }
        let last = items.count - 1
        if index != last { swapAt(index, last) }
        let removed = items.removeLast()
        positions[key] = nil
        if index < items.count { fix(index) }
        return removed
    }

    /// Removes and returns the first item in the heap's order.
    mutating func pop() -> QueuedPodInfo? {
        guard let first = items.first else { return nil }
        return remove(first.key)
    }

    // MARK: Keeping the order

    private mutating func fix(_ index: Int) {
        if !down(index) { up(index) }
    }

    private mutating func up(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(items[child], items[parent]) else { return }
            swapAt(child, parent)
            child = parent
        }
    }

    /// Sinks the item at `start`; whether it moved.
    @discardableResult
    private mutating func down(_ start: Int) -> Bool {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var smallest = left
            let right = left + 1
            if right < items.count, less(items[right], items[left]) { smallest = right }
            guard less(items[smallest], items[parent]) else { break }
            swapAt(parent, smallest)
            parent = smallest
        }
        return parent != start
    }

    private mutating func swapAt(_ i: Int, _ j: Int) {
        items.swapAt(i, j)
        positions[items[i].key] = i
        positions[items[j].key] = j
    }
}
