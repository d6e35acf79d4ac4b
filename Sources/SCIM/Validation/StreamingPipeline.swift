import Foundation

/// Checks a stream's batches on every core at once, a whole batch per worker, and adds them to a
/// `StreamingValidator` in the order they came, on the calling thread.
///
/// Splitting each batch over the cores left them waiting at every step's end (parse, records,
/// envelopes) and the reading, the set rules and the freeing ran alone in between: a batch per
/// worker keeps both cores busy while the calling thread reads the next batch and keeps the set.
/// At most `depth` batches are in flight, so memory stays that many batches whatever the file.
public struct StreamingPipeline {
    public private(set) var stream: StreamingValidator
    private let depth: Int
    private var inFlight: [Pending] = []

    private struct Pending: Sendable {
        let done: DispatchSemaphore
        let result: ConcurrentSlots<Result<StreamingValidator.PreparedBatch, InputError>>
    }

    public init(_ stream: StreamingValidator, depth: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.stream = stream
        self.depth = max(1, depth)
    }

    /// Hands a batch to a worker, first adding the oldest one when `depth` are in flight; throws the
    /// first batch's error that comes up in order (the caller then reads the file whole).
    public mutating func submit(_ batch: [UInt8]) throws(InputError) {
        while inFlight.count >= depth { try commitOldest() }
        let pending = Pending(done: DispatchSemaphore(value: 0), result: ConcurrentSlots(count: 1))
        let validator = stream.validator
        DispatchQueue.global().async {
            pending.result[0] = Result { () throws(InputError) in try StreamingValidator.prepare(batch: batch, validator: validator) }
            pending.done.signal()
        }
        inFlight.append(pending)
    }

    /// Adds every batch still in flight; the validator is then complete.
    public mutating func finish() throws(InputError) -> StreamingValidator {
        while !inFlight.isEmpty { try commitOldest() }
        return stream
    }

    private mutating func commitOldest() throws(InputError) {
        let oldest = inFlight.removeFirst()
        oldest.done.wait()
        // Taken out of its slot, so the batch's trees are freed where `commit` hands them over.
        guard let result = oldest.result[0] else { return }
        oldest.result[0] = nil
        switch result {
        case .success(let batch): stream.commit(batch)
        case .failure(let error): throw error
        }
    }
}
