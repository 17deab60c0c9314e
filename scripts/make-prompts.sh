#!/usr/bin/env bash
# Generates prompt WAVs (8 kHz, mono, G.711 mu-law) with espeak-ng and sox from a key|text list.
#
#   scripts/make-prompts.sh [-l LIST] [-o DIR] [-v VOICE] [-s WPM] [-p]
#
# Prompts are written as mu-law (8-bit): half the size of 16-bit PCM and what calls are played in
# anyway, so nothing audible is lost. -p writes 16-bit PCM instead (for editing in an audio tool).
# Defaults: -l scripts/prompts.txt -o audio/en -v en-us -s 150, run from the repository root.
# The other languages (their lists hold only what they translate; the rest falls back to English):
#   scripts/make-prompts.sh -l scripts/prompts.tl.txt -o audio/tl -v id    Filipino (Tagalog)
#   scripts/make-prompts.sh -l scripts/prompts.ms.txt -o audio/ms -v ms    Malay
# espeak-ng has no Tagalog voice; Tagalog spelling is phonetic, so the Indonesian voice (id)
# reads it understandably. Record real voices for production.
# Each "key|text" line becomes DIR/key.wav (key may contain sub-folders: digits/3 ->
# DIR/digits/3.wav). Lines starting with # and blank lines are skipped. Only listed files are
# written; WAVs in DIR that the list does not name are reported, not deleted.
# Installs espeak-ng and sox with apt-get when they are missing and the script runs as root.
set -euo pipefail

list=scripts/prompts.txt
out=audio/en
voice=en-us
speed=150
encoding=(-b 8 -e u-law)

while getopts "l:o:v:s:ph" option; do
    case "$option" in
        l) list=$OPTARG ;;
        o) out=$OPTARG ;;
        v) voice=$OPTARG ;;
        s) speed=$OPTARG ;;
        p) encoding=(-b 16 -e signed-integer) ;;
        *) sed -n '2,19s/^# \{0,1\}//p' "$0"; exit 2 ;;
    esac
done

fail() { echo "make-prompts: $*" >&2; exit 1; }

[ -f "$list" ] || fail "prompt list '$list' not found (run from the repository root or pass -l)"

if ! command -v espeak-ng >/dev/null || ! command -v sox >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        echo "make-prompts: installing espeak-ng and sox" >&2
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng sox >/dev/null
    else
        fail "espeak-ng and sox are required: sudo apt-get install -y espeak-ng sox"
    fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Check the whole list before writing anything, so a typo cannot leave a half-made set.
declare -A seen=()
line_number=0
while IFS= read -r line || [ -n "$line" ]; do
    line_number=$((line_number + 1))
    case "$line" in ''|'#'*) continue ;; esac
    key=${line%%|*}
    text=${line#*|}
    [ "$key" != "$line" ] && [ -n "$text" ] || fail "$list:$line_number: expected key|text"
    [[ "$key" =~ ^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)*$ ]] \
        || fail "$list:$line_number: key '$key' must be lower-case words joined by - and /"
    [ -z "${seen[$key]:-}" ] || fail "$list:$line_number: key '$key' already on line ${seen[$key]}"
    seen[$key]=$line_number
    printf '%s\t%s\n' "$key" "$text" >> "$work/prompts.tsv"
done < "$list"
[ -s "$work/prompts.tsv" ] || fail "$list has no prompts"

count=0
while IFS=$'\t' read -r key text; do
    target="$out/$key.wav"
    mkdir -p "$(dirname "$target")"
    espeak-ng -v "$voice" -s "$speed" -w "$work/speech.wav" -- "$text"
    # Trim the synthesiser's leading and trailing silence so that prompts played back to back
    # ("you are number" "three" "in line") flow, keep 50 ms of lead-in and 100 ms of tail,
    # normalise to -3 dBFS, then convert to 8 kHz mono 16-bit. No dither (-D): the output is
    # reproducible and silence stays digital zero.
    sox -D "$work/speech.wav" -r 8000 -c 1 "${encoding[@]}" "$work/prompt.wav" \
        silence 1 0.01 -45d reverse silence 1 0.01 -45d reverse pad 0.05 0.1 norm -3
    mv "$work/prompt.wav" "$target"
    count=$((count + 1))
done < "$work/prompts.tsv"

echo "make-prompts: wrote $count prompts to $out ($(du -sh "$out" | cut -f1))"

# Report WAVs the list no longer names (hand-made prompts are fine, stale ones should go).
while IFS= read -r -d '' file; do
    key=${file#"$out"/}
    key=${key%.wav}
    [ -n "${seen[$key]:-}" ] || echo "make-prompts: note: $file is not in $list" >&2
done < <(find "$out" -name '*.wav' -print0)
