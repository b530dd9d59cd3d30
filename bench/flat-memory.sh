#!/usr/bin/env bash
# Packs (and signs), countersigns and verifies a bundle holding one 4 GiB weight file with the JVM
# heap capped at 64 MiB, and prints wall time, throughput and peak resident memory of each step,
# beside sha256sum over the same file for scale. Usage: bench/flat-memory.sh [SIZE_GIB]  (default 4)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
gib="${1:-4}"
work="$root/bench/work/flat-memory"
rm -rf "$work"
mkdir -p "$work/src/model" "$work/src/LICENSES"
trap 'rm -rf "$work"' EXIT

cat > "$work/src/oab.yaml" <<YAML
name: flat-memory-bench
version: "1.0.0"
producer: OAB benchmarks
license: Apache-2.0
YAML
cp /usr/share/common-licenses/Apache-2.0 "$work/src/LICENSES/Apache-2.0.txt"
echo "generating a ${gib} GiB weight file..."
head -c "$((gib * 1024 * 1024 * 1024))" /dev/urandom > "$work/src/model/weights.safetensors"

"$root/oab" --version >/dev/null  # builds the jar once, outside the measurements
"$root/oab" keygen --curve p256 --out "$work/producer" >/dev/null
"$root/oab" keygen --curve p384 --out "$work/registry" >/dev/null
measure() {  # label, command...
  local label="$1"; shift
  local stats="$work/time.txt"
  /usr/bin/time -f '%e %M' -o "$stats" "$@" >/dev/null
  read -r seconds kib < "$stats"
  printf '%-34s %8.2f s %9.0f MiB/s %8d MiB peak RSS\n' "$label" "$seconds" \
    "$(echo "$gib * 1024 / $seconds" | bc -l)" "$((kib / 1024))"
}
cat "$work/src/model/weights.safetensors" > /dev/null  # page cache, as for every step below
echo "step                                   time    throughput    memory   (${gib} GiB, $(nproc) cores)"
measure "sha256sum (one core)" sha256sum "$work/src/model/weights.safetensors"
OAB_JAVA_OPTS="-Xmx64m" measure "oab pack + sign -Xmx64m" "$root/oab" pack "$work/src" -o "$work/bench.oab" \
  --progress=none --sign-key "$work/producer.private.pem"
OAB_JAVA_OPTS="-Xmx64m" measure "oab sign (countersign) -Xmx64m" "$root/oab" sign "$work/bench.oab" \
  --key "$work/registry.private.pem" --signer registry
OAB_JAVA_OPTS="-Xmx64m" measure "oab verify + 2 signatures -Xmx64m" "$root/oab" verify "$work/bench.oab" \
  --progress=none --key "$work/producer.public.pem" --key "$work/registry.public.pem"
OAB_JAVA_OPTS="-Xmx64m" measure "oab inspect -Xmx64m" "$root/oab" inspect "$work/bench.oab"
