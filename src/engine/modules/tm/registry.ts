/**
 * The tm of a simulation, for the modules that bind to it (Kamailio's load_tm_api(): acc, tmx,
 * sl's send_reply, registrar): one per Services object, as a run has one Services.
 */
import type { Services } from "../../runtime/services.js";
import type { Tm } from "./tm.js";

const byServices = new WeakMap<Services, Tm>();

export function registerTm(sv: Services, tm: Tm): void {
  byServices.set(sv, tm);
}

/** The run's tm, if the config loads it. */
export function tmOfServices(sv: Services): Tm | undefined {
  return byServices.get(sv);
}
