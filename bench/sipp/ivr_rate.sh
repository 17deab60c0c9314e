#!/usr/bin/env bash
# Short IVR calls against the CallCenter server (Release build), driven by sipp on loopback: benchmark (a).
#
# Every sipp call dials 100 (flow bench/sipp/flows/bench-greeting.yaml), is answered, hears the greeting
# (en/welcome) for 2 s and hangs up with BYE. The
# callers' SDP points at one RTP probe port, so the server sends every call's greeting there and the probe
# measures its pacing (|gap - 20 ms| per stream). For each rate the run is repeated RUNS times, each on a freshly
# started server that first takes a short warm-up (JIT) and then settles to idle. Per run it prints sipp's
# successful/failed calls and retransmissions, the achieved rate, the CPU (% of one core) of the server, sipp
# and the probe over the steady window (from the 3rd second to the end of the call generation), the server's
# busiest threads, its peak RSS and the RSS above the idle server per concurrent call, and the probe's pacing
# figures over the same window; then the medians per rate.
#
# Usage: bench/sipp/ivr_rate.sh [-r "RATE ..."] [-d SECONDS] [-n RUNS] [-H HOLD_MS]
#   defaults: -r "50 200 400 800" -d 15 -n 3 -H 2000
# Environment: see load_common.sh (ports, SERVER_ARGS, KEEP_DIR=1 keeps the work directory).
# sipp and the probe share this machine's cores with the server: their CPU is printed next to the server's.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/load_common.sh"


rates="50 200 400 800"
duration=15
runs=3
hold_ms=2000
while getopts "r:d:n:H:h" option; do
  case "$option" in
    r) rates=$OPTARG ;;
    d) duration=$OPTARG ;;
    n) runs=$OPTARG ;;
    H) hold_ms=$OPTARG ;;
    *) usage ;;
  esac
done
((duration >= 6)) || { echo "ivr_rate: -d must be at least 6 s (3 s ramp + a window)" >&2; exit 2; }

require_tools
new_work_dir ivr-rate
raise_file_limit
build_all
write_ivr_config bench-greeting
warm_seconds=3
window=$((duration - warm_seconds))

# run_callers NAME RATE COUNT HOLD_MS: short IVR calls (sets sipp_pid); room for RATE x (hold + 10 s) calls at once.
run_callers() {
  start_callers "$1" ivr_caller.xml "$2" "$3" "$4" $(($2 * ($4 / 1000 + 10) + 100)) 10000 $((duration * 3 + 60))
}

# sample_server FILE: every 0.5 s appends "rss_kib calls_active" until killed.
sample_server() {
  trap - ERR # killed mid-way at the end of each run, which is no failure
  while true; do
    echo "$(rss_kib "$server_pid") $(metric_sum callcenter_calls_active)" >> "$1"
    sleep 0.5
  done
}

load_line
row_format='%-5s %-3s %7s %6s %7s %8s %7s %6s %6s %7s %8s %7s %8s %8s %8s %8s %7s %9s  %s\n'
printf "\n$row_format" rate run success failed retrans "calls/s" "srvCPU%" "sipp%" "probe%" "peak" "peakMiB" "idleMiB" "KiB/call" \
  "p50ms" "p99ms" "maxms" "within%" "lost/drop" "busiest server threads (% of one core)"
