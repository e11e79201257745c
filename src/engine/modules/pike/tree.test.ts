/** The pike tree against the numbers of docs/kamailio/pike.md#thresholds (measured on Kamailio 5.6.3) and pike's source. */
import { describe, expect, it } from "vitest";
import { ipToBytes } from "../../base/ip.js";
import { formatPikeNodeId, type PikeParams, PikeTree, parseIpv4ForPike } from "./tree.js";

function setup(params: Partial<PikeParams> = {}) {
  const events: string[] = [];
  const tree = new PikeTree(
    { samplingTimeUnit: 2, reqsDensityPerUnit: 30, removeLatency: 120, ...params },
    {
      block: (ip, nodeId) => events.push(`BLOCK ${ip} ${nodeId}`),
      unblock: (nodeId) => events.push(`UNBLOCK ${nodeId}`),
    },
  );
  return { tree, events };
}

function ip(text: string): Uint8Array {
  const b = ipToBytes(text);
  if (b === undefined) throw new Error(`bad test address ${text}`);
  return b;
}

/** Sends requests in one window until one returns −2; all before it must return 1. */
function firstBlock(tree: PikeTree, bytes: Uint8Array, now = 0, max = 100_000): number {
  for (let n = 1; n <= max; n++) {
    const r = tree.check(bytes, now);
    if (r === -2) return n;
    if (r !== 1) throw new Error(`request ${n} returned ${r}`);
  }
  return -1;
}

function send(tree: PikeTree, bytes: Uint8Array, count: number, now = 0): number[] {
  const out: number[] = [];
  for (let n = 0; n < count; n++) out.push(tree.check(bytes, now));
  return out;
}

/** Kamailio's timers from `from` (exclusive) to `to`: the swap every `unit` seconds, the clean every second. */
function idle(tree: PikeTree, from: number, to: number, unit: number): void {
  for (let s = from + 1; s <= to; s++) {
    if (s % unit === 0) tree.rotate();
    tree.clean(s);
  }
}

describe("first block of a fresh address (one window)", () => {
  it("comes at request 39 with the defaults, then −1", () => {
    const { tree, events } = setup();
    const a = ip("127.0.0.1");
    expect(firstBlock(tree, a)).toBe(39);
    expect(tree.check(a, 0)).toBe(-1);
    expect(events).toEqual([`BLOCK 127.0.0.1 ${formatPikeNodeId(4)}`]);
    expect(tree.blockedIps).toBe(1);
  });

  it.each([
    [10, 14],
    [5, 9],
    [3, 7],
  ])("comes with X = %i at request %i", (x, expected) => {
    const { tree } = setup({ reqsDensityPerUnit: x });
    expect(firstBlock(tree, ip("127.0.0.1"))).toBe(expected);
  });

  it("follows max(T, 2) + (L − 2) + X for IPv4 and IPv6", () => {
    for (let x = 1; x <= 120; x++) {
      const t = Math.max(x >> 2, 2);
      expect(firstBlock(setup({ reqsDensityPerUnit: x }).tree, ip("10.1.2.3")), `IPv4 X=${x}`).toBe(t + 2 + x);
      expect(firstBlock(setup({ reqsDensityPerUnit: x }).tree, ip("2001:db8::7")), `IPv6 X=${x}`).toBe(t + 14 + x);
    }
  });

  it("comes at T + 14 + X for IPv6: 51 with the defaults, 26 with X = 10", () => {
    expect(firstBlock(setup().tree, ip("2001:db8::1"))).toBe(51);
    expect(firstBlock(setup({ reqsDensityPerUnit: 10 }).tree, ip("2001:db8::1"))).toBe(26);
  });
});

