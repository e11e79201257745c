/**
 * pike's flood-detection tree (docs/kamailio/pike.md#the-tree), as Kamailio 5.6 keeps it in `src/modules/pike/ip_tree.c`,
 * `pike_funcs.c` and `timer.c`.
 *
 * One tree holds IPv4 and IPv6 addresses: 256 top slots by first byte, one node per byte below.
 * A request climbs at most one level deeper per call, so an address is only counted on its own
 * (leaf) node once its prefixes have been busy. Counters are per window; `rotate()` closes a
 * window, `clean()` expires idle nodes bottom-up. Time is Kamailio's `get_ticks()`: whole seconds.
 */
import { InternalError } from "../../base/errors.js";

/** pike's module parameters (docs/kamailio/pike.md#parameters), as given by `modparam`. */
export interface PikeParams {
  /** `sampling_time_unit`: seconds per window; the caller calls `rotate()` on that period. */
  samplingTimeUnit: number;
  /** `reqs_density_per_unit` (X): requests per window that block an address. */
  reqsDensityPerUnit: number;
  /** `remove_latency`: seconds a node may stay idle before it is removed. */
  removeLatency: number;
}

/** `pike_check_req`/`pike_check_ip`: 1 not blocked, −2 blocked by this request, −1 already blocked. */
export type PikeResult = 1 | -1 | -2;

/** Where the tree reports its BLOCK and UNBLOCK lines; the caller builds the log lines. */
export interface PikeLog {
  /** `PIKE - BLOCKing ip <ip>, node=<nodeId>` (pike_funcs.c), at the request that blocks. */
  block(ip: string, nodeId: string): void;
  /** `PIKE - UNBLOCKing node <nodeId>` (pike_funcs.c), printed by the window rotation. */
  unblock(nodeId: string): void;
}

/** pike.top's `status` of an address node: hot (over X), warm (inherited prefix hits ≥ X/4) or "". */
export type PikeStatus = "HOT" | "WARM" | "";

/** A node's counters for the previous window and the current one. */
export interface PikeCounters {
  /** Requests that matched only this prefix (on an address node: inherited when it was split off). */
  hitsPrev: number;
  hitsCurr: number;
  /** Requests from exactly this address. */
  leafHitsPrev: number;
  leafHitsCurr: number;
}

/** One full-address node, as pike.top reports it. */
export interface PikeLeaf extends PikeCounters {
  /** The address as Kamailio prints it (dotted IPv4, or glibc's inet_ntop for IPv6). */
  ip: string;
  /** The fake node pointer Kamailio's log lines show. */
  nodeId: string;
  /** Seconds until the node expires, as pike.top prints it (negative once due but not yet cleaned). */
  expires: number;
  status: PikeStatus;
  /** The RED flag: requests from the address are refused (−1) until a rotation clears it. */
  blocked: boolean;
}

/** One node of the tree (any depth), for the UI. */
export interface PikeNodeInfo extends PikeCounters {
  nodeId: string;
  /** Number of address bytes the node stands for (1 = a /8 for IPv4, 16 = a full IPv6 address). */
  depth: number;
  /** The bytes of the prefix, from the top. */
  bytes: number[];
  /** `10.0.0.0/24` for depth ≤ 4, an IPv6 prefix like `2001:db8::/40` below. */
  prefix: string;
  /** The node is a full address that has been checked (Kamailio's IPLEAF flag). */
  ipLeaf: boolean;
  blocked: boolean;
  /** Whether the node is in the expiry list; interior nodes are not. */
  expiring: boolean;
  /** Absolute expiry in seconds (0 after a clean took the node out of the list). */
  expiresAt: number;
}

