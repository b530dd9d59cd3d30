"""Trains the logistic regression deterministically, writing a checkpoint every 10 epochs.

usage: python3 train.py config/hyperparameters.json config/seeds.json data/training/points.csv \
           model/model.safetensors [CHECKPOINT_DIR]
"""
import json
import os
import random
import struct
import sys

here = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(here, "..", "tools"))
sys.path.insert(0, os.path.join(here, "..", "architecture"))
from common import read_csv, write_safetensors  # noqa: E402
from model import probability  # noqa: E402

hp = json.load(open(sys.argv[1]))["hyperparameters"]
seeds = json.load(open(sys.argv[2]))["seeds"]
rows = read_csv(sys.argv[3])
checkpoints = sys.argv[5] if len(sys.argv) > 5 else None
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
        g = probability(w, b, x1, x2) - y
        w[0] = f32(w[0] - hp["learning_rate"] * (g * x1 + hp["l2"] * w[0]))
        w[1] = f32(w[1] - hp["learning_rate"] * (g * x2 + hp["l2"] * w[1]))
        b = f32(b - hp["learning_rate"] * g)
    if checkpoints and (epoch + 1) % 10 == 0 and epoch + 1 < hp["epochs"]:
        write_safetensors(os.path.join(checkpoints, "epoch-%02d.safetensors" % (epoch + 1)), {"weight": w, "bias": [b]})
write_safetensors(sys.argv[4], {"weight": w, "bias": [b]})
