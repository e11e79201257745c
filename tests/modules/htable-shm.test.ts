/**
 * htable items take Kamailio's shared memory (docs/kamailio/memory.md): `$sht` sets with
 * max_while_loops=0 grew kamsim's host memory for minutes; Kamailio stops at its 64 MB pool with
 * "no more shm" and goes on. The items where it stops are Debian's 5.6.3's, measured (the
 * differential case tests/kamailio/cases/memory-htable-shm runs the first config on both).
 */
import { describe, expect, it } from "vitest";
import { parseHtableDef } from "../../src/engine/modules/htable/params.js";
import { cellSize, HtStore } from "../../src/engine/modules/htable/store.js";
import { ShmPool, shmCost } from "../../src/engine/runtime/shm.js";
import { runEngine } from "../support/engine.js";

const TRAFFIC = {
  duration: 1,
  seed: 1,
  streams: [{ name: "one", src: "192.0.2.1", method: "OPTIONS", rate: 1, start: 0.5, count: 1 }],
};
const run = (config: string) => runEngine(config, TRAFFIC).lines.join("\n");

/** Sets `$sht(a=>N)` for N = 0, 1, … until two sets fail; then `after`. */
const fill = (value: string, size: number, after = "", mqueue = "", shm = "") => `max_while_loops=0
children=1
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "htable.so"
${shm}${mqueue}modparam("htable", "htable", "a=>size=${size}")
request_route {
    $var(i) = 0;
    $var(n) = 0;
    while ($var(n) < 2) {
        $sht(a=>$var(i)) = "${value}";
        if ($sht(a=>$var(i)) == $null) {
            $var(n) = $var(n) + 1;
            xlog("L_ERR", "set $var(i) failed, $shtcn(a=>**) items\\n");
        }
        $var(i) = $var(i) + 1;
    }
${after}    drop;
}
`;

describe("htable and shared memory", () => {
  it("a cell is sizeof(ht_cell_t) + name + value, each 0-terminated (ht_cell_new)", () => {
    expect(cellSize("12345", "x".repeat(100))).toBe(72 + 6 + 101);
    expect(cellSize("k", 7)).toBe(72 + 2);
  });

  it("stops at the item where Kamailio 5.6.3 (-m 64, children=1) stops, with its lines, and goes on", () => {
    const log = run(fill("0123456789".repeat(400), 12));
    expect(log).toContain("ERROR: htable [ht_api.c:189]: ht_cell_new(): no more shm");
    expect(log).toContain("ERROR: htable [ht_api.c:614]: ht_set_cell_ex(): cannot create new cell.");
    expect(log).toContain("ERROR: htable [ht_var.c:125]: pv_set_ht_cell(): cannot set $sht(15862)");
    expect(log).toContain("ERROR: <core> [core/lvalue.c:353]: lval_pvar_assign(): setting pvar failed");
    expect(log).toContain("ERROR: <script>: set 15862 failed, 15862 items");
    expect(log).toContain("ERROR: <script>: set 15863 failed, 15862 items");
  });

  it("counts the table's slots in the same pool: 223,616 items of 100 characters beside 2^16 slots", () => {
    const log = run(fill("0123456789".repeat(10), 16));
    expect(log).toContain("ERROR: <script>: set 223616 failed, 223616 items");
  });

  it("shares the pool with mqueue: one queue's head costs the 223,616th item (223,615 measured)", () => {
    const mq = 'loadmodule "mqueue.so"\nmodparam("mqueue", "mqueue", "name=q")\n';
    expect(run(fill("0123456789".repeat(10), 16, "", mq))).toContain(
      "ERROR: <script>: set 223615 failed, 223615 items",
    );
  });

  it("a config's shm_mem_size (before any modparam) sizes the pool: 7,842 items in 32 MB, 3,832 in 16 MB, as measured", () => {
    const big = "0123456789".repeat(400);
    expect(run(`shm_mem_size=32\n${fill(big, 12)}`)).toContain("ERROR: <script>: set 7842 failed, 7842 items");
    expect(run(fill(big, 12, "", "", "shm=16\n"))).toContain("ERROR: <script>: set 3832 failed, 3832 items");
    // The first one wins (cfg.y takes a size only while it is still the default; 3,832 measured).
    expect(run(`shm=16\nshm_mem_size=32\n${fill(big, 12)}`)).toContain("ERROR: <script>: set 3832 failed, 3832 items");
  });

  it("a removed item gives its memory back", () => {
    const again = `    sht_rm("a", "7");
    $sht(a=>again) = "0123456789";
    xlog("L_ERR", "after sht_rm: $sht(a=>again)\\n");
`;
    expect(run(fill("0123456789".repeat(400), 12, again))).toContain("after sht_rm: 0123456789");
  });

  it("reuses a cell for an int or a string no longer than the one it holds; a longer one needs a new cell", () => {
    const pool = new ShmPool();
    const t = new HtStore(parseHtableDef("t=>size=2") as never, pool);
    expect(t.set("k", "abcdef", 0)).toBe(true);
    const held = pool.used;
    expect(t.set("k", "abc", 0)).toBe(true);
    expect(t.set("k", 5, 0)).toBe(true);
    expect(pool.used).toBe(held);
    expect(t.set("k", "abcdefgh", 0)).toBe(true);
    expect(pool.used).toBe(held - shmCost(cellSize("k", "abcdef")) + shmCost(cellSize("k", "abcdefgh")));
    t.delete("k");
    expect(pool.used).toBe(held - shmCost(cellSize("k", "abcdef")));
  });
});
