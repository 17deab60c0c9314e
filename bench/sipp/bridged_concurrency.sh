#!/usr/bin/env bash
# Simultaneous bridged caller-agent calls: benchmark (c).
#
# Set-up per run: a freshly started server with a generated configuration of AGENTS agents (extensions 3000...,
# password pwEXTENSION, skill lang-en) and number 100 -> flow bench/sipp/flows/bench-greeting.yaml (greeting, key 1
# -> first free agent with lang-en); an agent-side RTP probe in
# echo mode; one sipp UAS (agent_uas.xml) that answers every INVITE for every agent with an SDP naming that probe;
# every agent registered (register_agents.xml, digest MD5) with its Contact at that UAS; a warm-up of 20 bridged calls.
# Then a caller-side probe in talk mode starts and sipp opens CALLS calls (bridged_caller.xml) at RAMP calls/s:
# each hears the greeting, presses 1 by SIP INFO, and is bridged to the next free agent.
#
# Media path of one call (loopback): the caller probe sends a paced 20 ms PCMU stream to the server's caller leg;
# the server relays it to the agent leg and on to the agent probe, which echoes it back; the server relays that to
# the caller leg and on to the caller probe. So the server receives 100 and sends 100 packets/s per call, and both
# probes measure the pacing of what the server relayed (|gap - 20 ms| per stream). The caller probe's figure also
# contains its own send jitter and the echo's; its talker reports its own lateness so the two can be told apart.
#
# Once all calls are bridged (2 x CALLS media legs) and a settle time has passed, both probes start a new window
# and the script measures for WINDOW seconds: server CPU (% of one core) and busiest threads, sipp's and the
# probes' CPU, server RSS above the idle (registered, warmed-up) server per call, and both probes' pacing.
#
# Usage: bench/sipp/bridged_concurrency.sh [-c "CALLS ..."] [-a AGENTS] [-w WINDOW_S] [-n RUNS] [-R RAMP_PER_S] [-s SETTLE_S]
#   defaults: -c "100 500 1000 1500" -a (largest CALLS + 100) -w 20 -n 3 -R 100 -s 5
# Environment: see load_common.sh (ports, SERVER_ARGS, KEEP_DIR=1).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/load_common.sh"


counts="100 500 1000 1500"
agents=""
window=20
runs=3
ramp=100
settle=5
while getopts "c:a:w:n:R:s:h" option; do
  case "$option" in
    c) counts=$OPTARG ;;
    a) agents=$OPTARG ;;
    w) window=$OPTARG ;;
    n) runs=$OPTARG ;;
    R) ramp=$OPTARG ;;
    s) settle=$OPTARG ;;
    *) usage ;;
  esac
done
largest=$(tr ' ' '\n' <<< "$counts" | sort -n | tail -n1)
agents=${agents:-$((largest + 100))}
((agents >= largest)) || { echo "bridged_concurrency: -a $agents is fewer agents than $largest calls" >&2; exit 2; }

require_tools
new_work_dir bridged-concurrency
raise_file_limit
build_all
agent_uas_port=$((sip_port + 3))
register_port=$((sip_port + 5))

write_agents() {
  local extension last=$((3000 + agents - 1))
  {
    echo "agents:"
    for ((extension = 3000; extension <= last; extension++)); do
      printf '  - extension: "%d"\n    name: "Bench Agent %d"\n    secret: "pw%d"\n    skills: { lang-en: 5 }\n' \
        "$extension" "$extension" "$extension"
    done
    echo "numbers:"
    echo '  "100": bench-greeting'
  } > "$work/callcenter.yaml"
  {
    echo "SEQUENTIAL"
    for ((extension = 3000; extension <= last; extension++)); do
      printf '%d;[authentication username=%d password=pw%d]\n' "$extension" "$extension" "$extension"
    done
  } > "$work/agents.csv"
}

