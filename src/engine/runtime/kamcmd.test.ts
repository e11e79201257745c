import { describe, expect, it } from "vitest";
import { formatKamcmd, formatKamcmdError } from "./kamcmd.js";

describe("kamcmd output", () => {
  it("prints a struct with its members one level in", () => {
    expect(formatKamcmd([{ name: "alert", size: 3 }])).toBe("{\n\tname: alert\n\tsize: 3\n}\n");
  });

  it("prints arrays with braces, as Kamailio's ctl sends them", () => {
    expect(formatKamcmd([{ list: [{ a: 1 }] }])).toBe("{\n\tlist: {\n\t\t{\n\t\t\ta: 1\n\t\t}\n\t}\n}\n");
  });

  it("prints faults as error: CODE - MESSAGE", () => {
    expect(formatKamcmdError(404, "No such queue")).toBe("error: 404 - No such queue\n");
  });
});
