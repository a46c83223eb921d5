#!/usr/bin/env python3
"""Taylor series (in t^2, through t^12) of the angle coefficients used by dev.tangent.lie.kernel.

Prints Java Horner expressions in t2 = t^2 with exact rational coefficients. Rot3, SE2Tangent
and SGal3Tangent paste these expressions; rerun this script rather than editing them by hand.
"""
import sympy as sp

t = sp.symbols('t')
COEFFICIENTS = {
    'A  (1 - cos t)/t^2': (1 - sp.cos(t)) / t**2,
    'B  (t - sin t)/t^3': (t - sp.sin(t)) / t**3,
    'C  (1 - t/2 cot(t/2))/t^2': (1 - (t / 2) * sp.cot(t / 2)) / t**2,
    'Q2 (t^2 + 2 cos t - 2)/(2 t^4)': (t**2 + 2 * sp.cos(t) - 2) / (2 * t**4),
    'Q3 (2t - 3 sin t + t cos t)/(2 t^5)': (2 * t - 3 * sp.sin(t) + t * sp.cos(t)) / (2 * t**5),
    'sinc sin t / t': sp.sin(t) / t,
    'qw cos(t/2)': sp.cos(t / 2),
    'qk sin(t/2)/t': sp.sin(t / 2) / t,
    'LA (sin t - t cos t)/t^3': (sp.sin(t) - t * sp.cos(t)) / t**3,
    'LB (t^2 + 2(1 - t sin t - cos t))/(2 t^4)': (t**2 + 2 * (1 - t * sp.sin(t) - sp.cos(t))) / (2 * t**4),
    'NA (2 - t sin t - 2 cos t)/t^4': (2 - t * sp.sin(t) - 2 * sp.cos(t)) / t**4,
    'NB (t^3 + 6t + 6t cos t - 12 sin t)/(6 t^5)': (t**3 + 6 * t + 6 * t * sp.cos(t) - 12 * sp.sin(t)) / (6 * t**5),
    'NC (12 sin t - t^3 - 3t^2 sin t - 12 t cos t)/(6 t^5)':
        (12 * sp.sin(t) - t**3 - 3 * t**2 * sp.sin(t) - 12 * t * sp.cos(t)) / (6 * t**5),
    'ND (4 + t^2(1 + cos t) - 4(t sin t + cos t))/(2 t^6)':
        (4 + t**2 * (1 + sp.cos(t)) - 4 * (t * sp.sin(t) + sp.cos(t))) / (2 * t**6),
    'NF (t^3 + 6(sin t - t))/(6 t^5)': (t**3 + 6 * (sp.sin(t) - t)) / (6 * t**5),
}
TERMS = 7


def java(r):
    r = sp.Rational(r)
    if r.q == 1:
        return f'{r.p}.0'
    return f'{r.p}.0 / {r.q}.0'


for name, e in COEFFICIENTS.items():
    s = sp.series(e, t, 0, 2 * TERMS).removeO()
    cs = [s.coeff(t, 2 * i) for i in range(TERMS)]
    expr = java(cs[-1])
    for c in reversed(cs[:-1]):
        expr = f'{java(c)} + t2 * ({expr})'
    print(f'// {name}\n{expr}\n')
