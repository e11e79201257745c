/**
 * The deepest configs the parser's nesting limit accepts, one per shape, compiled and run. Run by
 * nesting-stack.test.ts in a Node with a small stack; prints one line per shape, "ok" or the error.
 */
import { MAX_NESTING } from "../../../src/engine/lang/cursor.js";
import { runEngine } from "../../support/engine.js";

const HEAD = 'loadmodule "pv.so"\nloadmodule "xlog.so"\ndebug=2\nrequest_route {\n';
const TAIL = '    xlog("L_NOTICE", "x=$var(x)\\n");\n}\n';
const n = MAX_NESTING;

export const SHAPES: Record<string, string> = {
  parentheses: `${HEAD}    $var(x) = ${"(".repeat(n - 2)}1${")".repeat(n - 2)};\n${TAIL}`,
  negations: `${HEAD}    $var(x) = ${"-(".repeat(n / 2 - 2)}1${")".repeat(n / 2 - 2)};\n${TAIL}`,
  nots: `${HEAD}    $var(y) = 1;\n    $var(x) = ${"!".repeat(n - 5)}$var(y);\n${TAIL}`,
  "right-nested sum": `${HEAD}    $var(y) = 1;\n    $var(x) = ${"($var(y) + ".repeat(n - 5)}1${")".repeat(n - 5)};\n${TAIL}`,
  sum: `${HEAD}    $var(y) = 1;\n    $var(x) = $var(y)${" + $var(y)".repeat(n - 3)};\n${TAIL}`,
  "string sum": `${HEAD}    $var(y) = "a";\n    $var(x) = $var(y)${" + $var(y)".repeat(n - 3)};\n${TAIL}`,
  ifs: `${HEAD}    $var(x) = 0;\n${"if ($var(x) == 0) {\n".repeat(n - 6)}$var(x) = 5;\n${"}\n".repeat(n - 6)}${TAIL}`,
  switches: `${HEAD}    $var(x) = 0;\n${"switch ($var(x)) {\ncase 0:\n".repeat(n / 2 - 4)}$var(x) = 5;\n${"}\n".repeat(n / 2 - 4)}${TAIL}`,
};

const traffic = {
  duration: 1,
  streams: [{ name: "s", src: "192.0.2.1", method: "OPTIONS", rate: 1, pattern: "uniform", start: 0.5 }],
};

if (process.argv[2] === "run") {
  for (const [name, text] of Object.entries(SHAPES)) {
    try {
      const r = runEngine(text, traffic);
      console.log(`${name}: ${r.lines.some((l) => /x=/.test(l)) ? "ok" : "no output"}`);
    } catch (e) {
      console.log(`${name}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
}
