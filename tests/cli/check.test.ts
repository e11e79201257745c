/** `kamsim check`: output format, exit codes, -D defines, includes from disk. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kamsim } from "./kamsim.js";

function tempConfig(text: string, name = "kamailio.cfg"): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-cli-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

describe("kamsim check", () => {
  it("passes the classic example with no diagnostic at all", () => {
    const r = kamsim(["check", "examples/classic/kamailio.cfg"]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });

  it("prints FILE:LINE:COL: error: message and exits 1 on an error", () => {
    const { file } = tempConfig('loadmodule "xlog.so"\nrequest_route {\n  xlog("a")\n  exit;\n}\n');
    const r = kamsim(["check", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:4:3: error: syntax error: bad command: missing ';'?`);
  });

  it("exits 0 with warnings only", () => {
    const { file } = tempConfig('loadmodule "sdpops.so"\nrequest_route {\n  sdp_with_ice();\n}\n');
    const r = kamsim(["check", file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/:1:12: warning: module sdpops is not simulated/);
    expect(r.stderr).toMatch(/:3:3: warning: sdp_with_ice\(\) \(module sdpops\) is not simulated/);
  });

  it("applies -D defines like kamailio -D", () => {
    // Something stays outside the #!ifdef: an empty config is a syntax error, as in Kamailio.
    const text = "#!ifdef WITH_BAD\nrequest_route { nope(); }\n#!endif\nroute[OK] { exit; }\n";
    const { file } = tempConfig(text);
    expect(kamsim(["check", file]).code).toBe(0);
    const r = kamsim(["check", file, "-D", "WITH_BAD"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(":2:17: error:");
    expect(kamsim(["check", file, "-DWITH_BAD=1"]).code).toBe(1);
  });

  it("reads include files relative to the including file's folder", () => {
    const { dir, file } = tempConfig('include_file "routes.cfg"\nrequest_route { route(R); }\n');
    writeFileSync(join(dir, "routes.cfg"), "route[R] {\n  nope();\n}\n");
    const r = kamsim(["check", file], tmpdir());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, "routes.cfg")}:2:3: error:`);
  });

  it("exits 1 when the config cannot be read", () => {
    const r = kamsim(["check", "/nonexistent/kamailio.cfg"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("cannot read /nonexistent/kamailio.cfg");
  });

  it("exits 2 on usage errors", () => {
    expect(kamsim([]).code).toBe(2);
    expect(kamsim(["check"]).code).toBe(2);
    expect(kamsim(["check", "a.cfg", "b.cfg"]).code).toBe(2);
    expect(kamsim(["check", "a.cfg", "--bogus"]).code).toBe(2);
    expect(kamsim(["frobnicate"]).code).toBe(2);
  });

  it("prints help", () => {
    const r = kamsim(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("kamsim check CONFIG");
  });
});