/** Counters are `unsigned short` and increments stop one below the maximum (ip_tree.c, mark_node). */
const HITS_CAP = 0xfffe;
/** Above this many children a node gets a byte-indexed lookup table; the kid list stays the order. */
const INDEX_AFTER = 8;
/** A made-up but pointer-like base: the node address in the BLOCK line (docs/kamailio/pike.md#log-lines). */
const NODE_ID_BASE = 0x7f150db5c618;
/** Node size plus allocator header on 64-bit Kamailio, so consecutive ids look like shm blocks. */
const NODE_ID_STRIDE = 0x50;

/** The `node=0x…` text of the node with this serial number (1, 2, …): `0x` and 12 hex digits. */
export function formatPikeNodeId(serial: number): string {
  return `0x${(NODE_ID_BASE + (serial - 1) * NODE_ID_STRIDE).toString(16)}`;
}

/** Kamailio's `get_ticks()` (whole seconds since start) for a virtual time in microseconds. */
export function pikeTicks(nowMicros: number): number {
  return Math.floor(nowMicros / 1_000_000);
}

class PikeNode {
  hitsPrev = 0;
  hitsCurr = 0;
  leafPrev = 0;
  leafCurr = 0;
  ipLeaf = false;
  red = false;
  expires = 0;
  /** Children, newest first (split_node inserts at the head); `next`/`prev` link the siblings. */
  kids: PikeNode | null = null;
  next: PikeNode | null = null;
  prev: PikeNode | null = null;
  kidCount = 0;
  index: (PikeNode | undefined)[] | null = null;
  /** Links in the expiry list; `inTimer` tells whether the node is in it. */
  timerPrev: PikeNode | null = null;
  timerNext: PikeNode | null = null;
  inTimer = false;

  constructor(
    readonly byte: number,
    readonly depth: number,
    readonly parent: PikeNode | null,
    readonly serial: number,
  ) {}

  kid(byte: number): PikeNode | undefined {
    if (this.index !== null) return this.index[byte];
    for (let k = this.kids; k !== null; k = k.next) if (k.byte === byte) return k;
    return undefined;
  }
}

/** The tree and its expiry list; one per simulation (Kamailio keeps one in shared memory). */
export class PikeTree {
  /** `reqs_density_per_unit` as Kamailio stores it: an `unsigned short` (ip_tree.h, max_hits). */
  readonly maxHits: number;
  /** The statistic `pike:blocked_ips`: how many times an address became blocked. */
  blockedIps = 0;
  private readonly warmHits: number;
  private readonly branches: (PikeNode | undefined)[] = new Array<PikeNode | undefined>(256).fill(undefined);
  private timerHead: PikeNode | null = null;
  private timerTail: PikeNode | null = null;
  private serials = 0;

  constructor(
    readonly params: PikeParams,
    private readonly log: PikeLog,
  ) {
    this.maxHits = params.reqsDensityPerUnit & 0xffff;
    this.warmHits = this.maxHits >> 2;
  }

  /** pike_check_req/pike_check_ip on an address given as bytes (4 for IPv4, 16 for IPv6). */
  check(bytes: Uint8Array | readonly number[], nowSeconds: number): PikeResult {
    const len = bytes.length;
    if (len !== 4 && len !== 16) throw new InternalError(`pike: an address has 4 or 16 bytes, not ${len}`);
    const first = (bytes[0] as number) & 0xff;
    const top = this.branches[first];
    if (top === undefined) {
      const node = this.newNode(first, 1, null, nowSeconds);
      node.hitsCurr = 1;
      this.branches[first] = node;
      return 1;
    }
    let node = top;
    let pos = 1;
    while (pos < len) {
      const kid = node.kid((bytes[pos] as number) & 0xff);
      if (kid === undefined) break;
      node = kid;
      pos++;
    }
    if (pos === len) return this.hitAddress(node, bytes, nowSeconds);
    this.hitPrefix(node, (bytes[pos] as number) & 0xff, nowSeconds);
    return 1;
  }

  /** The window rotation Kamailio's timer runs every sampling_time_unit seconds (swap + unblock). */
  rotate(): void {
    for (let b = 0; b < 256; b++) {
      const top = this.branches[b];
      if (top !== undefined) this.refresh(top);
    }
  }

