/**
 * ctl: the binrpc control socket kamcmd talks to (docs/kamailio/rpc-modules.md). It has no
 * script functions; what a run shows of it is its process, "ctl handler", and the line that
 * process writes when it starts.
 */
import { defineModule } from "../types.js";

export const ctlModule = defineModule({
  name: "ctl",
  simulated: true,
  doc: "Control interface for RPC commands over binrpc (used by kamcmd) on Unix, UDP or TCP sockets, and over a FIFO.",
  params: {
    fifo: {
      type: "string",
      repeatable: true,
      doc: "FIFO file to listen on for RPC commands (may be given several times).",
    },
    binrpc: {
      type: "string",
      repeatable: true,
      doc: "Address to listen on for binrpc: unix:path, udp:host:port or tcp:host:port (may be given several times).",
    },
    mode: { type: "int", default: 384, doc: "Permission bits for the created Unix sockets and FIFO files." },
    user: { type: "string", doc: "Owner (name or id) of the created Unix sockets and FIFO files." },
    group: { type: "string", doc: "Group (name or id) of the created Unix sockets and FIFO files." },
    autoconversion: {
      type: "int",
      default: 0,
      doc: "Converts RPC parameters automatically to the type a command expects.",
    },
    binrpc_max_body_size: { type: "int", default: 32, doc: "Maximum size of a binrpc reply body, in KB." },
    binrpc_struct_max_body_size: {
      type: "int",
      default: 8,
      doc: "Maximum size of a structure inside a binrpc reply, in KB.",
    },
    binrpc_buffer_size: { type: "int", default: 1024, doc: "Size of the buffer used for binrpc messages, in bytes." },
  },
  functions: {},
});
