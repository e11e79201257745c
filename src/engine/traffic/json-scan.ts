/**
 * A JSON syntax scanner that knows where things are. `JSON.parse` words its errors differently in
 * every JavaScript engine, and not all of them give a position; this scanner accepts exactly
 * RFC 8259 JSON (what `JSON.parse` accepts), reports the first error with its offset in the same
 * words everywhere, rejects duplicate keys (which `JSON.parse` silently collapses), and records
 * where each value starts so that later errors can point at a line and column too.
 */
import { indexPath, keyPath } from "./path.js";

/** Where each key and value of a scanned JSON text starts, by path (see `path.ts`). */
export interface JsonPositions {
  /** Offset of the value at each path. */
  values: Map<string, number>;
  /** Offset of the key (its opening quote) of each object member, by the member's path. */
  keys: Map<string, number>;
}

/**
 * The scan's outcome: positions when the text is good JSON, else the first error; `path` names
 * the list that passed its limit (`maxItems`), when that is the error.
 */
export type JsonScan =
  | { ok: true; positions: JsonPositions }
  | { ok: false; offset: number; message: string; path?: string };

/** The most entries the list at a path may have (undefined: no limit but the text's size). */
export type MaxItems = (path: string) => number | undefined;

/** Deeper nesting than this is refused (no traffic file needs it, and recursion must stay bounded). */
const MAX_DEPTH = 256;

class JsonSyntaxError {
  constructor(
    readonly offset: number,
    readonly message: string,
    readonly path?: string,
  ) {}
}

/**
 * Checks `text` as JSON and records the positions of its keys and values. Never throws. A list
 * longer than `maxItems` allows stops the scan at its first extra entry: the validation would
 * refuse it anyway, and 10 million `{}` would otherwise cost a position each (and JSON.parse).
 */
export function scanJson(text: string, maxItems: MaxItems = () => undefined): JsonScan {
  const positions: JsonPositions = { values: new Map(), keys: new Map() };
  const scanner = new Scanner(text, positions, maxItems);
  try {
    scanner.document();
    return { ok: true, positions };
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      return { ok: false, offset: e.offset, message: e.message, ...(e.path === undefined ? {} : { path: e.path }) };
    }
    throw e;
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ["true", "false", "null"] as const;

class Scanner {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly positions: JsonPositions,
    private readonly maxItems: MaxItems,
  ) {}

  document(): void {
    this.value("", 0);
    this.space();
    if (this.pos < this.text.length) this.fail("unexpected text after the end of the JSON value");
  }

  private fail(message: string, offset = this.pos): never {
    throw new JsonSyntaxError(offset, message);
  }

  private space(): void {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t.charCodeAt(this.pos);
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
      this.pos++;
    }
  }

  private describe(): string {
    if (this.pos >= this.text.length) return "unexpected end of the text";
    return `unexpected character ${JSON.stringify(this.text[this.pos])}`;
  }

  private value(path: string, depth: number): void {
    this.space();
    this.positions.values.set(path, this.pos);
    const c = this.text[this.pos];
    if (c === "{") return this.object(path, depth + 1);
    if (c === "[") return this.array(path, depth + 1);
    if (c === '"') {
      this.string();
      return;
    }
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    for (const word of LITERALS) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return;
      }
    }
    this.fail(`${this.describe()}; expected a value`);
  }

  private object(path: string, depth: number): void {
    if (depth > MAX_DEPTH) this.fail("nested too deeply");
    this.pos++;
    this.space();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return;
    }
    const seen = new Set<string>();
    for (;;) {
      this.space();
      const keyAt = this.pos;
      if (this.text[this.pos] !== '"') this.fail(`${this.describe()}; expected a key in double quotes`);
      const key = this.string();
      if (seen.has(key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      const member = keyPath(path, key);
      this.positions.keys.set(member, keyAt);
      this.space();
      if (this.text[this.pos] !== ":") this.fail(`${this.describe()}; expected ':' after the key`);
      this.pos++;
      this.value(member, depth);
      this.space();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "}") return;
      if (c !== ",") this.fail(`${this.describeAt(this.pos - 1)}; expected ',' or '}'`, this.pos - 1);
    }
  }

  private array(path: string, depth: number): void {
    if (depth > MAX_DEPTH) this.fail("nested too deeply");
    this.pos++;
    this.space();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return;
    }
    const max = this.maxItems(path);
    for (let i = 0; ; i++) {
      if (max !== undefined && i >= max) {
        this.space();
        throw new JsonSyntaxError(this.pos, `has more than ${max} entries; at most ${max} are allowed`, path);
      }
      this.value(indexPath(path, i), depth);
      this.space();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "]") return;
      if (c !== ",") this.fail(`${this.describeAt(this.pos - 1)}; expected ',' or ']'`, this.pos - 1);
    }
  }

  private describeAt(offset: number): string {
    const saved = this.pos;
    this.pos = offset;
    const d = this.describe();
    this.pos = saved;
    return d;
  }

  private number(): void {
    NUMBER.lastIndex = this.pos;
    const m = NUMBER.exec(this.text);
    if (!m) this.fail("invalid number");
    this.pos += m[0].length;
  }

  /** Scans a string starting at its opening quote; returns its decoded text. */
  private string(): string {
    const t = this.text;
    const start = this.pos;
    let escaped = false;
    this.pos++;
    for (;;) {
      if (this.pos >= t.length) this.fail("unterminated string", start);
      const c = t.charCodeAt(this.pos);
      if (c === 0x22) break;
      if (c < 0x20) this.fail("control character in a string (write it as an escape such as \\n)");
      if (c === 0x5c) {
        escaped = true;
        this.escape();
      } else this.pos++;
    }
    this.pos++;
    // The literal is well-formed now, so JSON.parse decodes it exactly as it would in the whole text.
    return escaped ? (JSON.parse(t.slice(start, this.pos)) as string) : t.slice(start + 1, this.pos - 1);
  }

  private escape(): void {
    const e = this.text[this.pos + 1];
    if (e !== undefined && '"\\/bfnrt'.includes(e)) {
      this.pos += 2;
      return;
    }
    if (e === "u" && /^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 2, this.pos + 6))) {
      this.pos += 6;
      return;
    }
    this.fail("invalid escape in a string");
  }
}
