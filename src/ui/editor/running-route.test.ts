import { describe, expect, it } from "vitest";
import { routeHeaderLine } from "./running-route.js";

const CFG = `#!KAMAILIO
# route[OLD] { in a comment }
/* route[CHECK] {
   an older version, commented out
} */
request_route {
    route(CHECK);
}
route[CHECK] {
    xlog("x");
}
route["QUOTED"]{ exit; }
event_route[htable:mod-init] {
}
`;

describe("routeHeaderLine", () => {
  it("finds each kind of route's header, not its uses or comments", () => {
    expect(routeHeaderLine(CFG, "request_route")).toBe(6);
    expect(routeHeaderLine(CFG, "CHECK")).toBe(9);
    expect(routeHeaderLine(CFG, "QUOTED")).toBe(12);
    expect(routeHeaderLine(CFG, "event_route[htable:mod-init]")).toBe(13);
    expect(routeHeaderLine(CFG, "OLD")).toBeUndefined();
  });

  it("takes Kamailio's plain `route {` as the request route", () => {
    expect(routeHeaderLine("debug=2\nroute {\n exit;\n}\n", "request_route")).toBe(2);
  });
});
