/**
 * Highlighting, as plain data: one line of config text, lexed by the engine's lexer (scanLine)
 * from the state the line above left, becomes Monaco token classes (their colours are in
 * themes.ts). Which words are keywords, functions, constants or route names is decided here from
 * the tokens around them; what is a comment, string, directive or pseudo-variable is the lexer's
 * answer, the same the checker gets.
 */
import { type LineState, type ScanToken, scanLine, stringPvs } from "../../engine/index.js";

/** A Monaco token: it starts at `startIndex` and runs to the next one's start. */
export interface ClassedToken {
  startIndex: number;
  scopes: string;
}

const ROUTE_BLOCKS = new Set([
  "route",
  "request_route",
  "failure_route",
  "branch_route",
  "branch_failure_route",
  "onreply_route",
  "reply_route",
  "onsend_route",
  "event_route",
]);

const KEYWORDS = new Set([
  ...ROUTE_BLOCKS,
  "if",
  "else",
  "while",
  "switch",
  "case",
  "default",
  "break",
  "return",
  "exit",
  "drop",
  "loadmodule",
  "loadmodulex",
  "loadpath",
  "modparam",
  "include_file",
  "import_file",
  "and",
  "or",
  "not",
  "eq",
  "ne",
]);

/** Words the grammar reads as values (cfg.lex: protocols, `myself`, `any`). */
const CONSTANTS = new Set(["myself", "udp", "tcp", "tls", "sctp", "ws", "wss", "any"]);

const BRACKETS: Readonly<Record<string, string>> = {
  "{": "delimiter.curly",
  "}": "delimiter.curly",
  "(": "delimiter.parenthesis",
  ")": "delimiter.parenthesis",
  "[": "delimiter.square",
  "]": "delimiter.square",
};

class LineTokens {
  readonly out: ClassedToken[] = [];
  private end = 0;

  /** Adds a token at `at`; a gap before it (white space) is an unclassed token. */
  add(at: number, scopes: string, end: number): void {
    const last = this.out[this.out.length - 1];
    if (!last && at > 0) this.out.push({ startIndex: 0, scopes: "" });
    else if (last && this.end < at) this.out.push({ startIndex: this.end, scopes: "" });
    if (last?.scopes === scopes && this.end === at) {
      this.end = end;
      return;
    }
    this.out.push({ startIndex: at, scopes });
    this.end = end;
  }
}

/** `#!define NAME value`: the directive, the name it defines, then the rest. */
function directive(t: ScanToken, line: LineTokens): void {
  const args = t.argsStart ?? t.start;
  if (args > t.start) line.add(t.start, "keyword.directive", args);
  const m = /^(\s*)([A-Za-z_]\w*)?/.exec(t.text.slice(args - t.start)) as RegExpExecArray;
  const name = m[2];
  const nameAt = args + (m[1] as string).length;
  if (name && t.value !== "shebang") line.add(nameAt, "macro", nameAt + name.length);
  const restAt = name ? nameAt + name.length : args;
  if (restAt < t.end) line.add(restAt, "", t.end);
}

/** A string with its pseudo-variables and escapes in their own colours. */
function string(t: ScanToken, line: LineTokens): void {
  const pvs = stringPvs(t);
  let at = t.start;
  const plain = (to: number) => {
    // Escapes count only in double-quoted strings; single-quoted ones are raw (cfg.lex).
    for (let i = at; i < to; ) {
      const e = t.quote === '"' ? t.text.indexOf("\\", i - t.start) + t.start : -1;
      if (e < t.start || e >= to) {
        line.add(i, "string", to);
        break;
      }
      if (e > i) line.add(i, "string", e);
      const end = Math.min(to, e + 2);
      line.add(e, "string.escape", end);
      i = end;
    }
  };
  for (const pv of pvs) {
    plain(pv.start);
    line.add(pv.start, "variable", pv.end);
    at = pv.end;
  }
  plain(t.end);
}

/** The class of a word, from the tokens around it. */
function word(tokens: readonly ScanToken[], i: number): string {
  const t = tokens[i] as ScanToken;
  if (KEYWORDS.has(t.text)) return "keyword";
  if (tokens[i + 1]?.text === "(") return "function";
  if (CONSTANTS.has(t.text)) return "constant";
  return "identifier";
}

/** Token classes of one line from the tokens the engine's lexer gives for it. */
function classify(tokens: readonly ScanToken[]): ClassedToken[] {
  const line = new LineTokens();
  // Inside `route[...]`-like brackets everything is the route's name (`event_route[htable:mod-init]`).
  let routeName = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as ScanToken;
    const prev = tokens[i - 1];
    if (routeName && t.text !== "]") {
      line.add(t.start, "type.route", t.end);
      continue;
    }
    routeName = false;
    const routeCall = prev?.text === "(" && tokens[i - 2]?.text === "route";
    switch (t.kind) {
      case "comment":
        line.add(t.start, "comment", t.end);
        break;
      case "directive":
        directive(t, line);
        break;
      case "string":
        if (routeCall) line.add(t.start, "type.route", t.end);
        else string(t, line);
        break;
      case "pvar":
        line.add(t.start, "variable", t.end);
        break;
      case "number":
        line.add(t.start, /^[A-Za-z]/.test(t.text) ? "constant" : "number", t.end);
        break;
      case "ipv4":
      case "ipv6":
        line.add(t.start, "number", t.end);
        break;
      case "ident":
        line.add(t.start, routeCall ? "type.route" : word(tokens, i), t.end);
        break;
      case "punct": {
        const bracket = BRACKETS[t.text];
        line.add(t.start, bracket ?? (t.text === ";" || t.text === "," ? "delimiter" : "operator"), t.end);
        if (t.text === "[" && prev?.kind === "ident" && ROUTE_BLOCKS.has(prev.text)) routeName = true;
        break;
      }
    }
  }
  return line.out;
}

/** One line's Monaco tokens and the state it leaves for the next line. */
export function highlightLine(text: string, state: LineState): { tokens: ClassedToken[]; state: LineState } {
  const r = scanLine(text, state);
  return { tokens: classify(r.tokens), state: r.state };
}
