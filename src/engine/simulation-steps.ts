/**
 * The `end` step of a request's script run (events.ts StepEvent, docs/trace.md): the header
 * changes still pending on the request — Kamailio's lumps (core/data_lump.c), which the script's
 * reads never see — and the request as they build it. Emitted only when `step` events are wanted.
 */
import type { EventOutput, StepEvent } from "./events.js";
import { buildRequestText, hasLumps, msgView } from "./modules/lumps.js";
import type { ScriptContext } from "./runtime/context.js";

/**
 * The pending changes line by line: the header lines of the received text the lumps remove
 * (`- `) and those they add (`+ `), in the built text's order. Lumps are offsets and chains of
 * text pieces (rr writes one Record-Route in several), so they are compared as the lines they make.
 */
export function pendingChanges(received: string, built: string): string[] {
  const head = (t: string) => t.slice(0, t.indexOf("\r\n\r\n") >>> 0).split("\r\n");
  const was = head(received);
  const now = head(built);
  const count = new Map<string, number>();
  for (const l of was) count.set(l, (count.get(l) ?? 0) + 1);
  const added: string[] = [];
  for (const l of now) {
    const n = count.get(l) ?? 0;
    if (n > 0) count.set(l, n - 1);
    else added.push(`+ ${l}`);
  }
  const removed: string[] = [];
  for (const l of was) {
    const n = count.get(l) ?? 0;
    if (n > 0) {
      count.set(l, n - 1);
      removed.push(`- ${l}`);
    }
  }
  return [...removed, ...added];
}

/** Emits the `end` step of the script run of `ctx`. */
export function endStep(out: EventOutput, ctx: ScriptContext, socket: { ip: string; port: number }): void {
  const e: StepEvent = {
    kind: "step",
    t: ctx.start + ctx.cost,
    op: "end",
    proc: ctx.proc.index,
    req: ctx.req,
    route: "",
  };
  // A request only: a reply's changes are tm's to make when it relays it.
  const view = ctx.msg.reply === undefined && hasLumps(ctx.msg) ? msgView(ctx.msg) : undefined;
  // The proxy has one socket: the request leaves by the one it came in on (rr's SUBST lumps).
  const text = view && buildRequestText(ctx.msg, [], { rcv: socket, snd: socket });
  if (view && text !== undefined) {
    e.pending = pendingChanges(view.raw, text);
    e.text = text;
  }
  out.emit(e);
}
