/**
 * IP address text, parsed in one place for the whole engine: dotted-decimal IPv4 and IPv6 text
 * (`::`, an IPv4 tail as in `::ffff:192.0.2.1`) to a number or to network-order bytes, and the
 * numbers back to text. Octets are decimal, leading zeros allowed, as Kamailio's str2ip()
 * (core/resolve.h) and its config grammar read them; callers with stricter rules (the traffic
 * file refuses `010`) add them on top. Kamailio's lenient parser for pike_check_ip (str2ipbuf,
 * octets wrapping at 256) is a different function on purpose: modules/pike/tree.ts.
 */

const OCTET = /^\d{1,3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Dotted-decimal IPv4 to its 32-bit value (unsigned), or undefined. */
export function parseIPv4(text: string): number | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!OCTET.test(p)) return undefined;
    const v = Number(p);
    if (v > 255) return undefined;
    n = n * 256 + v;
  }
  return n;
}

/** IPv6 text (with `::` and an optional dotted IPv4 tail; no brackets, no zone index) to its 128-bit value. */
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

/**
 * An address as network-order bytes: 4 for IPv4, 16 for IPv6 (which may be bracketed, as in a
 * URI host: `[2001:db8::1]`). Undefined for anything else.
 */
export function ipToBytes(text: string): Uint8Array | undefined {
  if (!text.includes(":")) {
    const v4 = parseIPv4(text);
    if (v4 === undefined) return undefined;
    return Uint8Array.of(v4 >>> 24, (v4 >>> 16) & 0xff, (v4 >>> 8) & 0xff, v4 & 0xff);
  }
  const bare = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const v6 = parseIPv6(bare);
  if (v6 === undefined) return undefined;
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number((v6 >> BigInt(8 * (15 - i))) & 0xffn);
  return out;
}

/** Dotted-decimal text of an IPv4 address. */
export function formatIPv4(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

/** RFC 5952 text of an IPv6 address (lower case, the longest zero run as `::`, IPv4-mapped tail dotted). */
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
