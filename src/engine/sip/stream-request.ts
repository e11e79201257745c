/**
 * A traffic stream's request, known field by field: the simulator reads `$rm`, `$fu`, `$ru`...
 * straight from the stream's templates, expanding each only when it is read, and builds the full
 * RFC 3261 text (with `buildRequest`) only when the script reads the raw message or a header by
 * name. Most scripts never do, which keeps a million requests a second within reach.
 */
import { buildRequest, type RequestSpec } from "./builder.js";
import type { CSeq } from "./fields.js";
import { SipRequest } from "./message.js";
import type { NameAddr } from "./name-addr.js";
import type { SipMessage } from "./sip-message.js";
import { parseUri, type SipUri } from "./uri.js";

/**
 * A stream's request fields for request number n, computed on demand. One object per stream;
 * a request holds it plus its own number and source (so a request costs one allocation).
 */
export interface StreamTemplate {
  method: string;
  body: string;
  /** Whether the stream adds any header at all. */
  hasHeaders: boolean;
  ruri(n: number): string;
  from(n: number): string;
  to(n: number): string;
  callId(n: number): string;
  fromTag(n: number): string;
  /** Everything the full text needs. */
  spec(n: number, srcIp: string, srcPort: number): RequestSpec;
  /** Whether the stream sets a header that replaces a generated one (lower-case name). */
  overrides(key: string): boolean;
  /** The same, precomputed for the headers read most. */
  replacesFrom: boolean;
  replacesTo: boolean;
}

export class StreamRequest implements SipMessage {
  private parsed: SipRequest | undefined;
  private currentRuri: string | undefined;
  private parsedUri: SipUri | null | undefined;
  private fromCache: NameAddr | undefined;
  private toCache: NameAddr | undefined;

  constructor(
    private readonly src: StreamTemplate,
    /** Request number in its stream (also its CSeq). */
    private readonly n: number,
    private readonly srcIp: string,
    private readonly srcPort: number,
  ) {}

  /** The text and its parse, built on first need. */
  private get full(): SipRequest {
    if (!this.parsed) {
      this.parsed = SipRequest.parse(buildRequest(this.src.spec(this.n, this.srcIp, this.srcPort))) as SipRequest;
      this.parsed.ruri = this.ruri;
    }
    return this.parsed;
  }

  parsedRequest(): SipRequest {
    return this.full;
  }

  get method(): string {
    return this.src.method;
  }

  get ruri(): string {
    this.currentRuri ??= this.src.ruri(this.n);
    return this.currentRuri;
  }

  set ruri(v: string) {
    this.currentRuri = v;
    this.parsedUri = undefined;
    if (this.parsed) this.parsed.ruri = v;
  }

  get uri(): SipUri | undefined {
    if (this.parsedUri === undefined) this.parsedUri = parseUri(this.ruri) ?? null;
    return this.parsedUri ?? undefined;
  }

  get from(): NameAddr | undefined {
    if (this.src.replacesFrom) return this.full.from;
    this.fromCache ??= { uri: this.src.from(this.n), tag: this.src.fromTag(this.n) };
    return this.fromCache;
  }

  get to(): NameAddr | undefined {
    if (this.src.replacesTo) return this.full.to;
    this.toCache ??= { uri: this.src.to(this.n) };
    return this.toCache;
  }

  get cseq(): CSeq | undefined {
    if (this.src.overrides("cseq")) return this.full.cseq;
    return { num: String(this.n), method: this.src.method };
  }

  get callId(): string | undefined {
    if (this.src.overrides("call-id")) return this.full.callId;
    return this.src.callId(this.n);
  }

  get userAgent(): string | undefined {
    return this.src.hasHeaders ? this.full.userAgent : undefined;
  }

  get raw(): string {
    return this.full.raw;
  }

  get body(): string {
    return this.src.body;
  }

  get length(): number {
    return this.full.length;
  }

  header(name: string): string | undefined {
    // Generated headers a stream did not replace are known without building the text.
    const key = name.toLowerCase();
    if (this.parsed === undefined && !this.src.overrides(key)) {
      if (key === "max-forwards") return "70";
      if (key === "call-id" || key === "i") return this.src.callId(this.n);
      if (key === "cseq") return `${this.n} ${this.src.method}`;
      if (!this.src.hasHeaders && (key === "user-agent" || key === "content-type")) return undefined;
    }
    return this.full.header(name);
  }

  headers(name: string): string[] {
    return this.full.headers(name);
  }

  rewriteHeader(name: string, value: string): void {
    this.full.rewriteHeader(name, value);
  }

  appendHeader(line: string): void {
    this.full.appendHeader(line);
  }
}
