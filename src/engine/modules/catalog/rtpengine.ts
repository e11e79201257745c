/**
 * Kamailio 5.6 `rtpengine` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const rtpengineModule = defineModule({
  name: "rtpengine",
  simulated: false,
  doc: "Media relay control for the rtpengine daemon: SDP rewriting on offer/answer, recording, media and DTMF control, and call statistics.",
  params: {
    rtpengine_sock: {
      type: "string",
      repeatable: true,
      doc: 'Definition of an rtpengine set: "[setid ==] udp:host:port[=weight] ..." (may be given several times).',
    },
    rtpengine_disable_tout: {
      type: "int",
      default: 60,
      doc: "Time an unreachable rtpengine stays disabled before it is tried again, in seconds.",
    },
    aggressive_redetection: {
      type: "int",
      default: 1,
      doc: "When all rtpengines are down, pings all of them on the next command instead of waiting.",
    },
    rtpengine_retr: { type: "int", default: 5, doc: "Number of retries when rtpengine does not answer." },
    queried_nodes_limit: {
      type: "int",
      default: 30,
      doc: "Maximum number of nodes of a set queried before giving up.",
    },
    rtpengine_tout_ms: { type: "int", default: 1000, doc: "Timeout waiting for rtpengine's answer, in milliseconds." },
    rtpengine_allow_op: {
      type: "int",
      default: 0,
      doc: "Lets existing sessions finish on deactivated nodes while refusing new ones.",
    },
    control_cmd_tos: { type: "int", default: -1, doc: "Type-of-service value of control packets sent to rtpengine." },
    db_url: { type: "string", doc: "Database URL to load rtpengine sets from." },
    table_name: { type: "string", default: "rtpengine", doc: "Table holding rtpengine set definitions." },
    setid_col: { type: "string", default: "setid", doc: "Name of the database column holding the set id." },
    url_col: { type: "string", default: "url", doc: "Name of the database column holding the rtpengine address." },
    weight_col: { type: "string", default: "weight", doc: "Name of the database column holding the node weight." },
    disabled_col: {
      type: "string",
      default: "disabled",
      doc: "Name of the database column holding the disabled state.",
    },
    extra_id_pv: { type: "string", doc: "Pseudo-variable used as extra id with the via-branch flag." },
    setid_avp: { type: "string", doc: "AVP that, when set, selects the rtpengine set for commands." },
    force_send_interface: {
      type: "string",
      default: "",
      doc: "Local address used to send control messages to rtpengine.",
    },
    rtp_inst_pvar: { type: "string", doc: "Pseudo-variable receiving the address of the rtpengine instance chosen." },
    write_sdp_pv: {
      type: "string",
      doc: "Pseudo-variable receiving the rewritten SDP instead of changing the message body.",
    },
    read_sdp_pv: { type: "string", doc: "Pseudo-variable providing the SDP to send instead of the message body." },
    hash_table_tout: { type: "int", default: 3600, doc: "Lifetime of entries in the call-to-node table, in seconds." },
    hash_table_size: { type: "int", default: 256, doc: "Size of the call-to-node hash table." },
    setid_default: { type: "int", default: 0, doc: "Set used when no set was selected." },
    media_duration: {
      type: "string",
      doc: "Pseudo-variable receiving the duration of media started by play_media(), in milliseconds.",
    },
    hash_algo: {
      type: "int",
      default: 0,
      doc: "Node selection hashing: 0 Call-ID, 1 SHA1 of Call-ID, 2 CRC32 of Call-ID.",
    },
    mos_min_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the min MOS value.",
    },
    mos_min_at_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the time at which the min MOS was seen.",
    },
    mos_min_packetloss_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the min MOS.",
    },
    mos_min_jitter_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the min MOS.",
    },
    mos_min_roundtrip_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the min MOS.",
    },
    mos_min_roundtrip_leg_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the min MOS.",
    },
    mos_max_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the max MOS value.",
    },
    mos_max_at_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the time at which the max MOS was seen.",
    },
    mos_max_packetloss_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the max MOS.",
    },
    mos_max_jitter_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the max MOS.",
    },
    mos_max_roundtrip_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the max MOS.",
    },
    mos_max_roundtrip_leg_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the max MOS.",
    },
    mos_average_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the average MOS value.",
    },
    mos_average_packetloss_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the average MOS.",
    },
    mos_average_jitter_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the average MOS.",
    },
    mos_average_roundtrip_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the average MOS.",
    },
    mos_average_roundtrip_leg_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the average MOS.",
    },
    mos_average_samples_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the number of MOS samples.",
    },
    mos_A_label_pv: {
      type: "string",
      doc: "Pseudo-variable holding the label selecting the call legs of side A for the _A statistics.",
    },
    mos_min_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the min MOS value for side A.",
    },
    mos_min_at_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the time at which the min MOS was seen for side A.",
    },
    mos_min_packetloss_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the min MOS for side A.",
    },
    mos_min_jitter_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the min MOS for side A.",
    },
    mos_min_roundtrip_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the min MOS for side A.",
    },
    mos_min_roundtrip_leg_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the min MOS for side A.",
    },
    mos_max_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the max MOS value for side A.",
    },
    mos_max_at_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the time at which the max MOS was seen for side A.",
    },
    mos_max_packetloss_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the max MOS for side A.",
    },
    mos_max_jitter_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the max MOS for side A.",
    },
    mos_max_roundtrip_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the max MOS for side A.",
    },
    mos_max_roundtrip_leg_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the max MOS for side A.",
    },
    mos_average_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the average MOS value for side A.",
    },
    mos_average_packetloss_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the average MOS for side A.",
    },
    mos_average_jitter_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the average MOS for side A.",
    },
    mos_average_roundtrip_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the average MOS for side A.",
    },
    mos_average_roundtrip_leg_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the average MOS for side A.",
    },
    mos_average_samples_A_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the number of MOS samples for side A.",
    },
    mos_B_label_pv: {
      type: "string",
      doc: "Pseudo-variable holding the label selecting the call legs of side B for the _B statistics.",
    },
    mos_min_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the min MOS value for side B.",
    },
    mos_min_at_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the time at which the min MOS was seen for side B.",
    },
    mos_min_packetloss_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the min MOS for side B.",
    },
    mos_min_jitter_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the min MOS for side B.",
    },
    mos_min_roundtrip_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the min MOS for side B.",
    },
    mos_min_roundtrip_leg_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the min MOS for side B.",
    },
    mos_max_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the max MOS value for side B.",
    },
    mos_max_at_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the time at which the max MOS was seen for side B.",
    },
    mos_max_packetloss_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the max MOS for side B.",
    },
    mos_max_jitter_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the max MOS for side B.",
    },
    mos_max_roundtrip_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the max MOS for side B.",
    },
    mos_max_roundtrip_leg_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the max MOS for side B.",
    },
    mos_average_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the average MOS value for side B.",
    },
    mos_average_packetloss_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the packet loss at the average MOS for side B.",
    },
    mos_average_jitter_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the jitter at the average MOS for side B.",
    },
    mos_average_roundtrip_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time at the average MOS for side B.",
    },
    mos_average_roundtrip_leg_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the round-trip time of the leg at the average MOS for side B.",
    },
    mos_average_samples_B_pv: {
      type: "string",
      doc: "Pseudo-variable filled by rtpengine_delete()/rtpengine_query() with the number of MOS samples for side B.",
    },
    wsapi: { type: "string", doc: 'Websocket API used to talk to rtpengine over websocket ("lwsc").' },
  },
  functions: {
    set_rtpengine_set: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["setid", "setid2"],
      doc: "Selects the rtpengine set (and optionally a second set for the answer side) used by the next commands.",
    },
    start_recording: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Asks rtpengine to start recording the call's media.",
    },
    stop_recording: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Asks rtpengine to stop recording the call's media.",
    },
    block_dtmf: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Stops DTMF events from being relayed for the call or a leg.",
    },
    unblock_dtmf: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Relays DTMF events again.",
    },
    block_media: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Stops media from being relayed for the call or a leg.",
    },
    unblock_media: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Relays media again.",
    },
    silence_media: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Replaces the media with silence for the call or a leg.",
    },
    unsilence_media: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Stops replacing the media with silence.",
    },
    start_forwarding: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Starts forwarding a copy of the media to a recording destination.",
    },
    stop_forwarding: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Stops forwarding media copies.",
    },
    play_media: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Plays a media file or prompt into the call.",
    },
    stop_media: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Stops media playback started by play_media().",
    },
    play_dtmf: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Injects a DTMF event into the call.",
    },
    rtpengine_offer: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Sends the SDP offer to rtpengine and rewrites the message body with the relay's addresses.",
    },
    rtpengine_answer: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Sends the SDP answer to rtpengine and rewrites the message body.",
    },
    rtpengine_info: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Sends SDP information to rtpengine without rewriting the message.",
    },
    rtpengine_manage: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Does offer, answer or delete automatically according to the message.",
    },
    rtpengine_delete: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Ends the media session in rtpengine.",
    },
    rtpengine_query: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["flags"],
      doc: "Queries the session statistics (used for the MOS pseudo-variables).",
    },
    rtpengine_query_v: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["fmt", "var"],
      doc: "Queries the session and stores the result (JSON or a formatted value) in a variable.",
    },
  },
  pvars: {
    rtpstat: { inner: "none", doc: "Media statistics of the session from rtpengine, as a text summary." },
    rtpestat: { inner: "none", doc: "Same as $rtpstat: media statistics of the rtpengine session." },
  },
});
