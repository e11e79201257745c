/**
 * Kamailio's shared memory, as far as kamsim counts it (docs/kamailio/memory.md). Kamailio
 * allocates what its processes share — queue items, hash table slots and items — from one pool
 * of `-m` megabytes (64 by default, config.h SHM_MEM_POOL_SIZE); an allocation that does not fit
 * fails and the caller logs its own error ("no more shm to add to: q", "no more shm"). kamsim
 * counts the allocations that grow without bound under a script's control, with the sizes
 * below, against one pool per simulation (Services.shm).
 */

/** The default pool, `-m 64`. */
export const SHM_MEM_SIZE = 64 * 1024 * 1024;
/**
 * What the core, pv and xlog take of the pool at start with `children=1` (the pool's own
 * structures included), and what each further SIP worker adds (its process table entry, its
 * counters). Fitted to seven runs of Debian's 5.6.3 with `-m 64` (docs/kamailio/memory.md):
 * `mq_add` items of 248 bytes until the pool is out — 268,137 with children=1, 268,134 with 4,
 * 268,129 with 8, 268,120 with 16, 268,134 with one htable of 8 slots beside the queue — and
 * `$sht` items of 280/288 bytes into a table of 2^16 slots: 223,616 (223,615 with mqueue loaded).
 * Every one of them is reproduced by these two numbers and the module sizes below.
 */
const SHM_CORE_AT_START = 610_528;
const SHM_PER_CHILD = 280;

/** What the core takes of the pool at start for `children` SIP workers (modules add their own). */
export function shmCoreAtStart(children: number): number {
  return SHM_CORE_AT_START + SHM_PER_CHILD * (Math.max(1, children) - 1);
}

/**
 * The core's and mqueue's (one queue) start-up share with the default 8 children, for the
 * checker, which sizes htable's slot arrays before the simulation exists.
 */
export const SHM_USED_BEFORE = shmCoreAtStart(8) + 176;
/**
 * q_malloc's cost of one allocation besides its rounded size: the fragment's head and tail with
 * Debian's memory debugging on (MEMDBG=1: file, function, module and line are kept). Measured:
 * 268,129 items of 143 bytes fill the 64 MB pool.
 */
const QM_FRAGMENT_OVERHEAD = 104;
/** q_malloc.h QM_MALLOC_OPTIMIZE: 2^14. */
const QM_MALLOC_OPTIMIZE = 16_384;

/**
 * What q_malloc takes for an allocation of `len` bytes (shm_malloc, and pkg_malloc, which uses
 * the same allocator in Debian's build): rounded up to 8 bytes, plus the fragment's overhead.
 */
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
  constructor(
    readonly size = SHM_MEM_SIZE,
    /** What is taken: what Kamailio took at start, then what was counted since. */
    public used = SHM_USED_BEFORE,
  ) {}

  /**
   * The bytes the last allocation at the pool's end took besides its own (see alloc); given back
   * with the next free, as q_malloc joins a freed fragment with its free neighbours.
   */
  private swallowed = 0;

  /**
   * Takes `cost` bytes (shmCost()); false (nothing taken) when they do not fit. The pool is
   * counted as one free fragment at its end, from which split_frag() (q_malloc.c, built with
   * MEM_FRAG_AVOIDANCE) cuts each allocation: a rest too small to be worth a fragment (not over
   * 16 KB, and smaller than the allocation with its overhead) goes with the allocation, so that
   * nothing more fits after it. Seen on 5.6.3: the last 1,080-byte htable cell took 1,880.
   */
  alloc(cost: number): boolean {
    const free = this.size - this.used;
    if (cost > free) return false;
    const n = cost - QM_FRAGMENT_OVERHEAD;
    const rest = free - QM_FRAGMENT_OVERHEAD - n;
    if (rest > QM_FRAGMENT_OVERHEAD + QM_MALLOC_OPTIMIZE || rest >= QM_FRAGMENT_OVERHEAD + n) this.used += cost;
    else {
      this.swallowed += free - cost;
      this.used = this.size;
    }
    return true;
  }

  free(cost: number): void {
    this.used -= cost + this.swallowed;
    this.swallowed = 0;
  }
}
