/**
 * Hands out small integer ids (0, 1, 2, …), always the lowest free one, so the engine's per-VU
 * state stays dense and ids stay below the most ever held at once. Acquire and release are
 * O(log n); memory is O(most ids held at once).
 */
export class IdPool {
  // Min-heap of released ids; every id in it is below `fresh`.
  private readonly heap: number[] = [];
  private fresh = 0;

  /** The lowest id not held now. */
  acquire(): number {
    const heap = this.heap;
    if (heap.length === 0) return this.fresh++;
    const lowest = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) this.siftDown(last);
    return lowest;
  }

  /** Gives `id` back; it must have come from {@link IdPool.acquire} and not been released since. */
  release(id: number): void {
    const heap = this.heap;
    let index = heap.length;
    heap.push(id);
    while (index > 0) {
      const parent = (index - 1) >>> 1;
      if (heap[parent]! <= id) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = id;
  }

  /** Places `value` from the root down to where the heap order holds. */
  private siftDown(value: number): void {
    const heap = this.heap;
    const size = heap.length;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= value) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = value;
  }
}
