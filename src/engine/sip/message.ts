/**
 * A SIP request as the script sees it, read lazily from its raw text: construction only frames
 * the request line and the end of the headers; header fields are split on the first header
 * access, and each well-known header (From, To, CSeq, Via...) is parsed only when asked for, then
 * cached. This mirrors Kamailio, which parses headers on demand too, and keeps the simulator
 * fast: most scripts touch a handful of pseudo-variables per request.
 *
 * Values are Kamailio's (see headers.ts for what a header body is): `header("Call-ID")` is `$ci`,
 * `header(name)` is `$hdr(name)`, `length` is `$ml`, `ruri` is `$ru`, `originalRuri` is `$ou`.
 */
import type { CoreLogEntry } from "./core-log-entry.js";
import { type CSeq, parseCSeq, parseUint } from "./fields.js";
import { findBlankLine, frameRequest, type RequestFrame } from "./framing.js";
import { headerKey } from "./header-names.js";
import { type HeaderScan, scanHeaders } from "./header-scan.js";
import { type HeaderField, splitHeaders } from "./headers.js";
import { type NameAddr, parseNameAddr } from "./name-addr.js";
import { parseUri, type SipUri } from "./uri.js";
import { utf8Length } from "./utf8.js";
import { parseVia, type ViaBody } from "./via.js";

/** A received SIP request (replies are out of scope). */
export class SipRequest {
  /** The message exactly as received (`$mb`). */
  readonly raw: string;
  /** The method as written in the request line (`$rm`). */
  readonly method: string;
  /** The version as written in the request line (`SIP/2.0`). */
  readonly version: string;
  /** The R-URI of the request line (`$ou`); assignments to `ruri` do not change it. */
  readonly originalRuri: string;

  private readonly headerStart: number;
  private readonly headerEnd: number;
  private readonly bodyStart: number;
  private currentRuri: string;
  // Caches: `undefined` = not computed yet, `null` = computed and absent.
  private parsedUri: SipUri | null | undefined;
  private fieldList: HeaderField[] | null | undefined;
  /** With a bad header line: the fields before it (what the core had read). */
  private fieldsBefore: HeaderField[] | undefined;
  private fromCache: NameAddr | null | undefined;
  private toCache: NameAddr | null | undefined;
  private cseqCache: CSeq | null | undefined;
  private viaCache: ViaBody | null | undefined;
  private byteLength = -1;
  private replyLine: { status: string; reason: string } | undefined;
  private appendedLines: string[] | undefined;
  /** Header values rewritten in place, by header key. */
  private rewritten: Map<string, string> | undefined;
  /** Read from a datagram by the receive path: later full header reads can fail (see
   * headersFailure()); a stream's built request never does. */
  private fromDatagram = false;
  private failureCache: CoreLogEntry[] | null | undefined;
  /** The receive path's header read, resumed by headersFailure(). */
  private scanned: HeaderScan | undefined;

  private constructor(raw: string, f: RequestFrame) {
    this.raw = raw;
    this.method = f.method;
    this.version = f.version;
    this.originalRuri = f.uri;
    this.currentRuri = f.uri;
    this.headerStart = f.headerStart;
    this.headerEnd = f.headerEnd;
    this.bodyStart = f.bodyStart;
  }

  /**
   * Reads a request from raw text. Only the request line and the blank line ending the headers
   * are checked here; a received datagram is judged by the receive path (receive.ts) instead.
   */
  static parse(raw: string): SipRequest | { error: string } {
    const f = frameRequest(raw);
    if ("error" in f) return f;
    return new SipRequest(raw, f);
  }

  /**
   * A request the receive path (receive.ts) has accepted, its first line already read; the
   * headers end at the first empty line, or at the end of the datagram when it has none (the
   * body is then empty).
   */
  static received(
    raw: string,
    method: string,
    uri: string,
    version: string,
    headerStart: number,
    scan?: HeaderScan,
  ): SipRequest {
    let headerEnd = raw.length;
    let bodyStart = raw.length;
    const c = raw.charCodeAt(headerStart);
    const blank = c === 10 || c === 13 ? headerStart : findBlankLine(raw, headerStart - 1);
    if (blank >= 0) {
      headerEnd = blank;
      bodyStart = Math.min(raw.length, blank + (raw.charCodeAt(blank) === 13 ? 2 : 1));
    }
    const m = new SipRequest(raw, { method, uri, version, headerStart, headerEnd, bodyStart });
    m.fromDatagram = true;
    // Where the receive path's read stopped: a later full read goes on from there, as
    // msg->unparsed does, instead of reading the first headers again (a SIP message's read:
    // the later one checks duplicates, which the core checks only in SIP).
    if (scan?.sip) m.scanned = { ...scan };
    return m;
  }

