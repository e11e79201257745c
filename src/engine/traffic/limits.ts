/**
 * Limits that keep a run finite and the engine responsive, whatever a traffic file asks for.
 * Validation reports a clear error at the key that passes one; nothing is silently truncated.
 */

/** Longest run: one virtual day. */
export const MAX_DURATION_S = 86_400;

/** Fastest stream: one request per microsecond (the clock's grain; faster would stack requests on one tick). */
export const MAX_RATE = 1_000_000;

/** Most requests one file may plan (streams' expected totals plus raw messages). */
export const MAX_PLANNED_REQUESTS = 50_000_000;

/** Most streams in one file. */
export const MAX_STREAMS = 1000;

/** Most raw messages in one file. */
export const MAX_MESSAGES = 100_000;

/** Most entries in one stream's `src` list. */
export const MAX_SRC_ENTRIES = 1000;

/** Most extra headers of one stream. */
export const MAX_HEADERS = 100;

/** Most endpoints in one file. */
export const MAX_ENDPOINTS = 1000;

/** Largest raw message or body, in characters: Kamailio's receive buffer (BUF_SIZE, 65535). */
export const MAX_SIP_TEXT = 65_535;

/** Largest traffic file text, in characters. */
export const MAX_TEXT = 32 * 1024 * 1024;

/** Largest receive queue. */
export const MAX_RX_QUEUE = 10_000_000;

/** Longest per-request cost and endpoint latency, seconds. */
export const MAX_COST_S = 3600;

/** Most user agents in one file (the scale target is 100,000 registered contacts). */
export const MAX_AGENTS = 200_000;

/** Most calls all agents of one file may place (counts included). */
export const MAX_AGENT_CALLS = 2_000_000;

/** Most entries in one agent's `calls` or `requests`. */
export const MAX_AGENT_ENTRIES = 100_000;
