/**
 * Issue 9 §4's page freeze: an rtimer firing every microsecond with an xlog route (each firing
 * a log line and a timer event). One config for the worker's unit test, the page's browser test
 * and the worker's benchmark.
 */
export const RTIMER_EVERY_MICROSECOND = `#!KAMAILIO
loadmodule "rtimer.so"
loadmodule "xlog.so"
modparam("rtimer", "timer", "name=t;interval=1u;mode=1")
modparam("rtimer", "exec", "timer=t;route=tick")
request_route {
  exit;
}
route[tick] {
  xlog("L_ERR", "tick\\n");
}
`;

/** Ten virtual minutes with no requests: only the timer runs. */
export const NO_REQUESTS = JSON.stringify({ duration: 600, seed: 1, streams: [] });
