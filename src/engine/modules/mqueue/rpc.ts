/** mqueue's RPC commands with Kamailio's replies and errors (docs/kamailio/mqueue.md#rpc). */
import { formatKamcmd } from "../../runtime/kamcmd.js";
import type { RpcImpl, RpcResult } from "../runtime-types.js";
import type { Mqueue } from "./runtime.js";

const fail = (code: number, message: string): RpcResult => ({ ok: false, code, message });

function ok(records: Parameters<typeof formatKamcmd>[0]): RpcResult {
  return { ok: true, text: formatKamcmd(records), data: records };
}

export function mqueueRpc(queues: Map<string, Mqueue>): Record<string, RpcImpl> {
  return {
    "mqueue.get_size": ([name]) => {
      if (name === undefined) return fail(400, "No queue name");
      const q = queues.get(name);
      if (!q) return fail(404, "No such queue");
      return ok([{ name, size: q.size }]);
    },
    // Kamailio keeps queues in a list it prepends to: they come out in reverse definition order.
    "mqueue.get_sizes": () => ok([...queues.values()].reverse().map((q) => ({ name: q.def.name, size: q.size }))),
    "mqueue.fetch": ([name]) => {
      if (name === undefined) return fail(500, "No queue name");
      const q = queues.get(name);
      if (!q) return fail(500, "No such queue");
      const item = q.shift();
      if (!item) return fail(404, "Empty queue");
      // An empty key or value cannot be returned: the item is consumed anyway (docs/kamailio/mqueue.md#rpc).
      if (item.key === "" || item.value === "") return fail(500, "Unexpected error (result)");
      return ok([{ key: item.key, val: item.value }]);
    },
  };
}
