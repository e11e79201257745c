/**
 * `kamsim check` and `kamsim run` on configs that once overflowed the stack, ran for minutes or
 * grew without bound: each answers with Kamailio-style errors at the place (exit 1), never Node's
 * RangeError or a kamsim-bug line (exit 3). Speed is not asserted here (benchmarks do that); the
 * number of diagnostics, which made the 300,000-'@' config quadratic, is.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { kamsim, root } from "./kamsim.js";

const dir = mkdtempSync(join(tmpdir(), "kamsim-limits-"));
const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return name;
};

const HEAD = 'loadmodule "pv.so"\nloadmodule "xlog.so"\nrequest_route {\n';
const ifs = file("ifs.cfg", `${HEAD}${"if (1) {\n".repeat(2000)}xlog("x\\n");\n${"}\n".repeat(2000)}}\n`);
const sum = file("sum.cfg", `${HEAD}    $var(x) = 1${" + 1".repeat(4999)};\n}\n`);
const parens = file("parens.cfg", `${HEAD}    $var(x) = ${"(".repeat(5000)}1${")".repeat(5000)};\n}\n`);

/** No stack trace, no "internal error" line. */
function clean(stderr: string): void {
  expect(stderr).not.toMatch(/RangeError|Maximum call stack|kamsim: internal error|^\s+at .+:\d+:\d+\)?$/m);
}

describe("kamsim check and run at the limits", () => {
  for (const command of ["check", "run"]) {
    it(`${command}: 2,000 nested ifs, a 5,000-term sum, 5,000 parentheses give 'memory exhausted' at the place`, () => {
      for (const [name, where] of [
        [ifs, "ifs.cfg:302:5"],
        [sum, "sum.cfg:4:1209"],
        [parens, "parens.cfg:4:314"],
      ] as const) {
        const r = kamsim([command, name, ...(command === "run" ? ["--duration", "1"] : [])], dir);
        clean(r.stderr);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`${where}: error: memory exhausted`);
      }
    });
  }

  it("check: 300,000 '@' give 100 syntax errors and 'too many errors', not 300,000", () => {
    const r = kamsim(["check", file("at.cfg", "@".repeat(300_000))], dir);
    clean(r.stderr);
    expect(r.code).toBe(1);
    expect(r.stderr.match(/: error: /g)).toHaveLength(101);
    expect(r.stderr).toContain("at.cfg:1:101: error: too many errors (more than 100); the rest are not reported");
  });

  it("rpc: --at past one virtual day is a usage error naming the flag (99999999999999999999 ran for ever)", () => {
    const cfg = file("rpc.cfg", 'loadmodule "pv.so"\nrequest_route {\n    drop;\n}\n');
    const r = kamsim(["rpc", cfg, "--at", "99999999999999999999", "core.uptime"], dir);
    clean(r.stderr);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "kamsim: --at must be at most 86400 seconds (one virtual day), not 99999999999999999999",
    );
  });

  it("run: --traffic /dev/zero is refused by the traffic file's size limit, not read for ever", () => {
    const cfg = file("drop.cfg", 'loadmodule "pv.so"\nrequest_route {\n    drop;\n}\n');
    const r = kamsim(["run", cfg, "--traffic", "/dev/zero"], dir);
    clean(r.stderr);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("/dev/zero:1:1: error: (root): the file is larger than 33554432 characters");
  });

  it('check: include_file "/dev/zero" stops at the include, the device is not read to the end', () => {
    const r = kamsim(["check", file("zero.cfg", 'loadmodule "pv.so"\ninclude_file "/dev/zero"\n')], dir);
    clean(r.stderr);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("zero.cfg:2:14: error: could not allocate private memory from pkg pool");
  });
});

describe("kamsim and htable's shared memory", () => {
  const table = (name: string, sizes: number[]) =>
    file(
      name,
      `loadmodule "pv.so"\nloadmodule "htable.so"\n${sizes.map((s, i) => `modparam("htable", "htable", "t${i + 1}=>size=${s};")\n`).join("")}request_route {\n    drop;\n}\n`,
    );

  it("size=30 stops the start as Kamailio's ht_init_tables() does (a V8 fatal error before)", () => {
    const r = kamsim(["run", table("ht30.cfg", [30]), "--duration", "1"], dir);
    clean(r.stderr);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "ht30.cfg:3:30: error: ht_init_tables(): no more shared memory for [t1]: init_mod(): Error while initializing module htable (1073741824 slots of 32 bytes do not fit in the 64 MB of shared memory, -m)",
    );
  });

  it("the limit falls where Debian's 5.6.3 with -m 64 has it, naming the table that did not fit", () => {
    expect(kamsim(["run", table("ht20.cfg", [20]), "--duration", "1"], dir).code).toBe(0);
    expect(kamsim(["check", table("ht21.cfg", [21])], dir).stderr).toContain("no more shared memory for [t1]");
    expect(kamsim(["check", table("ht63.cfg", [20, 19, 18, 17, 16, 15, 13])], dir).code).toBe(0);
    const r = kamsim(["check", table("ht63b.cfg", [20, 19, 18, 17, 16, 15, 14])], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ht63b.cfg:3:30: error: ht_init_tables(): no more shared memory for [t1]");
  });
});

