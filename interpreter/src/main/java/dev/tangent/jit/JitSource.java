package dev.tangent.jit;

import dev.tangent.ast.FunctionDef;
import dev.tangent.resolve.FnScope;
import dev.tangent.resolve.Resolution;

/** What the bytecode tier needs to compile a function later: its syntax tree and resolution. */
public record JitSource(FunctionDef def, Resolution resolution, FnScope scope) {}
