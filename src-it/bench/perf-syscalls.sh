#!/usr/bin/env bash
# Counts the system calls and context switches of every benchmarked server with `perf stat`,
# from the end of its warm-up to the end of the run (docs/performance.md, "Where the kernel time
# goes"). Needs Linux perf with tracepoints (root, or kernel.perf_event_paranoid <= 1).
#
#   mvn -Pbench package -Dbench.options="servers=socketee,node scenarios=S2 reps=3" | tee target/bench.log &
#   src-it/bench/perf-syscalls.sh target/bench.log S2 target/bench/perf
#
# Run one scenario at a time (the counts cover every repetition of it), then divide each count
# by the operations measured: S2 with reps=3 delivers 3 x 200 x 1,000 messages, S1 makes
# 3 x 20,000 round trips. Counting slows every system call a little, so the CPU figures of the
# same run read higher than without it; compare the counts, not those figures.
set -euo pipefail
log=$1 scenario=$2 out=${3:-target/bench/perf}
mkdir -p "$out"
events=raw_syscalls:sys_enter,context-switches
for s in write writev read epoll_wait epoll_pwait epoll_ctl futex; do events=$events,syscalls:sys_enter_$s; done
attached=" "
pids=()
until grep -q '^## Medians' "$log" 2>/dev/null; do
  while read -r name pid; do
    [[ $attached == *" $name "* ]] && continue
    grep -q "^$name warm-up $scenario:" "$log" || continue
    perf stat -e "$events" -p "$pid" -o "$out/$name.txt" &
    pids+=($!)
    attached="$attached$name "
    echo "counting $name (pid $pid) into $out/$name.txt"
  done < <(sed -nE 's/^## ([a-z-]+) started \(pid ([0-9]+).*/\1 \2/p' "$log" 2>/dev/null)
  sleep 0.5
done
((${#pids[@]})) && kill -INT "${pids[@]}" 2>/dev/null || true
wait
