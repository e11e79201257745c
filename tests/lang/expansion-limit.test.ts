/**
 * The preprocessor's output is bounded (preprocess.ts MAX_CONFIG_TEXT): a define bomb, a chain of
 * doubling `#!subst`, an include fan-out or a huge included file stop with one error at the
 * place where the text went past the limit, instead of growing until the host runs out of memory.
 */
import { describe, expect, it } from "vitest";
import { compileConfig, MAX_CONFIG_TEXT, placeDiagnostics } from "../../src/engine/index.js";

const TOO_LARGE = /^could not allocate private memory from pkg pool: the config makes more than 2 MB of text/;

function tooLarge(text: string, files: Record<string, string> = {}) {
  const r = compileConfig(text, { files });
  const placed = placeDiagnostics(r.diagnostics, r.front.files);
  return { r, placed, hit: placed.filter((d) => d.code === "config_too_large") };
}

describe("the preprocessor's text limit", () => {
  it("a define bomb (10^11 xlog calls) stops at the use that goes past the limit", () => {
    let text = '#!define A0 xlog("x");\n';
    for (let i = 1; i <= 11; i++)
      text += `#!define A${i} ${Array(10)
        .fill(`A${i - 1}`)
        .join(" ")}\n`;
    text += 'loadmodule "xlog.so"\nrequest_route {\n    A11\n}\n';
    const { hit } = tooLarge(text);
    expect(hit).toHaveLength(1);
    expect(hit[0]?.message).toMatch(TOO_LARGE);
    expect([hit[0]?.line, hit[0]?.col]).toEqual([15, 5]);
  });

  it('31 doubling #!subst "/a/aa/g" stop at the string they grow past the limit', () => {
    const text = `${'#!subst "/a/aa/g"\n'.repeat(31)}loadmodule "a.so"\n`;
    const { hit } = tooLarge(text);
    expect(hit).toHaveLength(1);
    expect([hit[0]?.line, hit[0]?.col]).toEqual([32, 12]);
  });

  it("an include fan-out (a file including itself 10 times) stops once the text read passes the limit", () => {
    const files = { "fan.cfg": 'include_file "fan.cfg"\n'.repeat(10) };
    const { r, hit } = tooLarge('include_file "fan.cfg"\n', files);
    // Reported even after the cap on errors (the includes ten deep are refused first, 100 times).
    expect(hit).toHaveLength(1);
    // Every file read counts, so about MAX_CONFIG_TEXT / 230 of them are read, not 10^10.
    expect(r.front.files.length).toBeLessThan(MAX_CONFIG_TEXT / 230 + 10);
  });

  it("an included file larger than the limit is refused at its include_file, and only the room left is kept", () => {
    const files = { "big.cfg": "#".repeat(MAX_CONFIG_TEXT + 10) };
    const { r, hit } = tooLarge('loadmodule "pv.so"\ninclude_file "big.cfg"\n', files);
    expect(hit).toHaveLength(1);
    expect([hit[0]?.file, hit[0]?.line, hit[0]?.col]).toEqual(["kamailio.cfg", 2, 14]);
    expect(r.front.files[1]?.text.length).toBeLessThanOrEqual(MAX_CONFIG_TEXT);
  });

  it("a main config larger than the limit is refused at the character where the room ran out", () => {
    const { hit } = tooLarge(`${"# comment\n".repeat(MAX_CONFIG_TEXT / 10)}request_route {\n}\n`);
    expect(hit).toHaveLength(1);
    expect(hit[0]?.line).toBe(Math.floor(MAX_CONFIG_TEXT / 10) + 1);
  });

  it("#!ifdef nests 512 deep; the 513th is refused where Kamailio 5.6.3 refuses it (cfg.lex MAX_IFDEFS)", () => {
    const nested = (n: number) =>
      `#!define A\n${"#!ifdef A\n".repeat(n)}request_route {\n    drop;\n}\n${"#!endif\n".repeat(n)}`;
    expect(tooLarge(nested(512)).placed).toEqual([]);
    // kamailio -c: "too many nested ifdefs -- adjust MAX_IFDEFS", then a syntax error at line 514.
    const p = tooLarge(nested(513)).placed.map((d) => `${d.line}:${d.col} ${d.message}`);
    expect(p[0]).toBe("514:1 too many nested ifdefs -- adjust MAX_IFDEFS");
  });

  it("configs within the limit are untouched: a define used 1,000 times, a subst that grows a string", () => {
    const text =
      '#!define LOG xlog("L_INFO", "hello\\n");\n#!subst "/hello/hello world/"\nloadmodule "xlog.so"\nrequest_route {\n' +
      "    LOG\n".repeat(1000) +
      "}\n";
    const { r, hit } = tooLarge(text);
    expect(hit).toEqual([]);
    expect(r.ok).toBe(true);
  });
});
