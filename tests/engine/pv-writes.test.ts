/**
 * Pseudo-variables a config assigns and reads (src/engine/runtime/pv/): each expectation is what
 * Kamailio 5.6.3 printed for the same statements (the pvw-* differential cases hold the
 * recordings' counterparts); here they run in-process, quickly, on every change.
 */
import { describe, expect, it } from "vitest";
import { runScript, scriptOnly } from "../support/script.js";

/** The script's output lines (`<script>: ` text) and pv/core error texts of one OPTIONS. */
function run(body: string, opts: { head?: string; raw?: string } = {}): string[] {
  return runScript(body, { ...opts, modules: ["sl"] });
}

const script = scriptOnly;

describe("$du", () => {
  it("is written, read with its parts, reset by $null and by an empty string", () => {
    const out = run(`
      xlog("L_INFO", "a $du\\n");
      $du = "sip:p.example.net:5080;transport=tcp";
      xlog("L_INFO", "b $du $dd $dp $dP\\n");
      $du = $null;
      xlog("L_INFO", "c $du\\n");
      $du = "sip:x"; $du = "";
      xlog("L_INFO", "d $du $dp\\n");`);
    expect(script(out)).toEqual([
      "a <null>",
      "b sip:p.example.net:5080;transport=tcp p.example.net 5080 tcp",
      "c <null>",
      "d <null> <null>",
    ]);
  });

  it("refuses an int from an expression but takes one read from a $var", () => {
    const out = run(`
      $du = 5;
      $var(p) = 42;
      $du = $var(p);
      xlog("L_INFO", "du=$du\\n");`);
    expect(out).toContain("ERROR: pv [pv_core.c:2995]: pv_set_dsturi(): error - str value required to set dst uri");
    expect(out.some((l) => l.includes("lval_pvar_assign(): setting pvar failed"))).toBe(true);
    expect(script(out)).toEqual(["du=42"]);
  });
});

describe("$xavp, $xavu, $xavi", () => {
  it("adds roots newest first, reads and replaces by index, removes with $null", () => {
    const out = run(`
      $xavp(a) = 1; $xavp(a) = "two"; $xavp(a) = 3;
      xlog("L_INFO", "$xavp(a) $xavp(a[2]) $xavp(a[-1]) $cnt($xavp(a))\\n");
      $xavp(a[1]) = "TWO";
      $xavp(a) = $null;
      xlog("L_INFO", "$xavp(a) $cnt($xavp(a))\\n");
      $xavp(a[*]) = $null;
      xlog("L_INFO", "$cnt($xavp(a))\\n");`);
    expect(script(out)).toEqual(["3 1 1 3", "TWO 2", "0"]);
  });

  it("keeps fields under roots and joins a field's values with [*]", () => {
    const out = run(`
      $xavp(u=>name) = "alice";
      $xavp(u[0]=>tag) = "t1";
      $xavp(u[0]=>tag) = "t2";
      $xavp(u=>name) = "bob";
      xlog("L_INFO", "$xavp(u[0]=>name) $xavp(u[1]=>name) $xavp(u[1]=>tag[*]) $cnt($xavp(u=>name))\\n");
      $xavp(u[*]=>name) = $null;
      xlog("L_INFO", "$xavp(u[0]=>name) $xavp(u[1]=>name)\\n");`);
    expect(script(out)).toEqual(["bob alice t2, t1 2", "<null> <null>"]);
  });

  it("replaces $xavu values and compares $xavi names case-insensitively", () => {
    const out = run(`
      $xavu(u) = 1; $xavu(u) = "two"; $xavu(r=>f) = "a"; $xavu(r=>f) = "b";
      $xavi(Item) = "first"; $xavi(ITEM) = "second";
      xlog("L_INFO", "$xavu(u) $xavu(r=>f) $xavi(item) $xavi(iTeM[1]) $xavp(item)\\n");`);
    expect(script(out)).toEqual(["two b second first <null>"]);
  });
});