summary=()
for rate in $rates; do
  failed_all="" achieved_all="" cpu_all="" kib_all="" p99_all="" max_all="" within_all="" sipp_all=""
  for ((run = 1; run <= runs; run++)); do
    name="r$rate-$run"
    start_server "$name" "--config=$work/ivr.yaml"

    # Warm-up: 2 s of calls at 50/s (JIT, first allocations), then back to idle before measuring the baseline.
    run_callers "$name-warmup" 50 100 1000
    wait "$sipp_pid" || true
    wait_for_idle 30 || echo "warning: calls still active after the warm-up"
    sleep 1
    idle=$(rss_kib "$server_pid")

    start_probe "callers-$name" "$caller_probe_port"
    sample_server "$work/$name.samples" &
    sampler_pid=$!
    started_pids+=("$sampler_pid")
    start=$(date +%s.%N)
    run_callers "$name" "$rate" $((rate * duration)) "$hold_ms"

    sleep "$warm_seconds"
    kill -HUP "$probe_pid"
    server_before=$(cpu_ticks "$server_pid") sipp_before=$(cpu_ticks "$sipp_pid") probe_before=$(cpu_ticks "$probe_pid")
    thread_ticks "$server_pid" > "$work/$name.threads0"
    sleep "$window"
    server_after=$(cpu_ticks "$server_pid") sipp_after=$(cpu_ticks "$sipp_pid") probe_after=$(cpu_ticks "$probe_pid")
    thread_ticks "$server_pid" > "$work/$name.threads1"
    stop_probe "$probe_pid" "callers-$name"

    wait "$sipp_pid" || true
    end=$(date +%s.%N)
    kill "$sampler_pid" 2>/dev/null || true
    wait "$sampler_pid" 2>/dev/null || true
    read -r successful failed retransmissions < <(sipp_counts "$work/$name.out")
    read -r peak_rss peak_calls < <(awk '$1 > r { r = $1 } $2 > c { c = $2 } END { print r + 0, c + 0 }' "$work/$name.samples")
    achieved=$(awk -v s="$successful" -v a="$start" -v b="$end" -v h="$hold_ms" 'BEGIN { printf "%.0f", s / (b - a - h / 1000) }')
    server_cpu=$(percent $((server_after - server_before)) "$window")
    sipp_cpu=$(percent $((sipp_after - sipp_before)) "$window")
    probe_cpu=$(percent $((probe_after - probe_before)) "$window")
    per_call=$(kib_per_call "$peak_rss" "$idle" "$peak_calls")
    threads=$(top_threads "$work/$name.threads0" "$work/$name.threads1" "$window")
    p99=$(probe_value "$probe_line" p99_us) max=$(probe_value "$probe_line" max_us)
    within=$(awk -v w="$(probe_value "$probe_line" within)" 'BEGIN { printf "%.3f", 100 * w }')
    printf "$row_format" "$rate" "$run" "$successful" "$failed" "$retransmissions" "$achieved" "$server_cpu" "$sipp_cpu" "$probe_cpu" \
      "$peak_calls" $((peak_rss / 1024)) $((idle / 1024)) "$per_call" "$(ms "$(probe_value "$probe_line" p50_us)")" "$(ms "$p99")" \
      "$(ms "$max")" "$within" "$(probe_loss "$probe_line")" "$threads"
    stop_server
    failed_all+=" $failed" achieved_all+=" $achieved" cpu_all+=" $server_cpu" kib_all+=" $per_call" p99_all+=" $p99" max_all+=" $max"
    within_all+=" $within" sipp_all+=" $sipp_cpu"
  done
  failed_median=$(median <<< "$failed_all") p99_median=$(median <<< "$p99_all")
  verdict=$(awk -v f="$failed_median" -v p="$p99_median" 'BEGIN { printf "%s/%s", (f == 0) ? "yes" : "no", (p <= 2000) ? "yes" : "no" }')
  summary+=("$(printf '%-6s %9s %7s %11s %9s %9s %8s %9s %9s %9s' "$rate" "$(median <<< "$achieved_all")" "$failed_median" \
    "$(median <<< "$cpu_all")" "$(median <<< "$sipp_all")" "$(median <<< "$kib_all")" "$(ms "$p99_median")" \
    "$(ms "$(median <<< "$max_all")")" "$(median <<< "$within_all")" "$verdict")")
done

load_line
printf '\nMedians over %d run(s) of %d s (window %d s), calls held %d ms:\n' "$runs" "$duration" "$window" "$hold_ms"
printf '%-6s %9s %7s %11s %9s %9s %8s %9s %9s %9s\n' rate "calls/s" failed "server CPU%" "sipp CPU%" "KiB/call" "p99 ms" "max ms" "within%" "SIP/audio"
printf '%s\n' "${summary[@]}"
echo "SIP/audio = target (a) is met on SIP (no failed call) / on audio (p99 of |gap - 20 ms| <= 2 ms), median run"
