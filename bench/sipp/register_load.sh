#!/usr/bin/env bash
# REGISTER-with-digest load against the CallCenter server (Release build), driven by sipp on loopback.
#
# Every sipp call is one registration: REGISTER -> 401 -> REGISTER with credentials -> 200, for agents
# 2000..2000+AGENTS-1 in turn. For each rate the run is repeated RUNS times; per run it prints sipp's
# successful/failed calls, the achieved rate, the CPU (% of one core) of the server and of sipp, the server's
# RSS, sipp's retransmissions (a REGISTER or its retry unanswered within 500 ms) and the server's live SIP
# transactions at the end of the run (from /metrics), then the medians per rate.
#
# Usage: bench/sipp/register_load.sh [-a AGENTS] [-r "RATE ..."] [-d SECONDS] [-n RUNS] [-t u1|t1]
#   defaults: -a 1000 -r "2000 4000 8000" -d 15 -n 3 -t u1
# Environment: SIP_PORT (15060), HTTP_PORT (18080), KEEP_DIR=1 keeps the work directory.
# sipp and the server share this machine's cores: quote the server's CPU next to sipp's, or as ratios.
set -euo pipefail

agents=1000
rates="2000 4000 8000"
duration=15
runs=3
transport=u1
while getopts "a:r:d:n:t:h" option; do
  case "$option" in
    a) agents=$OPTARG ;;
    r) rates=$OPTARG ;;
    d) duration=$OPTARG ;;
    n) runs=$OPTARG ;;
    t) transport=$OPTARG ;;
    *) sed -n '2,14p' "$0"; exit 2 ;;
  esac
done

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
scenario="$repo_root/bench/sipp/register_digest.xml"
sip_port=${SIP_PORT:-15060}
http_port=${HTTP_PORT:-18080}
sipp_port=$((sip_port + 1))
sipp_control_port=$((sip_port + 2))
work="$(mktemp -d /tmp/callcenter-register-load.XXXXXX)"
clock_ticks=$(getconf CLK_TCK)
run_pid=""
server_pid=""

for program in sipp dotnet curl; do
  command -v "$program" >/dev/null || { echo "register_load: $program is not installed" >&2; exit 1; }
done

