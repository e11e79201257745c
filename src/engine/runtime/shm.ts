/**
 * Kamailio's shared memory, as far as kamsim counts it (docs/kamailio/memory.md). Kamailio
 * allocates what its processes share — queue items, hash table slots — from one pool of `-m`
 * megabytes (64 by default, config.h SHM_MEM_POOL_SIZE); an allocation that does not fit fails
 * and the caller logs its own error ("no more shm to add to: q"). kamsim counts the allocations
 * that grow without bound under a script's control, with the sizes below, against that pool.
 */

/** The default pool, `-m 64`. */
export const SHM_MEM_SIZE = 64 * 1024 * 1024;
/**
 * What the core and modules take at start before any counted allocation (the pool's own
 * structures included), measured with Debian's 5.6.3 (docs/kamailio/memory.md): 268,129 queue
 * items of 248 bytes fill the rest of the pool exactly; htable's slot arrays agree (63.25 MB
 * of them start, 63.5 MB do not).
 */
export const SHM_USED_BEFORE = 612_872;
/**
 * q_malloc's cost of one allocation besides its rounded size: the fragment's head and tail with
 * Debian's memory debugging on (MEMDBG=1: file, function, module and line are kept). Measured:
 * 268,129 items of 143 bytes fill the 64 MB pool.
 */
const QM_FRAGMENT_OVERHEAD = 104;

/** What shm_malloc(`len`) takes of the pool: rounded up to 8 bytes, plus the fragment's overhead. */
export function shmCost(len: number): number {
  return Math.ceil(len / 8) * 8 + QM_FRAGMENT_OVERHEAD;
}

/** Bytes of `s` in UTF-8, without building them. */
export function utf8Length(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) n += 1;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}

/** One simulation's shared memory pool: what is allocated and freed, and whether more fits. */
export class ShmPool {
  used = SHM_USED_BEFORE;

  constructor(readonly size = SHM_MEM_SIZE) {}

  /** Takes `cost` bytes; false (nothing taken) when they do not fit. */
  alloc(cost: number): boolean {
    if (this.used + cost > this.size) return false;
    this.used += cost;
    return true;
  }

  free(cost: number): void {
    this.used -= cost;
  }
}
