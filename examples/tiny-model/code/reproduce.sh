#!/bin/sh
# Rebuilds the data set and the weights from this bundle's own code, hyperparameters and seeds,
# and checks both against the SHA-256 recorded in oab.json. Run from the extracted bundle's root.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 code/training/make_data.py config/seeds.json "$tmp/points.csv"
python3 code/training/train.py config/hyperparameters.json config/seeds.json "$tmp/points.csv" "$tmp/model.safetensors"
for pair in "data/training/points.csv:$tmp/points.csv" "model/model.safetensors:$tmp/model.safetensors"; do
  path=${pair%%:*}; rebuilt=${pair#*:}
  expected=$(python3 -c 'import json,sys; print(next(f["sha256"] for f in json.load(open("oab.json"))["files"] if f["path"]==sys.argv[1]))' "$path")
  actual=$(sha256sum "$rebuilt" | cut -d' ' -f1)
  if [ "$expected" != "$actual" ]; then echo "NOT reproduced: $path ($actual != $expected)"; exit 1; fi
  echo "reproduced: $path $actual"
done
