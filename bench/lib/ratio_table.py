"""Reads 'SIDE NAME VALUE' lines (one per run and round) for two sides, prints per name each
side's median, spread and the ratio B / A.  usage: ratio_table.py A B [unit]"""
import statistics
import sys

a, b = sys.argv[1], sys.argv[2]
unit = sys.argv[3] if len(sys.argv) > 3 else ""
t, order = {}, []
for line in sys.stdin:
    side, name, value = line.split()
    if name not in order:
        order.append(name)
    t.setdefault((side, name), []).append(float(value))
print(f"{'':<12} {a + ' ' + unit:>12} {'spread':>15} {b + ' ' + unit:>12} {'spread':>15} {'ratio':>7}")
for name in order:
    if (a, name) not in t or (b, name) not in t:
        continue
    x, y = t[(a, name)], t[(b, name)]
    mx, my = statistics.median(x), statistics.median(y)
    print(f"{name:<12} {mx:12.1f} {min(x):7.1f}-{max(x):<7.1f} {my:12.1f} {min(y):7.1f}-{max(y):<7.1f} {my / mx:6.2f}x")
