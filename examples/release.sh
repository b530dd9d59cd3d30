#!/usr/bin/env bash
# The main job, on the two example releases, from a fresh clone:
#  1. examples/iris-classifier, built by Maven: train the model, write its weights as safetensors,
#     bundle and sign them with the rest of the release, validate the bundle against oab-full
#     (printing the report), verify it as a consumer, and retrain from the extracted bundle to the
#     same SHA-256;
#  2. examples/tiny-model, with the oab command: pack and sign, validate, verify, extract and
#     rebuild every generated file from the bundle alone.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

echo "== iris-classifier: mvn verify (train, bundle, sign, validate, verify, retrain from the bundle)"
mvn -B -ntp -pl examples/iris-classifier -am verify -Dinvoker.skip
iris="$root/examples/iris-classifier/target"
echo "iris bundle: $iris/iris-classifier-1.0.0.oab"
echo "iris report: $iris/iris-classifier-1.0.0.validation.html"

echo
echo "== tiny-model: the oab command"
"$root/examples/release-tiny-model.sh"
