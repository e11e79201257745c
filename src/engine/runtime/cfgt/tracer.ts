/**
 * cfgt's report of each message (modules/cfgt/cfgt_int.c, driven by the debugger module's
 * per-action hook dbg_cfg_trace(), modules/debugger/debugger_api.c, with `cfgtest=1`), kept per
 * process as Kamailio keeps its `_cfgt_node`:
 *
 * - a datagram read by a SIP worker starts a report (cfgt_msgin(): `sip_in`), after saving the
 *   process's previous one again;
 * - the first script run for it names it (cfgt_pre(): the scenario from the Call-ID, the next
 *   number of that scenario);
 * - every action run is fed to cfgt's route tracker (cfgt_process_route(), _cfgt_add_routename()),
 *   which knows only the name of the route block the action was written in: a name not seen
 *   yet is a route entered (`start|NAME`, variables dumped); the name of the route before it is
 *   that route left (`return|` or `exit|` + the left route's name, as its last action set it);
 * - the end of a script run dumps the current route once more and saves the report
 *   (cfgt_post());
 * - every datagram the process sends goes to `sip_out` (cfgt_msgout()).
 *
 * The quirks are cfgt's own and kept: a route's exit is only seen when the caller runs its next
 * action; `drop` and `break` leave a route as `exit|` (_cfgt_set_type() overwrites DROP_D);
 * a route whose last action called another is reported left one action later. docs/cfgt.md.
 */
import type { CfgtFlowEntry, EventOutput } from "../../events.js";
import type { ScriptContext } from "../context.js";
import type { CfgtVars } from "./vars.js";

/** What an action is to _cfgt_set_type(). */
export const CFGT_OTHER = 0;
/** ROUTE_T: `route(X)`. */
export const CFGT_CALL = 1;
/** DROP_T with RETURN_R_F: `return`. */
export const CFGT_RETURN = 2;
/** DROP_T without it: `exit`, `drop`, `break`. */
export const CFGT_EXIT = 3;
export type CfgtActionKind = typeof CFGT_OTHER | typeof CFGT_CALL | typeof CFGT_RETURN | typeof CFGT_EXIT;

/** cfgt_int.h enum _cfgt_action_type. */
const ROUTE = 1;
const DROP_E = 2;
const DROP_R = 4;
/** _cfgt_route_prefix[], indexed by type − 1 (DROP_D, `drop|`, is never left set in 5.6.3). */
const PREFIX = ["start|", "exit|", "drop|", "return|"];

interface RouteNode {
  name: string;
  type: number;
  prev: RouteNode | undefined;
}

interface Report {
  /** The scenario; "" until cfgt_pre() names it (such a report is never saved). */
  uuid: string;
  msgid: number;
  route: RouteNode | undefined;
  flow: CfgtFlowEntry[];
  sipIn: string[];
  sipOut: string[];
  req: number | undefined;
}

/** _cfgt_set_type(). */
function setType(r: RouteNode, kind: CfgtActionKind): void {
  if (kind === CFGT_CALL) r.type = ROUTE;
  else if (kind === CFGT_RETURN) r.type = DROP_R;
  else if (kind === CFGT_EXIT) r.type = DROP_E;
  else if (r.type !== DROP_E) r.type = DROP_R;
}

export interface CfgtOptions {
  /** cfgt's `callid_prefix` (default `NGCP%`); its last character ends the scenario name. */
  callidPrefix?: string;
}

export class CfgtTracer {
  /** Each process's current report (`_cfgt_node`, a per-process global in Kamailio). */
  private readonly reports = new Map<number, Report>();
  /** Last number given per scenario (`_cfgt_uuid`, shared by all processes). */
  private readonly numbers = new Map<string, number>();
  private readonly prefix: string;

  constructor(
    private readonly vars: CfgtVars,
    private readonly out: EventOutput,
    opts: CfgtOptions = {},
  ) {
    this.prefix = opts.callidPrefix || "NGCP%";
  }

  /** cfgt_msgin(): a SIP worker read a datagram. */
  received(proc: number, text: string, t: number, req: number | undefined): void {
    const old = this.reports.get(proc);
    if (old) this.save(old, proc, t);
    this.reports.set(proc, { uuid: "", msgid: 0, route: undefined, flow: [], sipIn: [text], sipOut: [], req });
  }

