/**
 * The module argument of `modparam`: Kamailio wraps it as `^(module)$` and compiles it with
 * REG_EXTENDED|REG_NOSUB|REG_ICASE (core/modparam.c, set_mod_param_regex()), then tries every
 * loaded module's name. One matcher for the checker, the module instances and the program info.
 */
import { compileRegex, type PosixRegex } from "../base/regex/index.js";

const cache = new Map<string, PosixRegex | undefined>();

/** The compiled `^(module)$`, or undefined when it does not compile ("Error while compiling regular expression"). */
export function modparamModuleRegex(module: string): PosixRegex | undefined {
  if (cache.has(module)) return cache.get(module);
  const c = compileRegex(`^(${module})$`, { icase: true, nosub: true });
  const re = c.ok ? c.re : undefined;
  if (cache.size > 500) cache.clear();
  cache.set(module, re);
  return re;
}

/** Whether a `modparam` whose module argument is `module` reaches the module named `name`. */
export function modparamReaches(module: string, name: string): boolean {
  return modparamModuleRegex(module)?.test(name) === true;
}
