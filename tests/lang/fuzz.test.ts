/**
 * Property test: 20,000 random and mutated configs (tokens deleted, inserted, duplicated in real
 * configs). The front end must never throw, never hang, and keep every diagnostic span inside
 * the text it points into.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeConfig } from "../../src/engine/index.js";
import { createRng, pick } from "../support/rng.js";
import { parseCaseFile } from "./case-file.js";

const root = join(import.meta.dirname, "..", "..");
const casesDir = join(root, "tests", "lang", "cases");

/** Real configs to mutate: the examples, every case input, and Debian's stock config when installed. */
function corpus(): string[] {
  const texts: string[] = [];
  const examples = join(root, "examples");
  for (const d of readdirSync(examples)) {
    const f = join(examples, d, "kamailio.cfg");
    if (existsSync(f)) texts.push(readFileSync(f, "utf8"));
  }
  for (const f of readdirSync(casesDir)) {
    for (const c of parseCaseFile(f, readFileSync(join(casesDir, f), "utf8"))) texts.push(c.input);
  }
  if (existsSync("/etc/kamailio/kamailio.cfg")) texts.push(readFileSync("/etc/kamailio/kamailio.cfg", "utf8"));
  return texts;
}

/** Pieces to insert: Kamailio tokens, half tokens and noise. */
const PIECES = [
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ";",
  ",",
  "=",
  "==",
  "!",
  "&&",
  "||",
  "+",
  "-",
  "/*",
  "*/",
  '"',
  "'",
  "$",
  "$var(",
  "$(",
  "{s.len}",
  "#!define X",
  "#!ifdef X",
  "#!else",
  "#!endif",
  "!!",
  "include_file",
  "route",
  "route(",
  "if",
  "else",
  "while",
  "switch",
  "case",
  ":",
  "default",
  "return",
  "exit",
  "break",
  "modparam(",
  "loadmodule",
  '"x.so"',
  "xlog(",
  "mq_add(",
  "0x",
  "101b",
  "127.0.0.1",
  "[::1]",
  "\\",
  "\n",
  "event_route[",
  "request_route",
  "@",
  "%",
  "$si",
  "$mqk(alert)",
  "\u00e9",
  "\0",
];

/** Splits text into rough tokens (words, strings of punctuation, white space). */
function chunks(text: string): string[] {
  return text.match(/\s+|[A-Za-z_0-9.$]+|[^\sA-Za-z_0-9.$]/g) ?? [];
}

function mutate(text: string, rng: () => number): string {
  const parts = chunks(text);
  const ops = 1 + pick(rng, 6);
  for (let k = 0; k < ops && parts.length > 0; k++) {
    const i = pick(rng, parts.length);
    const op = pick(rng, 3);
    if (op === 0) parts.splice(i, 1);
    else if (op === 1) parts.splice(i, 0, PIECES[pick(rng, PIECES.length)] as string);
    else parts.splice(i, 0, parts[pick(rng, parts.length)] as string);
  }
  return parts.join("");
}

function randomText(rng: () => number): string {
  const n = pick(rng, 60);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[pick(rng, PIECES.length)] + (rng() < 0.5 ? " " : "");
  return s;
}

describe("front-end property test", () => {
  const texts = corpus();
  const TOTAL = 20_000;
  const BATCHES = 10;
  for (let b = 0; b < BATCHES; b++) {
    it(`batch ${b + 1}/${BATCHES}: ${TOTAL / BATCHES} configs never throw and keep spans in the text`, () => {
      const rng = createRng(1000 + b);
      for (let n = 0; n < TOTAL / BATCHES; n++) {
        const text = rng() < 0.15 ? randomText(rng) : mutate(texts[pick(rng, texts.length)] as string, rng);
        const r = analyzeConfig(text, { files: { "inc.cfg": text.slice(0, 200) } });
        for (const d of r.diagnostics) {
          const file = r.files[d.span.file];
          const ok =
            file !== undefined && d.span.start >= 0 && d.span.start <= d.span.end && d.span.end <= file.text.length;
          if (!ok) expect.fail(`span ${JSON.stringify(d.span)} of ${d.code} is outside the text:\n${text}`);
        }
      }
    });
  }
});
