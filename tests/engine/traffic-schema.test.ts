/**
 * traffic.json's JSON Schema (scripts/vite/traffic-schema.ts), which gives the editor's
 * completion and hover in traffic.json, is derived from the engine's types: at every level its
 * keys are exactly those the validator accepts (read from the validator's own "unknown key
 * (known: …)" error), enums are the types' string literals, and every key has a one-line doc.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type JsonSchema, trafficJsonSchema } from "../../scripts/vite/traffic-schema.js";
import { validateTraffic } from "../../src/engine/index.js";

const TYPES = readFileSync(join(import.meta.dirname, "..", "..", "src", "engine", "traffic", "types.ts"), "utf8");
const schema = trafficJsonSchema(TYPES);

const UNKNOWN = "zz_not_a_key";
const agent = { name: "alice", address: "192.0.2.10" };

/** Each object of a traffic file: how to put an unknown key there, and where its schema is. */
const LEVELS: [string, (x: Record<string, unknown>) => unknown, (s: JsonSchema) => JsonSchema | undefined][] = [
  ["root", (x) => x, (s) => s],
  ["streams[]", (x) => ({ streams: [{ src: "192.0.2.1", rate: 1, ...x }] }), (s) => s.properties?.streams?.items],
  [
    "messages[]",
    (x) => ({ messages: [{ at: 0, src: "192.0.2.1", raw: "", ...x }] }),
    (s) => s.properties?.messages?.items,
  ],
  ["server", (x) => ({ server: x }), (s) => s.properties?.server],
  [
    "endpoints{}",
    (x) => ({ endpoints: { "http://a/*": x } }),
    (s) => s.properties?.endpoints?.additionalProperties as JsonSchema,
  ],
  ["agents[]", (x) => ({ agents: [{ ...agent, ...x }] }), (s) => s.properties?.agents?.items],
  [
    "register",
    (x) => ({ agents: [{ ...agent, register: x }] }),
    (s) => s.properties?.agents?.items?.properties?.register,
  ],
  [
    "calls[]",
    (x) => ({ agents: [{ ...agent, calls: [{ at: 0, to: "bob", ...x }] }] }),
    (s) => s.properties?.agents?.items?.properties?.calls?.items,
  ],
  [
    "requests[]",
    (x) => ({ agents: [{ ...agent, requests: [{ at: 0, ...x }] }] }),
    (s) => s.properties?.agents?.items?.properties?.requests?.items,
  ],
  [
    "actions[]",
    (x) => ({ agents: [{ ...agent, actions: [{ at: 0, do: "up", ...x }] }] }),
    (s) => s.properties?.agents?.items?.properties?.actions?.items,
  ],
  [
    "answer",
    (x) => ({ agents: [{ ...agent, answer: x }] }),
    (s) => s.properties?.agents?.items?.properties?.answer?.anyOf?.find((a) => a.type === "object"),
  ],
];

/** The keys the validator knows at a level, from its unknown-key error. */
function validatorKeys(file: unknown): string[] {
  const r = validateTraffic(file);
  const known = ("errors" in r ? r.errors : [])
    .map((e) => /^unknown key \(known: (.*)\)$/.exec(e.message)?.[1])
    .find(Boolean);
  if (!known) throw new Error(`no unknown-key error for ${JSON.stringify(file)}`);
  return known.split(", ").sort();
}

/** Every property schema, with its path. */
function* properties(s: JsonSchema, path = ""): Generator<[string, JsonSchema]> {
  for (const [k, v] of Object.entries(s.properties ?? {})) {
    yield [`${path}${k}`, v];
    yield* properties(v, `${path}${k}.`);
  }
  for (const alt of s.anyOf ?? []) yield* properties(alt, path);
  if (s.items) yield* properties(s.items, `${path}[].`);
  if (typeof s.additionalProperties === "object") yield* properties(s.additionalProperties, `${path}{}.`);
}

describe("traffic.json schema", () => {
  it.each(LEVELS)("%s: the schema's keys are the validator's", (_, place, at) => {
    const keys = Object.keys(at(schema)?.properties ?? {}).sort();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys).toEqual(validatorKeys(place({ [UNKNOWN]: 1 })));
  });

  it("offers the enums the types spell: pattern, a request's method, an agent's answer", () => {
    const stream = schema.properties?.streams?.items?.properties;
    const ag = schema.properties?.agents?.items?.properties;
    expect(stream?.pattern?.enum).toEqual(["uniform", "poisson"]);
    expect(ag?.requests?.items?.properties?.method?.enum).toEqual(["OPTIONS", "MESSAGE"]);
    expect(ag?.answer?.anyOf?.[0]?.enum).toEqual(["down", "never"]);
    expect(ag?.actions?.items?.properties?.do?.enum).toEqual(["call", "down", "up", "answer"]);
    expect(ag?.actions?.items?.required).toEqual(["at", "do"]);
    expect(ag?.calls?.items?.properties?.hold?.type).toEqual(["number", "null"]);
    expect(schema.properties?.streams?.items?.required).toEqual(["src", "rate"]);
  });

  it("documents every key in one line, from the types' doc comments", () => {
    const all = [...properties(schema)];
    expect(all.length).toBeGreaterThan(50);
    for (const [path, p] of all) {
      expect(p.description, path).toMatch(/^\S[^\n]*\S$/);
      expect(p.markdownDescription, path).toBe(p.description);
    }
    expect(schema.properties?.streams?.items?.properties?.rate?.description).toBe(
      "Requests per second, ≥ 0 (0: idle until the playground raises it). Required.",
    );
  });
});