# start_agents NAME: the UAS that answers for every agent (sets uas_pid), then registers them all.
start_agents() {
  local name=$1
  sipp -sf "$scenarios/agent_uas.xml" -key probe_port "$agent_probe_port" -i 127.0.0.1 -p "$agent_uas_port" \
    -cp $((sip_port + 4)) -mp $((sip_port + 30)) -buff_size 4194304 -nostdin -trace_err -error_file "$work/$name-uas.errors" \
    > "$work/$name-uas.out" 2>&1 &
  uas_pid=$!
  started_pids+=("$uas_pid")
  sipp "127.0.0.1:$sip_port" -sf "$scenarios/register_agents.xml" -inf "$work/agents.csv" -key contact_port "$agent_uas_port" \
    -i 127.0.0.1 -p "$register_port" -cp $((sip_port + 6)) -mp $((sip_port + 40)) -buff_size 4194304 \
    -r 500 -m "$agents" -l 1000 -recv_timeout 10000 -timeout 120s -nostdin -trace_err -error_file "$work/$name-register.errors" \
    > "$work/$name-register.out" 2>&1 || true
  local registered
  registered=$(metric_sum callcenter_sip_registrations_active)
  ((registered >= agents)) || { echo "only $registered of $agents agents registered; see $work/$name-register.out" >&2; KEEP_DIR=1; exit 1; }
}

# run_callers NAME RATE COUNT HOLD_MS: callers that press 1 and are bridged to an agent (sets sipp_pid).
run_callers() { start_callers "$1" bridged_caller.xml "${@:2}"; }

write_agents
load_line
echo "$agents agents registered per run"
row_format='%-6s %-3s %7s %6s %7s %8s %6s %7s %7s %7s %8s %8s %8s %8s %8s %8s %8s %13s  %s\n'
printf "\n$row_format" calls run success failed retrans "srvCPU%" "sipp%" "probes%" "streams" "winMiB" "idleMiB" "KiB/call" \
  "p99ms>A" "maxms>A" "p99ms>C" "maxms>C" "within%" "lost/drop A C" "busiest server threads (% of one core)"
