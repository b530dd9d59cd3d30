"""Accuracy of the model on a CSV data set, written as JSON.

usage: python3 evaluate.py model/model.safetensors data/evaluation/points.csv docs/evaluation/metrics.json
"""
import json
import os
import sys

here = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(here, "..", "tools"))
sys.path.insert(0, os.path.join(here, "..", "architecture"))
from common import read_csv, read_safetensors  # noqa: E402
from model import predict  # noqa: E402

t = read_safetensors(sys.argv[1])
rows = read_csv(sys.argv[2])
correct = sum(int(predict(t["weight"], t["bias"][0], x1, x2)[0] == y) for x1, x2, y in rows)
with open(sys.argv[3], "w", encoding="utf-8", newline="\n") as out:
    json.dump({"data": sys.argv[2], "examples": len(rows), "accuracy": round(correct / len(rows), 4)}, out, indent=2)
    out.write("\n")
