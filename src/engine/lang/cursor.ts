/** A cursor over the preprocessed token stream, shared by the parser's files. */

import { joinSpans, type Span } from "../base/source.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { Token } from "./tokens.js";

export class Cursor {
  private i = 0;

  constructor(
    private readonly tokens: readonly Token[],
    readonly diags: DiagnosticBag,
  ) {}

  /** The token `k` places ahead (0 = current); the final `eof` repeats forever. */
  peek(k = 0): Token {
    const t = this.tokens[Math.min(this.i + k, this.tokens.length - 1)];
    return t as Token;
  }

  /** The token just consumed. */
  prev(): Token {
    return this.tokens[Math.max(0, this.i - 1)] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (this.i < this.tokens.length - 1) this.i++;
    return t;
  }

  get atEnd(): boolean {
    return this.peek().kind === "eof";
  }

  /** Current position, to detect loops that make no progress. */
  get index(): number {
    return this.i;
  }

  /** True if the current token is the punctuation `p`. */
  isPunct(p: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "punct" && t.text === p;
  }

  isWord(w: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "ident" && t.text === w;
  }

  /** Consumes `p` if it is next. */
  eat(p: string): Token | undefined {
    return this.isPunct(p) ? this.next() : undefined;
  }

  /** Consumes `p`, or reports a syntax error at the current token without consuming it. */
  expect(p: string, message = "syntax error"): Token | undefined {
    const t = this.eat(p);
    if (!t) this.error("syntax_error", message, this.peek().span);
    return t;
  }

  error(code: string, message: string, span: Span): void {
    this.diags.error(code, message, span);
  }

  /** Span from `start` to the end of the last consumed token. */
  spanFrom(start: Span): Span {
    return joinSpans(start, this.prev().span);
  }
}
