#!/usr/bin/env bash
# Compares the throughput of OpenH264 through LivePush's JNA backend with OpenH264 called from C, on
# the same 1280x720 frames with the same settings (see openh264_encode_bench.c and
# OpenH264ThroughputProbe). Runs both ROUNDS times, alternating, and prints the medians and the ratio,
# by wall clock and by the encoding thread's CPU time (the steadier figure on a busy machine).
#
#   encoder/src/test/c/compare_openh264_throughput.sh [ROUNDS (3)] [FRAMES (300)]
#
# Needs gcc, ffmpeg and libopenh264-dev; run from the repository root.
set -euo pipefail
rounds=${1:-3}
frames=${2:-300}
work=${TMPDIR:-/tmp}/livepush-openh264-bench
mkdir -p "$work"
yuv="$work/testsrc2-720p-$frames.yuv"
[ -f "$yuv" ] || ffmpeg -nostdin -v error -y -f lavfi -i testsrc2=size=1280x720:rate=30 -frames:v "$frames" \
  -pix_fmt yuv420p -f rawvideo "$yuv"
gcc -O2 -Wall -o "$work/openh264_encode_bench" encoder/src/test/c/openh264_encode_bench.c -lopenh264 -lm
mvn -q -o -pl encoder -am test-compile >/dev/null 2>&1 || mvn -q -pl encoder -am test-compile >/dev/null
jna=$(find ~/.m2/repository/net/java/dev/jna/jna -name 'jna-*.jar' | sort -V | tail -1)
# A private copy of the classes, so a build running meanwhile in this tree cannot pull them away.
rm -rf "$work/classes" && mkdir -p "$work/classes"
for d in native/target/classes capture/target/classes encoder/target/classes encoder/target/test-classes; do
  cp -r "$d/." "$work/classes/"
done
cp="$work/classes:$jna"

: > "$work/runs.txt"
for _ in $(seq "$rounds"); do
  java -cp "$cp" io.livepush.encoder.openh264.OpenH264ThroughputProbe "$yuv" "$work/java.h264" | tee -a "$work/runs.txt"
  "$work/openh264_encode_bench" "$yuv" "$work/c.h264" | tee -a "$work/runs.txt"
done
if cmp -s "$work/java.h264" "$work/c.h264"; then echo "streams: byte-identical"; else echo "streams: DIFFER"; fi
awk '
  function median(a, n,   i, j, t) { for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
                                     return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  /^(java|c):/ { match($0, /= [0-9.]+ fps \(cpu/); wall = substr($0, RSTART + 2, RLENGTH - 11) + 0
    match($0, /s = [0-9.]+ fps\)/); cpu = substr($0, RSTART + 4, RLENGTH - 9) + 0
    if ($0 ~ /^java:/) { jw[++nj] = wall; jc[nj] = cpu } else { cw[++nc] = wall; cc[nc] = cpu } }
  END { mjw = median(jw, nj); mcw = median(cw, nc); mjc = median(jc, nj); mcc = median(cc, nc)
        printf "median of %d: wall java %.1f fps, c %.1f fps, ratio %.3f; cpu java %.1f fps, c %.1f fps, ratio %.3f\n",
               nj, mjw, mcw, mjw / mcw, mjc, mcc, mjc / mcc }' "$work/runs.txt"
