/**
 * Kamailio 5.6 `sdpops` module as the checker knows it: parameters, script functions and
 * pseudo-variables, from the module's export tables. Declared only, not simulated.
 */
import { ANY_ROUTE, defineModule } from "../types.js";

export const sdpopsModule = defineModule({
  name: "sdpops",
  simulated: false,
  doc: "SDP body operations: checks and edits of codecs, media streams, transports and lines.",
  params: {},
  functions: {
    sdp_remove_line_by_prefix: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["prefix", "mtype"],
      doc: "Removes SDP lines starting with the prefix (in all media or the given media type).",
    },
    sdp_remove_codecs_by_id: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["list", "mtype"],
      doc: "Removes the codecs with the given payload ids.",
    },
    sdp_remove_codecs_by_name: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["list", "mtype"],
      doc: "Removes the codecs with the given names.",
    },
    sdp_keep_codecs_by_id: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["list", "mtype"],
      doc: "Keeps only the codecs with the given payload ids.",
    },
    sdp_keep_codecs_by_name: {
      arity: [1, 2],
      routes: ANY_ROUTE,
      argNames: ["list", "mtype"],
      doc: "Keeps only the codecs with the given names.",
    },
    sdp_with_media: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "True when the SDP has a media stream of the type (audio, video...).",
    },
    sdp_with_active_media: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "True when the SDP has an active (non-zero port, not inactive) media stream of the type.",
    },
    sdp_remove_media: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "Removes the media streams of the type.",
    },
    sdp_with_transport: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "True when a media stream uses exactly the transport (e.g. RTP/AVP).",
    },
    sdp_with_transport_like: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "True when a media stream transport contains the text.",
    },
    sdp_remove_transport: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["type"],
      doc: "Removes the media streams using the transport.",
    },
    sdp_transport: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["pv"],
      doc: "Stores the media transport into the variable; returns whether all streams use the same one.",
    },
    sdp_with_codecs_by_id: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["list"],
      doc: "True when one of the payload ids is present.",
    },
    sdp_with_codecs_by_name: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["list"],
      doc: "True when one of the codec names is present.",
    },
    sdp_print: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["level"],
      doc: "Logs the parsed SDP at the given log level.",
    },
    sdp_get: {
      arity: [1],
      routes: ANY_ROUTE,
      argNames: ["avpvar"],
      doc: "Stores the SDP body into the variable.",
    },
    sdp_content: {
      arity: [0, 1],
      routes: ANY_ROUTE,
      argNames: ["sloppy"],
      doc: "True when the message has an SDP body (with sloppy, any body containing SDP).",
    },
    sdp_with_ice: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "True when the SDP has ICE candidates.",
    },
    sdp_get_line_startswith: {
      arity: [2],
      routes: ANY_ROUTE,
      argNames: ["avpvar", "prefix"],
      doc: "Stores the first SDP line starting with the prefix into the variable.",
    },
    sdp_get_address_family: {
      arity: [0],
      routes: ANY_ROUTE,
      doc: "Returns the address family of the SDP connection address: 4 or 6.",
    },
  },
  pvars: {
    sdp: {
      inner: "required",
      writable: true,
      doc: "Parts of the SDP body: $sdp(body), $sdp(sess_version) (writable); the whole body when assigned.",
    },
  },
});
