/**
 * The Kamailio config language for Monaco: Monarch tokens (comments `#`, `//` and nested
 * `/* *\/`, `#!`/`!!` directives, strings with their pseudo-variables highlighted inside,
 * numbers, keywords, route names, function calls) and the editing rules (comments, brackets,
 * auto-closing pairs). Token names map to colours in themes.ts.
 */
import type { monaco } from "./monaco.js";

type Monarch = monaco.languages.IMonarchLanguage;
type LanguageConfiguration = monaco.languages.LanguageConfiguration;

export const KAMAILIO_LANGUAGE = "kamailio";

const ROUTE_BLOCKS = [
  "route",
  "request_route",
  "failure_route",
  "branch_route",
  "branch_failure_route",
  "onreply_route",
  "reply_route",
  "onsend_route",
  "event_route",
];

const KEYWORDS = [
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
];

const CONSTANTS = [
  "yes",
  "no",
  "true",
  "false",
  "on",
  "off",
  "myself",
  "udp",
  "tcp",
  "tls",
  "sctp",
  "ws",
  "wss",
  "any",
];

/** A pseudo-variable: `$si`, `$var(x)`, `$sht(t=>$si)`, `$(ru{s.len})`, `$T_reply_code`. */
const PV_WITH_NAME = /\$[A-Za-z_][\w.]*\(/;
const PV_PLAIN = /\$(?:[A-Za-z_][\w.]*|\?)/;

export const kamailioTokens: Monarch = {
  defaultToken: "",
  keywords: KEYWORDS,
  constants: CONSTANTS,
  tokenizer: {
    root: [
      // A directive takes its whole line (Monarch stops at a line's end, so no state may wait
      // for it); a trailing backslash continues it on the next line.
      [
        /^(\s*)((?:#!|!!)[A-Za-z_]+)(\s*[A-Za-z_]?\w*)(.*\\)$/,
        ["", "keyword.directive", "macro", { token: "", next: "@directive" }],
      ],
      [/^(\s*)((?:#!|!!)[A-Za-z_]+)(\s*[A-Za-z_]?\w*)(.*)$/, ["", "keyword.directive", "macro", ""]],
      [/#.*$/, "comment"],
      [/\/\/.*$/, "comment"],
      [/\/\*/, "comment", "@comment"],
      [
        /\b(route|failure_route|branch_route|branch_failure_route|onreply_route|event_route)(\s*)(\[)/,
        ["keyword", "", { token: "delimiter.square", next: "@routeName" }],
      ],
      [/\b(route)(\s*)(\()/, ["keyword", "", { token: "delimiter.parenthesis", next: "@routeCall" }]],
      { include: "@pv" },
      [/"/, "string", "@dstring"],
      [/'/, "string", "@sstring"],
      [/[A-Za-z_]\w*(?=\s*\()/, { cases: { "@keywords": "keyword", "@default": "function" } }],
      [/[A-Za-z_]\w*/, { cases: { "@keywords": "keyword", "@constants": "constant", "@default": "identifier" } }],
      [/0x[0-9A-Fa-f]+/, "number"],
      [/\d+(?:\.\d+)*/, "number"],
      [/[{}()[\]]/, "@brackets"],
      [/[;,]/, "delimiter"],
      [/[=<>!&|+\-*/%~^]+/, "operator"],
    ],
    pv: [
      [PV_WITH_NAME, { token: "variable", next: "@pvInner" }],
      [/\$\(/, { token: "variable", next: "@pvInner" }],
      [PV_PLAIN, "variable"],
    ],
    pvInner: [
      [/\(/, { token: "variable", next: "@push" }],
      [/\)/, { token: "variable", next: "@pop" }],
      { include: "@pv" },
      // A quote ends the string the pseudo-variable is written in, even if `)` is missing.
      [/["']/, { token: "@rematch", next: "@pop" }],
      [/[^()$"']+/, "variable.name"],
      [/\$/, "variable.name"],
    ],
    comment: [
      [/[^/*]+/, "comment"],
      [/\/\*/, "comment", "@push"],
      [/\*\//, "comment", "@pop"],
      [/[/*]/, "comment"],
    ],
    directive: [
      [/.*\\$/, ""],
      [/.*$/, "", "@pop"],
    ],
    routeName: [
      [/[^\]]+/, "type.route"],
      [/\]/, { token: "delimiter.square", next: "@pop" }],
    ],
    routeCall: [
      [/\s+/, ""],
      [/[A-Za-z_][\w:-]*/, "type.route"],
      [/"[^"]*"/, "type.route"],
      [/\)/, { token: "delimiter.parenthesis", next: "@pop" }],
      [/./, { token: "@rematch", next: "@pop" }],
    ],
    dstring: [
      { include: "@pv" },
      [/[^\\"$]+/, "string"],
      [/\\./, "string.escape"],
      [/\$/, "string"],
      [/"/, "string", "@pop"],
    ],
    sstring: [
      { include: "@pv" },
      [/[^\\'$]+/, "string"],
      [/\\./, "string.escape"],
      [/\$/, "string"],
      [/'/, "string", "@pop"],
    ],
  },
};

export const kamailioConfiguration: LanguageConfiguration = {
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
  m.languages.setMonarchTokensProvider(KAMAILIO_LANGUAGE, kamailioTokens);
  m.languages.setLanguageConfiguration(KAMAILIO_LANGUAGE, kamailioConfiguration);
}
