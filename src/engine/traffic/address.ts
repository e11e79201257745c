/**
 * Source addresses of simulated traffic: IPv4 and IPv6 addresses, CIDR blocks, and pools that
 * hand out the addresses of a `src` list in turn.
 *
 * A block contributes its host addresses: for IPv4 up to /30 the network and broadcast addresses
 * are left out (no real host sends from them), for IPv6 up to /126 the all-zeros Subnet-Router
 * anycast address is left out (RFC 4291 §2.6.1); /31, /32, /127 and /128 give all their addresses.
 * Text is canonical on the way out: dotted decimal without leading zeros, IPv6 as RFC 5952
 * writes it (lower case, longest zero run as `::`, IPv4-mapped tail dotted).
 */

/** One address or block, parsed. */
export type AddressBlock =
  | { family: 4; network: number; prefix: number }
  | { family: 6; network: bigint; prefix: number };

/** A parse result: the block, or why the text is not an address. */
export type AddressParse = { ok: true; block: AddressBlock; text: string } | { ok: false; message: string };

const IPV4_PART = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Parses dotted-decimal IPv4 (no leading zeros: `010` reads as octal in some tools). */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!IPV4_PART.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** Parses IPv6 text (with `::` and an optional dotted IPv4 tail; no zone index). */
export function parseIPv6(text: string): bigint | undefined {
  const halves = text.split("::");
  if (halves.length > 2) return undefined;
  const groups = (s: string, dottedTail: boolean): number[] | undefined => {
    if (s === "") return [];
    const out: number[] = [];
    const parts = s.split(":");
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      if (dottedTail && i === parts.length - 1 && p.includes(".")) {
        const v4 = parseIPv4(p);
        if (v4 === undefined) return undefined;
        out.push(Math.floor(v4 / 65536), v4 % 65536);
      } else if (HEX_GROUP.test(p)) out.push(Number.parseInt(p, 16));
      else return undefined;
    }
    return out;
  };
  const head = groups(halves[0] as string, halves.length === 1);
  const tail = halves.length === 2 ? groups(halves[1] as string, true) : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  let n = 0n;
  for (const g of [...head, ...new Array<number>(fill).fill(0), ...tail]) n = (n << 16n) | BigInt(g);
  return n;
}

/** Dotted-decimal text of an IPv4 address. */
export function formatIPv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** RFC 5952 text of an IPv6 address. */
export function formatIPv6(n: bigint): string {
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  if (n >> 32n === 0xffffn) return `::ffff:${formatIPv4(Number(n & 0xffffffffn))}`;
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(":");
  if (best < 0) return hex(g);
  return `${hex(g.slice(0, best))}::${hex(g.slice(best + bestLen))}`;
}

/** Parses one address or CIDR block as a `src` entry. */
export function parseAddressOrBlock(text: string): AddressParse {
  const slash = text.indexOf("/");
  const addr = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  const v4 = parseIPv4(addr);
  const v6 = v4 === undefined ? parseIPv6(addr) : undefined;
  if (v4 === undefined && v6 === undefined) {
    return { ok: false, message: `${JSON.stringify(addr)} is not an IPv4 or IPv6 address` };
  }
  const bits = v4 !== undefined ? 32 : 128;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(prefixText) || Number(prefixText) > bits) {
      return {
        ok: false,
        message: `${JSON.stringify(text)} has a bad prefix length (0…${bits} for IPv${bits === 32 ? 4 : 6})`,
      };
    }
    prefix = Number(prefixText);
  }
  const block: AddressBlock =
    v4 !== undefined ? { family: 4, network: v4, prefix } : { family: 6, network: v6 as bigint, prefix };
  if (hostBitsSet(block)) {
    const net = formatBlock({ ...block, network: maskedNetwork(block) } as AddressBlock);
    return { ok: false, message: `${JSON.stringify(text)} has host bits set; the block is ${net}` };
  }
  if (!usableSource(block)) {
    return {
      ok: false,
      message: `${JSON.stringify(text)} cannot be a source address (unspecified, multicast or broadcast)`,
    };
  }
  return { ok: true, block, text: formatBlock(block) };
}

