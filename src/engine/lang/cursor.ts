/** A cursor over the preprocessed token stream, shared by the parser's files. */

import { joinSpans, type Span } from "../base/source.js";
import type { DiagnosticBag } from "./diagnostics.js";
import type { Token } from "./tokens.js";

/**
 * How deep constructs may nest (statements in statements, expressions in expressions, and the
 * terms of one operator chain), all counted together. Kamailio's parser is bison's: its stack
 * holds YYMAXDEPTH 10000 entries and a config that needs more stops parsing with "memory
 * exhausted" (yyparse returns 2; Kamailio 5.6.3 checks ~9,990 nested parentheses or 3,331 nested
 * `if`s and stops at the next one). Every later phase here (checker, printer, evaluation) walks
 * the tree recursively on the host's stack, which holds far less than bison's heap-allocated
 * one, so kamsim's limit is lower: about 295 nested `if`s, 298 nested parentheses or a 299-term
 * sum are accepted, one more is refused (Kamailio refuses a 5,000-term sum too, out of private
 * memory: "could not allocate private memory from pkg pool"). The playground runs the engine in a
 * Web Worker, whose stack in Chromium holds about 4,900 frames against Node's 10,500: at this limit
 * every phase still runs with 30% of Node's default stack (--stack-size=300), about 1.5 times
 * what the worker needs; at 400 some did not (docs/kamailio/config-errors.md#nesting-limit).
 */
export const MAX_NESTING = 300;

export class Cursor {
  private i = 0;
  /** Nesting open now (see MAX_NESTING). */
  private depth = 0;
  /** Set when parsing stopped as bison stops on a full stack: every later error is dropped. */
  private aborted = false;

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
    if (!this.aborted) this.diags.error(code, message, span);
  }

  /**
   * Opens `weight` levels of nesting at the current token; false when that goes past
   * MAX_NESTING, after reporting it there and stopping the parse (see `abort`).
   * Every `enter` that returns true is paired with a `leave` of the same weight.
   */
  enter(weight = 1): boolean {
    if (this.aborted) return false;
    if (this.depth + weight > MAX_NESTING) {
      this.abort(this.peek().span);
      return false;
    }
    this.depth += weight;
    return true;
  }

  leave(weight = 1): void {
    this.depth -= weight;
  }

  /** Nesting open now, for a chain of operators to add its own length to. */
  get nesting(): number {
    return this.depth;
  }

  /** True once the parse has stopped. */
  get stopped(): boolean {
    return this.aborted;
  }

  /**
   * Reports "memory exhausted" at `span` and stops parsing as bison does when its stack is full
   * (core/cfg.y yyerror_at prints it as a parse error; yyparse then returns): the cursor moves to
   * the end, so every loop of the parser ends, and errors from the unwinding are dropped.
   */
  abort(span: Span): void {
    if (this.aborted) return;
    this.diags.fatal("nesting_too_deep", "memory exhausted", span);
    this.aborted = true;
    this.i = this.tokens.length - 1;
  }

  /** Span from `start` to the end of the last consumed token. */
  spanFrom(start: Span): Span {
    return joinSpans(start, this.prev().span);
  }
}
