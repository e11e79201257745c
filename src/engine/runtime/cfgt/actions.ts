/**
 * What the compiler needs to feed cfgt's route tracker: the name Kamailio's parser gives the
 * actions of a route block (core/cfg.y get_cpos() `rname`: the block's name, or the lexer's
 * default for an unnamed block, core/cfg.lex `default_routename`), and what each statement is
 * to _cfgt_set_type().
 */
import type { RouteBlock, Stmt } from "../../lang/ast.js";
import type { ScriptContext } from "../context.js";
import { CFGT_CALL, CFGT_EXIT, CFGT_OTHER, CFGT_RETURN, type CfgtActionKind, type CfgtTracer } from "./tracer.js";

/** cfg.lex's default_routename per block keyword, for a block without a name. */
const DEFAULT_NAMES: Readonly<Record<string, string>> = {
  request: "DEFAULT_ROUTE",
  route: "DEFAULT_ROUTE",
  reply: "DEFAULT_ONREPLY",
  onreply: "DEFAULT_ONREPLY",
  failure: "DEFAULT_FAILURE",
  branch: "DEFAULT_BRANCH",
  onsend: "DEFAULT_SEND",
  event: "DEFAULT_EVENT",
};

/** The `rname` of a block's actions. */
export function cfgtRouteName(block: Pick<RouteBlock, "routeKind" | "name">): string {
  return block.name ?? DEFAULT_NAMES[block.routeKind] ?? "DEFAULT_ROUTE";
}

/** The statement as an action type: ROUTE_T, DROP_T with or without RETURN_R_F, or another. */
function kindOf(s: Stmt): CfgtActionKind | undefined {
  switch (s.kind) {
    case "Block":
    case "EmptyStmt":
      // No action of its own in Kamailio: a block's statements are the route's action list.
      return undefined;
    case "ReturnStmt":
      return s.keyword === "return" ? CFGT_RETURN : CFGT_EXIT;
    case "BreakStmt":
      return CFGT_EXIT;
    case "CallStmt":
      return s.call.kind === "RouteCall" ? CFGT_CALL : CFGT_OTHER;
    default:
      return CFGT_OTHER;
  }
}

/** CompileEnv.traceAction for the block named `route()` returns while it compiles. */
export function cfgtActionHook(
  tracer: CfgtTracer,
  route: () => string,
): (s: Stmt) => ((ctx: ScriptContext) => void) | undefined {
  return (s) => {
    const kind = kindOf(s);
    if (kind === undefined) return undefined;
    const name = route();
    return (ctx) => tracer.action(ctx, name, kind);
  };
}
