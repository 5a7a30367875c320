/**
 * The k smallest of a stream of numbers, kept in a max-heap of k slots: each number costs a comparison with the
 * largest kept, and a sift of log k steps when it is smaller. Completion keeps its best 100 of 10,000 matches
 * this way, without a list of every match and a sort of it (80 kB each, at every keystroke).
 */
export class Smallest {
  private readonly heap: Float64Array;
  private size = 0;
  /** How many numbers were added (kept or not). */
  seen = 0;

  constructor(private readonly k: number) {
    this.heap = new Float64Array(Math.max(0, k));
  }

  add(x: number): void {
    this.seen++;
    const heap = this.heap;
    if (this.size < this.k) {
      // Up from the end while larger than the parent.
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (heap[parent] >= x) break;
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = x;
    } else if (this.k > 0 && x < heap[0]) {
      // In place of the largest kept, then down while smaller than a child.
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= this.size) break;
        const right = left + 1;
        const child = right < this.size && heap[right] > heap[left] ? right : left;
        if (heap[child] <= x) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = x;
    }
  }

  /** The numbers kept, smallest first. */
  sorted(): Float64Array {
    return this.heap.slice(0, this.size).sort();
  }
}
