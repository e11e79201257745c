/**
 * Validation of the traffic file's `agents`: every key checked and named in its errors
 * (`agents[1].calls[0].at`), defaults filled (see `TrafficAgent`), seconds turned into
 * microseconds. A call's or request's `to` must name an agent of the file or be a SIP URI; names
 * and addresses are unique.
 */
import { parseIPv4 } from "../base/ip.js";
import { type Micros, seconds } from "../base/time.js";
import type { HostPort } from "../runtime/sip-net.js";
import type {
  PlannedAction,
  PlannedAgent,
  PlannedAnswer,
  PlannedCall,
  PlannedRegister,
  PlannedRequest,
  PlannedTarget,
} from "../world/agents/plan.js";
import { AGENT_DEFAULTS, REASONS } from "../world/agents/plan.js";
import type { FieldReader, JsonObject } from "./fields.js";
import { MAX_AGENT_CALLS, MAX_AGENT_ENTRIES, MAX_AGENTS, MAX_COST_S, MAX_DURATION_S, MAX_SIP_TEXT } from "./limits.js";
import { indexPath, keyPath } from "./path.js";

const AGENT_KEYS = [
  "name",
  "address",
  "user",
  "domain",
  "register",
  "calls",
  "requests",
  "answer",
  "retransmit",
  "t1",
  "t2",
  "loss",
  "latency",
  "actions",
] as const;
const REGISTER_KEYS = ["at", "expires", "refresh", "unregister_at"] as const;
const CALL_KEYS = ["at", "to", "hold", "cancel", "reinvite", "count", "every"] as const;
const REQUEST_KEYS = ["at", "method", "to", "body"] as const;
const ANSWER_KEYS = ["trying", "ring", "after", "code", "bye", "contact"] as const;
const ACTION_KEYS = ["at", "do", "to", "hold", "answer"] as const;
/** Which keys each kind of action takes besides `at` and `do`. */
const ACTION_TAKES: Record<PlannedAction["do"], readonly string[]> = {
  call: ["to", "hold"],
  down: [],
  up: [],
  answer: ["answer"],
};

