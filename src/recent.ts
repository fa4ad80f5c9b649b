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

  /** The value kept for `key`, else `make(key)`, kept. */
  getOrMake(key: K, make: (key: K) => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make(key);
      this.madeCount++;
      this.set(key, value);
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