describe("siblings share hot prefix nodes", () => {
  function afterFirstBlocked() {
    const s = setup();
    expect(firstBlock(s.tree, ip("127.0.0.1"))).toBe(39);
    send(s.tree, ip("127.0.0.1"), 1);
    return s;
  }

  it("blocks the same /24 at 31, same /16 at 32, same /8 at 33 in the same window", () => {
    const { tree } = afterFirstBlocked();
    expect(firstBlock(tree, ip("127.0.0.2"))).toBe(31);
    expect(firstBlock(tree, ip("127.0.1.1"))).toBe(32);
    expect(firstBlock(tree, ip("127.1.0.1"))).toBe(33);
  });

  it("keeps 31 for the same /24 in the next window, but only that level is still hot", () => {
    // From the source: the /24 node splits on its previous window's hits, but the node split
    // off in the new window starts at 0 and has to reach X/4 again.
    let s = afterFirstBlocked();
    s.tree.rotate();
    expect(firstBlock(s.tree, ip("127.0.0.2"))).toBe(31);
    s = afterFirstBlocked();
    s.tree.rotate();
    expect(firstBlock(s.tree, ip("127.0.1.1"))).toBe(38);
    s = afterFirstBlocked();
    s.tree.rotate();
    expect(firstBlock(s.tree, ip("127.1.0.1"))).toBe(39);
  });
});

describe("windows", () => {
  it("never blocks 25 requests per window, however long", () => {
    const { tree, events } = setup();
    const a = ip("192.0.2.4");
    for (let w = 0; w < 200; w++) {
      expect(send(tree, a, 25, w * 2).every((r) => r === 1)).toBe(true);
      tree.rotate();
    }
    expect(events).toEqual([]);
  });

  it("stays blocked until the end of the first window under X, with one UNBLOCK", () => {
    const { tree, events } = setup();
    const a = ip("203.0.113.66");
    expect(firstBlock(tree, a)).toBe(39);
    tree.rotate();
    expect(send(tree, a, 29)).toEqual(new Array(29).fill(-1));
    expect(events).toHaveLength(1);
    tree.rotate();
    expect(tree.check(a, 4)).toBe(1);
    const id = formatPikeNodeId(4);
    expect(events).toEqual([`BLOCK 203.0.113.66 ${id}`, `UNBLOCK ${id}`]);
  });

  it("stays blocked through a window of exactly X and unblocks after an idle one", () => {
    const { tree, events } = setup();
    const a = ip("203.0.113.66");
    firstBlock(tree, a);
    tree.rotate();
    expect(send(tree, a, 30)).toEqual(new Array(30).fill(-1));
    tree.rotate();
    expect(events).toHaveLength(1);
    expect(tree.check(a, 4)).toBe(-1);
    tree.rotate();
    expect(events).toHaveLength(2);
    tree.rotate();
    expect(tree.check(a, 8)).toBe(1);
    expect(events.filter((e) => e.startsWith("UNBLOCK"))).toHaveLength(1);
  });

  it("blocks again at X in a later window, the previous window's count averaging in", () => {
    const { tree, events } = setup();
    const a = ip("203.0.113.66");
    firstBlock(tree, a);
    tree.rotate();
    send(tree, a, 29);
    tree.rotate();
    expect(firstBlock(tree, a)).toBe(30);
    expect(events.map((e) => e.split(" ")[0])).toEqual(["BLOCK", "UNBLOCK", "BLOCK"]);
    expect(tree.blockedIps).toBe(2);
  });

  it("answers −1 while blocked and keeps counting", () => {
    const { tree } = setup();
    const a = ip("10.0.0.1");
    const results = send(tree, a, 45);
    expect(results.slice(0, 38).every((r) => r === 1)).toBe(true);
    expect(results.slice(38)).toEqual([-2, -1, -1, -1, -1, -1, -1]);
    const [leaf] = tree.leaves(0);
    expect(leaf).toMatchObject({ ip: "10.0.0.1", leafHitsCurr: 36, blocked: true, status: "HOT" });
  });

  it("logs UNBLOCKs in tree order (first byte ascending), not in blocking order", () => {
    const { tree, events } = setup();
    firstBlock(tree, ip("20.0.0.1"));
    firstBlock(tree, ip("10.0.0.1"));
    tree.rotate();
    tree.rotate();
    expect(events).toEqual([
      `BLOCK 20.0.0.1 ${formatPikeNodeId(4)}`,
      `BLOCK 10.0.0.1 ${formatPikeNodeId(8)}`,
      `UNBLOCK ${formatPikeNodeId(8)}`,
      `UNBLOCK ${formatPikeNodeId(4)}`,
    ]);
  });
});

