/**
 * `-D NAME[=VALUE]` defines as the command line and the playground's defines box write them: one
 * set of rules and one wording for both (cli/args.ts, src/ui/editor/DefinesBox.tsx).
 *
 * Kamailio 5.6 takes such defines with `-A NAME[=VALUE]` (src/main.c: pp_define() with the text
 * before '=', pp_define_set() with the rest) and accepts any name. kamsim refuses a name that no
 * `#!ifdef` could test — an empty one (`-D=X`) or one with other characters than letters, digits
 * and '_', the characters of a `#!define`'s name (core/cfg.lex) — since it is always a mistake.
 */

/** One define, or what is wrong with it. */
export type DefineArg = { name: string; value: string } | { error: string };

const NAME = /^[A-Za-z0-9_]+$/;

/** Reads the text after `-D` (undefined or "": nothing followed it). */
export function parseDefineArg(def: string | undefined): DefineArg {
  if (!def) return { error: "-D needs NAME[=VALUE]" };
  const eq = def.indexOf("=");
  const name = eq < 0 ? def : def.slice(0, eq);
  if (eq === 0) return { error: `-D needs NAME[=VALUE], not '${def}' (no name before '=')` };
  if (!NAME.test(name))
    return {
      error: `-D needs NAME[=VALUE], not '${def}' (a name is letters, digits and '_': #!ifdef could never test '${name}')`,
    };
  return { name, value: eq < 0 ? "" : def.slice(eq + 1) };
}

/** The defines of a box's text, and what is wrong with the first entry that is not one. */
export interface DefinesText {
  /** The well-formed entries, in order (a later one wins, as with -D). */
  defines: Record<string, string>;
  error?: string;
}

/**
 * Reads the defines box: entries separated by white space, each `NAME[=VALUE]`, `-D NAME[=VALUE]`
 * or `-DNAME[=VALUE]` (so `WITH_ANTIFLOOD WITH_DEBUG` and `-D WITH_ANTIFLOOD -D X=1` both work).
 * A value cannot hold white space here (the command line's can).
 */
export function parseDefinesText(text: string): DefinesText {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const defines: Record<string, string> = {};
  let error: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    let def: DefineArg;
    if (w === "-D") def = parseDefineArg(words[++i]);
    else if (w.startsWith("-D")) def = parseDefineArg(w.slice(2));
    else if (w.startsWith("-")) def = { error: `unknown option ${w}: write NAME[=VALUE] or -D NAME[=VALUE]` };
    else def = parseDefineArg(w);
    if ("error" in def) error ??= def.error;
    else defines[def.name] = def.value;
  }
  return error === undefined ? { defines } : { defines, error };
}
