/** snapshotLumps()/restoreLumps(): lumps added between the two (a branch_route's) are gone after. */
import { describe, expect, it } from "vitest";
import { SipRequest } from "../sip/message.js";
import {
  anchorLump,
  buildRequestText,
  insertAfter,
  insertBefore,
  msgView,
  restoreLumps,
  snapshotLumps,
} from "./lumps.js";

const RAW =
  "OPTIONS sip:svc@example.com SIP/2.0\r\nVia: SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK-1\r\nX-A: 1\r\nContent-Length: 0\r\n\r\n";

describe("lump snapshots (t_fwd.c prepare_new_uac)", () => {
  it("restores the lists and the chains as they were, keeping what came before", () => {
    const m = SipRequest.parse(RAW);
    if ("error" in m) throw new Error(m.error);
    const xa = msgView(m)?.fields?.[1];
    if (!xa) throw new Error("X-A");
    const a = anchorLump(m, xa.end);
    if (!a) throw new Error("anchor");
    insertBefore(a, "X-Script: 1\r\n");
    const snap = snapshotLumps(m);
    if (!snap) throw new Error("snapshot");
    insertAfter(a, "X-Branch-Chain: 1\r\n");
    const b = anchorLump(m, xa.start);
    if (b) insertBefore(b, "X-Branch: 1\r\n");
    expect(buildRequestText(m)).toContain("X-Branch: 1\r\nX-A: 1\r\nX-Script: 1\r\nX-Branch-Chain: 1\r\n");
    restoreLumps(m, snap);
    expect(buildRequestText(m)).toBe(RAW.replace("X-A: 1\r\n", "X-A: 1\r\nX-Script: 1\r\n"));
  });
});
