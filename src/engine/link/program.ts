/**
 * Builds the runnable program of one simulation: every route compiled into closures against
 * the module instances of that simulation (state lives in the instances, so a reset is a new
 * build). Pseudo-variables and functions resolve once, here; what kamsim cannot run becomes a
 * `not_simulated` diagnostic, never a silent no-op.
 */

import { InternalError } from "../base/errors.js";
import { lineColAt, type SourceFile, type Span } from "../base/source.js";
import type { EventOutput } from "../events.js";
import type { CheckedConfig } from "../lang/check/index.js";
import type { Diagnostic } from "../lang/diagnostics.js";
import type { PvSpec } from "../lang/pv-spec.js";
import { coreFunctions, corePvars } from "../modules/core/def.js";
import { coreActionImpls } from "../modules/core/runtime.js";
import type { ModuleInstance } from "../modules/runtime-types.js";
import { standInReturning, UNSIMULATED } from "../modules/unsimulated.js";
import { cfgtActionHook, cfgtRouteName } from "../runtime/cfgt/actions.js";
import type { CfgtTracer } from "../runtime/cfgt/tracer.js";
import type { CfgtVars } from "../runtime/cfgt/vars.js";
import type { ScriptContext } from "../runtime/context.js";
import type { CfgPos, CompileEnv, FunctionImpl, PvAccess, PvImpl, RouteCell } from "../runtime/env.js";
import { corePvImpls, definePvars } from "../runtime/pv/core.js";
import { stepActionHook, tracedFunction } from "../runtime/step-trace.js";
import { type Action, compileList, runActions } from "../runtime/stmt.js";
import { compileSteps, runSteps, stmtBlocks } from "../runtime/suspend.js";
import { compileTransform, runChain, type TransformEnv } from "../runtime/transformations/index.js";

/** A compiled route block. */
export interface CompiledRoutes {
  /** `route[NAME]` blocks by name. */
  named: Map<string, RouteCell>;
  request?: RouteCell;
  /** The core `onreply_route`/`reply_route` without a name: run for replies the core takes. */
  reply?: RouteCell;
  /** `event_route[...]` blocks by event name. */
  events: Map<string, RouteCell>;
  /** tm's routes by name: `failure_route[...]`, named `onreply_route[...]`, `branch_route[...]`. */
  failure: Map<string, RouteCell>;
  onreply: Map<string, RouteCell>;
  branch: Map<string, RouteCell>;
}

export interface ProgramBuild {
  routes: CompiledRoutes;
  diagnostics: Diagnostic[];
  /** The environment the routes were compiled in (for formats compiled later, e.g. log_prefix). */
  env: CompileEnv;
}

/** A route event, when the observer wants them; a route entered, when it keeps figures. */
function routeEvent(ctx: ScriptContext, route: string, phase: "enter" | "exit", rc?: number): void {
  const k = ctx.sv.kernel;
  if (k.wants.route)
    k.emit({ kind: "route", t: ctx.start + ctx.cost, proc: ctx.proc.index, route, phase, req: ctx.req, rc });
  if (phase === "enter") k.figures?.routeEntered(ctx.start + ctx.cost, route);
}

/** Wraps a route body with the bookkeeping every run needs: the route name and route events. */
function makeRun(name: string, actions: Action[]): (ctx: ScriptContext) => number {
  return (ctx) => {
    const prev = ctx.route;
    ctx.route = name;
    routeEvent(ctx, name, "enter");
    const r = runActions(ctx, actions);
    routeEvent(ctx, name, "exit", r);
    ctx.route = prev;
    return r;
  };
}

/** The coroutine form of makeRun, for routes that may block. */
function makeGen(
  name: string,
  steps: ReturnType<typeof compileSteps>,
): (ctx: ScriptContext) => Generator<void, number, void> {
  return function* (ctx) {
    const prev = ctx.route;
    ctx.route = name;
    routeEvent(ctx, name, "enter");
    const r = yield* runSteps(ctx, steps);
    routeEvent(ctx, name, "exit", r);
    ctx.route = prev;
    return r;
  };
}

