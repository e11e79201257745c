/**
 * A config of noise does not make the front end report (and compare) every error: past
 * MAX_ERRORS it says "too many errors" once (diagnostics.ts), so 300,000 stray characters give
 * 101 diagnostics, not 300,000. The config stays refused.
 */
import { describe, expect, it } from "vitest";
import { compileConfig } from "../../src/engine/index.js";
import { MAX_ERRORS, MAX_NOTES } from "../../src/engine/lang/diagnostics.js";

describe("the number of diagnostics is capped", () => {
  it("300,000 '@': MAX_ERRORS syntax errors, then one 'too many errors' at the next one", () => {
    const r = compileConfig("@".repeat(300_000));
    expect(r.ok).toBe(false);
    expect(r.diagnostics).toHaveLength(MAX_ERRORS + 1);
    const last = r.diagnostics[MAX_ERRORS];
    expect(last?.code).toBe("too_many_errors");
    expect(last?.message).toBe(`too many errors (more than ${MAX_ERRORS}); the rest are not reported`);
    expect(last?.span.start).toBe(MAX_ERRORS);
  });

  it("a config with fewer errors reports each of them, and the same place only once", () => {
    const r = compileConfig("@".repeat(MAX_ERRORS));
    expect(r.diagnostics).toHaveLength(MAX_ERRORS);
    expect(r.diagnostics.every((d) => d.code !== "too_many_errors")).toBe(true);
  });

  it("warnings are capped on their own, and errors after them are still reported", () => {
    // mqueue warns at each mention of a queue it does not define (mqueue_api.c mq_item_add()).
    const body = `    mq_add("nosuchq", "k", "v");\n`.repeat(MAX_NOTES + 50);
    const text = `loadmodule "pv.so"\nloadmodule "mqueue.so"\nmodparam("mqueue", "mqueue", "name=q")\nrequest_route {\n${body}    $var(x) = ;\n}\n`;
    const r = compileConfig(text);
    const warnings = r.diagnostics.filter((d) => d.severity !== "error");
    expect(warnings).toHaveLength(MAX_NOTES + 1);
    expect(warnings[MAX_NOTES]?.code).toBe("too_many_warnings");
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual(["syntax error"]);
    expect(r.ok).toBe(false);
  });
});
