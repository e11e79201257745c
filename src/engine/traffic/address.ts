/**
 * Source addresses of simulated traffic: IPv4 and IPv6 addresses, CIDR blocks, and pools that
 * hand out the addresses of a `src` list in turn.
 *
 * A block contributes its host addresses: for IPv4 up to /30 the network and broadcast addresses
 * are left out (no real host sends from them), for IPv6 up to /126 the all-zeros Subnet-Router
 * anycast address is left out (RFC 4291 §2.6.1); /31, /32, /127 and /128 give all their addresses.
 * Text is canonical on the way out: dotted decimal without leading zeros, IPv6 as RFC 5952
 * writes it (lower case, longest zero run as `::`, IPv4-mapped tail dotted). The text itself is
 * parsed by base/ip.ts.
 */
import { formatIPv4, formatIPv6, parseIPv4, parseIPv6 } from "../base/ip.js";

/** One address or block, parsed. */
export type AddressBlock =
  | { family: 4; network: number; prefix: number }
  | { family: 6; network: bigint; prefix: number };

/** A parse result: the block, or why the text is not an address. */
export type AddressParse = { ok: true; block: AddressBlock; text: string } | { ok: false; message: string };

/**
 * A traffic file writes octets without leading zeros: `010` reads as octal in some tools, so the
 * file refuses it rather than guess (base/ip.ts itself reads octets as decimal, as Kamailio does).
 */
function hasLeadingZeroOctet(addr: string): boolean {
  const dotted = addr.slice(addr.lastIndexOf(":") + 1);
  return dotted.includes(".") && dotted.split(".").some((octet) => /^0\d/.test(octet));
}

/** Parses one address or CIDR block as a `src` entry. */
export function parseAddressOrBlock(text: string): AddressParse {
  const slash = text.indexOf("/");
  const addr = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  const v4 = hasLeadingZeroOctet(addr) ? undefined : parseIPv4(addr);
  const v6 = v4 === undefined && !hasLeadingZeroOctet(addr) ? parseIPv6(addr) : undefined;
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
function formatBlock(b: AddressBlock): string {
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
