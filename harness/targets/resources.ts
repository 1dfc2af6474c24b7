// Everything a run creates is registered with its clean-up, and cleaned up after every property
// run, also when the run failed: a sandbox account must not be left with resources behind.
import { asError } from '../errors.ts';

export class ResourceTracker {
  private readonly cleanups = new Map<string, () => Promise<unknown>>();

  add(key: string, cleanup: () => Promise<unknown>): void {
    if (!this.cleanups.has(key)) this.cleanups.set(key, cleanup);
  }

  remove(key: string): void {
    this.cleanups.delete(key);
  }

  get size(): number {
    return this.cleanups.size;
  }

  /** Forgets every clean-up without running it (the target stopped answering); returns what is left behind. */
  abandon(): string[] {
    const keys = [...this.cleanups.keys()];
    this.cleanups.clear();
    return keys;
  }

  /** Runs every clean-up, newest first; returns the ones that failed, without throwing. `cleaning` hears of each before it runs. */
  async cleanupAll(cleaning?: (key: string) => void): Promise<string[]> {
    const failures: string[] = [];
    for (const [key, cleanup] of [...this.cleanups].reverse()) {
      cleaning?.(key);
      try {
        await cleanup();
      } catch (error) {
        // Already gone (deleted by the run itself, or never created because the call was refused).
        const e = asError(error);
        if (!/NotFound|NoSuch/.test(e.name)) failures.push(`${key}: ${e.message}`);
      }
      this.cleanups.delete(key);
    }
    return failures;
  }
}
