#!/usr/bin/env bash
# Fuzzes each parser that reads untrusted bytes with Jazzer, one target after another, for the time
# set in FuzzTargets (@FuzzTest maxDuration, 2 minutes each). Crashes are written by Jazzer under
# reference-impl/src/test/resources/dev/oab/fuzz/FuzzTargetsInputs/<target>/ and from then on
# replayed by the normal test run. Usage: bench/fuzz.sh [target...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bundleReader manifestParser signatureBundle safetensorsHeader)
cd "$root"
mvn -q -B -ntp -pl reference-impl -am test-compile >/dev/null
for t in "${targets[@]}"; do
  echo "== fuzzing $t"
  JAZZER_FUZZ=1 mvn -B -ntp -pl reference-impl surefire:test -Dtest="FuzzTargets#$t" 2>&1 \
    | grep -E "Tests run:|#[0-9]+.*(DONE|pulse|NEW)|==[0-9]+==|Crash|FAIL" | tail -5
done
