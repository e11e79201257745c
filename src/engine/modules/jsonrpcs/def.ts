/**
 * jsonrpcs: JSON-RPC over a FIFO, a datagram socket and HTTP (docs/kamailio/rpc-modules.md).
 * kamsim has no RPC transport of its own (`kamsim rpc` stands for them), so what a run shows of
 * the module is its processes, forked per `transport`, and the datagram workers' start line. Its
 * two script functions are not simulated and say so.
 */
import { ANY_ROUTE, defineModule, RouteKind } from "../types.js";

export const jsonrpcsModule = defineModule({
  name: "jsonrpcs",
  simulated: true,
  doc: "JSON-RPC 2.0 server for Kamailio's RPC commands, reachable over FIFO, datagram (UDP or Unix) sockets and HTTP (with xhttp).",
  params: {
    pretty_format: { type: "int", default: 1, doc: "When non-zero the JSON replies are indented for reading." },
    transport: { type: "int", default: 6, doc: "Bit mask of enabled transports: 1 HTTP, 2 FIFO, 4 datagram socket." },
    fifo_name: {
      type: "string",
      default: "kamailio_rpc.fifo",
      doc: "Path of the FIFO file; relative names are placed in the run directory.",
    },
    fifo_mode: { type: "int", default: 432, doc: "File permission bits for the FIFO file." },
    fifo_group: { type: "string", doc: "Group owning the FIFO file (name or numeric id)." },
    fifo_user: { type: "string", doc: "User owning the FIFO file (name or numeric id)." },
    fifo_reply_dir: {
      type: "string",
      default: "/tmp/",
      doc: "Directory where reply FIFOs named by clients are created.",
    },
    dgram_socket: {
      type: "string",
      default: "kamailio_rpc.sock",
      doc: "Address of the datagram transport: a Unix socket path or udp:host:port.",
    },
    dgram_workers: { type: "int", default: 1, doc: "Number of processes serving the datagram socket." },
    dgram_timeout: { type: "int", default: 2000, doc: "Send timeout for datagram replies, in milliseconds." },
    dgram_mode: { type: "int", default: 432, doc: "File permission bits for the Unix datagram socket." },
    dgram_group: { type: "string", doc: "Group owning the Unix datagram socket (name or numeric id)." },
    dgram_user: { type: "string", doc: "User owning the Unix datagram socket (name or numeric id)." },
  },
  functions: {
    jsonrpc_dispatch: {
      arity: [0],
      routes: RouteKind.REQUEST,
      doc: "Handles an HTTP request carrying a JSON-RPC command and sends back the reply; meant for event_route[xhttp:request].",
      // kamsim receives no HTTP, so event_route[xhttp:request] never runs; elsewhere it is a stand-in.
      simulated: false,
    },
    jsonrpc_exec: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["cmd"],
      doc: "Runs the JSON-RPC command given as a JSON document; the result is available in $jsonrpl(...).",
      simulated: false,
    },
  },
  pvars: {
    jsonrpl: {
      inner: "required",
      doc: "Result of the last jsonrpc_exec(): $jsonrpl(code), $jsonrpl(text) or $jsonrpl(body).",
    },
  },
});
