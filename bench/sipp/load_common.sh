# Shared by ivr_rate.sh, prompt_concurrency.sh and bridged_concurrency.sh: sourced, never run on its own.
#
# Starts and stops what a call-load run needs (the Release server, the RTP probes, sipp), samples the server's
# CPU time, per-thread CPU and RSS from /proc, reads its /metrics, and parses sipp's and the probe's reports.
# Every process is started here and stopped by its pid; the work directory is removed at exit unless KEEP_DIR=1.
# Ports (environment): SIP_PORT (15070; sipp uses SIP_PORT+1..+6, media ports +20, +30, +40), HTTP_PORT (18070),
# CALLER_PROBE_PORT (16000), AGENT_PROBE_PORT (16002). SERVER_ARGS adds server options, e.g.
# SERVER_ARGS="--Media:ReceiveThreads=2"; PROBE_ARGS adds probe options, e.g. PROBE_ARGS="--receiver socket".
# SERVER_DIR=DIR runs the server from a copy of its build output (DIR/CallCenter.Server.dll) and skips building it,
# so that a tree being edited and rebuilt by others cannot change the binaries under a run.
# The server runs the benchmark's own IVR flows (bench/sipp/flows, --Flows:Directory) and a generated configuration
# that maps number 100 to one of them, so neither the demo config/callcenter.yaml nor ivr-flows/ is involved.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scenarios="$repo_root/bench/sipp"
sip_port=${SIP_PORT:-15070}
http_port=${HTTP_PORT:-18070}
caller_probe_port=${CALLER_PROBE_PORT:-16000}
agent_probe_port=${AGENT_PROBE_PORT:-16002}
probe_dll="$repo_root/bench/CallCenter.RtpProbe/bin/Release/net10.0/CallCenter.RtpProbe.dll"
flows_dir="$scenarios/flows"
clock_ticks=$(getconf CLK_TCK)
# The media ports the server hands out: 20,500 pairs, far from the SIP and probe ports above.
media_args=(--Media:PortMin=20000 --Media:PortMax=60999)
started_pids=()
server_pid=""
run_pid=""

# usage: prints the running script's header comment (its description and options) and exits 2.
usage() { awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 2; }

require_tools() {
  local program
  for program in sipp dotnet curl awk; do
    command -v "$program" >/dev/null || { echo "$program is not installed" >&2; exit 1; }
  done
}

new_work_dir() {
  work="$(mktemp -d "/tmp/callcenter-$1.XXXXXX")"
  trap cleanup EXIT
  # With set -e a failing command ends the script: say which one (errtrace: also inside functions).
  set -o errtrace
  trap 'echo "stopped: line $LINENO: $BASH_COMMAND exited with $?" >&2' ERR
}