export function buildProgram(
  checked: CheckedConfig,
  files: readonly SourceFile[],
  instances: ReadonlyMap<string, ModuleInstance>,
  options: {
    forceSuspend?: boolean;
    defines?: ReadonlyMap<string, string>;
    listen?: { readonly ip: string; readonly port: number };
    /** A cfgt trace: every PV compiled goes into `vars`, every action tells `tracer`. */
    cfgt?: { tracer: CfgtTracer; vars: CfgtVars };
    /** Where `step` events go, when wanted (runtime/step-trace.ts); absent: no step hook is compiled. */
    steps?: EventOutput;
  } = {},
): ProgramBuild {
  const forceSuspend = options.forceSuspend === true;
  const diagnostics: Diagnostic[] = [];
  const warned = new Set<string>();
  const notSimulated = (what: string, message: string, span: Span) => {
    if (warned.has(what)) return;
    warned.add(what);
    diagnostics.push({ code: "not_simulated", severity: "warning", message, span });
  };
  const pvImpls = new Map<string, PvImpl>(Object.entries(corePvImpls));
  for (const [n, impl] of Object.entries(definePvars(options.defines ?? new Map()))) pvImpls.set(n, impl);
  /** A catalogued PV Kamailio lets the script assign: kamsim must take the assignment, never fail. */
  const writable = (name: string): boolean =>
    corePvars[name]?.writable === true || checked.modules.some((m) => m.def?.pvars?.[name]?.writable === true);
  const fnImpls = new Map<string, FunctionImpl>(Object.entries(coreActionImpls));
  for (const inst of instances.values()) {
    for (const [n, impl] of Object.entries(inst.pvars ?? {})) pvImpls.set(n, impl);
    for (const [n, impl] of Object.entries(inst.functions ?? {})) if (!fnImpls.has(n)) fnImpls.set(n, impl);
  }
  const named = new Map<string, RouteCell>();
  const varSlots = new Map<string, number>();
  /** Named routes that may block, found by a fixpoint over route() calls. */
  const blockingRoutes = new Set<string>();
  for (const name of checked.routes.get("route")?.keys() ?? []) named.set(name, { name });
  /**
   * The reference with its transformations applied (the checker warns of those kamsim lacks).
   * A transformation given `<null>`, or failing, leaves the reference without a value.
   */
  const withTransforms = (access: PvAccess, spec: PvSpec, span: Span): PvAccess => {
    if (spec.transforms.length === 0) return access;
    const trEnv: TransformEnv = {
      pv(param) {
        const a = env.pv(param, span);
        return (ctx) => a.get(ctx);
      },
      line: env.actionLine ?? env.pos(span).line,
    };
    const chain = spec.transforms.flatMap((body) => compileTransform(body, trEnv) ?? []);
    if (chain.length === 0) return access;
    return { get: (ctx) => runChain(chain, access.get(ctx), ctx) };
  };
  const env: CompileEnv = {
    files,
    pv(spec: PvSpec, span: Span): PvAccess {
      const impl = pvImpls.get(spec.name);
      if (impl) return withTransforms(impl.compile(spec, env), spec, span);
      if (writable(spec.name)) {
        notSimulated(
          `$${spec.name}`,
          `$${spec.name} is not simulated by kamsim: it reads as <null> and assignments to it are ignored`,
          span,
        );
        return { get: () => null, set: () => true };
      }
      notSimulated(`$${spec.name}`, `$${spec.name} is not simulated by kamsim: it reads as <null>`, span);
      return { get: () => null };
    },
    fn(name: string, argc: number): FunctionImpl | undefined {
      return fnImpls.get(name) ?? standIn(checked, name, argc);
    },
    route: (name) => named.get(name),
    pos: (span) => posOf(files, span),
    fileOf: (span) => files[span.file]?.name ?? "",
    fixupError(message, span) {
      diagnostics.push({ code: "fixup_failed", severity: "error", message, span });
    },
    forceSuspend,
    listen: options.listen,
    blocks(call) {
      if (forceSuspend) return true;
      if (call.kind === "CallExpr") return fnImpls.get(call.name)?.blocking === true;
      return typeof call.target === "string" ? blockingRoutes.has(call.target) : blockingRoutes.size > 0;
    },
    varSlot(name) {
      let slot = varSlots.get(name);
      if (slot === undefined) {
        slot = varSlots.size;
        varSlots.set(name, slot);
      }
      return slot;
    },
  };
  /** The `rname` of the block compiling now, for a cfgt trace. */
  let cfgtRoute = "";
  const cfgt = options.cfgt;
  if (cfgt) {
    // Every PV compiled is one Kamailio's PV cache holds (cfgt lists them); every action tells cfgt.
    const pv = env.pv;
    env.pv = (spec, span) => {
      const access = pv(spec, span);
      cfgt.vars.add(spec, access);
      return access;
    };
    env.traceAction = cfgtActionHook(cfgt.tracer, () => cfgtRoute);
  }
  /** The kamsim name of the block compiling now, for `step` events. */
  let stepRoute = "";
  const steps = options.steps;
  if (steps) {
    env.traceAction = stepActionHook(steps, env, () => stepRoute, env.traceAction);
    const fn = env.fn;
    env.fn = (name, argc) => {
      const impl = fn(name, argc);
      return impl && tracedFunction(steps, impl, !fnImpls.has(name), () => stepRoute);
    };
  }
  const blocks = checked.config.items.filter((i) => i.kind === "RouteBlock");
  for (let changed = true; changed; ) {
    changed = false;
    for (const b of blocks) {
      if (b.routeKind !== "route" || b.name === undefined || blockingRoutes.has(b.name)) continue;
      if (stmtBlocks(b.body, env)) {
        blockingRoutes.add(b.name);
        changed = true;
      }
    }
  }
  const routes: CompiledRoutes = {
    named,
    events: new Map(),
    failure: new Map(),
    onreply: new Map(),
    branch: new Map(),
  };
  for (const item of blocks) {
    const name =
      item.routeKind === "route"
        ? (item.name as string)
        : item.routeKind === "event"
          ? `event_route[${item.name}]`
          : item.routeKind === "reply"
            ? "onreply_route"
            : item.routeKind === "failure" || item.routeKind === "branch" || item.routeKind === "onreply"
              ? `${item.routeKind === "onreply" ? "onreply" : item.routeKind}_route[${item.name}]`
              : "request_route";
    const cell: RouteCell = { name };
    cfgtRoute = cfgtRouteName(item);
    stepRoute = name;
    if (stmtBlocks(item.body, env)) cell.gen = makeGen(name, compileSteps(item.body.stmts, env));
    else cell.run = makeRun(name, compileList(item.body.stmts, env));
    if (item.routeKind === "route" && item.name !== undefined) {
      const shared = named.get(item.name) as RouteCell;
      if (!shared.run && !shared.gen) Object.assign(shared, cell);
    } else if (item.routeKind === "request") {
      routes.request ??= cell;
    } else if (item.routeKind === "reply") {
      routes.reply ??= cell;
    } else if (item.routeKind === "event" && item.name !== undefined) {
      routes.events.set(item.name, cell);
    } else if (
      (item.routeKind === "failure" || item.routeKind === "onreply" || item.routeKind === "branch") &&
      item.name !== undefined &&
      !routes[item.routeKind].has(item.name)
    ) {
      routes[item.routeKind].set(item.name, cell);
    }
  }
  return { routes, diagnostics, env };
}

