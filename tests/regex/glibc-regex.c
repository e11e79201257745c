/*
 * Asks glibc's regcomp/regexec (the library Kamailio links) about regex cases, for
 * tests/regex/glibc-table.json. Input, one case a line: flags<TAB>hex(pattern)<TAB>hex(text),
 * flags a subset of "ins" (REG_ICASE, REG_NEWLINE, REG_NOSUB) or "-"; REG_EXTENDED always.
 * Output, one line a case: "E <regerror text>", "N" (no match) or "M s,e s,e ..." (pmatch[0..9]).
 * Runs in the C locale, as Kamailio does (it never calls setlocale).
 */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t unhex(const char *h, char *out) {
  size_t n = 0;
  while (h[0] && h[1] && h[0] != '\t' && h[0] != '\n') {
    unsigned v;
    sscanf(h, "%2x", &v);
    out[n++] = (char)v;
    h += 2;
  }
  out[n] = 0;
  return n;
}

int main(void) {
  static char line[1 << 20], pat[1 << 19], text[1 << 19];
  while (fgets(line, sizeof line, stdin)) {
    char *f = line, *p = strchr(f, '\t');
    if (!p) continue;
    char *t = strchr(p + 1, '\t');
    if (!t) continue;
    unhex(p + 1, pat);
    unhex(t + 1, text);
    int cflags = REG_EXTENDED;
    if (strchr(f, 'i') && strchr(f, 'i') < p) cflags |= REG_ICASE;
    if (strchr(f, 'n') && strchr(f, 'n') < p) cflags |= REG_NEWLINE;
    if (strchr(f, 's') && strchr(f, 's') < p) cflags |= REG_NOSUB;
    regex_t re;
    int rc = regcomp(&re, pat, cflags);
    if (rc != 0) {
      char buf[256];
      regerror(rc, &re, buf, sizeof buf);
      printf("E %s\n", buf);
      continue;
    }
    regmatch_t m[10];
    rc = regexec(&re, text, 10, m, 0);
    if (rc != 0) {
      printf("N\n");
    } else if (cflags & REG_NOSUB) {
      printf("M\n");
    } else {
      printf("M");
      for (int i = 0; i < 10; i++) printf(" %d,%d", (int)m[i].rm_so, (int)m[i].rm_eo);
      printf("\n");
    }
    regfree(&re);
    fflush(stdout);
  }
  return 0;
}