cleanup() {
  # Stop only what this script started, by pid, newest first.
  local index pid
  for ((index = ${#started_pids[@]} - 1; index >= 0; index--)); do
    pid=${started_pids[index]}
    if kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid" 2>/dev/null || true; fi
  done
  wait 2>/dev/null || true
  if [[ "${KEEP_DIR:-0}" == 1 ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}

# The server needs two sockets per call leg: 5,000 IVR calls are 10,000 descriptors.
raise_file_limit() { ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"; }

build_all() {
  if [[ -n "${SERVER_DIR:-}" ]]; then
    [[ -f "$SERVER_DIR/CallCenter.Server.dll" ]] || { echo "SERVER_DIR has no CallCenter.Server.dll: $SERVER_DIR" >&2; exit 1; }
    echo "Server binaries: $SERVER_DIR (not rebuilt); building the RTP probe (Release)..."
  else
    echo "Building the server and the RTP probe (Release)..."
    dotnet build -c Release "$repo_root/src/CallCenter.Server" -v quiet -nologo > "$work/build-server.log" 2>&1 \
      || { cat "$work/build-server.log"; exit 1; }
  fi
  dotnet build -c Release "$repo_root/bench/CallCenter.RtpProbe" -v quiet -nologo > "$work/build-probe.log" 2>&1 \
    || { cat "$work/build-probe.log"; exit 1; }
  dotnet "$probe_dll" --self-test > "$work/probe-self-test.log" || { cat "$work/probe-self-test.log"; exit 1; }
  # The benchmark flows must load in the server being measured (a flow the server refuses would fail every call).
  run_server_program flows check "$flows_dir" > "$work/flows-check.log" 2>&1 || { cat "$work/flows-check.log"; exit 1; }
}

# run_server_program ARGS...: runs the server program in the foreground from the repository root (as dotnet run
# does: config/, ivr-flows/ and audio/ are found there), from SERVER_DIR or the Release build.
run_server_program() {
  if [[ -n "${SERVER_DIR:-}" ]]; then
    (cd "$repo_root" && exec dotnet "$SERVER_DIR/CallCenter.Server.dll" "$@")
  else
    (cd "$repo_root" && exec dotnet run -c Release --no-build --project "$repo_root/src/CallCenter.Server" -- "$@")
  fi
}

# write_ivr_config FLOW: a configuration of its own for the IVR runs ($work/ivr.yaml: number 100 -> FLOW of
# bench/sipp/flows, and one agent, who is never registered), so the runs do not depend on the demo
# config/callcenter.yaml, which changes with the project. Only the sections the runs need: no queues, trunks or
# callbacks.
write_ivr_config() {
  cat > "$work/ivr.yaml" <<YAML
agents:
  - extension: "9000"
    name: "Bench Agent"
    secret: "pw9000"
    skills: { lang-en: 5 }
numbers:
  "100": $1
YAML
}

# start_server NAME [server options...]: sets server_pid (the server process, not the dotnet run launcher).
start_server() {
  local name=$1
  shift
  local options=("--Sip:Port=$sip_port" --Sip:Address=127.0.0.1 "--urls=http://127.0.0.1:$http_port"
    --Sip:AuthAlgorithms=MD5 --Logging:LogLevel:Default=Warning "--Flows:Directory=$flows_dir" "${media_args[@]}" "$@")
  if [[ -n "${SERVER_DIR:-}" ]]; then
    # From the repository root, as dotnet run does: config/, ivr-flows/ and audio/ are found there.
    (cd "$repo_root" && exec dotnet "$SERVER_DIR/CallCenter.Server.dll" "${options[@]}" ${SERVER_ARGS:-}) > "$work/$name-server.log" 2>&1 &
  else
    dotnet run -c Release --no-build --project "$repo_root/src/CallCenter.Server" -- "${options[@]}" ${SERVER_ARGS:-} \
      > "$work/$name-server.log" 2>&1 &
  fi
  run_pid=$!
  started_pids+=("$run_pid")
  local _
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$run_pid" 2>/dev/null || { cat "$work/$name-server.log"; exit 1; }
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null || { echo "server did not start"; cat "$work/$name-server.log"; exit 1; }
  server_pid=$(pgrep -P "$run_pid" | head -n1 || true)
  [[ -n "$server_pid" ]] || server_pid=$run_pid
  started_pids+=("$server_pid")
}

stop_server() {
  kill -TERM "$server_pid" 2>/dev/null || true
  wait "$run_pid" 2>/dev/null || true
  kill -TERM "$run_pid" 2>/dev/null || true
}

# start_probe LABEL PORT [probe options...]: sets probe_pid (not printed: a $(...) subshell could not wait for it).
# Its report goes to $work/probe-LABEL.log, its per-stream lines (worst first) to $work/streams-LABEL.txt.
start_probe() {
  local label=$1 port=$2
  shift 2
  dotnet "$probe_dll" --port "$port" --label "$label" --streams-file "$work/streams-$label.txt" "$@" ${PROBE_ARGS:-} \
    > "$work/probe-$label.log" 2>&1 &
  local pid=$!
  local _
  for _ in $(seq 1 100); do
    grep -q 'listening on' "$work/probe-$label.log" 2>/dev/null && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/probe-$label.log" >&2; exit 1; }
    sleep 0.05
  done
  probe_pid=$pid
  started_pids+=("$pid")
}

# stop_probe PID LABEL: stops the probe (SIGTERM: background jobs of a script ignore SIGINT) and sets probe_line to
# its RTPPROBE report line.
stop_probe() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  probe_line=$(grep '^RTPPROBE ' "$work/probe-$2.log" | tail -n1)
}

# start_callers NAME SCENARIO RATE COUNT HOLD_MS [LIMIT [RECV_TIMEOUT_MS [TIMEOUT_S]]]: the caller sipp (SCENARIO of
# bench/sipp, each call's SDP naming the caller probe) in the background on SIP_PORT+1 (+2 control, +20 media); sets
# sipp_pid. Defaults: LIMIT (simultaneous calls) = COUNT, RECV_TIMEOUT 15000 ms, TIMEOUT = the hold + 120 s.
start_callers() {
  local name=$1 scenario=$2 rate=$3 count=$4 hold=$5
  local limit=${6:-$count} recv_timeout=${7:-15000} timeout=${8:-$((hold / 1000 + 120))}
  sipp "127.0.0.1:$sip_port" -sf "$scenarios/$scenario" -key probe_port "$caller_probe_port" -i 127.0.0.1 \
    -p $((sip_port + 1)) -cp $((sip_port + 2)) -mp $((sip_port + 20)) -buff_size 4194304 \
    -r "$rate" -rp 1000 -m "$count" -l "$limit" -d "$hold" -recv_timeout "$recv_timeout" -timeout "${timeout}s" \
    -nostdin -trace_err -error_file "$work/$name.errors" > "$work/$name.out" 2>&1 &
  sipp_pid=$!
  started_pids+=("$sipp_pid")
}

# probe_value "RTPPROBE key=value ..." KEY
probe_value() { tr ' ' '\n' <<< "$1" | awk -F= -v key="$2" '$1 == key { print $2 }'; }

# probe_loss "RTPPROBE ...": "LOST/DROPPED": sequence gaps seen by the probe / datagrams the kernel dropped at the
# probe's own socket (so a loss can be told to be the server's or the probe's).
probe_loss() { echo "$(probe_value "$1" lost)/$(probe_value "$1" socket_drops)"; }

cpu_ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
rss_kib() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0; }

# thread_ticks PID: one line per thread, "ticks<TAB>name" (name may hold spaces).
thread_ticks() {
  local stat
  for stat in /proc/"$1"/task/*/stat; do
    awk '{ line = $0; name = line; sub(/^[^(]*\(/, "", name); sub(/\) [^)]*$/, "", name);
           sub(/^.*\) /, "", line); split(line, f, " "); printf "%d\t%s\n", f[12] + f[13], name }' "$stat" 2>/dev/null || true
  done
}

# top_threads BEFORE_FILE AFTER_FILE SECONDS: CPU % of one core per thread name over the window, busiest first.
top_threads() {
  awk -F'\t' -v hz="$clock_ticks" -v seconds="$3" '
    FNR == NR { before[$2] += $1; next }
    { after[$2] += $1 }
    END { for (name in after) { cpu = 100 * (after[name] - before[name]) / hz / seconds; if (cpu >= 1) printf "%.0f%%:%s\n", cpu, name } }
  ' "$1" "$2" | sort -t% -k1,1nr | head -n "${TOP_THREADS:-6}" | paste -sd ' ' || true
}

# Sum of a metric's samples in the server's /metrics (0 when absent).
metric_sum() {
  { curl -sf --max-time 10 "http://127.0.0.1:$http_port/metrics" || true; } | awk -v name="$1" '$1 == name || index($1, name "{") == 1 { sum += $2 } END { printf "%.0f", sum + 0 }'
}

# wait_for_metric NAME AT_LEAST SECONDS: true once the metric reaches the value, false on timeout.
wait_for_metric() {
  local deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    (( $(metric_sum "$1") >= $2 )) && return 0
    sleep 0.5
  done
  return 1
}

# wait_for_idle SECONDS: waits until no call and no media leg is left.
wait_for_idle() {
  local deadline=$((SECONDS + $1))
  while ((SECONDS < deadline)); do
    (( $(metric_sum callcenter_calls_active) == 0 && $(metric_sum callcenter_media_legs_active) == 0 )) && return 0
    sleep 0.5
  done
  return 1
}

# sipp_counts OUT_FILE: "successful failed retransmissions" from sipp's final screens (retransmissions = the
# Retrans column of the rows sipp sends, e.g. "INVITE ---------->  messages retrans timeout").
sipp_counts() {
  awk '/Successful call/ { ok = $NF } /Failed call/ { failed = $NF } / ---------->/ { retrans += $4 }
       END { printf "%d %d %d\n", ok + 0, failed + 0, retrans + 0 }' "$1"
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# percent TICKS SECONDS: CPU % of one core.
percent() { awk -v t="$1" -v s="$2" -v hz="$clock_ticks" 'BEGIN { printf "%.1f", 100 * t / hz / s }'; }

# kib_per_call RSS_KIB IDLE_KIB CALLS
kib_per_call() { awk -v r="$1" -v i="$2" -v n="$3" 'BEGIN { if (n > 0) printf "%.1f", (r - i) / n; else print "-" }'; }

ms() { awk -v us="$1" 'BEGIN { if (us == "") print "-"; else printf "%.2f", us / 1000 }'; }

load_line() { echo "Load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores ($(date -u '+%Y-%m-%d %H:%M UTC'))"; }
