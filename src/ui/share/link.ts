/**
 * Share links: the config, traffic, seed and a format version, compressed into the URL's
 * fragment (nothing goes to a server). Reading one validates it; a broken or oversized link is
 * refused with a clear message and the user's own work stays as it was.
 */

const SHARE_VERSION = 1;
/** Longest fragment accepted (browsers and chat tools mangle longer URLs). */
const MAX_LINK_CHARS = 100_000;

export interface SharedWork {
  config: string;
  traffic: string;
  seed: number;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart])
    .stream()
    .pipeThrough(stream as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
  return new Uint8Array(await new Response(out).arrayBuffer());
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
  const json = JSON.stringify({ v: SHARE_VERSION, ...work });
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
    const bytes = await pipe(fromBase64Url(m[2] as string), new DecompressionStream("deflate-raw"));
    const data = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    if (typeof data.config !== "string" || typeof data.traffic !== "string" || typeof data.seed !== "number") {
      return { error: "This link does not hold a config, a traffic file and a seed." };
    }
    return { config: data.config, traffic: data.traffic, seed: data.seed };
  } catch {
    return { error: "This link is damaged: it could not be read." };
  }
}
