/// The roadmap's dependency graph (step 8): an order that respects every prerequisite, the cycles that prevent one, and the
/// critical path.
public struct RoadmapGraph: Sendable {
    public struct Node: Sendable, Hashable {
        public var id: String
        public var prerequisites: [String]
        public var durationDays: Int
        /// Tie-breaks among items ready at the same time: horizon, then start date, then title.
        public var sortKey: String

        public init(id: String, prerequisites: [String], durationDays: Int, sortKey: String) {
            self.id = id
            self.prerequisites = prerequisites
            self.durationDays = durationDays
            self.sortKey = sortKey
        }
    }

    public enum Outcome: Sendable, Hashable {
        case ordered(order: [String], criticalPath: [String], criticalDays: Int)
        /// The graph has cycles; each is the set of items on it, in the order given.
        case cycles([[String]])
    }

    public let nodes: [Node]

    public init(nodes: [Node]) {
        self.nodes = nodes
    }

    public init(items: [RoadmapItem]) {
        nodes = items.map { item in
            let start = item.timeframe.map { $0.start.description } ?? "9999-99-99"
            let horizon = RoadmapItem.Horizon.allCases.firstIndex(of: item.horizon) ?? 0
            return Node(id: item.id, prerequisites: item.prerequisites, durationDays: item.durationDays, sortKey: "\(horizon) \(start) \(item.title)")
        }
    }

    /// A topological order (every item after its prerequisites; among items ready together, the lower sort key first),
    /// and the critical path: the longest chain of prerequisites by total duration. Prerequisites that name no node are
    /// ignored. When the graph has a cycle there is no order: every cycle is returned with its members (the strongly
    /// connected components of more than one item, and items that require themselves).
    public func outcome() -> Outcome {
        let index = Dictionary(nodes.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let n = nodes.count
        var dependants = [[Int]](repeating: [], count: n)
        var indegree = [Int](repeating: 0, count: n)
        var requires = [[Int]](repeating: [], count: n)
        for (i, node) in nodes.enumerated() {
            var seen = Set<Int>()
            for p in node.prerequisites {
                guard let j = index[p], seen.insert(j).inserted else { continue }
                dependants[j].append(i)
                requires[i].append(j)
                indegree[i] += 1
            }
        }
        var heap = Heap { (a: Int, b: Int) in (nodes[a].sortKey, a) < (nodes[b].sortKey, b) }
        for i in 0..<n where indegree[i] == 0 { heap.push(i) }
        var order: [Int] = []
        order.reserveCapacity(n)
        while let i = heap.pop() {
            order.append(i)
            for d in dependants[i] {
                indegree[d] -= 1
                if indegree[d] == 0 { heap.push(d) }
            }
        }
        guard order.count == n else { return .cycles(cycles(requires: requires)) }

        // Longest path by duration: each item finishes after its longest chain of prerequisites; ties keep the first.
        var finish = [Int](repeating: 0, count: n)
        var via = [Int?](repeating: nil, count: n)
        for i in order {
            var best = 0
            for j in requires[i] where via[i] == nil || finish[j] > best {
                best = finish[j]
                via[i] = j
            }
            finish[i] = best + max(0, nodes[i].durationDays)
        }
        var path: [String] = []
        var total = 0
        var last: Int?
        for i in order where last == nil || finish[i] > total {
            last = i
            total = finish[i]
        }
        var cursor = last
        while let c = cursor {
            path.append(nodes[c].id)
            cursor = via[c]
        }
        return .ordered(order: order.map { nodes[$0].id }, criticalPath: path.reversed(), criticalDays: total)
    }

    /// Tarjan's strongly connected components of the nodes left on cycles, each listed in node order.
    private func cycles(requires: [[Int]]) -> [[String]] {
        let n = nodes.count
        var indexOf = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var counter = 0
        var found: [[Int]] = []
        for root in 0..<n where indexOf[root] < 0 {
            // Iterative depth-first search: (node, next edge to look at).
            var work: [(Int, Int)] = [(root, 0)]
            indexOf[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (v, edge) = work.last {
                if edge < requires[v].count {
                    work[work.count - 1].1 += 1
                    let w = requires[v][edge]
                    if indexOf[w] < 0 {
                        indexOf[w] = counter
                        low[w] = counter
                        counter += 1
                        stack.append(w)
                        onStack[w] = true
                        work.append((w, 0))
                    } else if onStack[w] {
                        low[v] = min(low[v], indexOf[w])
                    }
                } else {
                    work.removeLast()
                    if let (parent, _) = work.last { low[parent] = min(low[parent], low[v]) }
                    if low[v] == indexOf[v] {
                        var component: [Int] = []
                        while let w = stack.popLast() {
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        if component.count > 1 || requires[v].contains(v) { found.append(component.sorted()) }
                    }
                }
            }
        }
        return found.sorted { ($0.first ?? 0) < ($1.first ?? 0) }.map { $0.map { nodes[$0].id } }
    }
}

/// A binary min-heap over `less`.
struct Heap<Element> {
    private var items: [Element] = []
    private let less: (Element, Element) -> Bool

    init(less: @escaping (Element, Element) -> Bool) {
        self.less = less
    }

    mutating func push(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(items[child], items[parent]) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count && less(items[left], items[smallest]) { smallest = left }
            if right < items.count && less(items[right], items[smallest]) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top
    }
}

/// When each roadmap item happens on the timeline: dated items keep their dates (a date before a prerequisite's end is
/// shown as planned, and flagged); undated items start the day after their last prerequisite ends, or at `origin`, and
/// last their horizon's default duration.
public struct RoadmapSchedule: Sendable, Hashable {
    public struct Slot: Sendable, Hashable {
        public let start: CalendarDate
        public let end: CalendarDate
        /// The dates are the item's own (not scheduled from its prerequisites).
        public let dated: Bool
        /// The item is dated to start before a prerequisite ends.
        public let startsBeforePrerequisite: Bool
    }

    public let slots: [String: Slot]

    /// `order` must respect prerequisites (``RoadmapGraph/outcome()``).
    public init(items: [RoadmapItem], order: [String], origin: CalendarDate) {
        let byID = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var slots: [String: Slot] = [:]
        let day: Int64 = 86_400_000
        for id in order {
            guard let item = byID[id] else { continue }
            let ready = item.prerequisites.compactMap { slots[$0]?.end }.max().map { CalendarDate(epochMilliseconds: $0.epochMilliseconds + day) }
            if let timeframe = item.timeframe {
                slots[id] = Slot(
                    start: timeframe.start, end: timeframe.end, dated: true, startsBeforePrerequisite: ready.map { timeframe.start < $0 } ?? false)
            } else {
                let start = max(ready ?? origin, origin)
                let end = CalendarDate(epochMilliseconds: start.epochMilliseconds + Int64(item.durationDays - 1) * day)
                slots[id] = Slot(start: start, end: end, dated: false, startsBeforePrerequisite: false)
            }
        }
        self.slots = slots
    }
}
