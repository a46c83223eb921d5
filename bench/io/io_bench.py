# The NumPy side of IoBench.java: the same files, the same work, medians of 5 after 2 warm-ups.
# Run from the repository root: python3 bench/io/io_bench.py
import gzip, struct, time
import numpy as np

FM = "/usr/share/datasets/fashion-mnist/"
NIB = "testdata/debian/nibabel/"

def load_idx(path):
    b = gzip.open(path).read()
    nd = b[3]
    shape = struct.unpack(">" + "i" * nd, b[4:4 + 4 * nd])
    return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(shape)

def dataset_pass():
    x, y = load_idx(FM + "train-images-idx3-ubyte.gz"), load_idx(FM + "train-labels-idx1-ubyte.gz")
    n = 0
    for i in range(0, len(x), 128):
        xb, yb = x[i:i + 128].astype(np.int64), y[i:i + 128].astype(np.int64)
        n += 1
    return n

def load_nifti():
    b = gzip.open(NIB + "example4d.nii.gz").read()
    dim = struct.unpack("<8h", b[40:56])
    off = int(struct.unpack("<f", b[108:112])[0])
    return np.frombuffer(b, "<i2", offset=off, count=int(np.prod(dim[1:5]))).reshape(dim[1:5], order="F").astype(np.int64).shape

big = np.zeros((2000, 2000))
cases = [
    ("load_idx train images (47 MB gz)", lambda: load_idx(FM + "train-images-idx3-ubyte.gz").shape),
    ("dataset_idx pass, batch 128", dataset_pass),
    ("load_nifti example4d.nii.gz + data", load_nifti),
    ("save_npy 4M f32", lambda: np.save("/tmp/iobench-np.npy", big.astype(np.float32))),
]
for name, fn in cases:
    ts = []
    for i in range(7):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    print("%-40s %.3f s" % (name, sorted(ts[2:])[2]))
