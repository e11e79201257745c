/**
 * Share links: the config, traffic, seed, the defines box (when not empty) and a format version, compressed into the URL's
 * fragment (nothing goes to a server). Reading one validates it; a broken or oversized link is
 * refused with a clear message and the user's own work stays as it was.
 */

const SHARE_VERSION = 1;
/** Longest fragment accepted (browsers and chat tools mangle longer URLs). */
const MAX_LINK_CHARS = 100_000;
/**
 * Most a link may unpack to: each text at most 2 MB, as Open… takes (the engine's
 * MAX_CONFIG_TEXT), plus room for the JSON around them. Compression is no size limit: a 78 KB
 * link opened a 60 MB config; decompression now stops past this.
 */
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
const MAX_UNPACKED_BYTES = 2 * MAX_TEXT_BYTES + 1024;
/** A seed as traffic.json takes it (traffic/validate: a whole number, 0 to 2^32 - 1). */
const MAX_SEED = 4_294_967_295;

export interface SharedWork {
  config: string;
  traffic: string;
  seed: number;
  /** The defines box's text; links made before the box have none (an empty box). */
  defines?: string;
}

/** Longest defines box text a link may hold (hundreds of defines; a longer one is no typing). */
const MAX_DEFINES_CHARS = 10_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** Decompresses at most `max` bytes; undefined when there is more (the rest is not unpacked). */
async function inflateAtMost(bytes: Uint8Array, max: number): Promise<Uint8Array | undefined> {
  const reader = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw") as unknown as ReadableWritablePair<Uint8Array, Uint8Array>)
    .getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    parts.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The fragment for a piece of work: `#s=1.<data>`. */
export async function encodeShare(work: SharedWork): Promise<string> {
  const { defines, ...texts } = work;
  const json = JSON.stringify({ v: SHARE_VERSION, ...texts, ...(defines ? { defines } : {}) });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  return `#s=${SHARE_VERSION}.${toBase64Url(packed)}`;
}

/** Reads a fragment; `undefined` when there is no share in it, `{error}` when it is broken. */
export async function decodeShare(hash: string): Promise<SharedWork | { error: string } | undefined> {
  const m = /^#s=(\d+)\.(.*)$/s.exec(hash);
  if (!m) return undefined;
  if (hash.length > MAX_LINK_CHARS)
    return { error: `This link is too long (${hash.length} characters; at most ${MAX_LINK_CHARS}).` };
  if (Number(m[1]) !== SHARE_VERSION)
    return { error: `This link was made by another version of kamsim (format ${m[1]}).` };
  try {
    const bytes = await inflateAtMost(fromBase64Url(m[2] as string), MAX_UNPACKED_BYTES);
    if (!bytes)
      return { error: "This link unpacks to more than 2 MB per text; it was not opened (Open… takes up to 2 MB)." };
    const data = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof data.config !== "string" || typeof data.traffic !== "string" || typeof data.seed !== "number") {
      return { error: "This link does not hold a config, a traffic file and a seed." };
    }
    const big = new TextEncoder().encode(data.config).length > MAX_TEXT_BYTES ? "config" : undefined;
    const bigTraffic = new TextEncoder().encode(data.traffic).length > MAX_TEXT_BYTES ? "traffic file" : undefined;
    if (big ?? bigTraffic)
      return {
        error: `This link's ${big ?? bigTraffic} is larger than 2 MB; it was not opened (Open… takes up to 2 MB).`,
      };
    if (!Number.isInteger(data.seed) || data.seed < 0 || data.seed > MAX_SEED)
      return { error: `This link's seed must be a whole number from 0 to ${MAX_SEED}, not ${data.seed}.` };
    if (data.defines !== undefined && (typeof data.defines !== "string" || data.defines.length > MAX_DEFINES_CHARS))
      return { error: `This link's defines must be a text of at most ${MAX_DEFINES_CHARS} characters.` };
    const work: SharedWork = { config: data.config, traffic: data.traffic, seed: data.seed };
    if (data.defines) work.defines = data.defines;
    return work;
  } catch {
    return { error: "This link is damaged: it could not be read." };
  }
}
