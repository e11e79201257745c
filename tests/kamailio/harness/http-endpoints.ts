/**
 * The traffic file's simulated HTTP services (`endpoints`), served for real on 127.0.0.1 while
 * Kamailio runs, so its http_client module (Debian's kamailio-utils-modules) reaches them: one
 * server per origin the patterns name (`http://hooks.example.com`), answering each request as
 * kamsim does (src/engine/world/endpoints.ts: the first pattern matching the whole URL) after
 * the endpoint's latency, with its status and body. The config given to Kamailio names
 * `http://127.0.0.1:PORT` instead of the origin; `mapBack` turns that into the origin again in
 * Kamailio's output.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { TrafficPlan } from "../../../src/engine/index.js";
import { findEndpoint } from "../../../src/engine/world/endpoints.js";

export interface ServedEndpoints {
  /** Origin as written (`http://hooks.example.com`) → `http://127.0.0.1:PORT`. */
  origins: Map<string, string>;
  /** The config text with every origin replaced by its local server. */
  rewrite(config: string): string;
  /** Kamailio's text with every local server named by its origin again. */
  mapBack(text: string): string;
  /** Requests served so far: `METHOD URL → status`. */
  served: string[];
  close(): Promise<void>;
}

const ORIGIN = /^(https?:\/\/[^/*]+)/;

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts one local server per origin of the plan's endpoints (none when it has none). */
export async function serveEndpoints(plan: TrafficPlan): Promise<ServedEndpoints> {
  const origins = new Map<string, string>();
  const servers: Server[] = [];
  const served: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  for (const e of plan.endpoints) {
    const origin = ORIGIN.exec(e.pattern)?.[1];
    if (!origin) throw new Error(`endpoint ${e.pattern}: no scheme and host to serve`);
    if (origins.has(origin)) continue;
    const server = createServer((req, res) => {
      const url = `${origin}${req.url ?? "/"}`;
      req.resume();
      req.on("end", () => {
        const ep = findEndpoint(plan.endpoints, url);
        if (!ep) {
          // kamsim fails such a call as a connection error; the nearest here is no answer at all.
          served.push(`${req.method} ${url} → no endpoint`);
          res.destroy();
          return;
        }
        served.push(`${req.method} ${url} → ${ep.status}`);
        const timer = setTimeout(() => {
          timers.delete(timer);
          res.writeHead(ep.status, { "Content-Type": "text/plain" });
          res.end(ep.body);
        }, ep.latency / 1000);
        timers.add(timer);
      });
    });
    servers.push(server);
    origins.set(origin, `http://127.0.0.1:${await listen(server)}`);
  }
  const replaceAll = (text: string, pairs: [string, string][]) =>
    pairs.reduce((s, [from, to]) => s.split(from).join(to), text);
  return {
    origins,
    served,
    rewrite: (config) => replaceAll(config, [...origins]),
    mapBack: (text) =>
      replaceAll(
        text,
        [...origins].flatMap(([o, local]) => [
          [local, o] as [string, string],
          [local.replace(/^https?:\/\//, ""), o.replace(/^https?:\/\//, "")] as [string, string],
        ]),
      ),
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      );
    },
  };
}
