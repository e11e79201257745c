#!/usr/bin/env bash
# The browser suites under CPU load: starts HOGS busy loops (default 4, more than a 2-core
# machine has), runs `npx vitest run tests/e2e` RUNS times (default 2) beside them, and stops
# them by PID at the end. Every run must pass with nothing skipped. It prints the load average
# it ran under (sampled every 5 s) and each run's result; exits non-zero if any run failed.
#
#   scripts/e2e-under-load.sh                      # both runs, all browser suites
#   HOGS=2 RUNS=1 scripts/e2e-under-load.sh tests/e2e/workflow.test.ts
#
# The hogs end by themselves after LIMIT_S seconds (default 3600) even if this script is killed.
set -u
cd "$(dirname "$0")/.."

HOGS=${HOGS:-4}
RUNS=${RUNS:-2}
LIMIT_S=${LIMIT_S:-3600}
[ $# -gt 0 ] || set -- tests/e2e

work=$(mktemp -d "${TMPDIR:-/tmp}/kamsim-e2e-load-XXXXXX")
pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

for _ in $(seq "$HOGS"); do
  timeout "$LIMIT_S" node -e 'for (;;) {}' &
  pids+=("$!")
done
# The 1-minute load average every 5 s, for the report.
(while :; do cut -d' ' -f1 /proc/loadavg >>"$work/load"; sleep 5; done) &
pids+=("$!")
echo "e2e under load: $HOGS busy loops (PIDs ${pids[*]:0:$HOGS}), $RUNS run(s) of: npx vitest run $*"

failed=0
for run in $(seq "$RUNS"); do
  echo
  echo "── run $run of $RUNS (load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
  start=$(date +%s)
  npx vitest run "$@" --reporter=default --reporter=json --outputFile.json="$work/run-$run.json"
  status=$?
  result=$(node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const skipped = r.numPendingTests + r.numTodoTests;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${skipped} skipped`);
    process.exit(r.numFailedTests === 0 && skipped === 0 && r.numPassedTests > 0 ? 0 : 1);
  ' "$work/run-$run.json" 2>&1) || status=1
  echo "run $run: ${result:-no report} in $(($(date +%s) - start)) s (exit $status)"
  echo "run $run: ${result:-no report} in $(($(date +%s) - start)) s" >>"$work/summary"
  [ "$status" -eq 0 ] || failed=1
done

echo
echo "e2e under load, $HOGS busy loops:"
cat "$work/summary"
sort -n "$work/load" | awk '{ a[NR] = $1; s += $1 } END { if (NR) printf "load average (1 min) during the runs: min %s, mean %.1f, max %s (%d samples)\n", a[1], s / NR, a[NR], NR }'
[ "$failed" -eq 0 ] && echo "all runs passed" || echo "FAILED: a run failed or skipped tests"
exit "$failed"
