"""Supporting library shared by training, evaluation and inference: the data format and the safetensors writer/reader.

Plain Python, no third-party packages, so the bundle's software environment is just the interpreter.
"""
import json
import struct


def read_csv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().strip().split(",")
        assert header == ["x1", "x2", "label"], header
        for line in f:
            x1, x2, label = line.strip().split(",")
            rows.append((float(x1), float(x2), int(label)))
    return rows


def write_safetensors(path, tensors):
    """tensors: name -> list of floats, stored as 1-D F32 little-endian."""
    header, offset, blobs = {}, 0, []
    for name in sorted(tensors):
        blob = struct.pack("<%df" % len(tensors[name]), *tensors[name])
        header[name] = {"dtype": "F32", "shape": [len(tensors[name])], "data_offsets": [offset, offset + len(blob)]}
        offset += len(blob)
        blobs.append(blob)
    encoded = json.dumps(header, separators=(",", ":"), sort_keys=True).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(encoded)))
        f.write(encoded)
        for blob in blobs:
            f.write(blob)


def read_safetensors(path):
    with open(path, "rb") as f:
        (length,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(length))
        data = f.read()
    tensors = {}
    for name, info in header.items():
        start, end = info["data_offsets"]
        tensors[name] = list(struct.unpack("<%df" % ((end - start) // 4), data[start:end]))
    return tensors
