/**
 * Each queue and timer keeps its own hue in every view: a class `hue-N` picked from its name
 * (panels.css gives each class a `--hue` for the light and the dark theme). The hues avoid the
 * colours that carry meanings (red alert, amber warning, green healthy).
 */

/** Hues in panels.css. */
const HUE_COUNT = 6;

/** `hue-N` for a name: the same name, the same hue, wherever it is drawn. */
export function hueClass(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return `hue-${h % HUE_COUNT}`;
}
