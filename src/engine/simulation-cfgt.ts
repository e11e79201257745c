/**
 * The cfgt trace of a simulation (runtime/cfgt/, docs/cfgt.md): the PV cache the compiler fills,
 * the per-process reports, and the proxy's sent datagrams feeding `sip_out`. Made only when the
 * observer wants `cfgt` events; otherwise nothing of it exists and no action is wrapped.
 */
import { CfgtTracer } from "./runtime/cfgt/tracer.js";
import { CfgtVars } from "./runtime/cfgt/vars.js";
import type { Kernel } from "./sim/kernel.js";
import type { Network } from "./sim/network.js";

export function createCfgt(
  kernel: Kernel,
  net: Network,
  callidPrefix: string | undefined,
): { tracer: CfgtTracer; vars: CfgtVars } {
  const vars = new CfgtVars();
  const tracer = new CfgtTracer(vars, kernel, { callidPrefix });
  net.onProxySend = (text, info) => tracer.sent(info?.proc, text);
  return { tracer, vars };
}