  /** The clean routine (every 1 s): expire nodes whose expires <= nowSeconds, bottom-up rules of docs/kamailio/pike.md#node-expiry. */
  clean(nowSeconds: number): void {
    // Every expiry is "now + remove_latency" and ticks never go back, so the list is sorted and
    // the expired nodes are a prefix of it (timer.c, check_and_split_timer). Kamailio then works
    // through them branch by branch; nodes of different branches never touch, so plain list
    // order gives the same tree.
    const first = this.timerHead;
    if (first === null || first.expires > nowSeconds) return;
    let last = first;
    while (last.timerNext !== null && last.timerNext.expires <= nowSeconds) last = last.timerNext;
    this.timerHead = last.timerNext;
    if (this.timerHead === null) this.timerTail = null;
    else this.timerHead.timerPrev = null;
    last.timerNext = null;
    for (let node: PikeNode | null = first; node !== null; ) {
      const next: PikeNode | null = node.timerNext;
      node.timerPrev = node.timerNext = null;
      node.inTimer = false;
      this.expire(node, nowSeconds);
      node = next;
    }
  }

  /**
   * For pike.top and the UI: every address (IP-leaf) node with its counters, seconds left and
   * status, in pike.top's order.
   */
  leaves(nowSeconds: number): PikeLeaf[] {
    const out: PikeLeaf[] = [];
    this.walk((node, path) => {
      if (!node.ipLeaf) return;
      out.push({
        ip: formatPikeIp(path.slice(0, node.depth)),
        nodeId: formatPikeNodeId(node.serial),
        hitsPrev: node.hitsPrev,
        hitsCurr: node.hitsCurr,
        leafHitsPrev: node.leafPrev,
        leafHitsCurr: node.leafCurr,
        expires: (node.expires - nowSeconds) | 0,
        status: this.isHotLeaf(node) ? "HOT" : node.hitsCurr >= this.warmHits ? "WARM" : "",
        blocked: node.red,
      });
    });
    // pike_top.c pushes each entry at the head of its list: pike.top shows the walk backwards.
    return out.reverse();
  }

  /** For the UI: every node, prefixes (/8 /16 /24 for IPv4) included, in tree walk order. */
  nodes(): PikeNodeInfo[] {
    const out: PikeNodeInfo[] = [];
    this.walk((node, path) => {
      const bytes = path.slice(0, node.depth);
      out.push({
        nodeId: formatPikeNodeId(node.serial),
        depth: node.depth,
        bytes,
        prefix: formatPrefix(bytes),
        hitsPrev: node.hitsPrev,
        hitsCurr: node.hitsCurr,
        leafHitsPrev: node.leafPrev,
        leafHitsCurr: node.leafCurr,
        ipLeaf: node.ipLeaf,
        blocked: node.red,
        expiring: node.inTimer,
        expiresAt: node.expires,
      });
    });
    return out;
  }

  /** A full address was matched (mark_node's first case, then pike_check_ipaddr's timer update). */
  private hitAddress(node: PikeNode, bytes: Uint8Array | readonly number[], now: number): PikeResult {
    node.ipLeaf = true;
    if (node.leafCurr < HITS_CAP) node.leafCurr++;
    let result: PikeResult = 1;
    if (node.red) result = -1;
    else if (this.isHotLeaf(node)) {
      node.red = true;
      result = -2;
    }
    // Only address hits keep a node alive. Kamailio asserts the node is already in the list; an
    // IPv4 address matching an IPv6 prefix node (which is not) would crash it. We enlist it.
    node.expires = now + this.params.removeLatency;
    if (node.inTimer) this.unlinkTimer(node);
    this.appendTimer(node);
    if (result === -2) {
      this.blockedIps++;
      this.log.block(formatPikeIp(bytes), formatPikeNodeId(node.serial));
    }
    return result;
  }

