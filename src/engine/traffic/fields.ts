/**
 * Reading typed fields out of untrusted JSON while collecting errors. Each reader names the key
 * it reads in every error it reports and returns `undefined` for a value it could not accept,
 * so validation goes on and reports every problem of a file at once.
 */
import { keyPath, showPath, showUnknownKeyPath } from "./path.js";
import type { TrafficError } from "./types.js";

/** A JSON object, as `JSON.parse` makes them. */
export type JsonObject = Record<string, unknown>;

/** Bounds and default of a number field. */
export interface NumberRule {
  /** Used when the key is absent; without it the key is required. */
  def?: number;
  /** Smallest accepted value (inclusive). */
  min?: number;
  /** Values must be larger than this (exclusive). */
  above?: number;
  /** Largest accepted value (inclusive). */
  max?: number;
  /** Only whole numbers. */
  integer?: boolean;
}

/** The JSON type of a value, as people call it. */
function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return "a string";
  if (typeof v === "number") return "a number";
  if (typeof v === "boolean") return "a boolean";
  return typeof v;
}

/** Collects the errors of one validation. */
export class FieldReader {
  /** Every error so far, in the order found. */
  readonly errors: TrafficError[] = [];

  /** Reports an error at a path. */
  error(path: string, message: string): void {
    this.errors.push({ path: showPath(path), message });
  }

  /** The value as an object, or `undefined` after reporting that it is not one. */
  object(value: unknown, path: string): JsonObject | undefined {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as JsonObject;
    this.error(path, `must be an object, not ${jsonType(value)}`);
    return undefined;
  }

  /** Reports every key of `obj` that is not in `known`. */
  onlyKeys(obj: JsonObject, path: string, known: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      this.errors.push({ path: showUnknownKeyPath(path, key), message: `unknown key (known: ${known.join(", ")})` });
    }
  }

  /** Reads a number field. */
  number(obj: JsonObject, path: string, key: string, rule: NumberRule): number | undefined {
    const at = keyPath(path, key);
    const v = obj[key];
    if (v === undefined) return this.missing(at, rule.def);
    if (typeof v !== "number" || !Number.isFinite(v)) {
      this.error(at, `must be a number, not ${jsonType(v)}`);
      return undefined;
    }
    const problem = numberProblem(v, rule);
    if (problem) {
      this.error(at, `${problem} (got ${v})`);
      return undefined;
    }
    return v;
  }

  /** Reads a string field. */
  string(obj: JsonObject, path: string, key: string, def?: string): string | undefined {
    const at = keyPath(path, key);
    const v = obj[key];
    if (v === undefined) return this.missing(at, def);
    if (typeof v !== "string") {
      this.error(at, `must be a string, not ${jsonType(v)}`);
      return undefined;
    }
    return v;
  }

  /** Reads a boolean field. */
  boolean(obj: JsonObject, path: string, key: string, def: boolean): boolean | undefined {
    const v = obj[key];
    if (v === undefined) return def;
    if (typeof v !== "boolean") {
      this.error(keyPath(path, key), `must be true or false, not ${jsonType(v)}`);
      return undefined;
    }
    return v;
  }

  /** Reads a number field that may also be `null` (absent: `def`). */
  nullableNumber(
    obj: JsonObject,
    path: string,
    key: string,
    rule: NumberRule & { nullDef: number | null },
  ): number | null | undefined {
    if (obj[key] === null) return null;
    if (obj[key] === undefined) return rule.nullDef;
    return this.number(obj, path, key, rule);
  }

  /** Reads an optional list field; `undefined` when absent or not a list (reported). */
  list(obj: JsonObject, path: string, key: string, max: number): unknown[] | undefined {
    const v = obj[key];
    if (v === undefined) return undefined;
    const at = keyPath(path, key);
    if (!Array.isArray(v)) {
      this.error(at, `must be a list, not ${jsonType(v)}`);
      return undefined;
    }
    if (v.length > max) {
      this.error(at, `has ${v.length} entries; at most ${max} are allowed`);
      return undefined;
    }
    return v;
  }

  private missing<T>(at: string, def: T | undefined): T | undefined {
    if (def === undefined) this.error(at, "is required");
    return def;
  }
}

function numberProblem(v: number, rule: NumberRule): string | undefined {
  if (rule.integer && !Number.isInteger(v)) return "must be a whole number";
  if (rule.min !== undefined && v < rule.min) return `must be at least ${rule.min}`;
  if (rule.above !== undefined && v <= rule.above) return `must be more than ${rule.above}`;
  if (rule.max !== undefined && v > rule.max) return `must be at most ${rule.max}`;
  return undefined;
}
