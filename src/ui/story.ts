/**
 * Cause and effect across the views: the user picks an address — a Pike row, a queue item, a log
 * line — and every view marks what belongs to the same story: that address's pike row, its items
 * in the queues (their key or value names it), and the log lines that mention it, including the
 * timer's ALERT lines written long after the request.
 */

const IPV4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/;

/** The first IPv4 address a text names (a log line, an item's `ip:port` key). */
export function addressIn(text: string): string | undefined {
  return IPV4.exec(text)?.[0];
}

/** Whether `text` names `ip` as a whole address (10.0.0.1 is not in 10.0.0.12 nor in 110.0.0.1). */
export function mentions(text: string, ip: string): boolean {
  for (let at = text.indexOf(ip); at >= 0; at = text.indexOf(ip, at + 1)) {
    const before = text[at - 1] ?? "";
    const rest = text.slice(at + ip.length, at + ip.length + 2);
    // A sentence's full stop may follow an address; another octet may not.
    if (!/[\d.]/.test(before) && !/^(\d|\.\d)/.test(rest)) return true;
  }
  return false;
}
