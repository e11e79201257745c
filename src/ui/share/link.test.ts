import { describe, expect, it } from "vitest";
import { decodeShare, encodeShare } from "./link.js";

const traffic = '{"duration": 1, "streams": []}';

describe("share links", () => {
  it("round-trip config, traffic and seed", async () => {
    const work = { config: "request_route {\n    drop;\n}\n", traffic, seed: 4_294_967_295 };
    expect(await decodeShare(await encodeShare(work))).toEqual(work);
  });

  it("round-trip the defines box with the texts; an empty box adds nothing to the link", async () => {
    const work = { config: "#!ifdef WITH_X\nx\n#!endif\n", traffic, seed: 1, defines: "-D WITH_X -D Y=1" };
    expect(await decodeShare(await encodeShare(work))).toEqual(work);
    const plain = { config: "x", traffic, seed: 1 };
    expect(await encodeShare({ ...plain, defines: "" })).toBe(await encodeShare(plain));
    expect(await decodeShare(await encodeShare({ ...plain, defines: "" }))).toEqual(plain);
  });

  it("open a link made before the defines box (format 1, no defines) as it was", async () => {
    const old =
      "#s=1.FcexDkIhDAXQX2nuzPImk_op1hjyKIbBoqW4EP7deLaz8AUfCWe32p5guH6mjnh4n6G0xIiIivf3VWyLISE819pOMJagTM_RugmYjkSCEa75Nf6_3TcShmoBX_YP";
    expect(await decodeShare(old)).toEqual({ config: "request_route {\n    drop;\n}\n", traffic, seed: 7 });
  });

  it("refuse defines that are not a short text", async () => {
    const bad = await encodeShare({ config: "", traffic, seed: 1, defines: "X ".repeat(5_001) });
    expect(await decodeShare(bad)).toEqual({
      error: "This link's defines must be a text of at most 10000 characters.",
    });
  });

  it("refuse a small link that unpacks to a huge config, as Open… refuses a file over 2 MB", async () => {
    // 60 MB of one character compresses to a link of about 60 KB: it opened a 60 MB config.
    const hash = await encodeShare({ config: "#".repeat(60 * 1024 * 1024), traffic, seed: 1 });
    expect(hash.length).toBeLessThan(100_000);
    expect(await decodeShare(hash)).toEqual({
      error: "This link unpacks to more than 2 MB per text; it was not opened (Open… takes up to 2 MB).",
    });
    // Past 2 MB but within what a link may unpack to: refused by the text's own size.
    const over = await encodeShare({ config: "#".repeat(2 * 1024 * 1024 + 1), traffic, seed: 1 });
    expect(await decodeShare(over)).toEqual({
      error: "This link's config is larger than 2 MB; it was not opened (Open… takes up to 2 MB).",
    });
    const at = await encodeShare({ config: "#".repeat(2 * 1024 * 1024), traffic, seed: 1 });
    expect(await decodeShare(at)).toMatchObject({ seed: 1 });
  });

  it("check the seed's range as traffic.json does", async () => {
    for (const seed of [-1, 1.5, 4_294_967_296, 1e300]) {
      expect(await decodeShare(await encodeShare({ config: "", traffic, seed }))).toEqual({
        error: `This link's seed must be a whole number from 0 to 4294967295, not ${seed}.`,
      });
    }
  });
});
