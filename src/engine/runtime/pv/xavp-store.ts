/**
 * Extended AVPs as core/xavp.c keeps them: a list of named items, newest first, each holding a
 * value or a list of child items. Three lists per message: `$xavp`, `$xavu` (one value per
 * name) and `$xavi` (names compared case-insensitively); all are emptied after each message
 * (receive.c ksr_msg_env_reset(): xavp_reset_list() and its kin).
 */
import type { Value } from "../values.js";

export interface XavpItem {
  name: string;
  /** An int, a string, null, or the item's child list (SR_XTYPE_XAVP). */
  value: Value | XavpItem[];
}

/** The three lists of one message. */
export interface XavpLists {
  xavp: XavpItem[];
  xavu: XavpItem[];
  xavi: XavpItem[];
}

/** How names compare in a list: exactly (xavp, xavu) or case-insensitively (xavi). */
export type NameEq = (a: string, b: string) => boolean;

export const exactName: NameEq = (a, b) => a === b;
export const foldedName: NameEq = (a, b) => a.length === b.length && a.toLowerCase() === b.toLowerCase();

/** xavp_count(). */
export function xcount(list: readonly XavpItem[], name: string, eq: NameEq): number {
  let n = 0;
  for (const it of list) if (eq(it.name, name)) n++;
  return n;
}

/** Position in `list` of the idx-th item named `name` (xavp_get_internal()), or -1. */
export function xfind(list: readonly XavpItem[], name: string, idx: number, eq: NameEq): number {
  if (idx < 0) return -1;
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    if (!eq((list[i] as XavpItem).name, name)) continue;
    if (n === idx) return i;
    n++;
  }
  return -1;
}

/** xavp_get_by_index(). */
export function xget(list: readonly XavpItem[], name: string, idx: number, eq: NameEq): XavpItem | undefined {
  const i = xfind(list, name, idx, eq);
  return i < 0 ? undefined : list[i];
}

/** Every item named `name`, from the newest (xavp_get() then xavp_get_next()). */
export function xall(list: readonly XavpItem[], name: string, eq: NameEq): XavpItem[] {
  return list.filter((it) => eq(it.name, name));
}

/** xavp_add_value(): the new item goes first. */
export function xadd(list: XavpItem[], name: string, value: Value | XavpItem[]): void {
  list.unshift({ name, value });
}

/** xavp_set_value(): replaces the idx-th item in place; false when there is none. */
export function xset(list: XavpItem[], name: string, idx: number, value: Value, eq: NameEq): boolean {
  const i = xfind(list, name, idx, eq);
  if (i < 0) return false;
  list[i] = { name, value };
  return true;
}

/** xavp_rm_by_name() (first, or all) and xavp_rm_by_index() (a negative index removes nothing). */
export function xremove(list: XavpItem[], name: string, idx: number | "all", eq: NameEq): void {
  if (idx === "all") {
    for (let i = list.length - 1; i >= 0; i--) if (eq((list[i] as XavpItem).name, name)) list.splice(i, 1);
    return;
  }
  const i = xfind(list, name, idx, eq);
  if (i >= 0) list.splice(i, 1);
}

/** xavu_set_xval(): replaces the first item of that name where it stands, or adds one first. */
export function xuset(list: XavpItem[], name: string, value: Value | XavpItem[]): void {
  const i = xfind(list, name, 0, exactName);
  if (i < 0) xadd(list, name, value);
  else list[i] = { name, value };
}