/**
 * What runs for a call without behaviour: the declared stand-in of a function kamsim does not
 * simulate (the checker has warned at the call), or of any function of a loaded module kamsim
 * knows by name only. A function declared simulated always has behaviour — `defineRuntime` and
 * the core's table make a missing one a type error — so meeting one here is a bug in kamsim,
 * never a silent no-op.
 */
function standIn(checked: CheckedConfig, name: string, argc: number): FunctionImpl | undefined {
  const core = coreFunctions[name];
  if (core?.arity.includes(argc)) {
    if (core.simulated === false) return core.standIn ? standInReturning(core.standIn.returns) : UNSIMULATED;
    throw new InternalError(`core function ${name} is declared simulated but has no behaviour`);
  }
  for (const m of checked.modules) {
    const f = m.def?.functions[name];
    if (!m.def || !f) continue;
    if ((f.simulated ?? m.def.simulated) === false)
      return f.standIn ? standInReturning(f.standIn.returns) : UNSIMULATED;
    throw new InternalError(`${m.name}: ${name} is declared simulated but has no behaviour`);
  }
  return checked.modules.some((m) => !m.def) ? UNSIMULATED : undefined;
}

/** Kamailio's (line, col) of a span: start, and the last character for the end. */
function posOf(files: readonly SourceFile[], span: Span): CfgPos {
  const f = files[span.file] ?? { name: "", text: "" };
  const a = lineColAt(f, span.start);
  const b = lineColAt(f, Math.max(span.start, span.end - 1));
  return { line: a.line, col: a.col, endLine: b.line, endCol: b.col };
}
