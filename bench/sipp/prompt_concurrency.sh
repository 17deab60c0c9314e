#!/usr/bin/env bash
# Simultaneous calls each hearing a looping prompt: benchmark (b).
#
# sipp opens CALLS calls to number 100 at RAMP calls/s; the server answers each and plays the greeting in a loop
# (flow bench/sipp/flows/prompt-loop.yaml: a menu playing en/welcome that waits 20 ms for a key after each play,
# sending silence frames meanwhile, then plays it again, without end). Every caller's SDP points at one RTP probe port. Once all
# calls are up and a settle time has passed, the probe starts a new window (SIGHUP) and the script measures for
# WINDOW seconds: the server's CPU (% of one core) and its busiest threads, sipp's and the probe's CPU, the server's
# RSS against the idle server's (after a warm-up) per call, and the probe's pacing (|gap - 20 ms| per stream, p50,
# p99, p99.9, max, share within ±2 ms, streams heard, loss). sipp then hangs every call up; its successful/failed
# counts and retransmissions complete the row. Each run uses a freshly started server; medians per call count follow.
#
# Usage: bench/sipp/prompt_concurrency.sh [-c "CALLS ..."] [-w WINDOW_S] [-n RUNS] [-R RAMP_PER_S] [-s SETTLE_S] [-T]
#   defaults: -c "200 1000 2000 5000" -w 20 -n 3 -R 250 -s 5
#   -T  callers talk: the probe answers each server leg with a paced 20 ms stream (50 packets/s in per call as well)
# Environment: see load_common.sh (ports, SERVER_ARGS, KEEP_DIR=1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/load_common.sh"


counts="200 1000 2000 5000"
window=20
runs=3
ramp=250
settle=5
talk=0
while getopts "c:w:n:R:s:Th" option; do
  case "$option" in
    c) counts=$OPTARG ;;
    w) window=$OPTARG ;;
    n) runs=$OPTARG ;;
    R) ramp=$OPTARG ;;
    s) settle=$OPTARG ;;
    T) talk=1 ;;
    *) usage ;;
  esac
done

require_tools
new_work_dir prompt-concurrency
raise_file_limit
build_all
write_ivr_config prompt-loop
probe_args=()
server_extra=()
if ((talk)); then
  probe_args=(--talk)
else
  # Silent callers would be hung up after Media:InactivitySeconds (30 s) of no RTP: a real phone always sends.
  server_extra=(--Media:InactivitySeconds=86400)
fi

# run_callers NAME RATE COUNT HOLD_MS: callers that dial 100 and listen (sets sipp_pid).
run_callers() { start_callers "$1" ivr_caller.xml "${@:2}"; }

load_line
echo "Callers $( ((talk)) && echo "talk (probe --talk)" || echo "listen only")"
row_format='%-6s %-3s %7s %6s %7s %8s %6s %6s %7s %8s %7s %8s %7s %7s %7s %7s %8s %9s  %s\n'
printf "\n$row_format" calls run success failed retrans "srvCPU%" "sipp%" "probe%" "streams" "winMiB" "idleMiB" "KiB/call" \
  "p50ms" "p99ms" "p999ms" "maxms" "within%" "lost/drop" "busiest server threads (% of one core)"