/** Parses one address (no block) as a message's `src`. */
export function parseSingleAddress(text: string): AddressParse {
  if (text.includes("/"))
    return { ok: false, message: `${JSON.stringify(text)} is a block; a message comes from one address` };
  return parseAddressOrBlock(text);
}

function maskedNetwork(b: AddressBlock): number | bigint {
  if (b.family === 4) {
    const size = 2 ** (32 - b.prefix);
    return Math.floor(b.network / size) * size;
  }
  const hostBits = BigInt(128 - b.prefix);
  return (b.network >> hostBits) << hostBits;
}

function hostBitsSet(b: AddressBlock): boolean {
  return maskedNetwork(b) !== b.network;
}

function usableSource(b: AddressBlock): boolean {
  if (b.family === 4) {
    const first = b.network;
    if (first === 0 || first === 0xffffffff) return false;
    return first < 0xe0000000 || first >= 0xf0000000; // 224.0.0.0/4 is multicast
  }
  return b.network !== 0n && b.network >> 120n !== 0xffn; // ff00::/8 is multicast
}

/** Canonical text of a block (`192.0.2.0/28`), or of an address when it is a whole /32 or /128. */
export function formatBlock(b: AddressBlock): string {
  const addr = b.family === 4 ? formatIPv4(b.network) : formatIPv6(b.network);
  const full = b.family === 4 ? 32 : 128;
  return b.prefix === full ? addr : `${addr}/${b.prefix}`;
}

/** The first usable address of a block and how many there are (capped at 2⁵³; see the file comment). */
function hostRange(b: AddressBlock): { offset: number; size: number } {
  const hostBits = (b.family === 4 ? 32 : 128) - b.prefix;
  const all = 2 ** hostBits; // exact in a double; beyond 2⁵³ the cap below applies anyway
  if (b.family === 4 && hostBits >= 2) return { offset: 1, size: all - 2 };
  if (b.family === 6 && hostBits >= 2) return { offset: 1, size: Math.min(all - 1, Number.MAX_SAFE_INTEGER) };
  return { offset: 0, size: all };
}

/** Pools up to this many addresses keep their texts (a /16 at most: 64 Ki strings). */
const TEXT_CACHE_LIMIT = 65_536;

/** Hands out the addresses of a `src` list in turn. */
export interface AddressPool {
  /** How many addresses the list holds (at most 2⁵³−1: the rest could never be reached). */
  readonly size: number;
  /** The address for request `n` (1-based): the (n−1)-th address, wrapping around. */
  forRequest(n: number): string;
}

/** Builds a pool from canonical `src` entries (as validation leaves them). Entries that do not parse are skipped. */
export function createAddressPool(entries: readonly string[]): AddressPool {
  const blocks: { block: AddressBlock; offset: number; start: number; end: number }[] = [];
  let total = 0;
  for (const e of entries) {
    const p = parseAddressOrBlock(e);
    if (!p.ok) continue;
    const r = hostRange(p.block);
    const start = total;
    total = Math.min(total + r.size, Number.MAX_SAFE_INTEGER);
    blocks.push({ block: p.block, offset: r.offset, start, end: total });
  }
  // A list of a few thousand addresses (the usual case) keeps each one's text once made: every
  // request would otherwise format a fresh string for the same address.
  const texts: (string | undefined)[] | undefined = total <= TEXT_CACHE_LIMIT ? new Array(total) : undefined;
  return {
    size: total,
    forRequest(n) {
      if (total === 0) return "";
      const i = (n - 1) % total;
      const known = texts?.[i];
      if (known !== undefined) return known;
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((blocks[mid] as { end: number }).end > i) hi = mid;
        else lo = mid + 1;
      }
      const b = blocks[lo] as (typeof blocks)[number];
      const k = i - b.start + b.offset;
      const text = b.block.family === 4 ? formatIPv4(b.block.network + k) : formatIPv6(b.block.network + BigInt(k));
      if (texts) texts[i] = text;
      return text;
    },
  };
}
