/**
 * A map that keeps at most `size` entries, dropping the least recently used first: the one shape
 * of the process-wide caches of the parser and the renderers (a text parsed or a part compressed
 * before is taken again in `iop watch` and in builds of many agreements), so that a long run's
 * memory stays bounded.
 */
export class Recent<K, V> {
  private readonly entries = new Map<K, V>();
  /** How many values `getOrMake` has made (not taken from the map), `clear` or not. */
  private madeCount = 0;

  constructor(private readonly size: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as K);
  }

  /**
   * The value kept for `key`, else `make(key)`, kept. With `own`, what is kept (and made) is
   * `own(key)`: for a text, its `ownCopy`.
   */
  getOrMake(key: K, make: (key: K) => V, own?: (key: K) => K): V {
    let value = this.get(key);
    if (value === undefined) {
      const kept = own ? own(key) : key;
      value = make(kept);
      this.madeCount++;
      this.set(kept, value);
    }
    return value;
  }

  /** How many values `getOrMake` has made so far: for tests and benchmarks of the reuse. */
  get made(): number {
    return this.madeCount;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * A copy of `text` that holds on to no other string. V8 keeps a substring of 13 characters or
 * more as a slice of the string it was cut from, and a slice keeps that whole string alive: a
 * cache keyed by a paragraph, a word or a title cut from a document (or by a value cut from a
 * YAML file) would keep every such document as long as the entry. In a build of many agreements,
 * where each adds a few texts of its own (its title, its id), that was 114 KB more live memory per
 * agreement, without end (measured: 300 agreements in one process, 2026-12-04). A JSON round trip
 * makes a new flat string; it is done only when an entry is made.
 */
export const ownCopy = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
