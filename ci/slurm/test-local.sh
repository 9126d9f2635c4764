#!/usr/bin/env bash
# Tests the job-array scripts against a real Slurm: starts a single-node cluster on this machine
# (local-cluster.sh, as root), runs every experiment at smoke scale once in one process, then
# submits the same plan as an array of 3 shards plus the finishing job (submit.sh --wait), and
# compares the merged results with the single process's trial by trial (compare-results.py).
# Exits 0 when they are the same and the finishing job succeeded. Compiles what it needs.
#
#   ci/slurm/test-local.sh [WORK_DIR]     # default /tmp/trust-region-slurm-test
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/trust-region-slurm-test}
rm -rf "$work"
mkdir -p "$work"
start=$(date +%s)

"$repo/ci/slurm/local-cluster.sh" start "$work/cluster"
export SLURM_CONF="$work/cluster/slurm.conf"
trap '"$repo/ci/slurm/local-cluster.sh" stop "$work/cluster"' EXIT

cd "$repo"
mvn -B -q -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile="$work/deps.classpath"
echo "== one process, smoke scale"
OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE java -Xmx2g \
  -cp "$repo/benchmarks/target/classes:$(cat "$work/deps.classpath")" \
  io.github.trustregion.framework.cli.ExperimentsCli --scale smoke --results "$work/single" \
  > "$work/single.log" 2>&1 || { tail -20 "$work/single.log"; exit 1; }
tail -1 "$work/single.log"

echo "== Slurm: an array of 3 shards and the finishing job"
status=0
"$repo/ci/slurm/submit.sh" --shards 3 --scale smoke --cpus 1 --mem 2500M --no-build --wait \
  --results "$work/sharded/results" --report "$work/sharded/report" || status=$?
for log in "$work"/sharded/results/.slurm/*.out; do
  echo "-- $(basename "$log"): $(grep -cE 'Trial [0-9]+ of [0-9]+: .* (COMPLETED|DIVERGED|FAILED)' "$log") trial(s) trained; $(tail -1 "$log")"
done
sacct_line=$(squeue -h 2>/dev/null | wc -l)
echo "jobs still queued: $sacct_line; finishing job exit status: $status"

echo "== the sharded results against the single process's, trial by trial"
python3 "$repo/ci/slurm/compare-results.py" "$work/single" "$work/sharded/results"
(( status == 0 ))
echo "Slurm test passed in $(( $(date +%s) - start )) s"
