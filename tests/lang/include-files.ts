/** Virtual files the language cases' `include_file` / `import_file` lines may read. */
export const INCLUDE_FILES: Readonly<Record<string, string>> = {
  "inc/routes.cfg": 'route[INC] {\n  xlog("L_INFO", "included\\n");\n}\n',
  "inc/defs.cfg": "#!define INCLUDED 1\n",
  "inc/nested.cfg": 'include_file "inc/defs.cfg"\n',
  "inc/self.cfg": 'include_file "inc/self.cfg"\n',
  "inc/bad.cfg": "request_route {\n  $var(x) = ;\n}\n",
};
