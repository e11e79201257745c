/**
 * The traffic `kamsim run` uses without `--traffic` (README.md, "Command line"): a few callers in the
 * background, and from t = 10.5 s a three-second flood from one address, enough to make pike,
 * queues and busy workers show something with most configs. The flood starts half a second after
 * a pike window edge (windows turn every 2 s from start), so which window its first requests fall
 * in never depends on a tie.
 */

/** The default traffic file, as JSON text (it validates; a test makes sure). */
export const DEFAULT_TRAFFIC = `{
  "duration": 30,
  "seed": 1,
  "streams": [
    {
      "name": "callers",
      "src": "192.0.2.0/28",
      "method": "INVITE",
      "rate": 2,
      "pattern": "poisson",
      "from": "sip:caller{n}@example.com",
      "to": "sip:bob@example.com",
      "headers": { "User-Agent": "softphone" }
    },
    {
      "name": "flood",
      "src": "203.0.113.66",
      "method": "INVITE",
      "rate": 100,
      "pattern": "uniform",
      "start": 10.5,
      "stop": 13.5,
      "from": "sip:flood{n}@example.net",
      "to": "sip:bob@example.com"
    }
  ]
}
`;