summary=()
for calls in $counts; do
  failed_all="" cpu_all="" kib_all="" p99a_all="" p99c_all="" max_all="" within_all="" sipp_all="" streams_all=""
  for ((run = 1; run <= runs; run++)); do
    name="c$calls-$run"
    start_server "$name" "--config=$work/callcenter.yaml"
    start_probe "agents-$name" "$agent_probe_port" --echo
    agent_probe=$probe_pid
    start_agents "$name"
    start_probe "warmup-$name" "$caller_probe_port" --talk
    run_callers "$name-warmup" 20 20 1000
    wait "$sipp_pid" || true
    stop_probe "$probe_pid" "warmup-$name"
    wait_for_idle 30 || echo "warning: calls still active after the warm-up"
    sleep 1
    idle=$(rss_kib "$server_pid")

    start_probe "callers-$name" "$caller_probe_port" --talk
    caller_probe=$probe_pid
    ramp_seconds=$(((calls + ramp - 1) / ramp))
    hold_ms=$(((ramp_seconds + settle + window + 5) * 1000))
    run_callers "$name" "$ramp" "$calls" "$hold_ms"
    wait_for_metric callcenter_media_legs_active $((2 * calls)) $((ramp_seconds + 30)) \
      || echo "warning: only $(metric_sum callcenter_media_legs_active) of $((2 * calls)) media legs came up"
    sleep "$settle"

    kill -HUP "$caller_probe" "$agent_probe"
    server_before=$(cpu_ticks "$server_pid") sipp_before=$(($(cpu_ticks "$sipp_pid") + $(cpu_ticks "$uas_pid")))
    probes_before=$(($(cpu_ticks "$caller_probe") + $(cpu_ticks "$agent_probe")))
    thread_ticks "$server_pid" > "$work/$name.threads0"
    sleep "$window"
    server_after=$(cpu_ticks "$server_pid") sipp_after=$(($(cpu_ticks "$sipp_pid") + $(cpu_ticks "$uas_pid")))
    probes_after=$(($(cpu_ticks "$caller_probe") + $(cpu_ticks "$agent_probe")))
    thread_ticks "$server_pid" > "$work/$name.threads1"
    rss=$(rss_kib "$server_pid")
    active=$(metric_sum callcenter_calls_active)
    stop_probe "$caller_probe" "callers-$name"
    caller_line=$probe_line
    stop_probe "$agent_probe" "agents-$name"
    agent_line=$probe_line

    wait "$sipp_pid" || true
    read -r successful failed retransmissions < <(sipp_counts "$work/$name.out")
    kill -TERM "$uas_pid" 2>/dev/null || true
    wait "$uas_pid" 2>/dev/null || true
    server_cpu=$(percent $((server_after - server_before)) "$window")
    sipp_cpu=$(percent $((sipp_after - sipp_before)) "$window")
    probes_cpu=$(percent $((probes_after - probes_before)) "$window")
    per_call=$(kib_per_call "$rss" "$idle" "$active")
    threads=$(top_threads "$work/$name.threads0" "$work/$name.threads1" "$window")
    p99a=$(probe_value "$agent_line" p99_us) p99c=$(probe_value "$caller_line" p99_us)
    streams="$(probe_value "$caller_line" streams)/$(probe_value "$agent_line" streams)"
    worst_p99=$((p99a > p99c ? p99a : p99c))
    max_a=$(probe_value "$agent_line" max_us) max_c=$(probe_value "$caller_line" max_us)
    within=$(awk -v a="$(probe_value "$agent_line" within)" -v c="$(probe_value "$caller_line" within)" \
      'BEGIN { printf "%.3f", 100 * (a < c ? a : c) }')
    lost="$(probe_loss "$agent_line") $(probe_loss "$caller_line")"
    printf "$row_format" "$calls" "$run" "$successful" "$failed" "$retransmissions" "$server_cpu" "$sipp_cpu" "$probes_cpu" \
      "$streams" $((rss / 1024)) $((idle / 1024)) "$per_call" "$(ms "$p99a")" "$(ms "$max_a")" "$(ms "$p99c")" "$(ms "$max_c")" \
      "$within" "$lost" "$threads"
    grep -h 'talker:' "$work/probe-callers-$name.log" | sed 's/^/      /'
    stop_server
    failed_all+=" $failed" cpu_all+=" $server_cpu" kib_all+=" $per_call" p99a_all+=" $p99a" p99c_all+=" $p99c"
    max_all+=" $((max_a > max_c ? max_a : max_c))" within_all+=" $within" sipp_all+=" $sipp_cpu"
    streams_all+=" $(( $(probe_value "$caller_line" streams) < $(probe_value "$agent_line" streams) ? $(probe_value "$caller_line" streams) : $(probe_value "$agent_line" streams) ))"
  done
  failed_median=$(median <<< "$failed_all") p99a_median=$(median <<< "$p99a_all") p99c_median=$(median <<< "$p99c_all")
  streams_median=$(median <<< "$streams_all")
  verdict=$(awk -v f="$failed_median" -v a="$p99a_median" -v c="$p99c_median" -v s="$streams_median" -v n="$calls" \
    'BEGIN { print (f == 0 && a <= 2000 && c <= 2000 && s >= n) ? "yes" : "no" }')
  summary+=("$(printf '%-6s %7s %11s %9s %8s %9s %10s %10s %8s %9s %6s' "$calls" "$failed_median" "$(median <<< "$cpu_all")" \
    "$(median <<< "$sipp_all")" "$streams_median" "$(median <<< "$kib_all")" "$(ms "$p99a_median")" "$(ms "$p99c_median")" \
    "$(ms "$(median <<< "$max_all")")" "$(median <<< "$within_all")" "$verdict")")
done

load_line
printf '\nMedians over %d run(s), window %d s, ramp %d calls/s, %d agents:\n' "$runs" "$window" "$ramp" "$agents"
printf '%-6s %7s %11s %9s %8s %9s %10s %10s %8s %9s %6s\n' calls failed "server CPU%" "sipp CPU%" streams "KiB/call" \
  "p99ms >A" "p99ms >C" "max ms" "within%" "ok?"
printf '%s\n' "${summary[@]}"
echo ">A = relayed to the agent side (caller's voice, one relay); >C = back at the caller side (two relays and the echo)."
echo "ok? = no failed call, every call's streams heard on both sides, and p99 of |gap - 20 ms| <= 2 ms on both sides (median run)"