describe("kamsim and mqueue's shared memory", () => {
  it("run: mq_add in an endless loop stops at Kamailio's 64 MB pool with its error line (grew to 4.36 GB)", () => {
    const cfg = file(
      "mq.cfg",
      `max_while_loops=0\nloadmodule "pv.so"\nloadmodule "xlog.so"\nloadmodule "mqueue.so"\nmodparam("mqueue", "mqueue", "name=q")\nrequest_route {\n    while (1) {\n        if (!mq_add("q", "k", "$ru")) {\n            xlog("L_ERR", "queue full\\n");\n            drop;\n        }\n    }\n}\n`,
    );
    const r = kamsim(["run", cfg, "--duration", "2"], dir);
    clean(r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ERROR: mqueue [mqueue_api.c:348]: mq_item_add(): no more shm to add to: q");
    expect(r.stdout).toContain("ERROR: <script>: queue full");
  });
});

describe("kamsim and Kamailio's memory pools", () => {
  it("run: a $var doubled 40 times fails in private memory as 5.6.3 does, not with 'Invalid string length'", () => {
    const cfg = file(
      "double.cfg",
      `loadmodule "pv.so"\nloadmodule "xlog.so"\nrequest_route {\n    $var(s) = "ab";\n    $var(i) = 0;\n    while ($var(i) < 40) {\n        $var(s) = $var(s) + $var(s);\n        $var(i) = $var(i) + 1;\n    }\n    xlog("L_ERR", "done at $(var(s){s.len})\\n");\n    drop;\n}\n`,
    );
    const r = kamsim(["run", cfg, "--duration", "1"], dir);
    clean(r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("rval_new_empty(): could not allocate private memory from pkg pool");
    expect(r.stdout).toContain("ERROR: <script>: done at 2097152");
  });

  it("run: $sht sets in an endless loop stop at the shared pool with htable's lines (host memory grew for minutes)", () => {
    const cfg = file(
      "sht.cfg",
      `max_while_loops=0\nloadmodule "pv.so"\nloadmodule "xlog.so"\nloadmodule "htable.so"\nmodparam("htable", "htable", "a=>size=14")\nrequest_route {\n    $var(i) = 0;\n    while (1) {\n        $sht(a=>$var(i)) = "$ru$ru$ru$ru$ru$ru$ru$ru";\n        if ($sht(a=>$var(i)) == $null) {\n            xlog("L_ERR", "table full at $var(i)\\n");\n            drop;\n        }\n        $var(i) = $var(i) + 1;\n    }\n}\n`,
    );
    const r = kamsim(["run", cfg, "--duration", "1"], dir);
    clean(r.stderr);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ERROR: htable [ht_api.c:189]: ht_cell_new(): no more shm");
    expect(r.stdout).toContain("ERROR: <script>: table full at");
  });
});

describe("kamsim run prints as it goes", () => {
  it("a run whose scripts each hit the step budget shows its lines before it ends, not all at exit", async () => {
    // Each request loops until kamsim's step budget (10 million actions, ~0.4 s) stops it: the
    // lines waited in the 64 KB output buffer, and the run printed nothing for minutes.
    const cfg = file(
      "loop.cfg",
      'max_while_loops=0\nloadmodule "pv.so"\nrequest_route {\n    while (1) {\n        $var(i) = $var(i) + 1;\n    }\n}\n',
    );
    const chunks = await new Promise<string[]>((resolve) => {
      const got: string[] = [];
      const p = spawn(process.execPath, [join(root, "cli", "bin.js"), "run", cfg, "--duration", "4"], { cwd: dir });
      p.stdout.on("data", (d: Buffer) => got.push(d.toString()));
      p.on("close", () => resolve(got));
    });
    const text = chunks.join("");
    expect(text).toContain("CRITICAL: kamsim: script stopped after 10000000 actions in request_route (step budget)");
    // Written in several pieces as the run went, not in one at the end.
    expect(chunks.length).toBeGreaterThan(1);
  });
});
