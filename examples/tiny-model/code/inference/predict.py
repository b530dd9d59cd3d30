"""Predicts a label for one point.

usage: python3 predict.py model/model.safetensors X1 X2
"""
import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "training"))
from common import read_safetensors  # noqa: E402

t = read_safetensors(sys.argv[1])
x1, x2 = float(sys.argv[2]), float(sys.argv[3])
p = 1 / (1 + math.exp(-(t["weight"][0] * x1 + t["weight"][1] * x2 + t["bias"][0])))
print("%d %.4f" % (1 if p >= 0.5 else 0, p))
