/**
 * Kamailio 5.6 `rtpproxy` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const rtpproxyModule = defineModule({
  name: "rtpproxy",
  simulated: false,
  doc: "Media relay control for the rtpproxy daemon: SDP rewriting on offer/answer, streaming prompts to call legs and session teardown.",
  params: {
    nortpproxy_str: {
      type: "string",
      default: "a=nortpproxy:yes",
      doc: "SDP line marking a body as already handled, so it is not sent to rtpproxy again.",
    },
    rtpproxy_sock: {
      type: "string",
      repeatable: true,
      doc: 'Definition of an rtpproxy set: "[setid ==] udp:host:port ..." (may be given several times).',
    },
    rtpproxy_disable_tout: {
      type: "int",
      default: 60,
      doc: "Time an unreachable rtpproxy stays disabled, in seconds.",
    },
    rtpproxy_retr: { type: "int", default: 5, doc: "Number of retries when rtpproxy does not answer." },
    rtpproxy_tout: { type: "int", default: 1, doc: "Timeout waiting for rtpproxy's answer, in seconds." },
    timeout_socket: { type: "string", doc: "Address rtpproxy notifies when a session times out." },
    ice_candidate_priority_avp: { type: "string", doc: "AVP holding the ICE candidate priority to use." },
    extra_id_pv: { type: "string", doc: 'Pseudo-variable used as extra id with the "b" flag.' },
    db_url: { type: "string", doc: "Database URL to load rtpproxy sets from." },
    table_name: { type: "string", default: "rtpproxy", doc: "Table holding rtpproxy set definitions." },
    rtp_inst_pvar: { type: "string", doc: "Pseudo-variable receiving the address of the rtpproxy instance chosen." },
  },
  functions: {
    set_rtp_proxy_set: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["setid"],
      doc: "Selects the rtpproxy set used by the next commands.",
    },
    unforce_rtp_proxy: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Ends the rtpproxy session of the call (older name of rtpproxy_destroy()).",
    },
    rtpproxy_destroy: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Ends the rtpproxy session of the call.",
    },
    start_recording: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Asks rtpproxy to start recording the session.",
    },
    rtpproxy_offer: {
      arity: [0, 1, 2],
      routes: ANY_ROUTE,
      argNames: ["flags", "ip_address"],
      doc: "Sends the SDP offer to rtpproxy and rewrites the body (optionally announcing the given address).",
    },
    rtpproxy_answer: {
      arity: [0, 1, 2],
      routes: ANY_ROUTE,
      argNames: ["flags", "ip_address"],
      doc: "Sends the SDP answer to rtpproxy and rewrites the body.",
    },
    rtpproxy_stream2uac: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["prompt_name", "count"],
      doc: "Plays a prompt file to the caller side, the given number of times (-1 loops).",
    },
    rtpproxy_stream2uas: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["prompt_name", "count"],
      doc: "Plays a prompt file to the callee side, the given number of times (-1 loops).",
    },
    rtpproxy_stop_stream2uac: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Stops the prompt played to the caller side.",
    },
    rtpproxy_stop_stream2uas: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Stops the prompt played to the callee side.",
    },
    rtpproxy_manage: {
      arity: [0, 1, 2],
      routes: ANY_ROUTE,
      argNames: ["flags", "ip_address"],
      doc: "Does offer, answer or destroy automatically according to the message.",
    },
  },
  pvars: {
    rtpstat: { inner: "none", doc: "Media statistics of the rtpproxy session, as text." },
    rtppstat: { inner: "none", doc: "Same as $rtpstat: media statistics of the rtpproxy session." },
  },
});
