/** Numbers the distinct codes of one vocabulary (interests, topics, languages) for bitsets. */
export class CodeIndex {
  private readonly codes = new Map<string, number>();

  add(list: readonly string[] | undefined): void {
    for (const code of list ?? []) if (!this.codes.has(code)) this.codes.set(code, this.codes.size);
  }

  /** 32-bit words per bitset; fixed once every code has been added. */
  get words(): number {
    return Math.max(1, Math.ceil(this.codes.size / 32));
  }

  /**
   * Sets the bits of `list` at `out[at..]` and returns how many distinct codes it has, counting
   * those the index does not know (they share nothing with the pool, but do count in set sizes).
   */
  write(list: readonly string[] | undefined, out: Uint32Array, at: number): number {
    const distinct = new Set(list ?? []);
    for (const code of distinct) {
      const i = this.codes.get(code);
      if (i !== undefined) out[at + (i >>> 5)] |= 1 << (i & 31);
    }
    return distinct.size;
  }
}

/** Interns strings as small integers; `lookup` gives -1 for absent and a fresh number for unknown. */
export class ValueIndex {
  private readonly values = new Map<string, number>();

  intern(value: string | undefined): number {
    if (value === undefined) return -1;
    let i = this.values.get(value);
    if (i === undefined) this.values.set(value, (i = this.values.size));
    return i;
  }

  /** Interned values, by number. */
  get list(): string[] {
    return [...this.values.keys()];
  }

  lookup(value: string | undefined): number {
    if (value === undefined) return -1;
    return this.values.get(value) ?? this.values.size;
  }
}
