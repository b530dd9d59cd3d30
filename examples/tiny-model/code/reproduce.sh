#!/bin/sh
# Rebuilds the data sets, the checkpoints, the weights and the evaluation from this bundle's own code,
# hyperparameters and seeds, and checks each against the SHA-256 recorded in oab.json. Run from the
# extracted bundle's root.
set -eu
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/checkpoints"
python3 code/data-preprocessing/make_data.py config/seeds.json data.python-random 200 "$tmp/points.csv"
python3 code/data-preprocessing/make_data.py config/seeds.json evaluation.python-random 100 "$tmp/eval.csv"
python3 code/training/train.py config/hyperparameters.json config/seeds.json "$tmp/points.csv" "$tmp/model.safetensors" "$tmp/checkpoints"
python3 code/evaluation/evaluate.py "$tmp/model.safetensors" data/evaluation/points.csv "$tmp/metrics.json"
for pair in "data/training/points.csv:$tmp/points.csv" "data/evaluation/points.csv:$tmp/eval.csv" \
    "checkpoints/epoch-10.safetensors:$tmp/checkpoints/epoch-10.safetensors" \
    "checkpoints/epoch-20.safetensors:$tmp/checkpoints/epoch-20.safetensors" \
    "model/model.safetensors:$tmp/model.safetensors" "docs/evaluation/metrics.json:$tmp/metrics.json"; do
  path=${pair%%:*}; rebuilt=${pair#*:}
  expected=$(python3 -c 'import json,sys; print(next(f["sha256"] for f in json.load(open("oab.json"))["files"] if f["path"]==sys.argv[1]))' "$path")
  actual=$(sha256sum "$rebuilt" | cut -d' ' -f1)
  if [ "$expected" != "$actual" ]; then echo "NOT reproduced: $path ($actual != $expected)"; exit 1; fi
  echo "reproduced: $path $actual"
done
