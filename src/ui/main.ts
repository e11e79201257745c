/**
 * Placeholder page until the playground lands: it shows the classic example and what kamsim's
 * checker says about it, using the same engine the CLI uses (run in the page for now).
 */

import CLASSIC_CONFIG from "../../examples/classic/kamailio.cfg?raw";
import { analyzeConfig, placeDiagnostics } from "../engine/index.js";

const root = document.getElementById("root");
if (root) {
  const result = analyzeConfig(CLASSIC_CONFIG);
  const diags = placeDiagnostics(result.diagnostics, result.files);
  root.innerHTML = "";
  const h1 = document.createElement("h1");
  h1.textContent = "kamsim · Kamailio 5.6 playground";
  const p = document.createElement("p");
  p.textContent =
    "The playground is being built. Meanwhile, here is the classic mqueue example, checked by kamsim's engine: " +
    (diags.length === 0 ? "no diagnostics." : `${diags.length} diagnostics.`);
  p.setAttribute("role", "status");
  const pre = document.createElement("pre");
  pre.setAttribute("aria-label", "kamailio.cfg");
  pre.textContent = CLASSIC_CONFIG;
  root.append(h1, p, pre);
}