const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
/** RFC 3261's user part, unescaped characters only (25.1 `user`). */
const USER = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/]{1,64}$/;
const DOMAIN = /^[A-Za-z0-9.-]{1,253}(?::\d{1,5})?$/;
const URI = /^sips?:[^\s<>"]+$/i;
/** Longest expires a REGISTER may ask for (Kamailio's registrar reads it as a 32-bit int). */
const MAX_EXPIRES = 0x7fffffff;
/** Delays (hold, cancel...) and timers: at most the longest run. */
const TIME = { min: 0, max: MAX_DURATION_S };

/** Reads `agents`; `undefined` when it has errors (all reported), `[]` when absent. */
export function readAgents(r: FieldReader, root: JsonObject, proxy?: HostPort): PlannedAgent[] | undefined {
  const list = r.list(root, "", "agents", MAX_AGENTS);
  if (!list) return root.agents === undefined ? [] : undefined;
  const before = r.errors.length;
  // Names first: a call may name an agent that comes later in the file.
  const names = new Map<string, string>();
  for (const a of list)
    if (isObject(a) && typeof a.name === "string" && NAME.test(a.name) && !names.has(a.name))
      names.set(a.name, typeof a.user === "string" ? a.user : a.name);
  const ctx: AgentContext = { names, seenNames: new Map(), seenAddresses: new Map(), calls: 0, proxy };
  const agents = list.map((a, i) => readAgent(r, a, i, ctx));
  if (ctx.calls > MAX_AGENT_CALLS)
    r.error("agents", `plans ${ctx.calls} calls; at most ${MAX_AGENT_CALLS} are allowed (lower a count)`);
  return r.errors.length > before ? undefined : (agents as PlannedAgent[]);
}

interface AgentContext {
  /** Every well-formed agent name of the file, with its user. */
  names: Map<string, string>;
  /** Names and addresses read so far, with the index of the agent that has them. */
  seenNames: Map<string, number>;
  seenAddresses: Map<string, number>;
  /** Calls planned so far (counts included). */
  calls: number;
  /** The proxy's socket, when known: no agent may live there. */
  proxy: HostPort | undefined;
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function readAgent(r: FieldReader, value: unknown, index: number, ctx: AgentContext): PlannedAgent | undefined {
  const path = indexPath("agents", index);
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, AGENT_KEYS);
  const name = r.string(o, path, "name");
  if (name !== undefined) {
    if (!NAME.test(name)) r.error(keyPath(path, "name"), "must be 1 to 64 letters, digits, '_', '-' or '.'");
    else if (ctx.seenNames.has(name))
      r.error(keyPath(path, "name"), `"${name}" is already the name of agents[${ctx.seenNames.get(name)}]`);
    else ctx.seenNames.set(name, index);
  }
  const address = readAddress(r, o, path, index, ctx);
  const user = r.string(o, path, "user", name);
  if (user !== undefined && !USER.test(user))
    r.error(keyPath(path, "user"), "must be a SIP user part: 1 to 64 letters, digits or -_.!~*'()&=+$,;?/");
  const domain = r.string(o, path, "domain", "");
  if (domain && !DOMAIN.test(domain))
    r.error(keyPath(path, "domain"), "must be a host name or IPv4 address, with an optional :port");
  const register = o.register === undefined ? null : readRegister(r, o.register, keyPath(path, "register"));
  const calls = (r.list(o, path, "calls", MAX_AGENT_ENTRIES) ?? []).map((c, i) =>
    readCall(r, c, indexPath(keyPath(path, "calls"), i), ctx),
  );
  const requests = (r.list(o, path, "requests", MAX_AGENT_ENTRIES) ?? []).map((q, i) =>
    readRequest(r, q, indexPath(keyPath(path, "requests"), i), ctx),
  );
  const answer = readAnswer(r, o.answer, keyPath(path, "answer"));
  const retransmit = r.boolean(o, path, "retransmit", true);
  const t1 = r.number(o, path, "t1", { def: AGENT_DEFAULTS.t1S, above: 0, max: 60 });
  const t2 = r.number(o, path, "t2", { def: Math.max(AGENT_DEFAULTS.t2S, t1 ?? 0), above: 0, max: 600 });
  if (t1 !== undefined && t2 !== undefined && t2 < t1) r.error(keyPath(path, "t2"), `must be at least t1 (${t1})`);
  const loss = r.number(o, path, "loss", { def: 0, min: 0, max: 1 });
  const latency = r.number(o, path, "latency", { def: 0, min: 0, max: MAX_COST_S });
  const actions = (r.list(o, path, "actions", MAX_AGENT_ENTRIES) ?? []).map((x, i) =>
    readAction(r, x, indexPath(keyPath(path, "actions"), i), ctx),
  );
  if (r.errors.length > before) return undefined;
  return {
    name: name as string,
    address: address as PlannedAgent["address"],
    user: user as string,
    domain: domain || null,
    register: register as PlannedRegister | null,
    calls: calls as PlannedCall[],
    requests: requests as PlannedRequest[],
    answer: answer as PlannedAnswer,
    retransmit: retransmit as boolean,
    t1: seconds(t1 as number),
    t2: seconds(t2 as number),
    loss: loss as number,
    latency: seconds(latency as number),
    actions: actions as PlannedAction[],
  };
}

/** An action at a moment (`TrafficAgentAction`): only the keys its kind takes. */
function readAction(r: FieldReader, value: unknown, path: string, ctx: AgentContext): PlannedAction | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, ACTION_KEYS);
  const at = time(r, o, path, "at");
  const what = r.string(o, path, "do");
  if (what === undefined) return undefined;
  if (!Object.hasOwn(ACTION_TAKES, what)) {
    r.error(keyPath(path, "do"), `must be "call", "down", "up" or "answer" (got "${what}")`);
    return undefined;
  }
  const kind = what as PlannedAction["do"];
  const takes = ACTION_TAKES[kind];
  for (const key of ["to", "hold", "answer"])
    if (o[key] !== undefined && !takes.includes(key)) r.error(keyPath(path, key), `is not used by "do": "${kind}"`);
  let action: PlannedAction | undefined;
  if (kind === "call") {
    const to = readTarget(r, o, path, ctx, true);
    const hold = delay(r, o, path, "hold");
    ctx.calls++;
    if (to && hold !== undefined && at !== undefined)
      action = {
        at,
        do: "call",
        call: { at, to, hold, cancel: null, reinvite: null, every: 0, count: 1 },
      };
  } else if (kind === "answer") {
    if (o.answer === undefined) r.error(keyPath(path, "answer"), `is required with "do": "answer"`);
    else {
      const answer = readAnswer(r, o.answer, keyPath(path, "answer"));
      if (answer && at !== undefined) action = { at, do: "answer", answer };
    }
  } else if (at !== undefined) action = { at, do: kind };
  return r.errors.length > before ? undefined : action;
}

