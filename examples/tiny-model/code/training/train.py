"""Trains the logistic regression deterministically.

usage: python3 train.py config/hyperparameters.json config/seeds.json data/training/points.csv model/model.safetensors
"""
import json
import math
import random
import struct
import sys

from common import read_csv, write_safetensors

hp = json.load(open(sys.argv[1]))
seeds = json.load(open(sys.argv[2]))["seeds"]
rows = read_csv(sys.argv[3])
rng = random.Random(next(s["value"] for s in seeds if s["name"] == "training.python-random"))


def f32(x):
    """Round to float32 after every step, so the result does not depend on the platform's float width."""
    return struct.unpack("<f", struct.pack("<f", x))[0]


w = [f32(rng.gauss(0, 0.01)), f32(rng.gauss(0, 0.01))]
b = 0.0
for epoch in range(hp["epochs"]):
    order = list(range(len(rows)))
    rng.shuffle(order)
    for i in order:
        x1, x2, y = rows[i]
        p = 1 / (1 + math.exp(-(w[0] * x1 + w[1] * x2 + b)))
        g = p - y
        w[0] = f32(w[0] - hp["learning_rate"] * (g * x1 + hp["l2"] * w[0]))
        w[1] = f32(w[1] - hp["learning_rate"] * (g * x2 + hp["l2"] * w[1]))
        b = f32(b - hp["learning_rate"] * g)
write_safetensors(sys.argv[4], {"weight": w, "bias": [b]})