describe("$var, $vz, $vn", () => {
  it("makes $vz the same variable as $var and $vn a separate one that can be null", () => {
    const out = run(`
      $var(a) = "v";
      xlog("L_INFO", "$vz(a) $vn(a)\\n");
      $vn(a) = "n"; $vn(a) = $null; $vz(a) = $null;
      xlog("L_INFO", "$vn(a) $var(a)\\n");`);
    expect(script(out)).toEqual(["v <null>", "<null> 0"]);
  });
});

describe("flag PVs", () => {
  it("read and write the message flags setflag() uses; a string is refused", () => {
    const out = run(`
      setflag(3); setflag(31);
      xlog("L_INFO", "$mf $mF $Mf(3) $Mf(4)\\n");
      $Mf(3) = 0; $Mf(5) = 1;
      if (isflagset(5)) { xlog("L_INFO", "five $mf\\n"); }
      $mf = "12";
      $Mf(0) = $null;
      xlog("L_INFO", "$mf $sf $bF\\n");`);
    expect(script(out)).toEqual(["2147483656 80000008 1 0", "five 2147483680", "0 0 00000000"]);
    expect(out).toContain("ERROR: pv [pv_core.c:3320]: pv_set_mflags(): assigning non-int value to msg flags");
  });
});

describe("$def, $defn, $hdr lists", () => {
  it("reads defines as text or number, <null> or 0 when undefined", () => {
    const out = run(`xlog("L_INFO", "$def(N) $def(T) $def(NONE) $defn(N) $defn(NONE) $def(MOD_pv)\\n");`, {
      head: '#!define N 42\n#!define T "t x"',
    });
    expect(script(out)).toEqual(['42 "t x" <null> 42 0 ']);
  });

  it("joins repeated headers with ',' and finds long names by compact ones", () => {
    const raw =
      "OPTIONS sip:bob@example.net SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.9:5070;branch=z9hG4bK-u\r\nv: SIP/2.0/UDP 10.0.0.1\r\nX-M: a\r\nf: <sip:alice@example.org>;tag=a\r\nTo: <sip:bob@example.net>\r\nx-m: b, c\r\nCall-ID: u-1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
    const out = run(
      `xlog("L_INFO", "[$(hdr(X-M)[*])] [$(hdr(Via)[-1])] $hdrc(v) [$hdr(From)] [$(hdr(X-None)[*])]\\n");`,
      { raw },
    );
    expect(script(out)).toEqual(["[a,b, c] [SIP/2.0/UDP 10.0.0.1] 2 [<sip:alice@example.org>;tag=a] [<null>]"]);
  });
});

describe("From/To, branches, AVP lists, uncatalogued writes", () => {
  it("takes From/To writes for the message sent on: reads keep the received value", () => {
    const out = run(`
      $fu = "sip:new@example.com"; $tU = "x"; $fd = $null;
      $fn = 8;
      xlog("L_INFO", "$fu $tU\\n");`);
    expect(script(out)).toEqual(["sip:alice@example.org bob"]);
    expect(out).toContain("WARNING: pv [pv_core.c:3567]: pv_set_xto_attr(): To header URI domain cannot be deleted");
    expect(out).toContain(
      "ERROR: pv [pv_core.c:3602]: pv_set_xto_attr(): attempt to assign non-str value to To header display name",
    );
  });

  it("adds branches with $br up to the limit, and $(avp(x)[*]) = v replaces all values", () => {
    const out = run(`
      $var(i) = 0;
      while ($var(i) < 12) { $br = "sip:b" + $var(i) + "@h"; $var(i) = $var(i) + 1; }
      $avp(x) = 1; $avp(x) = 2; $(avp(x)[*]) = "only";
      xlog("L_INFO", "$br $(avp(x)[*]) $cnt($avp(x))\\n");`);
    expect(out).toContain("ERROR: <core> [core/dset.c:422]: append_branch(): max nr of branches exceeded");
    expect(script(out)).toEqual(["sip:b0@h only 1"]);
  });

  it("never fails the build on a writable PV kamsim does not simulate", () => {
    const out = run(`$(sbranch(uri)) = "sip:x@h"; xlog("L_INFO", "ok\\n");`);
    expect(script(out)).toEqual(["ok"]);
  });
});
