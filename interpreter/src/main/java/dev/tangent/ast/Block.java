package dev.tangent.ast;

import dev.tangent.diag.Span;
import java.util.List;

public record Block(Span span, List<Stmt> statements) {}
