/**
 * The harness ends every Kamailio process it started, even one the main process left behind:
 * a Kamailio whose main process is killed outright leaves its children running (reparented to
 * init); they are still in the group Kamailio leads, and `stop()` ends them by PID.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { describeNeeding } from "../../support/needs.js";
import { KAMAILIO_NEED, kamailioAvailability } from "../kamailio.js";
import { childrenOf, freeUdpPort, startKamailio, stopAllKamailios, waitForChildren } from "./kamailio-process.js";
import { groupMembers, readStat } from "./proc-stat.js";

const CONFIG = "debug=2\nlog_stderror=yes\nchildren=2\nrequest_route {\n    drop;\n}\n";
const alive = (pid: number) => {
  const s = readStat(pid);
  return s !== undefined && s.state !== "Z";
};

describeNeeding(KAMAILIO_NEED, kamailioAvailability(), "the harness ends the Kamailio processes it started", () => {
  const dir = mkdtempSync(join(tmpdir(), "kamsim-group-"));
  afterAll(async () => {
    await stopAllKamailios();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the children by group and ends them after the main process was killed", async () => {
    const file = join(dir, "kamailio.cfg");
    writeFileSync(file, CONFIG);
    const run = await startKamailio(file, dir, await freeUdpPort());
    await waitForChildren(run, 4, 3000);
    // Every child is in the group Kamailio leads, and nothing else is. Read both until they are
    // read while no fork happens between them (a loaded machine may still be forking here).
    let kids: number[] = [];
    await expect
      .poll(
        () => {
          kids = [...childrenOf(run.pid).keys()];
          return [...groupMembers(run.pid).keys()].sort().join(" ") === [run.pid, ...kids].sort().join(" ");
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(kids.length).toBeGreaterThan(0);
    // The main process dies without ending its children: they become orphans the harness has
    // not recorded (run.children is what the start-up saw; forget it, as for a late fork).
    process.kill(run.pid, "SIGKILL");
    run.children.clear();
    await new Promise((r) => setTimeout(r, 200));
    expect(kids.filter(alive).length).toBeGreaterThan(0);
    await run.stop();
    expect(kids.filter(alive)).toEqual([]);
    expect(groupMembers(run.pid).size).toBe(0);
  });
});
