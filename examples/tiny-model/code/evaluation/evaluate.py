"""Accuracy of the model on a CSV data set, written as JSON.

usage: python3 evaluate.py model/model.safetensors data/training/points.csv docs/evaluation/metrics.json
"""
import json
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "training"))
from common import read_csv, read_safetensors  # noqa: E402

t = read_safetensors(sys.argv[1])
rows = read_csv(sys.argv[2])
correct = 0
for x1, x2, y in rows:
    p = 1 / (1 + math.exp(-(t["weight"][0] * x1 + t["weight"][1] * x2 + t["bias"][0])))
    correct += int((p >= 0.5) == (y == 1))
with open(sys.argv[3], "w", encoding="utf-8", newline="\n") as out:
    json.dump({"data": sys.argv[2], "examples": len(rows), "accuracy": round(correct / len(rows), 4)}, out, indent=2)
    out.write("\n")