  /**
   * Only a prefix was matched: count it and, if the prefix is hot, grow one level. A prefix hit
   * never refreshes the expiry: when it does not split, the node is below X/4 in the current
   * window, which is what sets NO_UPDATE in mark_node.
   */
  private hitPrefix(dad: PikeNode, byte: number, now: number): void {
    if (dad.hitsCurr < HITS_CAP) dad.hitsCurr++;
    if (!this.isHotPrefix(dad)) return;
    const kid = this.newNode(byte, dad.depth + 1, dad, now);
    // The child inherits part of its father's hits (ip_tree.c, split_node); the leaf-hits line
    // reads prev but tests curr, and wraps like the unsigned short it is.
    if (dad.hitsCurr >= 1) kid.hitsCurr = dad.hitsCurr - 1;
    if (dad.leafCurr >= 1) kid.leafPrev = (dad.leafPrev - 1) & 0xffff;
    kid.next = dad.kids;
    if (dad.kids !== null) dad.kids.prev = kid;
    dad.kids = kid;
    dad.kidCount++;
    if (dad.index !== null) dad.index[byte] = kid;
    else if (dad.kidCount > INDEX_AFTER) this.buildIndex(dad);
    // A node with children does not expire, unless it is itself an address (pike_funcs.c).
    if (!dad.ipLeaf && kid.next === null && dad.inTimer) this.unlinkTimer(dad);
  }

  /** One expired node (clean_routine): an address with children only stops being an address. */
  private expire(node: PikeNode, now: number): void {
    node.expires = 0;
    if (node.kids !== null) {
      node.ipLeaf = false;
      node.leafCurr = 0;
      return;
    }
    const dad = node.parent;
    if (dad === null) {
      this.branches[node.byte] = undefined;
      return;
    }
    // The last child gone, the father expires in its turn (an address father is listed already).
    if (dad.kids === node && node.next === null && !dad.ipLeaf) {
      dad.expires = now + this.params.removeLatency;
      this.appendTimer(dad);
    }
    if (node.prev !== null) node.prev.next = node.next;
    else dad.kids = node.next;
    if (node.next !== null) node.next.prev = node.prev;
    node.next = node.prev = null;
    dad.kidCount--;
    if (dad.index !== null) dad.index[node.byte] = undefined;
  }

  /** Closes the window for a node, the siblings after it and all their subtrees (refresh_node). */
  private refresh(first: PikeNode): void {
    for (let node: PikeNode | null = first; node !== null; node = node.next) {
      node.hitsPrev = node.hitsCurr;
      node.hitsCurr = 0;
      node.leafPrev = node.leafCurr;
      node.leafCurr = 0;
      if (node.red && !this.isHotLeaf(node)) {
        node.red = false;
        this.log.unblock(formatPikeNodeId(node.serial));
      }
      if (node.kids !== null) this.refresh(node.kids);
    }
  }

  private isHotPrefix(n: PikeNode): boolean {
    const t = this.warmHits;
    return n.hitsPrev >= t || n.hitsCurr >= t || (n.hitsPrev + n.hitsCurr) >> 1 >= t;
  }

  private isHotLeaf(n: PikeNode): boolean {
    const x = this.maxHits;
    return n.leafPrev >= x || n.leafCurr >= x || (n.leafPrev + n.leafCurr) >> 1 >= x;
  }

  private newNode(byte: number, depth: number, parent: PikeNode | null, now: number): PikeNode {
    const node = new PikeNode(byte, depth, parent, ++this.serials);
    node.expires = now + this.params.removeLatency;
    this.appendTimer(node);
    return node;
  }

  private buildIndex(node: PikeNode): void {
    const index = new Array<PikeNode | undefined>(256).fill(undefined);
    for (let k = node.kids; k !== null; k = k.next) index[k.byte] = k;
    node.index = index;
  }

  private appendTimer(node: PikeNode): void {
    node.timerPrev = this.timerTail;
    node.timerNext = null;
    if (this.timerTail !== null) this.timerTail.timerNext = node;
    else this.timerHead = node;
    this.timerTail = node;
    node.inTimer = true;
  }