summary=()
for calls in $counts; do
  failed_all="" cpu_all="" kib_all="" p99_all="" max_all="" within_all="" sipp_all="" probe_all="" streams_all=""
  for ((run = 1; run <= runs; run++)); do
    name="c$calls-$run"
    start_server "$name" "--config=$work/ivr.yaml" "${server_extra[@]}"
    run_callers "$name-warmup" 50 100 1000
    wait "$sipp_pid" || true
    wait_for_idle 30 || echo "warning: calls still active after the warm-up"
    sleep 1
    idle=$(rss_kib "$server_pid")

    start_probe "callers-$name" "$caller_probe_port" "${probe_args[@]}"
    ramp_seconds=$(((calls + ramp - 1) / ramp))
    hold_ms=$(((ramp_seconds + settle + window + 5) * 1000))
    run_callers "$name" "$ramp" "$calls" "$hold_ms"
    wait_for_metric callcenter_calls_active "$calls" $((ramp_seconds + 30)) \
      || echo "warning: only $(metric_sum callcenter_calls_active) of $calls calls came up"
    sleep "$settle"

    kill -HUP "$probe_pid"
    server_before=$(cpu_ticks "$server_pid") sipp_before=$(cpu_ticks "$sipp_pid") probe_before=$(cpu_ticks "$probe_pid")
    thread_ticks "$server_pid" > "$work/$name.threads0"
    sleep "$window"
    server_after=$(cpu_ticks "$server_pid") sipp_after=$(cpu_ticks "$sipp_pid") probe_after=$(cpu_ticks "$probe_pid")
    thread_ticks "$server_pid" > "$work/$name.threads1"
    rss=$(rss_kib "$server_pid")
    active=$(metric_sum callcenter_calls_active)
    stop_probe "$probe_pid" "callers-$name"

    wait "$sipp_pid" || true
    read -r successful failed retransmissions < <(sipp_counts "$work/$name.out")
    server_cpu=$(percent $((server_after - server_before)) "$window")
    sipp_cpu=$(percent $((sipp_after - sipp_before)) "$window")
    probe_cpu=$(percent $((probe_after - probe_before)) "$window")
    per_call=$(kib_per_call "$rss" "$idle" "$active")
    threads=$(top_threads "$work/$name.threads0" "$work/$name.threads1" "$window")
    p99=$(probe_value "$probe_line" p99_us) max=$(probe_value "$probe_line" max_us) streams=$(probe_value "$probe_line" streams)
    within=$(awk -v w="$(probe_value "$probe_line" within)" 'BEGIN { printf "%.3f", 100 * w }')
    printf "$row_format" "$calls" "$run" "$successful" "$failed" "$retransmissions" "$server_cpu" "$sipp_cpu" "$probe_cpu" \
      "$streams" $((rss / 1024)) $((idle / 1024)) "$per_call" "$(ms "$(probe_value "$probe_line" p50_us)")" "$(ms "$p99")" \
      "$(ms "$(probe_value "$probe_line" p999_us)")" "$(ms "$max")" "$within" "$(probe_loss "$probe_line")" "$threads"
    stop_server
    failed_all+=" $failed" cpu_all+=" $server_cpu" kib_all+=" $per_call" p99_all+=" $p99" max_all+=" $max" within_all+=" $within"
    sipp_all+=" $sipp_cpu" probe_all+=" $probe_cpu" streams_all+=" $streams"
  done
  failed_median=$(median <<< "$failed_all") p99_median=$(median <<< "$p99_all") streams_median=$(median <<< "$streams_all")
  verdict=$(awk -v f="$failed_median" -v p="$p99_median" -v s="$streams_median" -v n="$calls" \
    'BEGIN { print (f == 0 && p <= 2000 && s >= n) ? "yes" : "no" }')
  summary+=("$(printf '%-6s %7s %11s %9s %9s %8s %9s %8s %8s %9s %6s' "$calls" "$failed_median" "$(median <<< "$cpu_all")" \
    "$(median <<< "$sipp_all")" "$(median <<< "$probe_all")" "$streams_median" "$(median <<< "$kib_all")" "$(ms "$p99_median")" \
    "$(ms "$(median <<< "$max_all")")" "$(median <<< "$within_all")" "$verdict")")
done

load_line
printf '\nMedians over %d run(s), window %d s, ramp %d calls/s:\n' "$runs" "$window" "$ramp"
printf '%-6s %7s %11s %9s %9s %8s %9s %8s %8s %9s %6s\n' calls failed "server CPU%" "sipp CPU%" "probe%" streams "KiB/call" "p99 ms" "max ms" "within%" "ok?"
printf '%s\n' "${summary[@]}"
echo "ok? = no failed call, every call's stream heard, and p99 of |gap - 20 ms| <= 2 ms (median run)"
