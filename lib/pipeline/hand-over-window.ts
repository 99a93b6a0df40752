/**
 * Back-pressure between the ingest's threads and its corpus-order hand-over (run.ts): a document
 * may start once it is fewer than `span` places past the first document not handed over yet.
 * Written here because it is a dozen lines over run.ts's own counter; the queue libraries (p-limit,
 * p-queue) bound how many tasks run, not how far one may get ahead of another.
 */
export class HandOverWindow {
  private waiting: Array<{ index: number; span: number; go: () => void; stop: (e: unknown) => void }> = [];
  private failure: { error: unknown } | undefined;

  /** `handedOver()`: the index of the first document not handed over yet. */
  constructor(private readonly handedOver: () => number) {}

  /** Resolves once document `index` is fewer than `span` places past the hand-over; rejects if it failed. */
  room(index: number, span: number): Promise<void> {
    return new Promise((go, stop) => {
      if (this.failure) stop(this.failure.error);
      else if (index < this.handedOver() + span) go();
      else this.waiting.push({ index, span, go, stop });
    });
  }

  /** The hand-over moved on: lets through the documents now within their span. */
  moved(): void {
    const at = this.handedOver();
    this.waiting = this.waiting.filter((w) => {
      if (w.index >= at + w.span) return true;
      w.go();
      return false;
    });
  }

  /** The hand-over failed: every wait, now and later, rejects with its error. */
  fail(error: unknown): void {
    this.failure = { error };
    for (const w of this.waiting) w.stop(error);
    this.waiting = [];
  }
}