  private unlinkTimer(node: PikeNode): void {
    if (node.timerPrev !== null) node.timerPrev.timerNext = node.timerNext;
    else this.timerHead = node.timerNext;
    if (node.timerNext !== null) node.timerNext.timerPrev = node.timerPrev;
    else this.timerTail = node.timerPrev;
    node.timerPrev = node.timerNext = null;
    node.inTimer = false;
  }

  /** Kamailio's walk (pike_rpc.c, traverse_subtree): slots 0..255, a node before its children, newest child first. */
  private walk(visit: (node: PikeNode, path: number[]) => void): void {
    const path: number[] = [];
    const down = (node: PikeNode): void => {
      path[node.depth - 1] = node.byte;
      visit(node, path);
      for (let k = node.kids; k !== null; k = k.next) down(k);
    };
    for (let b = 0; b < 256; b++) {
      const top = this.branches[b];
      if (top !== undefined) down(top);
    }
  }
}

/**
 * An address as Kamailio prints it (`ip_addr2a`, pike_top.c): dotted IPv4, or IPv6 the way glibc's
 * `inet_ntop` writes it (the default `ipv6_hex_style` "c"): lower-case hex, the first longest run
 * of two or more zero groups as `::`, and `::a.b.c.d` / `::ffff:a.b.c.d` with a dotted tail.
 */
export function formatPikeIp(bytes: ArrayLike<number>): string {
  const b = (i: number) => (bytes[i] as number) & 0xff;
  if (bytes.length === 4) return `${b(0)}.${b(1)}.${b(2)}.${b(3)}`;
  const words: number[] = [];
  for (let i = 0; i < 8; i++) words.push((b(2 * i) << 8) | b(2 * i + 1));
  let best = -1;
  let bestLen = 1;
  for (let i = 0, run = 0; i < 8; i++) {
    run = words[i] === 0 ? run + 1 : 0;
    if (run > bestLen) [best, bestLen] = [i - run + 1, run];
  }
  let out = "";
  for (let i = 0; i < 8; i++) {
    if (best >= 0 && i >= best && i < best + bestLen) {
      if (i === best) out += ":";
      continue;
    }
    if (i !== 0) out += ":";
    if (i === 6 && best === 0 && (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      return `${out}${b(12)}.${b(13)}.${b(14)}.${b(15)}`;
    }
    out += (words[i] as number).toString(16);
  }
  return best >= 0 && best + bestLen === 8 ? `${out}:` : out;
}

/** A node's prefix for display: `10.0.0.0/24` up to 4 bytes, `2001:db8::/40` beyond. */
function formatPrefix(bytes: readonly number[]): string {
  const width = bytes.length <= 4 ? 4 : 16;
  const full = [...bytes, ...new Array<number>(width - bytes.length).fill(0)];
  return `${formatPikeIp(full)}/${bytes.length * 8}`;
}

/**
 * pike_check_ip's parser (core `str2ipbuf` in resolve.c): IPv4 only, digits and exactly three
 * dots. Each octet accumulates in an `unsigned char`, so `256.1.1.1` is 0.1.1.1; leading zeros and
 * empty octets (`1..2.3`) pass. IPv6 text, host names and "" fail (pike_check_ip returns −1; it
 * logs "failed to parse ip address" except for "", which it refuses before parsing).
 * `out` may be passed to parse without allocating; it is overwritten even when parsing fails.
 */
export function parseIpv4ForPike(text: string, out: Uint8Array = new Uint8Array(4)): Uint8Array | undefined {
  if (text.length === 0) return undefined;
  out.fill(0);
  let octet = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (++octet > 3) return undefined;
    } else if (c >= 0x30 && c <= 0x39) {
      out[octet] = ((out[octet] as number) * 10 + c - 0x30) & 0xff;
    } else {
      return undefined;
    }
  }
  return octet === 3 ? out : undefined;
}
