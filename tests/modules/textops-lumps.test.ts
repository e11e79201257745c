/**
 * textops' header and regex functions record lumps; textopsx msg_apply_changes() applies them
 * (src/engine/modules/lumps.ts). Each expectation here was checked against Kamailio 5.6.3 by the
 * fn-textops-* / fn-textopsx-* differential cases.
 */
import { describe, expect, it } from "vitest";
import { runEngine } from "../support/engine.js";

function run(body: string, raw: string): string[] {
  const cfg = `loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "textops.so"
loadmodule "textopsx.so"
debug=2
request_route {
${body}
}
`;
  const r = runEngine(cfg, { duration: 1, messages: [{ at: 0.3, src: "192.0.2.1", raw }] });
  return r.lines.map((l) => l.replace(/^.*<script>: /, ""));
}

const RAW =
  "OPTIONS sip:svc@example.com SIP/2.0\r\n" +
  "Via: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\n" +
  "X-A: one\r\n" +
  "From: <sip:a@example.com>;tag=1\r\n" +
  "To: <sip:svc@example.com>\r\n" +
  "x-a: two\r\n" +
  "Call-ID: c1\r\n" +
  "CSeq: 1 OPTIONS\r\n" +
  "X-B: b\r\n" +
  "s: subj\r\n" +
  "Subject: subj2\r\n" +
  "Content-Type: text/plain\r\n" +
  "Content-Length: 14\r\n" +
  "\r\n" +
  "b1 end\r\nb2 end";

describe("textops lumps and msg_apply_changes", () => {
  it("remove_hf matches whole names, compact forms too; reads see the received text until applied", () => {
    const out = run(
      `$var(r) = remove_hf("X-A"); xlog("r=$var(r) [$hdr(X-A)]\\n");
       $var(r) = remove_hf("X-"); xlog("r=$var(r)\\n");
       remove_hf("s");
       msg_apply_changes();
       xlog("[$hdr(X-A)] [$hdr(Subject)] [$hdr(s)] ml=$ml\\n");`,
      RAW,
    );
    expect(out).toEqual(["r=1 [one]", "r=-1", "[<null>] [<null>] [<null>] ml=242"]);
  });

  it("an anchor inside a deleted header moves to its end instead of being dropped", () => {
    const out = run(
      `remove_hf("s"); append_hf("X-After: 1\\r\\n", "X-B"); msg_apply_changes();
       xlog("[$hdr(X-After)]\\n");`,
      RAW,
    );
    expect(out).toEqual(["[1]"]);
  });

  it("replace_body_atonce has no REG_NEWLINE; subst_body /g matches ^ after each line end", () => {
    const out = run(
      `replace_body_atonce("^b", "B"); msg_apply_changes(); xlog("[$rb]\\n");
       subst_body("/^b/X/g"); msg_apply_changes(); xlog("[$rb] cl=$hdr(Content-Length)\\n");`,
      RAW,
    );
    expect(out).toEqual(["[B1 end\r\nb2 end]", "[B1 end\r\nX2 end] cl=14"]);
  });

  it("has_body compares MIME types through Kamailio's trees; fnmatch ignores its i flag", () => {
    const out = run(
      `$var(a) = has_body("text/plain"); $var(b) = has_body("application/sdp");
       $var(c) = fnmatch("Hello", "hello", "i"); $var(d) = fnmatch("a/b.c", "*.c");
       xlog("$var(a) $var(b) $var(c) $var(d)\\n");`,
      RAW,
    );
    expect(out).toEqual(["1 -1 -1 1"]);
  });

  it("string tests return strncmp's sign as -1/-2 and positions plus one", () => {
    const out = run(
      `cmp_str("abc", "abd"); $var(a) = $rc; cmp_istr("ABC", "abc"); $var(b) = $rc;
       str_find("0049301", "49"); $var(c) = $rc; in_list_prefix("0049301", "1, 004 ,9", ","); $var(d) = $rc;
       xlog("$var(a) $var(b) $var(c) $var(d)\\n");`,
      RAW,
    );
    expect(out).toEqual(["-2 1 3 1"]);
  });

  it("replace_str with an empty mode replaces every one; keep_hf returns -1; set_body", () => {
    const out = run(
      `replace_str("end", "END", ""); msg_apply_changes(); xlog("[$rb]\n");
       $var(k) = keep_hf("^x-b"); set_body("hi", "text/x"); msg_apply_changes();
       xlog("k=$var(k) [$hdr(X-B)] [$hdr(X-A)] [$hdr(Content-Type)] [$hdr(Content-Length)] [$rb]\n");`,
      RAW,
    );
    expect(out).toEqual(["[b1 END\r\nb2 END]", "k=-1 [b] [<null>] [text/x] [2] [hi]"]);
  });

  it("header iterators walk the received headers; regex_substring never matches ^ at the start", () => {
    const out = run(
      `hf_iterator_start("i"); hf_iterator_next("i"); hf_iterator_next("i"); xlog("[$hfitname(i)]\n");
       $var(r) = regex_substring("abc-42", "^([a-z]+)", "1", "2", "$var(s)"); xlog("$var(r)\n");
       $var(r) = regex_substring("abc-42", "([0-9]+)", "1", "2", "$var(s)"); xlog("$var(r) $var(s)\n");`,
      RAW,
    );
    expect(out).toEqual(["[X-A]", "-2", "1 42"]);
  });
});
