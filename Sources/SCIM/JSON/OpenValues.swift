/// The members or elements of the containers still being read, all levels on one stack.
///
/// Each container, once read, moves its run off the top into an array of exactly its size.
/// Appending to an array of its own instead reallocated it at every doubling (four times for a
/// typical user's dozen attributes); an Array used as the stack copied each value out and then
/// destroyed it, a retain and a release per value.
final class OpenValues<Element> {
    private var storage = UnsafeMutablePointer<Element>.allocate(capacity: 0)
    private var capacity = 0
    private(set) var count = 0

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func push(_ element: Element) {
        if count == capacity { grow() }
        (storage + count).initialize(to: element)
        count += 1
    }

    /// Moves the values from `start` to the top into a new array, leaving `start` values.
    func popArray(from start: Int) -> [Element] {
        let moved = count - start
        guard moved > 0 else { return [] }
        count = start
        // Not `Array(unsafeUninitializedCapacity:)`: for these element types it looked the array
        // type's metadata up in the runtime's tables on every call.
        var array: [Element] = []
        array.reserveCapacity(moved)
        for i in start..<start + moved { array.append((storage + i).move()) }
        return array
    }

    private func grow() {
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: max(16, capacity * 2))
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity = max(16, capacity * 2)
    }
}
