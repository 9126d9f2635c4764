#!/usr/bin/env bash
# Submits the experiment plan to Slurm as a job array of shards plus one finishing job.
#
#   ci/slurm/submit.sh --shards N --results DIR [--scale ci] [--cpus 2] [--mem 8G]
#                      [--partition P] [--gpu] [--time 24:00:00] [--report DIR] [--gate]
#                      [--no-build] [--wait] [-- ExperimentsCli arguments ...]
#
# Task K of the array runs shard K/N of the plan (ExperimentsCli --shard K/N) on the results
# directory DIR, which must be on storage every node sees; the finishing job (after every task has
# ended, whatever their status) runs the plan once more without a shard, training only what the
# shards left (custom trials whose sources were in other shards, cancelled tasks), renders the
# HTML report and, with --gate, runs the accuracy-gap gate. --gpu asks each task for one GPU
# (--gres=gpu:1) and builds with the cuda profile. --wait returns when the finishing job has ended,
# with its exit status. Run it from the checkout, on a node that shares DIR and the checkout.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }

shards='' results='' scale=ci cpus=2 mem=8G partition='' gpu=0 time_limit='' report='' gate=0
build=1 wait=0
while (($#)); do
  case $1 in
    --shards) shards=${2:?}; shift 2 ;;
    --results) results=${2:?}; shift 2 ;;
    --scale) scale=${2:?}; shift 2 ;;
    --cpus) cpus=${2:?}; shift 2 ;;
    --mem) mem=${2:?}; shift 2 ;;
    --partition) partition=${2:?}; shift 2 ;;
    --gpu) gpu=1; shift ;;
    --time) time_limit=${2:?}; shift 2 ;;
    --report) report=${2:?}; shift 2 ;;
    --gate) gate=1; shift ;;
    --no-build) build=0; shift ;;
    --wait) wait=1; shift ;;
    -h|--help) usage 0 ;;
    --) shift; break ;;
    *) echo "submit.sh: unknown option '$1'" >&2; usage 2 ;;
  esac
done
[[ $shards =~ ^[1-9][0-9]*$ ]] || { echo "submit.sh: --shards N needs a whole number N >= 1, not '$shards'" >&2; exit 2; }
[[ -n $results ]] || { echo "submit.sh: --results DIR is required (storage that every node sees)" >&2; exit 2; }
mkdir -p "$results"
results=$(cd "$results" && pwd)
report=${report:-$results/../report}
state="$results/.slurm"
mkdir -p "$state"

profile=()
((gpu)) && profile=(-Pcuda)
cd "$repo"
if ((build)); then
  mvn -B -q install -DskipTests "${profile[@]}"
fi
# Class paths from the reactor (compile in the same session makes Maven resolve this checkout's
# modules to their target/classes, whatever the local repository holds).
mvn -B -q -pl benchmarks -am compile dependency:build-classpath "${profile[@]}" \
  -Dmdep.outputFile="$state/deps.classpath"
echo "$repo/benchmarks/target/classes:$(cat "$state/deps.classpath")" > "$state/experiments.classpath"
mvn -B -q -pl reports -am compile dependency:build-classpath -Dmdep.outputFile="$state/reports-deps.classpath"
echo "$repo/reports/target/classes:$(cat "$state/reports-deps.classpath")" > "$state/reports.classpath"

export TR_CLASSPATH="$state/experiments.classpath" TR_REPORTS_CLASSPATH="$state/reports.classpath"
export TR_RESULTS="$results" TR_SCALE="$scale" TR_ARGS="$*" TR_REPORT="$report" TR_GATE="$gate"
export TR_REPO="$repo"
common=(--parsable --chdir="$state" --cpus-per-task="$cpus" --mem="$mem" --export=ALL)
[[ -n $partition ]] && common+=(--partition="$partition")
[[ -n $time_limit ]] && common+=(--time="$time_limit")
((gpu)) && common+=(--gres=gpu:1)

array=$(sbatch "${common[@]}" --array="1-$shards" "$repo/ci/slurm/experiments.sbatch")
echo "Submitted the experiments as job array $array ($shards shard(s), scale $scale, results $results)"
finish_args=("${common[@]}" --dependency="afterany:$array")
((wait)) && finish_args+=(--wait)
set +e
finish=$(sbatch "${finish_args[@]}" "$repo/ci/slurm/finish.sbatch")
status=$?
set -e
echo "Submitted the finishing job ${finish%%;*} (report in $report); logs in $state"
exit $status
