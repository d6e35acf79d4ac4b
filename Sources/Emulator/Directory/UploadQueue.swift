import Foundation

/// Accepted uploads waiting for the synchronization service, one first-in-first-out line per job.
///
/// Lines per job because a job's state decides what happens to its uploads: a paused job keeps them,
/// a restart purges them, and only an active job's line is drained. Arrival order across jobs is kept
/// by a sequence number, so the directory sees uploads in the order they were accepted.
struct UploadQueue: Sendable {
    private var lines: [String: Line] = [:]
    private var nextSequence = 0
    private(set) var count = 0

    /// One job's uploads; `head` moves instead of removing from the front, and the consumed part is
    /// dropped once it is half the array, so taking a batch is O(1) amortised.
    private struct Line: Sendable {
        var items: [(sequence: Int, batch: UploadBatch)] = []
        var head = 0

        var isEmpty: Bool { head >= items.count }
        var pending: Int { items.count - head }
        var first: (sequence: Int, batch: UploadBatch)? { isEmpty ? nil : items[head] }

        mutating func removeFirst() -> UploadBatch {
            let batch = items[head].batch
            head += 1
            if head >= 64, head * 2 >= items.count {
                items.removeFirst(head)
                head = 0
            }
            return batch
        }
    }

    /// Uploads waiting for one job.
    func count(job key: String) -> Int { lines[key]?.pending ?? 0 }

    mutating func append(_ batch: UploadBatch) {
        lines[batch.jobKey, default: Line()].items.append((nextSequence, batch))
        nextSequence += 1
        count += 1
    }

    /// Removes every upload waiting for the job and returns them (a restart purges them).
    mutating func purge(job key: String) -> [UploadBatch] {
        guard let line = lines.removeValue(forKey: key) else { return [] }
        let purged = line.items[line.head...].map(\.batch)
        count -= purged.count
        return purged
    }

    /// Takes, in arrival order, the uploads that are due (received at least `delay` seconds before
    /// `now`) for jobs that `runnable` accepts, until about `operations` operations are taken.
    /// At least one upload is taken when one is due, however large.
    mutating func takeDue(now: Date, delay: TimeInterval, operations: Int, runnable: (String) -> Bool) -> [UploadBatch] {
        var taken: [UploadBatch] = []
        var total = 0
        while total < operations, let key = nextDueLine(now: now, delay: delay, runnable: runnable) {
            let batch = lines[key, default: Line()].removeFirst()
            if lines[key]?.isEmpty == true { lines[key] = nil }
            count -= 1
            total += batch.operations.count
            taken.append(batch)
        }
        return taken
    }

    /// The runnable job whose first upload is due and arrived earliest.
    private func nextDueLine(now: Date, delay: TimeInterval, runnable: (String) -> Bool) -> String? {
        var best: (key: String, sequence: Int)?
        for (key, line) in lines {
            guard let first = line.first, now.timeIntervalSince(first.batch.receivedAt) >= delay, runnable(key) else { continue }
            if best == nil || first.sequence < best?.sequence ?? Int.max { best = (key, first.sequence) }
        }
        return best?.key
    }
}
