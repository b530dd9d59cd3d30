"""The model: a logistic regression on two features, p(label = 1 | x1, x2) = sigmoid(w1*x1 + w2*x2 + b).

Its parameters are the tensors `weight` (F32[2]) and `bias` (F32[1]) of model/model.safetensors.
"""
import math


def probability(weight, bias, x1, x2):
    """The probability that (x1, x2) has label 1, for weight [w1, w2] and bias b."""
    return 1 / (1 + math.exp(-(weight[0] * x1 + weight[1] * x2 + bias)))


def predict(weight, bias, x1, x2):
    """The label (0 or 1) and its probability."""
    p = probability(weight, bias, x1, x2)
    return (1 if p >= 0.5 else 0), p