  /**
   * For a received datagram: the lines parse_headers(msg, HDR_EOH_F) logs (msg_parser.c) when a
   * header the core did not read on receipt fails — a bad name, a bad Via, CSeq, To or
   * Content-Length, a duplicate — read by the receive path's own scanner (header-scan.ts).
   * msg->unparsed stays at the bad header, so Kamailio logs the same lines on every later full
   * read ($hdr, $rb, sl's reply); the caller writes them each time. Undefined when every header
   * reads, and always for a stream's request (built well formed).
   */
  headersFailure(): readonly CoreLogEntry[] | undefined {
    if (!this.fromDatagram) return undefined;
    if (this.failureCache === undefined) {
      // A want bit no header has: read to the end of the headers.
      const st = this.scanned ?? { pos: this.headerStart, found: 0, eoh: -1, count: 0, sip: true };
      this.scanned = undefined;
      this.failureCache = scanHeaders(this.raw, st, 1 << 30) ?? null;
    }
    return this.failureCache ?? undefined;
  }

  /**
   * A reply the receive path has accepted (its CSeq is known to parse): `method` is the CSeq's,
   * as Kamailio's `$rm` of a reply; there is no R-URI.
   */
  static receivedReply(
    raw: string,
    status: string,
    reason: string,
    version: string,
    headerStart: number,
    scan?: HeaderScan,
  ): SipRequest {
    const m = SipRequest.received(raw, "", "", version, headerStart, scan);
    // `method` is the CSeq's, known only once the headers are read: set once, here.
    (m as { method: string }).method = m.cseq?.method ?? "";
    m.replyLine = { status, reason };
    return m;
  }

  /** A reply's status and reason (`$rs`, `$rr`); undefined for a request. */
  get reply(): { status: string; reason: string } | undefined {
    return this.replyLine;
  }

  /** The current R-URI (`$ru`): the request line's, or the last one assigned. */
  get ruri(): string {
    return this.currentRuri;
  }

  /** Assigning `$ru`: later reads of `ruri` and `uri` (`$rU`, `$rd`, `$rp`) see the new value. */
  set ruri(value: string) {
    this.currentRuri = value;
    this.parsedUri = undefined;
  }

  /** The current R-URI parsed; undefined when it does not parse (Kamailio then logs an error and
   * `$rU`/`$rd`/`$rp` are `<null>`). */
  get uri(): SipUri | undefined {
    if (this.parsedUri === undefined) this.parsedUri = parseUri(this.currentRuri) ?? null;
    return this.parsedUri ?? undefined;
  }

  /**
   * The header fields in order, split on first use; undefined when a header line is malformed
   * (Kamailio's parse_headers() fails then, and every `$hdr` is `<null>`).
   */
  fields(): readonly HeaderField[] | undefined {
    if (this.fieldList === undefined) {
      const r = splitHeaders(this.raw, this.headerStart, this.headerEnd);
      if ("error" in r) {
        this.fieldList = null;
        this.fieldsBefore = r.before;
      } else if (this.fromDatagram && this.headersFailure() !== undefined) {
        // Every line splits, but a later header fails parse_headers() (a duplicate, a bad
        // Content-Length...): `$hdr` fails; the core's pointers keep the first of each.
        this.fieldList = null;
        this.fieldsBefore = r;
      } else this.fieldList = r;
    }
    return this.fieldList ?? undefined;
  }

  /** When fields() is undefined: the fields before the bad one (see SipMessage). */
  fieldsBeforeFailure(): readonly HeaderField[] | undefined {
    return this.fields() === undefined ? this.fieldsBefore : undefined;
  }

  /** Body of the first header with this name (case-insensitive, compact forms too): `$hdr(name)`. */
  header(name: string): string | undefined {
    if (this.rewritten !== undefined) {
      const v = this.rewritten.get(headerKey(name));
      if (v !== undefined) return v;
    }
    const fields = this.fields();
    if (fields === undefined) return undefined;
    const key = headerKey(name);
    for (const f of fields) if (f.key === key) return this.raw.slice(f.bodyStart, f.bodyEnd);
    return undefined;
  }

