package dev.tangent.exec;

/** An expression compiled for a frame, such as a parameter's default value. */
public interface FrameExpr {
  Object eval(Frame f);
}
