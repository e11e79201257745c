/** pike.top (docs/kamailio/pike.md#rpc): argument rules, the reply struct, and kamcmd's printing of it. */
import { describe, expect, it } from "vitest";
import { ipToBytes } from "../../base/ip.js";
import { formatPikeTop, formatPikeTopReply, type PikeTopReply, type PikeTopResult, pikeTop } from "./rpc.js";
import { type PikeParams, PikeTree } from "./tree.js";

function treeWith(requests: [string, number][], params: Partial<PikeParams> = {}): PikeTree {
  const tree = new PikeTree(
    { samplingTimeUnit: 2, reqsDensityPerUnit: 30, removeLatency: 120, ...params },
    { block() {}, unblock() {} },
  );
  for (const [ip, count] of requests) {
    const bytes = ipToBytes(ip);
    if (bytes === undefined) throw new Error(ip);
    for (let i = 0; i < count; i++) tree.check(bytes, 0);
  }
  return tree;
}

/** 10.0.0.1 blocked with 36 hits of its own; 10.0.0.2 with 9, warm from the /24's inherited hits. */
const sample = () =>
  treeWith([
    ["10.0.0.1", 45],
    ["10.0.0.2", 10],
  ]);

function ok(reply: PikeTopReply): PikeTopResult {
  if (!("ok" in reply)) throw new Error(`fault ${reply.error.code} ${reply.error.message}`);
  return reply.ok;
}

const ips = (reply: PikeTopReply) => ok(reply).list.map((r) => r.ip_addr);

describe("pike.top arguments", () => {
  it("matches ALL, HOT, WARM as case-insensitive substrings, in that order", () => {
    const tree = sample();
    expect(ips(pikeTop(tree, "all", 1))).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(ips(pikeTop(tree, "xAlLx", 1))).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(ips(pikeTop(tree, "hotall", 1))).toEqual(["10.0.0.1", "10.0.0.2"]);
    expect(ips(pikeTop(tree, "Hot", 1))).toEqual(["10.0.0.1"]);
    expect(ips(pikeTop(tree, "warmhot", 1))).toEqual(["10.0.0.1"]);
  });

  it("lists nothing for WARM, even with a warm address in the tree", () => {
    const tree = sample();
    expect(ok(pikeTop(tree, "ALL", 1)).list[1]?.status).toBe("WARM");
    expect(ok(pikeTop(tree, "warm", 1))).toEqual({ max_hits: 30, list: [], number_of_rows: 0 });
  });

  it("means HOT without an argument, and with a number (kamcmd sends it as an int)", () => {
    const tree = sample();
    expect(ips(pikeTop(tree, undefined, 1))).toEqual(["10.0.0.1"]);
    expect(ips(pikeTop(tree, 5, 1))).toEqual(["10.0.0.1"]);
  });

  it("faults 500 on anything else", () => {
    const fault = { error: { code: 500, message: "Bad argument. Select: ALL, HOT or WARM" } };
    expect(pikeTop(sample(), "top", 1)).toEqual(fault);
    expect(pikeTop(sample(), "", 1)).toEqual(fault);
    expect(pikeTop(sample(), "h o t", 1)).toEqual(fault);
  });
});

describe("pike.top reply", () => {
  it("reports every address node with its counters, seconds left and status", () => {
    expect(ok(pikeTop(sample(), "ALL", 1))).toEqual({
      max_hits: 30,
      list: [
        { ip_addr: "10.0.0.1", leaf_hits_prev: 0, leaf_hits_curr: 36, expires: 119, status: "HOT" },
        { ip_addr: "10.0.0.2", leaf_hits_prev: 0, leaf_hits_curr: 9, expires: 119, status: "WARM" },
      ],
      number_of_rows: 2,
    });
  });

  it("has an empty status once a window has passed under X/4 on the node", () => {
    const tree = sample();
    tree.rotate();
    expect(ok(pikeTop(tree, "ALL", 3)).list.map((r) => [r.leaf_hits_prev, r.leaf_hits_curr, r.status])).toEqual([
      [36, 0, "HOT"],
      [9, 0, ""],
    ]);
  });

  it("prints expires as a signed difference, negative while a due node awaits the clean", () => {
    expect(ok(pikeTop(sample(), "ALL", 125)).list.map((r) => r.expires)).toEqual([-5, -5]);
  });

  it("reports max_hits as the 16-bit value pike keeps", () => {
    expect(ok(pikeTop(treeWith([], { reqsDensityPerUnit: 65536 + 7 }), "ALL", 0)).max_hits).toBe(7);
  });
});

describe("kamcmd printing", () => {
  it("prints the struct one value per line, tab-indented, the list as a struct", () => {
    expect(formatPikeTop(ok(pikeTop(sample(), "all", 1)))).toBe(
      [
        "{",
        "\tmax_hits: 30",
        "\tlist: {",
        "\t\t{",
        "\t\t\tip_addr: 10.0.0.1",
        "\t\t\tleaf_hits_prev: 0",
        "\t\t\tleaf_hits_curr: 36",
        "\t\t\texpires: 119",
        "\t\t\tstatus: HOT",
        "\t\t}",
        "\t\t{",
        "\t\t\tip_addr: 10.0.0.2",
        "\t\t\tleaf_hits_prev: 0",
        "\t\t\tleaf_hits_curr: 9",
        "\t\t\texpires: 119",
        "\t\t\tstatus: WARM",
        "\t\t}",
        "\t}",
        "\tnumber_of_rows: 2",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("prints an empty list and an empty status", () => {
    expect(formatPikeTopReply(pikeTop(sample(), "WARM", 1))).toBe(
      "{\n\tmax_hits: 30\n\tlist: {\n\t}\n\tnumber_of_rows: 0\n}\n",
    );
    const tree = sample();
    tree.rotate();
    expect(formatPikeTopReply(pikeTop(tree, "ALL", 3))).toContain("\t\t\tstatus: \n\t\t}\n\t}\n");
  });

  it("prints a fault as kamcmd does", () => {
    expect(formatPikeTopReply(pikeTop(sample(), "foo", 1))).toBe(
      "error: 500 - Bad argument. Select: ALL, HOT or WARM\n",
    );
  });
});