function readAddress(
  r: FieldReader,
  o: JsonObject,
  path: string,
  index: number,
  ctx: AgentContext,
): PlannedAgent["address"] | undefined {
  const text = r.string(o, path, "address");
  if (text === undefined) return undefined;
  const at = keyPath(path, "address");
  const m = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?$/.exec(text);
  const port = m?.[2] === undefined ? AGENT_DEFAULTS.port : Number(m[2]);
  // Leading zeros are refused: some tools read them as octal.
  if (!m || parseIPv4(m[1] as string) === undefined || /(^|\.)0\d/.test(m[1] as string) || port < 1 || port > 65535) {
    r.error(at, `must be an IPv4 address with an optional :port (1…65535), like 192.0.2.10:5060 (got "${text}")`);
    return undefined;
  }
  const key = `${m[1]}:${port}`;
  if (ctx.proxy && ctx.proxy.ip === m[1] && ctx.proxy.port === port) {
    r.error(at, `${key} is the proxy's own socket; an agent there could never receive anything`);
    return undefined;
  }
  const other = ctx.seenAddresses.get(key);
  if (other !== undefined) {
    r.error(at, `${key} is already the address of agents[${other}]`);
    return undefined;
  }
  ctx.seenAddresses.set(key, index);
  return { ip: m[1] as string, port };
}

function time(r: FieldReader, o: JsonObject, path: string, key: string, def?: number): Micros | undefined {
  const v = r.number(o, path, key, { ...TIME, def });
  return v === undefined ? undefined : seconds(v);
}

/** A delay that may be `null` (never); absent: never. */
function delay(
  r: FieldReader,
  o: JsonObject,
  path: string,
  key: string,
  def: number | null = null,
): Micros | null | undefined {
  const v = r.nullableNumber(o, path, key, { ...TIME, nullDef: def });
  return v === undefined || v === null ? v : seconds(v);
}

function readRegister(r: FieldReader, value: unknown, path: string): PlannedRegister | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, REGISTER_KEYS);
  const at = time(r, o, path, "at", 0);
  const expires = r.number(o, path, "expires", {
    def: AGENT_DEFAULTS.expires,
    integer: true,
    min: 0,
    max: MAX_EXPIRES,
  });
  const refresh = r.boolean(o, path, "refresh", true);
  const unregisterAt = o.unregister_at === undefined ? null : time(r, o, path, "unregister_at");
  if (at !== undefined && typeof unregisterAt === "number" && unregisterAt < at)
    r.error(keyPath(path, "unregister_at"), `must not come before "at" (${at / 1e6})`);
  if (r.errors.length > before) return undefined;
  return {
    at: at as Micros,
    expires: expires as number,
    refresh: refresh as boolean,
    unregisterAt: unregisterAt as Micros | null,
  };
}

/** `to`: an agent's name (→ its user) or a SIP URI. */
function readTarget(
  r: FieldReader,
  o: JsonObject,
  path: string,
  ctx: AgentContext,
  required: boolean,
): PlannedTarget | null | undefined {
  if (o.to === undefined && !required) return null;
  const to = r.string(o, path, "to");
  if (to === undefined) return undefined;
  if (URI.test(to)) return { uri: to };
  const user = ctx.names.get(to);
  if (user === undefined) {
    r.error(keyPath(path, "to"), `"${to}" is no agent of this file (give an agent's name or a sip: URI)`);
    return undefined;
  }
  return { user };
}