  /** cfgt_msgout(): the process sent a datagram. */
  sent(proc: number | undefined, text: string): void {
    if (proc === undefined) return;
    this.reports.get(proc)?.sipOut.push(text);
  }

  /**
   * The scenario of a Call-ID (_cfgt_get_hdr()): the text between the prefix and the next
   * occurrence of the prefix's last character; undefined when the Call-ID does not start with
   * the prefix or has no such delimiter.
   */
  private scenario(callId: string | undefined): string | undefined {
    if (callId === undefined || !callId.startsWith(this.prefix)) return undefined;
    const delimiter = this.prefix[this.prefix.length - 1] as string;
    const end = callId.indexOf(delimiter, this.prefix.length);
    if (end < 0) return undefined;
    const uuid = callId.slice(this.prefix.length, end);
    return uuid === "" ? undefined : uuid;
  }

  /** cfgt_pre(): a script run starts for the process's message. */
  started(ctx: ScriptContext): void {
    const r = this.reports.get(ctx.proc.index);
    if (!r) return;
    const callId = ctx.msg.callId;
    if (r.msgid === 0) {
      r.uuid = this.scenario(callId) ?? "unknown";
      r.msgid = (this.numbers.get(r.uuid) ?? 0) + 1;
      this.numbers.set(r.uuid, r.msgid);
      return;
    }
    // _cfgt_cmp_hdr(): only a Call-ID with the prefix whose scenario text differs is another
    // scenario; cfgt_create_node() then starts a report numbered by the message's own id.
    if (callId === undefined || !callId.startsWith(this.prefix)) return;
    if (callId.slice(this.prefix.length, this.prefix.length + r.uuid.length) === r.uuid) return;
    const uuid = this.scenario(callId);
    if (uuid === undefined) {
      this.reports.delete(ctx.proc.index);
      return;
    }
    this.reports.set(ctx.proc.index, {
      uuid,
      msgid: ctx.req ?? 0,
      route: undefined,
      flow: [],
      sipIn: [],
      sipOut: [],
      req: ctx.req,
    });
  }

  /** cfgt_process_route(): an action of route block `name` is about to run. */
  action(ctx: ScriptContext, name: string, kind: CfgtActionKind): void {
    const r = this.reports.get(ctx.proc.index);
    if (!r) return;
    const cur = r.route;
    if (cur === undefined) {
      r.route = { name, type: ROUTE, prev: undefined };
      this.dump(r, ctx, `start|${name}`);
      return;
    }
    if (name === cur.name) {
      setType(cur, kind);
      return;
    }
    const back =
      cur.prev && (name === cur.prev.name ? cur.prev : name === cur.prev.prev?.name ? cur.prev.prev : undefined);
    if (back) {
      setType(back, kind);
      this.dump(r, ctx, `${PREFIX[cur.type - 1]}${cur.name}`);
      // _cfgt_del_routename(): one level, even when the name matched two levels up.
      r.route = cur.prev;
      return;
    }
    const next: RouteNode = { name, type: 0, prev: cur };
    setType(next, kind);
    r.route = next;
    this.dump(r, ctx, `start|${name}`);
  }

  /** cfgt_post(): the script run ended; the current route is dumped once more and the report saved. */
  finished(ctx: ScriptContext): void {
    const r = this.reports.get(ctx.proc.index);
    if (!r) return;
    // With no route run there is no flow name (cfgt logs an error unless the scenario is
    // `unknown`); the report is saved all the same.
    if (r.route !== undefined) this.dump(r, ctx, `${PREFIX[r.route.type - 1]}${r.route.name}`);
    this.save(r, ctx.proc.index, ctx.start + ctx.cost);
  }

  private dump(r: Report, ctx: ScriptContext, key: string): void {
    r.flow.push({ key, vars: this.vars.dump(ctx) });
  }

  /** cfgt_save_node(): a report without a scenario has no file name and is not saved. */
  private save(r: Report, proc: number, t: number): void {
    if (r.uuid === "") return;
    this.out.emit({
      kind: "cfgt",
      t,
      proc,
      req: r.req,
      uuid: r.uuid,
      msgid: r.msgid,
      flow: r.flow.slice(),
      sipIn: r.sipIn.slice(),
      sipOut: r.sipOut.slice(),
    });
  }
}
