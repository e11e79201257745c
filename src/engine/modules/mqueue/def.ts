/** mqueue: named shared-memory queues of (key, value) pairs (docs/kamailio/mqueue.md). */
import { ANY_ROUTE, defineModule } from "../types.js";
import { createMqueueChecker } from "./check.js";

export const mqueueModule = defineModule({
  name: "mqueue",
  simulated: true,
  checks: createMqueueChecker,
  doc: "Named queues of (key, value) string pairs in shared memory: SIP workers add items, timer routes fetch and process them, so that slow work leaves the SIP path.",
  params: {
    mqueue: {
      type: "string",
      repeatable: true,
      // The attributes mq_param() reads (modules/mqueue/mqueue_mod.c); params.ts applies them.
      keys: ["name", "size", "addmode", "dbmode"],
      doc: "Defines a queue: `name=Q;size=N;addmode=A;dbmode=D`. size 0 means unlimited; when an add exceeds size the oldest item is dropped. addmode 0 appends, 1 keeps the oldest item of a key, 2 keeps the newest.",
    },
    mqueue_name: {
      type: "string",
      repeatable: true,
      doc: "Defines a queue by name only, using the current `mqueue_size` and `mqueue_addmode`.",
    },
    mqueue_size: {
      type: "int",
      default: 0,
      doc: "Size for queues defined afterwards with `mqueue_name` (0 = unlimited).",
    },
    mqueue_addmode: { type: "int", default: 0, doc: "Add mode for queues defined afterwards with `mqueue_name`." },
    db_url: { type: "string", doc: "Database for queues with a dbmode (not simulated)." },
  },
  functions: {
    mq_add: {
      arity: [3],
      routes: ANY_ROUTE,
      args: ["format", "format", "format"],
      argNames: ["queue", "key", "value"],
      returns:
        "1 added (also when overflow dropped the oldest item or addmode 1 ignored a duplicate); -1 no such queue",
      doc: "Appends an item to the queue. All three arguments must be literal strings; pseudo-variables inside them are expanded.",
    },
    mq_fetch: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["fparam"],
      argNames: ["queue"],
      returns: "1 fetched into $mqk/$mqv; -2 queue empty; -1 no such queue",
      doc: "Discards this process's previously fetched item, then takes the oldest item of the queue into `$mqk(queue)` and `$mqv(queue)`.",
    },
    mq_size: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["fparam"],
      argNames: ["queue"],
      returns: "the item count if > 0; -1 empty; -2 no such queue",
      doc: 'The number of items waiting. Inside an expression a call is 0 or 1: assign it (`$var(n) = mq_size("q")`) to read the count.',
    },
    mq_pv_free: {
      arity: [1],
      routes: ANY_ROUTE,
      args: ["fparam"],
      argNames: ["queue"],
      returns: "always 1",
      doc: "Forgets this process's fetched item: `$mqk`/`$mqv` become <null>.",
    },
  },
  pvars: {
    mqk: {
      inner: "required",
      names: "queue",
      doc: "Key of the item this process last fetched from the queue; <null> if none.",
    },
    mqv: {
      inner: "required",
      names: "queue",
      doc: "Value of the item this process last fetched from the queue; <null> if none.",
    },
    mq_size: { inner: "required", names: "queue", doc: "Number of items in the queue (0 when empty)." },
  },
  rpc: {
    "mqueue.get_size": { params: "name", doc: "The size of one queue." },
    "mqueue.get_sizes": { doc: "The sizes of all queues." },
    "mqueue.fetch": { params: "name", doc: "Takes the oldest item of a queue and returns it." },
  },
});