function readCall(r: FieldReader, value: unknown, path: string, ctx: AgentContext): PlannedCall | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, CALL_KEYS);
  const at = time(r, o, path, "at");
  const to = readTarget(r, o, path, ctx, true);
  const hold = delay(r, o, path, "hold");
  const cancel = delay(r, o, path, "cancel");
  const reinvite = delay(r, o, path, "reinvite");
  const count = r.number(o, path, "count", { def: 1, integer: true, min: 1, max: MAX_AGENT_CALLS });
  const every = r.number(o, path, "every", { def: 0, min: 0, max: MAX_DURATION_S });
  if (count !== undefined && count > 1 && every !== undefined && every <= 0)
    r.error(keyPath(path, "every"), "must be more than 0 when count is more than 1");
  ctx.calls += count ?? 1;
  if (r.errors.length > before) return undefined;
  return {
    at: at as Micros,
    to: to as PlannedTarget,
    hold: hold as Micros | null,
    cancel: cancel as Micros | null,
    reinvite: reinvite as Micros | null,
    every: seconds(every as number),
    count: count as number,
  };
}

function readRequest(r: FieldReader, value: unknown, path: string, ctx: AgentContext): PlannedRequest | undefined {
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, REQUEST_KEYS);
  const at = time(r, o, path, "at");
  const method = r.string(o, path, "method", "OPTIONS");
  if (method !== undefined && method !== "OPTIONS" && method !== "MESSAGE")
    r.error(keyPath(path, "method"), `must be OPTIONS or MESSAGE (got "${method}")`);
  const to = readTarget(r, o, path, ctx, false);
  const body = r.string(o, path, "body", method === "MESSAGE" ? AGENT_DEFAULTS.messageBody : "");
  if (body !== undefined && body.length > MAX_SIP_TEXT) r.error(keyPath(path, "body"), "is too long");
  if (r.errors.length > before) return undefined;
  return {
    at: at as Micros,
    method: method as "OPTIONS" | "MESSAGE",
    to: to as PlannedTarget | null,
    body: body as string,
  };
}

function readAnswer(r: FieldReader, value: unknown, path: string): PlannedAnswer | undefined {
  const defaults = {
    down: false as const,
    trying: false,
    ring: 0,
    after: seconds(AGENT_DEFAULTS.afterS),
    code: AGENT_DEFAULTS.code,
    bye: null,
    contact: null,
  };
  if (value === undefined) return defaults;
  if (value === "down") return { down: true };
  if (value === "never") return { ...defaults, after: null };
  if (typeof value === "string") {
    r.error(path, `must be "down", "never" or an object (got "${value}")`);
    return undefined;
  }
  const o = r.object(value, path);
  if (!o) return undefined;
  const before = r.errors.length;
  r.onlyKeys(o, path, ANSWER_KEYS);
  const trying = r.boolean(o, path, "trying", false);
  const ring = delay(r, o, path, "ring", AGENT_DEFAULTS.ringS);
  const after = delay(r, o, path, "after", AGENT_DEFAULTS.afterS);
  const code = r.number(o, path, "code", { def: AGENT_DEFAULTS.code, integer: true, min: 200, max: 699 });
  if (code !== undefined && (!REASONS.has(code) || (code >= 201 && code < 300)))
    r.error(
      keyPath(path, "code"),
      `${code} is not a final code an agent answers with (200, or 3xx–6xx such as ${finalCodes()})`,
    );
  const bye = delay(r, o, path, "bye");
  const contact = o.contact === undefined || o.contact === null ? null : r.string(o, path, "contact");
  if (typeof contact === "string" && !URI.test(contact))
    r.error(keyPath(path, "contact"), `must be a sip: URI (got "${contact}")`);
  if (typeof contact === "string" && code !== undefined && (code < 300 || code >= 400))
    r.error(keyPath(path, "contact"), `is the Contact of a 3xx redirect; code is ${code}`);
  if (typeof ring === "number" && typeof after === "number" && ring > after)
    r.error(keyPath(path, "ring"), `must not come after "after" (${after / 1e6})`);
  if (bye !== null && bye !== undefined && code !== undefined && code !== 200)
    r.error(keyPath(path, "bye"), `needs code 200 (a ${code} makes no call to hang up)`);
  if (r.errors.length > before) return undefined;
  return {
    down: false,
    trying: trying as boolean,
    ring: ring as Micros | null,
    after: after as Micros | null,
    code: code as number,
    bye: bye as Micros | null,
    contact: contact as string | null,
  };
}

function finalCodes(): string {
  return [...REASONS.keys()].filter((c) => c >= 300).join(", ");
}
