#!/usr/bin/env bash
# The main job on the bundled example: build the oab command, make a signing key as a model team
# would (kept under target/, never committed), pack examples/tiny-model into a signed bundle,
# validate it against the oab-full profile as a registry would, verify it as a consumer would
# (integrity, trusted signer, expected name), and rebuild its weights from the bundle's own code,
# hyperparameters and seeds.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/target/example"
mkdir -p "$out"
cd "$root"

export OAB_REBUILD=1        # always run the code of this checkout
./oab --version
unset OAB_REBUILD

if [ ! -f "$out/producer.private.pem" ]; then
  ./oab keygen --curve p256 --out "$out/producer"
fi

echo "== pack and sign"
./oab pack examples/tiny-model -o "$out/tiny-model-1.0.0.oab" --sign-key "$out/producer.private.pem" \
  --timestamp 2026-01-01T00:00:00Z

echo "== inspect"
./oab inspect "$out/tiny-model-1.0.0.oab"

echo "== validate against oab-full (reports under $out/)"
./oab validate "$out/tiny-model-1.0.0.oab" --profile oab-full --key "$out/producer.public.pem" \
  --html "$out/tiny-model-1.0.0.validation.html" --badge "$out/tiny-model-1.0.0.badge.svg"

echo "== verify as a consumer"
./oab verify "$out/tiny-model-1.0.0.oab" --key "$out/producer.public.pem" --name tiny-model --min-version 1.0.0

echo "== reproduce the weights from the bundle alone"
rm -rf "$out/extracted"
./oab extract "$out/tiny-model-1.0.0.oab" -d "$out/extracted"
(cd "$out/extracted" && sh code/reproduce.sh)

echo "bundle: $out/tiny-model-1.0.0.oab"
