"""Generates the synthetic data set (data/training/points.csv) from the seed in config/seeds.json."""
import json
import random
import sys

seeds = json.load(open(sys.argv[1]))["seeds"]
rng = random.Random(next(s["value"] for s in seeds if s["name"] == "data.python-random"))
with open(sys.argv[2], "w", encoding="utf-8", newline="\n") as out:
    out.write("x1,x2,label\n")
    for _ in range(200):
        x1, x2 = rng.uniform(-1, 1), rng.uniform(-1, 1)
        label = 1 if x1 + 0.5 * x2 > 0.1 else 0
        out.write("%.6f,%.6f,%d\n" % (x1, x2, label))
