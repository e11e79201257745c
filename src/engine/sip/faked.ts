/**
 * The request Kamailio runs timer and start-up routes on (rtimer, `event_route[htable:mod-init]`):
 * FAKED_SIP_MSG of src/core/fmsg.c, 5.6.3, byte for byte. Its values are docs/kamailio/pseudo-variables.md#faked-message
 * (`$ml` = 184, `$ci` = `123`, `$ft` = `123`...).
 */

/** The faked request's text. */
export const FAKED_SIP_MSG =
  "OPTIONS sip:you@kamailio.org SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1\r\nFrom: <sip:you@kamailio.org>;tag=123\r\n" +
  "To: <sip:you@kamailio.org>\r\nCall-ID: 123\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
