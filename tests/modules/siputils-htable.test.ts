/**
 * siputils' value checks (checks.c) and htable's iterators (ht_api.c), as the fn-siputils-* and
 * fn-htable-iterators differential cases showed them on Kamailio 5.6.3.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

function run(mods: string, body: string, ruri = "sip:+4930123@example.com;user=phone"): string[] {
  const cfg = `loadmodule "pv.so"
loadmodule "xlog.so"
${mods}
debug=2
request_route {
${body}
}
`;
  const raw = `OPTIONS ${ruri} SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\nFrom: <sip:alice_2@example.com>;tag=1\r\nTo: <sip:svc@example.com>\r\nCall-ID: c1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n`;
  const r = runEngine(cfg, { duration: 1, messages: [{ at: 0.3, src: "192.0.2.1", raw }] });
  return r.lines.map((l) => l.replace(/^.*?(<script>: |ERROR: )/, "$1"));
}

describe("siputils value checks", () => {
  it("return checks.c's codes", () => {
    const out = run(
      `loadmodule "sl.so"
loadmodule "siputils.so"`,
      `is_e164("$rU"); $var(a) = $rc; is_tel_number("+0123"); $var(b) = $rc;
       is_alphanum("$fU"); $var(c) = $rc; is_alphanumex("$fU", "_"); $var(d) = $rc;
       uri_param("user", "phone"); $var(e) = $rc; is_numeric(""); $var(f) = $rc;
       xlog("L_INFO", "$var(a) $var(b) $var(c) $var(d) $var(e) $var(f)\\n");`,
    );
    expect(out).toEqual(["<script>: 1 -2 -3 1 -1 -2"]);
  });

  it("is_e164 of a variable without a string value is an error", () => {
    const out = run(
      `loadmodule "sl.so"
loadmodule "siputils.so"`,
      `is_e164("$rU"); xlog("L_INFO", "$rc\\n");`,
      "sip:example.com",
    );
    expect(out).toEqual([
      "ERROR: siputils [checks.c:699]: is_e164(): pseudo variable value is not string",
      "<script>: -1",
    ]);
  });
});

describe("htable iterators", () => {
  it("walk slot by slot in core_case_hash order, and sht_iterator_rm moves on", () => {
    const out = run(
      `loadmodule "htable.so"
modparam("htable", "htable", "t=>size=3;")`,
      `$sht(t=>alice) = "a"; $sht(t=>bob) = 1; $sht(t=>carol) = "c"; $sht(t=>dave) = 42; $sht(t=>Eve) = "e";
       sht_iterator_start("i", "t");
       while (sht_iterator_next("i")) { xlog("L_INFO", "$shtitkey(i)=$shtitval(i)\\n"); }
       sht_iterator_end("i");
       sht_iterator_start("j", "t");
       sht_iterator_next("j");
       $var(r) = sht_iterator_rm("j");
       xlog("L_INFO", "rm $var(r) now $shtitkey(j); has bob: $shtcn(t=>==bob)\\n");`,
    );
    expect(out).toEqual([
      "<script>: Eve=e",
      "<script>: bob=1",
      "<script>: alice=a",
      "<script>: carol=c",
      "<script>: dave=42",
      "<script>: rm 1 now bob; has bob: 1",
    ]);
  });
});
