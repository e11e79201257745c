/** The simulation benchmarks' configs and traffic, built in code so they are easy to read. */
import { readFileSync } from "node:fs";
import { join } from "node:path";

// `npm run bench` runs from the repository root (the benchmark itself runs bundled elsewhere).
const root = process.cwd();

/** The classic example's config, as shipped in examples/. */
export const CLASSIC_CONFIG = readFileSync(join(root, "examples", "classic", "kamailio.cfg"), "utf8");

/**
 * Issue 3's load: callers at 1,000 req/s from 500 addresses for 600 virtual seconds, plus a
 * 5,000 req/s flood from 10 addresses during 60 of them.
 */
export function classicLoadTraffic(): string {
  const callers = Array.from({ length: 500 }, (_, i) => `10.1.${Math.floor(i / 250)}.${(i % 250) + 1}`);
  const flooders = Array.from({ length: 10 }, (_, i) => `203.0.113.${i + 1}`);
  return JSON.stringify({
    duration: 600,
    seed: 7,
    streams: [
      {
        name: "callers",
        src: callers,
        rate: 1000,
        pattern: "poisson",
        from: "sip:user{n}@example.com",
        to: "sip:bob@example.com",
      },
      { name: "flood", src: flooders, rate: 5000, pattern: "uniform", start: 300.5, stop: 360.5 },
    ],
    server: { rx_queue: 100000, request_cost: 0.00001 },
  });
}

/** A request_route of 60 statements: assignments, conditions, PV reads, string building, calls. */
export function sixtyStatementConfig(): string {
  const body: string[] = [];
  for (let i = 0; i < 12; i++) {
    body.push(`    $var(a${i}) = $var(a${i}) + ${i + 1};`);
    body.push(`    if ($rm == "INVITE" && $var(a${i}) > ${i}) { $var(s${i}) = "u:" + $fU + "@" + $si; }`);
    body.push(`    if (is_method("BYE|CANCEL")) { xlog("L_INFO", "never $ci\\n"); }`);
    body.push(`    $var(n${i}) = $sp + ${i} * 2 - $var(a${i}) mod 7;`);
    body.push(`    xlog("L_DBG", "filtered by debug: $ru $fu\\n");`);
  }
  return `#!KAMAILIO
debug=2
log_stderror=yes
children=8
loadmodule "pv.so"
loadmodule "xlog.so"
loadmodule "sl.so"
loadmodule "textops.so"

request_route {
${body.join("\n")}
    sl_send_reply("200", "OK");
}
`;
}

/** Traffic for the 60-statement route: 50,000 req/s for 20 s from 100 addresses. */
export function sixtyStatementTraffic(): string {
  const src = Array.from({ length: 100 }, (_, i) => `198.51.100.${i + 1}`);
  return JSON.stringify({
    duration: 20,
    seed: 3,
    streams: [
      { name: "load", src, rate: 50000, pattern: "uniform", from: "sip:u{n}@example.com", to: "sip:bob@example.com" },
    ],
    server: { rx_queue: 100000, request_cost: 0.00001 },
  });
}
