/**
 * t_pick_branch() and get_prio() of modules/tm/t_reply.c (5.6.3): which final reply of a
 * transaction's branches goes upstream once none is open.
 */
import { type Cell, FAKED_REPLY } from "./cell.js";
import type { Tm } from "./tm.js";

/** get_prio() of t_reply.c: lower is better; 6xx first, then 3xx, 4xx (some 4xx first), 5xx. */
function prio(tm: Tm, code: number, faked: boolean): number {
  const cls = Math.floor(code / 100);
  const classPrio = [32000, 11000, 0, 3000, 4000, 5000, 1000];
  let p: number;
  if (cls < 7) {
    const xx = code % 100;
    const x4 = xx === 1 || xx === 7 || xx === 15 || xx === 20 || xx === 84 ? xx : 100 + xx;
    p = (classPrio[cls] as number) + (cls === 4 ? x4 : xx);
  } else p = 10000 + code;
  return faked ? p + tm.cfg.fakedReplyPrio : p;
}

/** t_pick_branch(): the best final reply, -2 while a branch is still open. */
export function pickBranch(tm: Tm, t: Cell, incBranch: number, incCode: number): { branch: number; code: number } {
  let bestB = -1;
  let bestS = 0;
  let bestFaked = false;
  for (const u of t.uacs) {
    const faked = u.reply === FAKED_REPLY;
    if (u.index === incBranch) {
      if (prio(tm, incCode, faked) < prio(tm, bestS, bestFaked)) {
        bestB = u.index;
        bestS = incCode;
        bestFaked = faked;
      }
      continue;
    }
    if (u.request.text === undefined && u.lastReceived >= 200) continue;
    if (u.lastReceived < 200) return { branch: -2, code: 0 };
    if (u.reply !== undefined && prio(tm, u.lastReceived, faked) < prio(tm, bestS, bestFaked)) {
      bestB = u.index;
      bestS = u.lastReceived;
      bestFaked = faked;
    }
  }
  return { branch: bestB, code: bestS };
}
