/** pike: flood detection per source address (docs/kamailio/pike.md). */
import { defineModule, ONREPLY, RouteKind } from "../types.js";

const routes = RouteKind.REQUEST | ONREPLY;

export const pikeModule = defineModule({
  name: "pike",
  simulated: true,
  doc: "Counts requests per source address in a tree of address prefixes over fixed time windows, and flags an address that sends more than `reqs_density_per_unit` requests in a window until a window passes under the limit.",
  params: {
    sampling_time_unit: { type: "int", default: 2, doc: "Length of a counting window, in seconds." },
    reqs_density_per_unit: { type: "int", default: 30, doc: "Requests per window above which an address is blocked." },
    remove_latency: {
      type: "int",
      default: 120,
      doc: "Seconds of inactivity after which a tree node is removed (not the block duration).",
    },
    pike_log_level: { type: "int", default: 0, doc: "Log level of the BLOCK/UNBLOCK messages (0 = WARNING)." },
  },
  functions: {
    pike_check_req: {
      arity: [0],
      routes,
      returns: "1 not blocked; -2 newly blocked by this request; -1 already blocked",
      doc: "Counts the request against its source address (`$si`) and says whether the address is flooding.",
    },
    pike_check_ip: {
      arity: [1],
      routes,
      args: ["fparam"],
      argNames: ["ip"],
      returns: "1 not blocked; -2 newly blocked; -1 already blocked or not an IPv4 address",
      doc: "Like pike_check_req() for the IPv4 address given as text.",
    },
  },
  rpc: {
    "pike.top": { params: "[ALL|HOT|WARM]", doc: "The address nodes of the tree with their hit counts." },
    "pike.list": { params: "[ALL|HOT|WARM]", doc: "Alias of pike.top." },
  },
});
