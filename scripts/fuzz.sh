#!/usr/bin/env bash
# Fuzzes one target of tests/Observatory.Fuzzing with afl-fuzz (Debian's afl++) through SharpFuzz, for MINUTES minutes,
# then prints what afl-fuzz found: executions, paths (corpus entries), crashes and hangs, from its fuzzer_stats.
# Usage: scripts/fuzz.sh TARGET MINUTES [--resume]
#   TARGET: xlsx, csv, json or validator; the seeds are tests/fuzz-corpus/TARGET/.
#   Findings go to .run/fuzz/TARGET/findings (crashes/, hangs/, queue/); --resume carries on from them.
# Installs afl++ (apt-get, as root) and the sharpfuzz tool (.config/dotnet-tools.json) when missing. Never run by
# ./test.sh or CI: ./test.sh replays the corpus through the same targets instead (FuzzCorpusReplayTests).
# One afl-fuzz takes one core: on two cores, run two targets at a time at most.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

target="${1:-}"; minutes="${2:-}"; resume="${3:-}"
case "$target" in xlsx|csv|json|validator) ;; *) echo "usage: scripts/fuzz.sh xlsx|csv|json|validator MINUTES [--resume]" >&2; exit 2;; esac
[[ "$minutes" =~ ^[0-9]+$ ]] && [ "$minutes" -gt 0 ] || { echo "MINUTES must be a whole number above 0" >&2; exit 2; }

if ! command -v afl-fuzz >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "afl-fuzz is missing: apt-get install afl++ (as root)" >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null
fi
dotnet tool restore >/dev/null

work="$root/.run/fuzz/$target"
bin="$work/bin"
findings="$work/findings"
rm -rf "$bin"
# Each target gets its own copy, so two runs at once never instrument or load each other's assemblies; the build itself
# is taken one at a time (the runs share obj/).
mkdir -p "$root/.run/fuzz"
flock --close "$root/.run/fuzz/build.lock" dotnet publish tests/Observatory.Fuzzing -c Release -o "$bin" --disable-build-servers --verbosity quiet -nologo

# Instrumented: the project's own code and the libraries that read the file's bytes (the Open XML SDK for xlsx,
# Sylvan for csv). The framework's own readers (System.IO.Compression, System.Xml, System.Text.Json) are not: their
# branches give afl no feedback, though inputs still run through them.
for assembly in Observatory.Core.dll DocumentFormat.OpenXml.dll DocumentFormat.OpenXml.Framework.dll Sylvan.Data.Csv.dll; do
  dotnet tool run sharpfuzz "$bin/$assembly" >/dev/null
done

if [ "$resume" = "--resume" ] && [ -d "$findings/default/queue" ]; then
  input="-"
else
  rm -rf "$findings"; input="$root/tests/fuzz-corpus/$target"
fi
mkdir -p "$findings"

# AFL_SKIP_BIN_CHECK: the binary afl starts is dotnet, not an afl-compiled one (SharpFuzz talks afl's protocol).
# AFL_SKIP_CPUFREQ, AFL_NO_AFFINITY: a shared machine whose CPU governor and cores are not ours to set.
# AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES: the kernel's core_pattern may pipe crashes elsewhere; SharpFuzz reports them.
# DOTNET_GCHeapHardLimit: 512 MB of managed heap, the memory the pipeline promises to process any file within; going
# past it throws OutOfMemoryException, which escapes the target and counts as a crash.
# -t 5000: an input that takes over 5 s is a hang (the corpus replay allows 10 s on a busy test machine).
export AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
# OBSERVATORY_FUZZ_CRASH_LOG: the harness writes there the exception of each distinct crash (afl keeps only the input).
export DOTNET_GCHeapHardLimit=0x20000000 OBSERVATORY_FUZZ_CRASH_LOG="$findings/crash-log.txt"
echo "== afl-fuzz: target $target for $minutes min; findings in ${findings#"$root"/}"
set +e
afl-fuzz -i "$input" -o "$findings" -t 5000 -m none -V "$((minutes * 60))" -- dotnet "$bin/Observatory.Fuzzing.dll" "$target" \
  >"$work/afl.log" 2>&1
status=$?
set -e
stats="$findings/default/fuzzer_stats"
if [ ! -f "$stats" ]; then
  tail -n 40 "$work/afl.log"; echo "afl-fuzz ended ($status) without fuzzer_stats" >&2; exit 1
fi
stat() { sed -n "s/^$1 *: *//p" "$stats"; }
crashes="$(find "$findings/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)"
hangs="$(find "$findings/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)"
echo "== $target: $(( $(stat run_time) / 60 )) min $(( $(stat run_time) % 60 )) s"
echo "executions:  $(stat execs_done) ($(stat execs_per_sec) per second)"
echo "paths found: $(stat corpus_count) in the queue ($(stat corpus_found) new beyond the seeds), $(stat bitmap_cvg) of the map"
echo "crashes:     $(stat saved_crashes) saved ($crashes files in crashes/)"
echo "hangs:       $(stat saved_hangs) saved ($hangs files in hangs/)"
if [ -s "$findings/crash-log.txt" ]; then
  echo "exceptions:  $(grep -c '^== ' "$findings/crash-log.txt") distinct, in ${findings#"$root"/}/crash-log.txt:"; grep '^== ' "$findings/crash-log.txt"
fi
if [ "$crashes" -gt 0 ] || [ "$hangs" -gt 0 ]; then
  echo "replay: dotnet build tests/Observatory.Fuzzing -c Release && dotnet tests/Observatory.Fuzzing/bin/Release/net10.0/Observatory.Fuzzing.dll $target FILE..."
fi
