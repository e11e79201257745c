/**
 * mqueue items take Kamailio's shared memory (docs/kamailio/memory.md): an `mq_add` loop with
 * max_while_loops=0 grew kamsim to 4.36 GB; Kamailio stops at its 64 MB pool with
 * "no more shm to add to: Q". The count where it stops is Debian's 5.6.3's, measured.
 */
import { describe, expect, it } from "vitest";
import { itemShm, Mqueue } from "../../src/engine/modules/mqueue/runtime.js";
import { ShmPool, shmCost, utf8Length } from "../../src/engine/runtime/shm.js";
import { runEngine } from "../support/engine.js";

const VALUE = "0123456789".repeat(10);

const TRAFFIC = {
  duration: 1,
  seed: 1,
  streams: [{ name: "one", src: "192.0.2.1", method: "OPTIONS", rate: 1, start: 0.5, count: 1 }],
};
const run = (config: string) => runEngine(config, TRAFFIC).lines.join("\n");

const cfg = (loops: number, fetch = "") => `max_while_loops=0
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "mqueue.so"
modparam("mqueue", "mqueue", "name=q")
request_route {
    $var(i) = 0;
    while ($var(i) < ${loops}) {
        if (!mq_add("q", "k", "${VALUE}")) {
            xlog("L_ERR", "failed at $var(i)\\n");
            drop;
        }
${fetch}        $var(i) = $var(i) + 1;
    }
    xlog("L_ERR", "all added\\n");
    drop;
}
`;

describe("mqueue and shared memory", () => {
  it("an item costs what q_malloc takes for it: 40 + key + value + 2, rounded to 8, plus 104", () => {
    expect(itemShm({ key: "k", value: VALUE })).toBe(248);
    expect(shmCost(143)).toBe(248);
    expect(utf8Length("aé€😀")).toBe(1 + 2 + 3 + 4);
  });

  it("stops adding at item 268,129 of 100 bytes, as Kamailio 5.6.3 with -m 64 does, with its error line", () => {
    const log = run(cfg(2_000_000));
    expect(log).toContain("ERROR: mqueue [mqueue_api.c:348]: mq_item_add(): no more shm to add to: q");
    expect(log).toContain("ERROR: <script>: failed at 268129");
    expect(log).not.toContain("all added");
  });

  it("fetched items give their memory back", () => {
    const log = run(cfg(400_000, '        mq_fetch("q");\n'));
    expect(log).toContain("all added");
    expect(log).not.toContain("no more shm");
  });

  it("an item taken out of a queue (fetch, overflow drop) gives its memory back", () => {
    const pool = new ShmPool();
    const a = new Mqueue({ name: "a", size: 0, addmode: 0, dbmode: 0 }, pool);
    const before = pool.used;
    a.items.push({ key: "k", value: "v" });
    pool.alloc(itemShm({ key: "k", value: "v" }));
    a.shift();
    expect(pool.used).toBe(before);
  });
});