cleanup() {
  # Stop only what this script started, by pid.
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid" 2>/dev/null || true; fi
  if [[ -n "$run_pid" ]] && kill -0 "$run_pid" 2>/dev/null; then kill "$run_pid" 2>/dev/null || true; fi
  wait 2>/dev/null || true
  if [[ "${KEEP_DIR:-0}" == 1 ]]; then echo "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

write_inputs() {
  local last=$((2000 + agents - 1))
  {
    echo "agents:"
    for ((extension = 2000; extension <= last; extension++)); do
      printf '  - extension: "%d"\n    name: "Load Agent %d"\n    secret: "pw%d"\n    skills: { sales: 5 }\n' \
        "$extension" "$extension" "$extension"
    done
    echo "numbers:"
    echo '  "100": main'
  } > "$work/callcenter.yaml"
  {
    echo "SEQUENTIAL"
    for ((extension = 2000; extension <= last; extension++)); do
      printf '%d;[authentication username=%d password=pw%d]\n' "$extension" "$extension" "$extension"
    done
  } > "$work/users.csv"
}

start_server() {
  echo "Building the server (Release)..."
  dotnet build -c Release "$repo_root/src/CallCenter.Server" -v quiet -nologo > "$work/build.log" 2>&1 \
    || { cat "$work/build.log"; exit 1; }
  dotnet run -c Release --no-build --project "$repo_root/src/CallCenter.Server" -- \
    "--Sip:Port=$sip_port" --Sip:Address=127.0.0.1 "--urls=http://127.0.0.1:$http_port" \
    "--config=$work/callcenter.yaml" --Sip:AuthAlgorithms=MD5 --Logging:LogLevel:Default=Warning \
    > "$work/server.log" 2>&1 &
  run_pid=$!
  for _ in $(seq 1 300); do
    if curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null 2>&1; then break; fi
    kill -0 "$run_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.1
  done
  curl -sf "http://127.0.0.1:$http_port/healthz" >/dev/null || { echo "server did not start"; cat "$work/server.log"; exit 1; }
  # `dotnet run` starts the server as its child: measure that process, not the launcher.
  server_pid=$(pgrep -P "$run_pid" | head -n1)
  [[ -n "$server_pid" ]] || server_pid=$run_pid
  echo "Server pid $server_pid ($(tr '\0' ' ' < "/proc/$server_pid/cmdline" | cut -c1-80)) on UDP/TCP 127.0.0.1:$sip_port"
}

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
rss_mib() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# run_sipp RATE COUNT NAME -> prints "successful failed wall_seconds sipp_cpu_percent"
run_sipp() {
  local rate=$1 count=$2 name=$3
  local start end user system retransmissions
  # sipp warns when open calls could exceed its open-files limit; calls here last milliseconds.
  local call_limit=$((rate < 10000 ? rate : 10000))
  start=$(date +%s.%N)
  /usr/bin/time -f "%U %S" -o "$work/$name.time" \
    sipp "127.0.0.1:$sip_port" -sf "$scenario" -inf "$work/users.csv" -i 127.0.0.1 \
      -p "$sipp_port" -cp "$sipp_control_port" -t "$transport" -buff_size 4194304 \
      -r "$rate" -rp 1000 -m "$count" -l "$call_limit" -recv_timeout 5000 -timeout $((duration * 3 + 30))s \
      -nostdin -trace_stat -stf "$work/$name.csv" -fd 1 -trace_err -error_file "$work/$name.errors" \
      > "$work/$name.out" 2>&1 || true
  end=$(date +%s.%N)
  local successful failed
  successful=$(awk '/Successful call/ { value = $NF } END { print value + 0 }' "$work/$name.out")
  failed=$(awk '/Failed call/ { value = $NF } END { print value + 0 }' "$work/$name.out")
  # /usr/bin/time puts "Command exited with non-zero status N" before the figures when sipp reports failures.
  read -r user system < <(tail -n1 "$work/$name.time") || { user=0; system=0; }
  # Sum of the Retrans column of sipp's scenario screen (rows "REGISTER ---------->  messages retrans ...").
  retransmissions=$(awk '/REGISTER ---------->/ { sum += $4 } END { print sum + 0 }' "$work/$name.out")
  awk -v s="$successful" -v f="$failed" -v a="$start" -v b="$end" -v u="$user" -v y="$system" -v r="$retransmissions" \
    'BEGIN { wall = b - a; printf "%d %d %.3f %.1f %d\n", s, f, wall, 100 * (u + y) / wall, r }'
}

# Sum of a metric's samples in the server's /metrics (0 when absent).
metric_sum() {
  curl -sf "http://127.0.0.1:$http_port/metrics" | awk -v name="$1" '$1 == name || index($1, name "{") == 1 { sum += $2 } END { printf "%.0f", sum + 0 }'
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

command -v /usr/bin/time >/dev/null || { echo "register_load: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
write_inputs
start_server

echo "Warm-up: 3 s at 500 calls/s"
run_sipp 500 1500 warmup > /dev/null

echo "Load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
row_format='%-6s %-4s %8s %7s %10s %11s %10s %9s %12s %9s\n'
printf "\n$row_format" rate run success failed "achieved/s" "server CPU%" "server MiB" "sipp CPU%" "sipp retrans" "live txns"
summary=()
for rate in $rates; do
  achieved_all="" cpu_all="" rss_all="" sipp_all="" failed_all=""
  for ((run = 1; run <= runs; run++)); do
    count=$((rate * duration))
    ticks_before=$(cpu_ticks "$server_pid")
    read -r successful failed wall sipp_cpu retransmissions < <(run_sipp "$rate" "$count" "r$rate-$run")
    ticks_after=$(cpu_ticks "$server_pid")
    rss=$(rss_mib "$server_pid")
    live=$(metric_sum callcenter_sip_transactions_active)
    read -r achieved server_cpu < <(awk -v s="$successful" -v w="$wall" -v t=$((ticks_after - ticks_before)) -v hz="$clock_ticks" \
      'BEGIN { printf "%.0f %.1f\n", s / w, 100 * t / hz / w }')
    printf "$row_format" "$rate" "$run" "$successful" "$failed" "$achieved" "$server_cpu" "$rss" "$sipp_cpu" "$retransmissions" "$live"
    achieved_all+=" $achieved" cpu_all+=" $server_cpu" rss_all+=" $rss" sipp_all+=" $sipp_cpu" failed_all+=" $failed"
  done
  summary+=("$(printf '%-6s %10s %7s %11s %10s %9s' "$rate" "$(median <<< "$achieved_all")" "$(median <<< "$failed_all")" \
    "$(median <<< "$cpu_all")" "$(median <<< "$rss_all")" "$(median <<< "$sipp_all")")")
done

# Completed UDP server transactions linger for Timer J (64*T1 = 32 s, RFC 3261 §17.2.2); after that the
# live count and the memory they held should fall back.
sleep 40
printf '\nAfter 40 s idle: server RSS %s MiB, live transactions %s\n' "$(rss_mib "$server_pid")" "$(metric_sum callcenter_sip_transactions_active)"

printf '\nMedians over %d run(s) of %d s, %d agents, transport %s:\n' "$runs" "$duration" "$agents" "$transport"
printf '%-6s %10s %7s %11s %10s %9s\n' rate "achieved/s" failed "server CPU%" "server MiB" "sipp CPU%"
printf '%s\n' "${summary[@]}"
