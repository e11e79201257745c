/**
 * Message flag names declared by `flags NAME[:POS], ...` (core/cfg.y flags_decl, register_flag()
 * in core/flags.c): a name without a position takes the first free flag from a cursor that only
 * moves forward, a position may be shared (Kamailio warns), a name may be declared once and a
 * position is 0..31. `setflag(NAME)` needs the name declared earlier in the file: the parser
 * resolves it to its number right away (docs/kamailio/language.md#flags).
 */
import type { FlagsDecl } from "../ast.js";
import type { DiagnosticBag } from "../diagnostics.js";

const MAX_FLAG = 31;

export class FlagTable {
  private readonly byName = new Map<string, { pos: number; item: number }>();
  private readonly used = new Array<number>(MAX_FLAG + 1).fill(0);
  /** register_flag()'s static `crt_flag`. */
  private cursor = 0;

  /** Registers a declaration, the `item`-th top-level item of the config. */
  declare(decl: FlagsDecl, item: number, diags: DiagnosticBag): void {
    for (const f of decl.flags) {
      let pos = f.pos ?? -1;
      let why: string | undefined;
      if (this.byName.has(f.name)) why = `flag ${f.name} already registered`;
      else if (pos !== -1 && (pos < 0 || pos > MAX_FLAG)) why = `invalid flag ${f.name} position(${pos})`;
      else if (pos === -1) {
        for (let n = 0; n <= MAX_FLAG; n++, this.cursor++) {
          const r = this.cursor % (MAX_FLAG + 1);
          if (this.used[r] === 0) {
            pos = r;
            break;
          }
        }
        if (pos === -1) why = `could not register ${f.name} - too many flags`;
      }
      if (why) {
        diags.error("bad_flag", `${why}: register flag failed`, f.span);
        continue;
      }
      this.used[pos] = (this.used[pos] ?? 0) + 1;
      this.byName.set(f.name, { pos, item });
    }
  }

  /** The number of a flag name declared before the `item`-th top-level item, if any. */
  lookup(name: string, item: number): number | undefined {
    const f = this.byName.get(name);
    return f !== undefined && f.item < item ? f.pos : undefined;
  }
}
