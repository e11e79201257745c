/**
 * Paths name a place in a traffic file: `streams[1].rate`, `endpoints["http://a/*"].status`.
 * The JSON scanner and the validator build them with the same two functions, so an error's path
 * finds its position in the text. The file itself is the empty path, shown as `(root)`.
 */

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The path of `key` inside the object at `parent`. */
export function keyPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** The path of element `index` of the array at `parent`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** The path as shown to people: the file itself is `(root)`. */
export function showPath(path: string): string {
  return path === "" ? "(root)" : path;
}

/** The path of an unknown key as shown: `(root).foo` at the top, else like `keyPath`. */
export function showUnknownKeyPath(parent: string, key: string): string {
  if (parent !== "") return keyPath(parent, key);
  return IDENTIFIER.test(key) ? `(root).${key}` : `(root)${keyPath("", key)}`;
}
