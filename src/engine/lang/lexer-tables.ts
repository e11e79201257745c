/**
 * The lexer's tables, as core/cfg.lex has them: the `#!` directives, the first-line mode markers,
 * the boolean words, the operators and marks (longest first), and the define-like directives.
 */

/** Directives Kamailio's lexer knows after `#!` or `!!`. */
export const DIRECTIVES: ReadonlySet<string> = new Set([
  "define",
  "def",
  "trydef",
  "trydefine",
  "redefine",
  "redef",
  "ifdef",
  "ifndef",
  "ifexp",
  "else",
  "endif",
  "subst",
  "substdef",
  "substdefs",
  "defenv",
  "defenvs",
  "trydefenv",
  "trydefenvs",
  "defexp",
  "defexps",
  "include_file",
  "import_file",
]);

/** First-line mode markers (`#!KAMAILIO`). */
export const SHEBANGS: ReadonlySet<string> = new Set(["KAMAILIO", "OPENSER", "SER", "MAXCOMPAT", "ALL"]);

export const BOOL_WORDS: Readonly<Record<string, number>> = {
  yes: 1,
  true: 1,
  on: 1,
  enable: 1,
  no: 0,
  false: 0,
  off: 0,
  disable: 0,
};

/**
 * Operators, longest first so that the longest match wins. Kamailio 5.6 has no `!~` and no `:=`
 * (core/cfg.lex): they read as `!` `~` and `:` `=`, a syntax error where Kamailio has one.
 */
const PUNCTS = [
  "==",
  "!=",
  "=~",
  "<=",
  ">=",
  "<<",
  ">>",
  "&&",
  "||",
  "=",
  "<",
  ">",
  "+",
  "-",
  "*",
  "/",
  "|",
  "&",
  "^",
  "~",
  "!",
  "(",
  ")",
  "{",
  "}",
  "[",
  "]",
  ",",
  ";",
  ":",
  ".",
  "%",
];

/** PUNCTS by their first character, longest first: a mark is matched without trying them all. */
export const PUNCTS_BY_FIRST = new Map<string, string[]>();
for (const p of PUNCTS) PUNCTS_BY_FIRST.set(p[0] as string, [...(PUNCTS_BY_FIRST.get(p[0] as string) ?? []), p]);

export const DEFINE_LIKE = new Set(["define", "def", "trydef", "trydefine", "redefine", "redef", "defexp", "defexps"]);
