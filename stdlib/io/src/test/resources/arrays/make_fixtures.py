# Generates the array fixtures with NumPy itself (an independent writer), so the Java readers
# are checked against files NumPy produced. Run: python3 make_fixtures.py (numpy 2.x).
# Every array follows a formula the tests recompute: a = arange(n) * 0.25 - 1.5 (floats),
# arange(n) - 3 (signed ints), arange(n) % 251 (u8), arange(n) % 3 == 0 (bool).
import json, struct
import numpy as np

def floats(shape, dtype):
    return (np.arange(int(np.prod(shape))) * 0.25 - 1.5).astype(dtype).reshape(shape)

np.save("f64_le.npy", floats((2, 3), "<f8"))
np.save("f32_be.npy", floats((4,), ">f4"))
np.save("i64_le.npy", (np.arange(6) - 3).astype("<i8").reshape(3, 2))
np.save("i32_be.npy", (np.arange(5) - 3).astype(">i4"))
np.save("u8.npy", (np.arange(300) % 251).astype("u1").reshape(20, 15))
np.save("bool.npy", (np.arange(7) % 3 == 0))
np.save("f64_fortran.npy", np.asfortranarray(floats((2, 3, 4), "<f8")))
np.save("scalar.npy", np.float64(2.5))
np.savez("plain.npz", a=floats((2, 2), "<f4"), b=(np.arange(3) - 3).astype("<i8"))
np.savez_compressed("compressed.npz", x=floats((10, 10), "<f8"), flag=np.array([True, False, True]))

# safetensors written by hand from the published format (8-byte LE header length, JSON, data).
tensors = {"w": floats((2, 3), "<f4"), "idx": (np.arange(4) - 3).astype("<i8")}
header, blobs, off = {"__metadata__": {"format": "pt"}}, [], 0
for name, arr in tensors.items():
    raw = arr.tobytes()
    header[name] = {"dtype": {"float32": "F32", "int64": "I64"}[str(arr.dtype)],
                    "shape": list(arr.shape), "data_offsets": [off, off + len(raw)]}
    blobs.append(raw)
    off += len(raw)
hb = json.dumps(header).encode()
hb += b" " * ((8 - len(hb) % 8) % 8)
with open("small.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(hb)) + hb + b"".join(blobs))

# IDX (see Idx.java): written by hand from the format description, gzipped and plain.
import gzip
imgs = (np.arange(60) * 7 % 256).astype(np.uint8).reshape(3, 4, 5)
with gzip.open("images.idx3-ubyte.gz", "wb") as f:
    f.write(bytes([0, 0, 0x08, 3]) + struct.pack(">iii", 3, 4, 5) + imgs.tobytes())
with open("floats.idx1", "wb") as f:
    f.write(bytes([0, 0, 0x0D, 1]) + struct.pack(">i", 4) + floats((4,), ">f4").tobytes())

# Big-endian 8-byte elements (the byte swap of the widest types).
np.save("f64_be.npy", floats((3, 2), ">f8"))
np.save("i64_be.npy", (np.arange(4) - 3).astype(">i8"))

# What NumPy itself writes for the dtypes Tangent writes: the Java writer must produce the same bytes.
np.save("np_f64.npy", floats((2, 3), "<f8"))
np.save("np_f32.npy", floats((5,), "<f4"))
np.save("np_i64.npy", (np.arange(6) - 3).astype("<i8").reshape(2, 3))
np.save("np_u8.npy", (np.arange(12) % 251).astype("u1").reshape(3, 2, 2))
np.save("np_bool.npy", (np.arange(7) % 3 == 0))
