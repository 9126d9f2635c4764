#!/usr/bin/env bash
# Starts (or stops) a real single-node Slurm cluster on this machine, for testing the job-array
# scripts of this folder: munged, slurmctld and slurmd as background processes in the
# foreground mode of each daemon (no systemd), with their configuration, state and logs under
# one directory. Needs root and Debian's packages slurm-wlm and munge (installed if missing).
#
#   ci/slurm/local-cluster.sh start [DIR]   # DIR defaults to /tmp/trust-region-slurm
#   ci/slurm/local-cluster.sh stop  [DIR]
#
# After `start`, `export SLURM_CONF=DIR/slurm.conf` makes sbatch, squeue and sacct use it.
set -euo pipefail

action=${1:?usage: local-cluster.sh start|stop [DIR]}
dir=${2:-/tmp/trust-region-slurm}
host=$(hostname -s)

stop_cluster() {
  for daemon in slurmd slurmctld munged; do
    if [[ -f "$dir/$daemon.pid" ]]; then
      kill "$(cat "$dir/$daemon.pid")" 2>/dev/null || true
      rm -f "$dir/$daemon.pid"
    fi
  done
}

if [[ $action == stop ]]; then
  stop_cluster
  exit 0
fi
[[ $action == start ]] || { echo "usage: local-cluster.sh start|stop [DIR]" >&2; exit 2; }
[[ $(id -u) == 0 ]] || { echo "local-cluster.sh: the daemons need root; run it as root" >&2; exit 2; }

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq slurm-wlm munge >/dev/null
fi

stop_cluster
mkdir -p "$dir"/{state,spool,log,munge}
chown munge:munge "$dir/munge"
chmod 711 "$dir/munge"

# munge: one key for this cluster, a socket of its own so a system munged is left alone.
if [[ ! -f "$dir/munge/munge.key" ]]; then
  dd if=/dev/urandom of="$dir/munge/munge.key" bs=1024 count=1 status=none
  chown munge:munge "$dir/munge/munge.key"
  chmod 400 "$dir/munge/munge.key"
fi
socket="$dir/munge/munge.socket"
runuser -u munge -- munged --foreground --force --key-file="$dir/munge/munge.key" \
  --socket="$socket" --pid-file="$dir/munge/munged.pid" --log-file="$dir/log/munged.log" \
  --seed-file="$dir/munge/munged.seed" >> "$dir/log/munged.out" 2>&1 &
echo $! > "$dir/munged.pid"

cores=$(nproc)
memory=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
cat > "$dir/slurm.conf" <<EOF
ClusterName=trust-region-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$socket
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.internal.pid
SlurmdPidFile=$dir/slurmd.internal.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
NodeName=$host CPUs=$cores RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
export SLURM_CONF="$dir/slurm.conf"

slurmctld -D -i -f "$SLURM_CONF" >> "$dir/log/slurmctld.out" 2>&1 &
echo $! > "$dir/slurmctld.pid"
slurmd -D -f "$SLURM_CONF" >> "$dir/log/slurmd.out" 2>&1 &
echo $! > "$dir/slurmd.pid"

for _ in $(seq 60); do
  if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then
    echo "Slurm is up: SLURM_CONF=$SLURM_CONF, node $host with $cores cores, logs in $dir/log"
    exit 0
  fi
  sleep 1
done
echo "local-cluster.sh: the node did not become idle within 60 s; see $dir/log" >&2
sinfo >&2 || true
exit 1
