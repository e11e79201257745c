/**
 * rtimer's `timer` and `exec` parameters, read as Kamailio 5.6 reads them (docs/kamailio/rtimer.md#parameters):
 * names compare case-insensitively, unknown attributes are ignored, a `u` interval is in
 * microseconds and sets mode 1 when it is read — over an earlier `mode=`, while a later `mode=`
 * still counts (measured on Kamailio 5.6.3; docs/kamailio/rtimer.md#u-interval-and-mode says why).
 */
import { parseAttrList, parseUnsigned } from "../param-list.js";

/** One timer. */
export interface RtimerDef {
  name: string;
  /** Interval in microseconds. */
  intervalUs: number;
  /** 0: runs on the core timer; N ≥ 1: N processes of its own, each running the routes. */
  mode: number;
  /** Route names in the order Kamailio runs them (reverse order of `exec` definition). */
  routes: string[];
}

/** The timers of a config, in definition order. */
export class RtimerTable {
  readonly timers: RtimerDef[] = [];
  defaultInterval = 120;

  find(name: string): RtimerDef | undefined {
    const n = name.toLowerCase();
    return this.timers.find((t) => t.name.toLowerCase() === n);
  }

  /** Applies one modparam of rtimer; returns Kamailio's error message on failure. */
  modparam(param: string, value: string | number): string | undefined {
    if (param === "default_interval") {
      this.defaultInterval = Number(value);
      return undefined;
    }
    if (param === "timer") return this.timer(String(value));
    if (param === "exec") return this.exec(String(value));
    return undefined;
  }

  private timer(text: string): string | undefined {
    const def: RtimerDef = { name: "", intervalUs: 0, mode: 0, routes: [] };
    let micro = false;
    for (const a of parseAttrList(text)) {
      const key = a.name.toLowerCase();
      if (key === "name") def.name = a.value;
      else if (key === "interval") {
        micro = /[uU]$/.test(a.value);
        const n = parseUnsigned(micro ? a.value.slice(0, -1) : a.value);
        if (n === undefined) return `stm_t_param(): invalid interval: ${a.value}`;
        def.intervalUs = micro ? n : n * 1_000_000;
        if (micro) def.mode = 1;
      } else if (key === "mode") {
        const n = parseUnsigned(a.value);
        if (n === undefined) return `stm_t_param(): invalid mode: ${a.value}`;
        def.mode = n;
      }
    }
    // A µs timer never runs on the core's timer: mode 0 still gets a process of its own.
    if (micro && def.mode === 0) def.mode = 1;
    if (def.name === "") return "stm_t_param(): invalid timer name";
    if (this.find(def.name)) return `stm_t_param(): duplicate timer with same name: ${def.name}`;
    if (def.intervalUs === 0) def.intervalUs = this.defaultInterval * 1_000_000;
    this.timers.push(def);
    return undefined;
  }

  private exec(text: string): string | undefined {
    let timer = "";
    let route = "";
    for (const a of parseAttrList(text)) {
      const key = a.name.toLowerCase();
      if (key === "timer") timer = a.value;
      else if (key === "route") route = a.value;
    }
    const t = this.find(timer);
    if (!t) return `stm_e_param(): timer not found - name: ${timer}`;
    if (route === "") return "stm_e_param(): invalid route name";
    // Kamailio prepends each exec to the timer's list: they run in reverse definition order.
    t.routes.unshift(route);
    return undefined;
  }
}
