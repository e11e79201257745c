/**
 * Queue definitions from the `mqueue`, `mqueue_name`, `mqueue_size` and `mqueue_addmode`
 * parameters, with Kamailio's error texts (docs/kamailio/mqueue.md#definition-errors). Shared by the checker and the runtime.
 */
import { parseAttrList } from "../param-list.js";

/** One queue as the config defines it. */
export interface MqueueDef {
  name: string;
  /** Maximum items; 0 = unlimited. */
  size: number;
  /** 0 append, 1 keep the oldest of a key, 2 keep the newest (3 and others behave as 0). */
  addmode: number;
  dbmode: number;
}

/** Reads a queue definition; an error string is Kamailio's message for it. */
export function parseMqueueDef(text: string): MqueueDef | { error: string } {
  const def: MqueueDef = { name: "", size: 0, addmode: 0, dbmode: 0 };
  for (const a of parseAttrList(text)) {
    const key = a.name.toLowerCase();
    if (key === "name") def.name = a.value;
    else if (key === "size") def.size = toInt(a.value);
    else if (key === "addmode") def.addmode = toInt(a.value);
    else if (key === "dbmode") def.dbmode = toInt(a.value);
    else return { error: `mq_param(): unknown param: ${a.name}` };
  }
  if (def.name === "") return { error: "mq_param(): mqueue name not defined: " };
  // size 0, negative or non-numeric means unlimited (docs/kamailio/mqueue.md#queue-attributes).
  if (!(def.size > 0)) def.size = 0;
  return def;
}

function toInt(s: string): number {
  return /^-?\d+$/.test(s) ? Number(s) : 0;
}

/** The queues of a config, in definition order, with the defaults `mqueue_name` uses. */
export class MqueueTable {
  readonly queues: MqueueDef[] = [];
  nameSize = 0;
  nameAddmode = 0;

  /** Adds a definition; returns Kamailio's error message on failure. */
  add(def: MqueueDef): string | undefined {
    if (this.queues.some((q) => q.name === def.name)) {
      return `mq_head_add(): mqueue redefined: ${def.name}; mq_param(): cannot add mqueue: ${def.name}`;
    }
    this.queues.push(def);
    return undefined;
  }

  /** Applies one modparam of the mqueue module; returns an error message or undefined. */
  modparam(param: string, value: string | number): string | undefined {
    switch (param) {
      case "mqueue": {
        const def = parseMqueueDef(String(value));
        return "error" in def ? def.error : this.add(def);
      }
      case "mqueue_name":
        return this.add({
          name: String(value),
          size: Math.max(0, this.nameSize),
          addmode: this.nameAddmode,
          dbmode: 0,
        });
      case "mqueue_size":
        this.nameSize = Number(value);
        return undefined;
      case "mqueue_addmode":
        this.nameAddmode = Number(value);
        return undefined;
      default:
        return undefined;
    }
  }

  has(name: string): boolean {
    return this.queues.some((q) => q.name === name);
  }
}