describe("expiry (remove_latency = 4, sampling_time_unit = 1)", () => {
  const params = { removeLatency: 4, samplingTimeUnit: 1 };
  const a = ip("127.0.0.1");

  function tenThenIdle(until: number) {
    const s = setup(params);
    send(s.tree, a, 10, 0);
    idle(s.tree, 0, until, 1);
    return s;
  }

  it("blocks at 37 after 6 s idle: the leaf is gone, its /24 is left with zeroed counters", () => {
    const { tree } = tenThenIdle(6);
    expect(tree.nodes().map((n) => [n.prefix, n.hitsPrev, n.hitsCurr])).toEqual([
      ["127.0.0.0/8", 0, 0],
      ["127.0.0.0/16", 0, 0],
      ["127.0.0.0/24", 0, 0],
    ]);
    expect(firstBlock(tree, a, 6)).toBe(37);
  });

  it("decays one level per remove_latency: 37, 38, then 39 and an empty tree", () => {
    expect(firstBlock(tenThenIdle(7).tree, a, 7)).toBe(37);
    expect(firstBlock(tenThenIdle(8).tree, a, 8)).toBe(38);
    expect(firstBlock(tenThenIdle(11).tree, a, 11)).toBe(38);
    expect(firstBlock(tenThenIdle(12).tree, a, 12)).toBe(39);
    const { tree } = tenThenIdle(16);
    expect(tree.nodes()).toEqual([]);
    expect(firstBlock(tree, a, 16)).toBe(39);
  });

  it("refreshes on address hits but not on prefix hits", () => {
    const s = setup(params);
    send(s.tree, a, 10, 0);
    idle(s.tree, 0, 3, 1);
    s.tree.check(a, 3);
    idle(s.tree, 3, 6, 1);
    expect(s.tree.leaves(6).map((l) => [l.ip, l.expires])).toEqual([["127.0.0.1", 1]]);
    idle(s.tree, 6, 7, 1);
    expect(s.tree.leaves(7)).toEqual([]);
    // The /24 now expires at 11; hits below X/4 on it do not move that.
    idle(s.tree, 7, 10, 1);
    send(s.tree, a, 6, 10);
    idle(s.tree, 10, 11, 1);
    expect(s.tree.nodes().map((n) => n.prefix)).toEqual(["127.0.0.0/8", "127.0.0.0/16"]);
  });

  it("keeps an interior node while it has children, even past its first expiry", () => {
    const { tree } = tenThenIdle(3);
    expect(tree.nodes().map((n) => [n.prefix, n.expiring])).toEqual([
      ["127.0.0.0/8", false],
      ["127.0.0.0/16", false],
      ["127.0.0.0/24", false],
      ["127.0.0.1/32", true],
    ]);
  });
});

describe("counters", () => {
  it("saturate at 65534", () => {
    const { tree } = setup();
    send(tree, ip("10.0.0.1"), 70_000);
    expect(tree.leaves(0)[0]?.leafHitsCurr).toBe(65534);
  });

  it("so X = 65535 can never block, while X = 65534 blocks at 16383 + 2 + 65534", () => {
    const never = setup({ reqsDensityPerUnit: 65535 }).tree;
    expect(send(never, ip("10.0.0.1"), 90_000).includes(-2)).toBe(false);
    expect(never.leaves(0)[0]?.leafHitsCurr).toBe(65534);
    expect(firstBlock(setup({ reqsDensityPerUnit: 65534 }).tree, ip("10.0.0.1"))).toBe(81919);
  });

  it("keep reqs_density_per_unit in 16 bits, as Kamailio's max_hits", () => {
    const { tree } = setup({ reqsDensityPerUnit: 65536 + 30 });
    expect(tree.maxHits).toBe(30);
    expect(firstBlock(tree, ip("10.0.0.1"))).toBe(39);
  });
});

describe("pike_check_ip input", () => {
  it("counts 256.1.1.1 as 0.1.1.1 and logs it so", () => {
    const { tree, events } = setup();
    const b = parseIpv4ForPike("256.1.1.1");
    expect(b).toBeDefined();
    expect(firstBlock(tree, b ?? new Uint8Array(4))).toBe(39);
    expect(events[0]).toMatch(/^BLOCK 0\.1\.1\.1 0x/);
    expect(tree.check(ip("0.1.1.1"), 0)).toBe(-1);
  });
});