  /** Bodies of every header with this name, in order; a comma-separated line stays one entry. */
  headers(name: string): string[] {
    const fields = this.fields();
    if (fields === undefined) return [];
    const key = headerKey(name);
    const out: string[] = [];
    for (const f of fields) if (f.key === key) out.push(this.raw.slice(f.bodyStart, f.bodyEnd));
    return out;
  }

  /** The From header parsed (`$fn`, `$fu`, `$ft`); undefined when missing or malformed. */
  get from(): NameAddr | undefined {
    if (this.fromCache === undefined) this.fromCache = this.parseWith("from", parseNameAddr);
    return this.fromCache ?? undefined;
  }

  /** The To header parsed (`$tn`, `$tu`, `$tt`); undefined when missing or malformed. */
  get to(): NameAddr | undefined {
    if (this.toCache === undefined) this.toCache = this.parseWith("to", parseNameAddr);
    return this.toCache ?? undefined;
  }

  /** The CSeq header parsed (`$cs` is `num`); undefined when missing or malformed. */
  get cseq(): CSeq | undefined {
    if (this.cseqCache === undefined) this.cseqCache = this.parseWith("cseq", parseCSeq);
    return this.cseqCache ?? undefined;
  }

  /** The first via of the first Via header (branch, sent-by); undefined when missing or malformed. */
  get via(): ViaBody | undefined {
    if (this.viaCache === undefined) this.viaCache = this.parseWith("via", (b) => parseVia(b));
    return this.viaCache ?? undefined;
  }

  /** The Call-ID body (`$ci`), trailing spaces included as Kamailio keeps them. */
  get callId(): string | undefined {
    return this.knownHeader("call-id");
  }

  /** The User-Agent body (`$ua`). */
  get userAgent(): string | undefined {
    return this.header("user-agent");
  }

  /** Content-Length as a number; undefined when missing or not a number. */
  get contentLength(): number | undefined {
    const b = this.header("content-length");
    return b === undefined ? undefined : parseUint(b);
  }

  /** Max-Forwards as a number; undefined when missing or not a number. */
  get maxForwards(): number | undefined {
    const b = this.header("max-forwards");
    return b === undefined ? undefined : parseUint(b);
  }

  /** Everything after the blank line that ends the headers (`$rb`). */
  get body(): string {
    return this.raw.slice(this.bodyStart);
  }

  /** Size of the message in bytes, UTF-8 (`$ml`). */
  get length(): number {
    if (this.byteLength < 0) this.byteLength = utf8Length(this.raw);
    return this.byteLength;
  }

  /**
   * Records a header added by `append_hf()`. Like Kamailio, which adds it as a lump applied only
   * to the outgoing message (textops.c add_hf_helper → insert_new_lump_before), it is not seen by
   * `header()`, `$hdr` or `$ml` of this message (checked on 5.6.3: `$hdr` of an appended header
   * is `<null>`). `line` is kept as given, line end included.
   */
  /** Replaces the first header's value (maxfwd writes the decremented Max-Forwards in place). */
  rewriteHeader(name: string, value: string): void {
    if (this.rewritten === undefined) this.rewritten = new Map();
    this.rewritten.set(headerKey(name), value);
  }

  appendHeader(line: string): void {
    if (this.appendedLines === undefined) this.appendedLines = [];
    this.appendedLines.push(line);
  }

  /** Headers added by `appendHeader()`, in order. */
  get appended(): readonly string[] {
    return this.appendedLines ?? [];
  }

  /**
   * The first header of that name for the core's own pointers (msg->from, msg->to, msg->cseq,
   * msg->callid, msg->via1): read before any bad line further down, which `$hdr` would refuse.
   */
  private knownHeader(name: string): string | undefined {
    if (this.fields() !== undefined || this.fieldsBefore === undefined) return this.header(name);
    const key = headerKey(name);
    for (const f of this.fieldsBefore) if (f.key === key) return this.raw.slice(f.bodyStart, f.bodyEnd);
    return undefined;
  }

  private parseWith<T>(name: string, parse: (body: string) => T | undefined): T | null {
    const body = this.knownHeader(name);
    return body === undefined ? null : (parse(body) ?? null);
  }
}
