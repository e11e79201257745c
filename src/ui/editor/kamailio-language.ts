/**
 * The Kamailio config language for Monaco: highlighting from the engine's lexer, a line at a
 * time (highlight.ts), and the editing rules (comments, brackets, auto-closing pairs). Token
 * names map to colours in themes.ts.
 */
import { FIRST_LINE, type LineState } from "../../engine/index.js";
import { highlightLine } from "./highlight.js";
import type { monaco } from "./monaco.js";

type LanguageConfiguration = monaco.languages.LanguageConfiguration;

export const KAMAILIO_LANGUAGE = "kamailio";

/** Monaco's view of the state a line leaves: compared by value, so re-tokenizing stops early. */
class LexState implements monaco.languages.IState {
  constructor(readonly line: LineState) {}
  clone(): LexState {
    return this;
  }
  equals(other: monaco.languages.IState): boolean {
    if (!(other instanceof LexState)) return false;
    const a = this.line;
    const b = other.line;
    return a.first === b.first && a.comment === b.comment && a.quote === b.quote && a.directive === b.directive;
  }
}

const kamailioTokens: monaco.languages.TokensProvider = {
  getInitialState: () => new LexState(FIRST_LINE),
  tokenize(line, state) {
    const r = highlightLine(line, state instanceof LexState ? state.line : FIRST_LINE);
    return { tokens: r.tokens, endState: new LexState(r.state) };
  },
};

const kamailioConfiguration: LanguageConfiguration = {
  comments: { lineComment: "#", blockComment: ["/*", "*/"] },
  brackets: [
    ["{", "}"],
    ["[", "]"],
    ["(", ")"],
  ],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: "[", close: "]" },
    { open: "(", close: ")" },
    { open: '"', close: '"', notIn: ["string", "comment"] },
  ],
  surroundingPairs: [
    { open: "{", close: "}" },
    { open: "(", close: ")" },
    { open: '"', close: '"' },
  ],
  // `$si`, `$var` and `mq_add` are words (double-click, word-based features).
  wordPattern: /\$?[A-Za-z_][\w]*|-?\d+(?:\.\d+)*/,
};

let registered = false;

/** Registers the language once per page. */
export function registerKamailioLanguage(m: typeof monaco): void {
  if (registered) return;
  registered = true;
  m.languages.register({ id: KAMAILIO_LANGUAGE, extensions: [".cfg"], aliases: ["Kamailio config"] });
  m.languages.setTokensProvider(KAMAILIO_LANGUAGE, kamailioTokens);
  m.languages.setLanguageConfiguration(KAMAILIO_LANGUAGE, kamailioConfiguration);
}