describe("tree shape and order", () => {
  it("lists leaves in Kamailio's order: the walk (slots up, newest child first) reversed", () => {
    const { tree } = setup();
    for (const a of ["10.0.0.1", "10.0.0.2", "9.1.1.1", "10.0.0.3"]) send(tree, ip(a), 12);
    expect(tree.leaves(0).map((l) => l.ip)).toEqual(["10.0.0.1", "10.0.0.2", "10.0.0.3", "9.1.1.1"]);
  });

  it("finds children the same way past the index threshold", () => {
    const { tree } = setup();
    for (let i = 0; i < 40; i++) send(tree, ip(`10.0.0.${i}`), 12);
    const leaves = tree.leaves(0);
    expect(leaves).toHaveLength(40);
    expect(leaves.map((l) => l.ip)).toEqual(Array.from({ length: 40 }, (_, i) => `10.0.0.${i}`));
    expect(leaves.every((l) => l.leafHitsCurr >= 1)).toBe(true);
    const removed = setup({ removeLatency: 1 }).tree;
    for (let i = 0; i < 20; i++) send(removed, ip(`10.0.0.${i}`), 12);
    removed.clean(1);
    expect(removed.leaves(1)).toEqual([]);
    expect(firstBlock(removed, ip("10.0.0.5"), 1)).toBe(31);
  });

  it("gives stable, pointer-like node ids", () => {
    const { tree } = setup();
    send(tree, ip("127.0.0.1"), 12);
    const ids = tree.nodes().map((n) => n.nodeId);
    expect(ids[0]).toBe("0x7f150db5c618");
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^0x7f[0-9a-f]{10}$/);
    send(tree, ip("127.0.0.1"), 5);
    expect(tree.nodes().map((n) => n.nodeId)).toEqual(ids);
  });

  it("lets an IPv4 address and IPv6 addresses with the same first 4 bytes share nodes", () => {
    const { tree } = setup({ removeLatency: 10 });
    send(tree, ip("1.2.3.4"), 10);
    // The IPv6 walk matches the IPv4 leaf and splits below it, one level per request.
    send(tree, ip("102:304::1"), 15);
    expect(tree.leaves(0).map((l) => [l.ip, l.leafHitsCurr])).toEqual([
      ["102:304::1", 3],
      ["1.2.3.4", 1],
    ]);
    // split_node's quirk: the child takes the father's leaf_hits[prev] − 1 when its
    // leaf_hits[curr] ≥ 1, wrapping at 16 bits.
    const below = tree.nodes().find((n) => n.depth === 5);
    expect(below?.leafHitsPrev).toBe(65535);
    // At expiry the IPv4 node has children: it only stops being an address.
    send(tree, ip("102:304::1"), 1, 5);
    tree.clean(10);
    expect(tree.leaves(10).map((l) => l.ip)).toEqual(["102:304::1"]);
    const v4 = tree.nodes().find((n) => n.depth === 4);
    expect(v4).toMatchObject({ ipLeaf: false, leafHitsCurr: 0, expiring: false, expiresAt: 0 });
  });

  it("enlists an IPv6 prefix node that an IPv4 address hits (Kamailio would assert here)", () => {
    const { tree } = setup({ removeLatency: 10 });
    // T + 14 requests build the IPv6 chain down to its leaf; the 4th level is then interior.
    send(tree, ip("102:304::1"), 25);
    expect(tree.nodes().find((n) => n.depth === 4)?.expiring).toBe(false);
    expect(tree.check(ip("1.2.3.4"), 3)).toBe(1);
    expect(tree.leaves(3).map((l) => [l.ip, l.expires])).toEqual([
      ["102:304::1", 7],
      ["1.2.3.4", 10],
    ]);
    tree.clean(13);
    expect(tree.leaves(13)).toEqual([]);
    expect(tree.nodes().map((n) => n.depth)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
  });

  it("refuses addresses that are neither 4 nor 16 bytes", () => {
    expect(() => setup().tree.check([1, 2, 3], 0)).toThrow(/4 or 16 bytes/);
  });
});
