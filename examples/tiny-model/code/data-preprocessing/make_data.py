"""Generates a synthetic data set from a seed in config/seeds.json.

usage: python3 make_data.py config/seeds.json SEED_NAME COUNT OUT.csv
  training data:   make_data.py config/seeds.json data.python-random 200 data/training/points.csv
  evaluation data: make_data.py config/seeds.json evaluation.python-random 100 data/evaluation/points.csv
"""
import json
import random
import sys

seeds = json.load(open(sys.argv[1]))["seeds"]
rng = random.Random(next(s["value"] for s in seeds if s["name"] == sys.argv[2]))
with open(sys.argv[4], "w", encoding="utf-8", newline="\n") as out:
    out.write("x1,x2,label\n")
    for _ in range(int(sys.argv[3])):
        x1, x2 = rng.uniform(-1, 1), rng.uniform(-1, 1)
        label = 1 if x1 + 0.5 * x2 > 0.1 else 0
        out.write("%.6f,%.6f,%d\n" % (x1, x2, label))
