/**
 * The page applying the worker's frames: firings join each timer's list (bounded), their run
 * times attach to them, and the count of firings is the worker's exact one, not the list's
 * length; unchanged parts of the state keep their identity (views that read them do not redraw).
 */
import { describe, expect, it } from "vitest";
import type { SimEvent } from "../../engine/index.js";
import type { FromWorker } from "../../protocol/messages.js";
import { applyFrame, applyLoaded } from "./apply.js";
import { SERIES_CAP, useStore } from "./store.js";

type Frame = FromWorker & { type: "frame" };

function frame(t: number, events: SimEvent[], timerFirings: Record<string, number>): Frame {
  return {
    type: "frame",
    v: 2,
    t,
    running: true,
    ended: false,
    events,
    dropped: 0,
    counters: { received: 0, dropped: 0, refused: 0, queued: 0, alerts: 0, replies: 0, rate: 0 },
    queues: {},
    routesRan: [],
    queuePoints: {},
    queueDrops: {},
    busyUs: {},
    busy: [],
    timerFirings,
    rxQueued: 0,
    pike: [],
  };
}

/** `n` firings of timer `t` every 2 µs from `from`, each done 1 µs later. */
function firings(timer: string, from: number, n: number): SimEvent[] {
  const out: SimEvent[] = [];
  for (let i = 0; i < n; i++) {
    const t = from + 2 * i;
    out.push({ kind: "timer", t, proc: 8, timer, phase: "fired" });
    out.push({ kind: "timer", t: t + 1, proc: 8, timer, phase: "done", duration: 1 });
  }
  return out;
}

describe("applying a frame", () => {
  it("keeps each timer's newest firings with their run times, and the exact count beside them", () => {
    applyLoaded({
      type: "loaded",
      v: 2,
      ok: true,
      processes: [],
      queues: [],
      timers: [
        { name: "a", intervalUs: 1, mode: 1 },
        { name: "b", intervalUs: 1_000_000, mode: 1 },
      ],
      streams: [],
    });
    const blocked = useStore.getState().blocked;
    applyFrame(frame(10_000, firings("a", 0, 3000), { a: 3000 }));
    // The frame carried the newest 3,000 of 1,000,000 firings (the worker keeps the newest).
    applyFrame(
      frame(2_000_000, [...firings("a", 1_000_000, 3000), ...firings("b", 1_500_000, 1)], { a: 1_000_000, b: 1 }),
    );
    const s = useStore.getState();
    const a = s.firings.a ?? [];
    expect(a).toHaveLength(SERIES_CAP);
    expect(a.at(-1)).toEqual({ t: 1_000_000 + 2 * 2999, proc: 8, duration: 1 });
    expect(a[0]).toEqual({ t: 2 * (6000 - SERIES_CAP), proc: 8, duration: 1 });
    expect(a.every((f) => f.duration === 1)).toBe(true);
    expect(s.firings.b).toEqual([{ t: 1_500_000, proc: 8, duration: 1 }]);
    expect(s.timerFirings).toEqual({ a: 1_000_000, b: 1 });
    expect(s.blocked).toBe(blocked);
  });

  it("leaves a timer's list as it was when the frame has none of its firings", () => {
    const before = useStore.getState().firings;
    applyFrame(frame(3_000_000, [], { a: 1_000_000, b: 1 }));
    expect(useStore.getState().firings).toBe(before);
  });
});
