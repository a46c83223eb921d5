package dev.tangent.resolve;

import dev.tangent.ast.Expr;
import dev.tangent.ast.FunctionDef;
import dev.tangent.ast.TypeRef;
import dev.tangent.spi.TangentError;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The resolver's output: what every name means, every frame's layout, and all static errors. */
public final class Resolution {
  public final Map<Expr.Name, VarRef> refs = new IdentityHashMap<>();
  /** Declaration sites (pattern names, parameters, fn names) to their local symbol or global. */
  public final Map<Object, Object> declarations = new IdentityHashMap<>();
  public final Map<FunctionDef, FnScope> functions = new IdentityHashMap<>();
  /** Type annotations rewritten as name/member expressions, resolved like any other. */
  public final Map<TypeRef, Expr> typeExprs = new IdentityHashMap<>();
  public final List<TangentError> errors = new ArrayList<>();
  /** Globals this program declares, committed to the environment when it compiles. */
  public final Map<String, GlobalVar> newGlobals = new LinkedHashMap<>();
  /** Names this program imports, committed likewise. */
  public final Map<String, Object> newImports = new LinkedHashMap<>();
  /** The modules this program imports (import m, import m as a, from m import ...), by name. */
  public final java.util.Set<String> newModules = new java.util.LinkedHashSet<>();
  public FnScope script;

  public boolean ok() { return errors.isEmpty(); }
}
