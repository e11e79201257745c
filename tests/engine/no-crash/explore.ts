/**
 * Runs every case of the no-crash property test and collects the crashes, each shrunk to the
 * smallest config that shows it. Cases are first compiled alone (most odd constructs are refused
 * by the checker, which is fine); those that compile run together, many to a config, and a
 * config that crashes is shrunk, its culprits put aside and the rest run again, so one crash
 * cannot hide another. A case a run did not reach (an earlier one ended the route) runs again.
 */
import type { Case } from "./cases.js";
import { buildConfig, type Crash, caseAtLine, judge, oddMessages, runs, shrink } from "./harness.js";

/** Cases per simulated config, and per config only compiled. */
const BATCH = 120;
const COMPILE_BATCH = 32;

export interface Found {
  /** The cases that show it, fewest first (usually one). */
  cases: Case[];
  crash: Crash;
}

export interface Exploration {
  found: Found[];
  /** Cases compiled alone without error, and those of them that ran in a simulation. */
  compiled: number;
  ran: number;
  /** Runnable cases no run reached: the test's own failure to cover them. */
  unreached: Case[];
  configs: number;
}

/** The parameter a top-level line sets: `children` of `children=0`, `pike sampling_time_unit` of a modparam. */
function paramKey(top: string): string {
  const m = /^modparam\("([^"]*)", "([^"]*)"/.exec(top);
  return m ? `${m[1]} ${m[2]}` : (top.split("=")[0] as string);
}

export function explore(cases: readonly Case[]): Exploration {
  const found: Found[] = [];
  let configs = 0;
  // Compile a few cases together and put aside those the checker refuses (found by the lines of
  // its errors; a group whose errors name no case is split): far fewer compilations than one
  // per case, as the config's module prelude costs most of one.
  const accepted: Case[] = [];
  const groups: Case[][] = [];
  for (let i = 0; i < cases.length; i += COMPILE_BATCH) groups.push(cases.slice(i, i + COMPILE_BATCH));
  while (groups.length > 0) {
    const group = groups.shift() as Case[];
    const config = buildConfig(group);
    const o = judge(config, [], false);
    configs++;
    if ("crash" in o) {
      const small = group.length === 1 ? { cases: group, crash: o.crash } : shrink(group, o.crash);
      found.push(small);
      const rest = group.filter((c) => !small.cases.includes(c));
      if (rest.length) groups.push(rest);
    } else if ("refused" in o) {
      const refused = new Set(o.lines.map((l) => caseAtLine(config, group, l)));
      const rest = group.filter((_, i) => !refused.has(i));
      if (rest.length < group.length) {
        if (rest.length) groups.push(rest);
      } else if (group.length > 1) {
        const half = Math.ceil(group.length / 2);
        groups.push(group.slice(0, half), group.slice(half));
      }
    } else accepted.push(...group);
  }
  const compiled = accepted.length;
  const runnable = accepted.filter((c) => runs(c.slot));
  const raw = oddMessages();
  const queue: Case[][] = [];
  const plain = runnable.filter((c) => !c.blocking && !c.top);
  for (let i = 0; i < plain.length; i += BATCH) queue.push(plain.slice(i, i + BATCH));
  // A parameter set twice keeps its last value: each config sets a parameter at most once.
  const rounds: Case[][] = [];
  const seen = new Map<string, number>();
  for (const c of runnable.filter((c) => c.top)) {
    const key = paramKey(c.top as string);
    const round = seen.get(key) ?? 0;
    seen.set(key, round + 1);
    if (round === rounds.length) rounds.push([]);
    rounds[round]?.push(c);
  }
  for (const round of rounds) for (let i = 0; i < round.length; i += BATCH) queue.push(round.slice(i, i + BATCH));
  // A blocking call with an odd argument may keep its process busy past the run's end.
  for (const c of runnable.filter((c) => c.blocking)) queue.push([c]);
  const unreached: Case[] = [];
  let ran = 0;
  for (let turn = 0; queue.length > 0; turn++) {
    const group = queue.shift() as Case[];
    // Each config meets one of the odd requests, in turn, so every one meets many cases.
    const some = raw.length ? [raw[turn % raw.length] as string] : [];
    const o = judge(buildConfig(group), some, true);
    configs++;
    if ("crash" in o) {
      const small = shrink(group, o.crash);
      found.push(small);
      const rest = group.filter((c) => !small.cases.includes(c));
      if (rest.length === group.length) throw new Error(`shrinking lost the crash: ${o.crash.message}`);
      if (rest.length) queue.push(rest);
      continue;
    }
    if ("refused" in o) {
      // Cases that compile alone but not together: run them apart.
      if (group.length === 1) continue;
      const half = Math.ceil(group.length / 2);
      queue.push(group.slice(0, half), group.slice(half));
      continue;
    }
    // A parameter's case has run when its config has (max_recursive_level=0 keeps every route(C<n>) out).
    const missed = group.filter((c, i) => !o.ran.has(i) && !c.top);
    ran += group.length - missed.length;
    if (missed.length === 0) continue;
    if (missed.length < group.length) queue.push(missed);
    else if (group.length > 1) {
      const half = Math.ceil(group.length / 2);
      queue.push(group.slice(0, half), group.slice(half));
    } else unreached.push(...missed);
  }
  return { found, compiled, ran, unreached, configs };
}
