/**
 * What the script runtime reads of a request. Two kinds implement it: `SipRequest`, parsed
 * lazily from raw text, and `StreamRequest`, a traffic stream's request whose fields are known
 * before any text exists (its text is built only if something reads it).
 */
import type { CoreLogEntry } from "./core-log-entry.js";
import type { CSeq } from "./fields.js";
import type { HeaderField } from "./headers.js";
import type { SipRequest } from "./message.js";
import type { NameAddr } from "./name-addr.js";
import type { SipUri } from "./uri.js";

export interface SipMessage {
  /** The whole message (`$mb`). */
  readonly raw: string;
  readonly method: string;
  /** The request line's version as written (`SIP/2.0`); absent for a stream's request, which is SIP/2.0. */
  readonly version?: string;
  /** A reply's status line (the core onreply_route runs on replies); absent for a request. */
  readonly reply?: { readonly status: string; readonly reason: string };
  /** The current R-URI (`$ru`); assignable. */
  ruri: string;
  /** The current R-URI parsed, kept until `ruri` changes; undefined when parse_uri() fails on it
   * (`$rU`, `$rd`, `$rp` are then `<null>`). */
  readonly uri: SipUri | undefined;
  header(name: string): string | undefined;
  headers(name: string): string[];
  readonly from: NameAddr | undefined;
  readonly to: NameAddr | undefined;
  readonly cseq: CSeq | undefined;
  readonly callId: string | undefined;
  readonly userAgent: string | undefined;
  readonly body: string;
  /** Bytes (`$ml`). */
  readonly length: number;
  appendHeader(line: string): void;
  /** Rewrites the first header of that name in place, as some modules do to the received buffer. */
  rewriteHeader(name: string, value: string): void;
  /** A received datagram's parse_headers() failure on a header read after receipt, with its
   * lines; absent for a stream's request, which is built well formed. */
  headersFailure?(): readonly CoreLogEntry[] | undefined;
  /** When the headers fail (fields() undefined): the fields before the bad one, which a
   * parse_headers() for an earlier header (the first Route...) still reads. */
  fieldsBeforeFailure?(): readonly HeaderField[] | undefined;
  /** A message read field by field (a stream's request): its full text parsed, built once and
   * shared, so every module that needs the whole request reads the same one. */
  parsedRequest?(): SipRequest;
}
