/**
 * htable's sht_match_name / sht_has_str_value / sht_rm_name / sht_rm_value (htable.c, ht_api.c
 * 5.6.3): the operators, an empty argument, an unknown table, a bad regex and an unsupported
 * operator. The regex corners are checked against Kamailio by the regex-htable differential case.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

function run(body: string): string[] {
  const cfg = `loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "htable.so"
modparam("htable", "htable", "h=>size=4;")
debug=2
request_route {
  $sht(h=>user_1) = "x1";
  $sht(h=>Admin) = "X2";
  $sht(h=>n) = 5;
${body}
}
`;
  const raw =
    "OPTIONS sip:svc@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\n" +
    "From: <sip:a@example.com>;tag=1\r\nTo: <sip:svc@example.com>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\n" +
    "Content-Length: 0\r\n\r\n";
  const r = runEngine(cfg, { duration: 1, messages: [{ at: 0.3, src: "192.0.2.1", raw }] });
  return r.lines.map((l) => l.replace(/^.*?: (INFO|ERROR|WARNING): /, "$1: "));
}

describe("htable match and remove by name or value", () => {
  it("sht_match_name / sht_has_str_value: eq, ne, sw, re (case-insensitive); integer values never match", () => {
    const out = run(`
  $var(a) = sht_match_name("h", "eq", "Admin"); $var(b) = sht_match_name("h", "eq", "admin");
  $var(c) = sht_match_name("h", "sw", "user_"); $var(d) = sht_match_name("h", "re", "^ADMIN");
  $var(e) = sht_match_str_value("h", "eq", "X2"); $var(f) = sht_match_str_value("h", "eq", "5");
  $var(g) = sht_match_name("h", "ne", "Admin");
  xlog("a=$var(a) b=$var(b) c=$var(c) d=$var(d) e=$var(e) f=$var(f) g=$var(g)\\n");`);
    expect(out.at(-1)).toContain("a=1 b=-1 c=1 d=1 e=1 f=-1 g=1");
  });

  it("an empty argument, an unknown table, a bad regex and an unknown operator give -1 with Kamailio's log", () => {
    const out = run(`
  $var(a) = sht_match_name("h", "eq", "");
  $var(b) = sht_match_name("nope", "eq", "x");
  $var(c) = sht_match_name("h", "re", "a(");
  $var(d) = sht_match_name("h", "gt", "x");
  $var(e) = sht_rm_name("nope", "sw", "x");
  $var(f) = sht_rm_name("h", "eq", "Admin");
  $var(g) = sht_rm_value("h", "re", "a(");
  xlog("a=$var(a) b=$var(b) c=$var(c) d=$var(d) e=$var(e) f=$var(f) g=$var(g)\\n");`);
    expect(out.at(-1)).toContain("a=-1 b=-1 c=-1 d=-1 e=-1 f=-1 g=-1");
    const text = out.join("\n");
    expect(text).toContain("ht_match_str_items(): cannot get hash table [nope]");
    expect(text).toContain("ht_match_cell_op_str(): bad re a(");
    expect(text).toContain("ht_match_str_items(): unsupported match operator: gt");
    expect(text).toContain("ht_rm_items(): cannot get hash table [nope]");
    expect(text).toContain("ht_rm_items(): unsupported match operator: eq");
    expect(text).toContain("ht_rm_cell_re(): bad re a(");
  });

  it("sht_rm_name / sht_rm_value remove the items that start with or match the value", () => {
    const out = run(`
  $var(a) = sht_rm_name("h", "sw", "user");
  $var(b) = sht_rm_value("h", "re", "^x");
  xlog("a=$var(a) b=$var(b) [$sht(h=>user_1)] [$sht(h=>Admin)] [$sht(h=>n)]\\n");`);
    expect(out.at(-1)).toContain("a=1 b=1 [<null>] [<null>] [5]");
  });
});
