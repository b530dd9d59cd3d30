"""Predicts a label for one point.

usage: python3 predict.py model/model.safetensors X1 X2
"""
import os
import sys

here = os.path.dirname(__file__)
sys.path.insert(0, os.path.join(here, "..", "tools"))
sys.path.insert(0, os.path.join(here, "..", "architecture"))
from common import read_safetensors  # noqa: E402
from model import predict  # noqa: E402

t = read_safetensors(sys.argv[1])
label, p = predict(t["weight"], t["bias"][0], float(sys.argv[2]), float(sys.argv[3]))
print("%d %.4f" % (label, p))
