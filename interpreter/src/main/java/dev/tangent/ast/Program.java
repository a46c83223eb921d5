package dev.tangent.ast;

import dev.tangent.diag.SourceFile;
import java.util.List;

public record Program(SourceFile source, List<Stmt> statements) {}
