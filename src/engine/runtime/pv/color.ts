/**
 * `$C(xy)`: terminal colour escapes (docs/kamailio/xlog.md#colors). x = foreground, y = background, letters
 * x(default) s(black) r g y b p c w; an upper-case foreground is bold. Empty unless Kamailio
 * logs to stderr or xlog's force_color is set.
 */
import type { PvImpl } from "../env.js";
import { withName } from "./simple.js";

const CODES: Readonly<Record<string, number>> = { x: 9, s: 0, r: 1, g: 2, y: 3, b: 4, p: 5, c: 6, w: 7 };

/** The escape for a two-letter colour name, or undefined when the name is invalid. */
function colorEscape(name: string): string | undefined {
  if (name.length !== 2) return undefined;
  const fg = CODES[(name[0] as string).toLowerCase()];
  const bg = CODES[name[1] as string];
  if (fg === undefined || bg === undefined) return undefined;
  const bold = name[0] !== (name[0] as string).toLowerCase() ? 1 : 0;
  return `\x1b[${bold};${30 + fg};${40 + bg}m`;
}

export function createColorPv(enabled: boolean): PvImpl {
  return withName((name) => {
    const esc = enabled ? (colorEscape(name) ?? "") : "";
    return { get: () => esc };
  });
}
