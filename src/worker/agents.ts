/**
 * The traffic file's agents for the Traffic panel: each one's registration, calls, link and
 * answer, kept from the engine's `agent` events (no engine object is read), and the rows that
 * changed since the last frame.
 */
import { type AgentEvent, answerLabel, type TrafficPlan } from "../engine/index.js";
import type { AgentCallView, AgentRow } from "../protocol/agents.js";

/** Calls a row lists by name; more are counted. */
const SHOWN_CALLS = 3;

const OVER = new Set(["ended", "failed", "cancelled"]);

interface AgentState {
  row: AgentRow;
  /** Calls not over, by Call-ID, oldest first. */
  live: Map<string, AgentCallView>;
}

export class AgentsModel {
  private readonly agents: AgentState[];
  private readonly byName = new Map<string, AgentState>();
  /** Agent names by their user (the first agent with it), to name a call's other end. */
  private readonly byUser = new Map<string, string>();
  private readonly changed = new Set<AgentState>();

  constructor(plan: TrafficPlan) {
    this.agents = plan.agents.map((a, index) => ({
      row: {
        index,
        name: a.name,
        address: `${a.address.ip}:${a.address.port}`,
        registration: "none",
        calls: [],
        more: 0,
        down: false,
        answer: answerLabel(a.answer),
      },
      live: new Map(),
    }));
    for (const s of this.agents) this.byName.set(s.row.name, s);
    for (const a of plan.agents) if (!this.byUser.has(a.user)) this.byUser.set(a.user, a.name);
  }

  add(e: AgentEvent): void {
    const s = this.byName.get(e.agent);
    if (!s) return;
    const row = s.row;
    switch (e.op) {
      case "register":
        row.registration = e.state ?? row.registration;
        row.expiresAt = e.expiresAt;
        break;
      case "link":
        row.down = e.down === true;
        break;
      case "answer":
        row.answer = e.answer ?? row.answer;
        break;
      case "call": {
        const call: AgentCallView = {
          peer: this.peerName(e.peer ?? ""),
          role: e.role ?? "caller",
          state: e.state ?? "calling",
          ...(e.code !== undefined ? { code: e.code } : {}),
        };
        const id = e.callId ?? "";
        if (OVER.has(call.state)) {
          s.live.delete(id);
          row.last = call;
        } else s.live.set(id, call);
        const live = [...s.live.values()];
        row.calls = live.slice(0, SHOWN_CALLS);
        row.more = live.length - row.calls.length;
        break;
      }
    }
    this.changed.add(s);
  }

  /** Every agent's row (for `loaded`). */
  all(): AgentRow[] {
    return this.agents.map((s) => ({ ...s.row }));
  }

  /** The rows that changed since the last call, in file order; undefined when none did. */
  take(): AgentRow[] | undefined {
    if (this.changed.size === 0) return undefined;
    const rows = [...this.changed].sort((a, b) => a.row.index - b.row.index).map((s) => ({ ...s.row }));
    this.changed.clear();
    return rows;
  }

  /** `sip:bob@192.0.2.1` → `bob` (the agent whose user it is), else the user part, else the URI. */
  private peerName(uri: string): string {
    const user = /^sips?:([^@;>]+)@/.exec(uri)?.[1];
    if (user === undefined) return uri;
    return this.byUser.get(user) ?? user;
  }
}
