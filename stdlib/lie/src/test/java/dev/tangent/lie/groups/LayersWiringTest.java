package dev.tangent.lie.groups;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.lie.kernel.SE3;
import dev.tangent.lie.value.Element;
import dev.tangent.lie.value.ElementOps;
import dev.tangent.lie.value.GroupValue;
import dev.tangent.lie.value.TangentValue;
import dev.tangent.spi.BinOp;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.HasType;
import dev.tangent.spi.Indexable;
import dev.tangent.spi.TypeLike;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The values reach the layers above them only through value.Layers, which the registry fills:
 * Java code that starts from GroupRegistry, with no script and no `import lie`, gets the group
 * members, a single element's operators with a batch on either side (element by element, the
 * same bits as the single operation) and the batch types.
 */
class LayersWiringTest {
  static final GroupValue SE3_VALUE = GroupRegistry.of(SE3.G);

  static Object member(GroupValue g, String name, Object... args) {
    return ((Builtin) g.member(name)).call(null, args, null);
  }

  static Element random(long seed) {
    double[] c = new double[SE3.G.rep];
    SE3.G.random(new SplittableRandom(seed), c, 0);
    return SE3_VALUE.element(c);
  }

  @Test void groupMembersComeFromTheBuiltinsLayer() {
    assertEquals(6.0, SE3_VALUE.member("dof"));
    assertSame(SE3_VALUE.tangentType, SE3_VALUE.member("Tangent"));
    Object x = member(SE3_VALUE, "exp", new TangentValue(SE3_VALUE, new double[] {0.1, 0.2, 0.3, 0.4, 0.5, 0.6}));
    assertTrue(x instanceof Element e && e.group == SE3_VALUE, "G.exp(t) is an element: " + x);
  }

  @Test void singleElementOperatorsHandBatchesToTheBatchLayer() {
    Element x = random(1);
    Object batch = ((Builtin) SE3_VALUE.member("random")).call(null, new Object[] {4.0, 7.0}, new String[] {"seed"});
    Object left = x.binaryOp(BinOp.MUL, batch, true);     // x * batch
    Object right = x.binaryOp(BinOp.MUL, batch, false);   // batch * x
    for (int i = 0; i < 4; i++) {
      Element yi = (Element) ((Indexable) batch).getIndex(new Object[] {(double) i});
      Element li = (Element) ((Indexable) left).getIndex(new Object[] {(double) i});
      Element ri = (Element) ((Indexable) right).getIndex(new Object[] {(double) i});
      assertArrayEquals(ElementOps.compose(x, yi).c, li.c, 0, "x * Y[" + i + "]");
      assertArrayEquals(ElementOps.compose(yi, x).c, ri.c, 0, "Y[" + i + "] * x");
    }
    TypeLike type = ((HasType) left).type();
    assertEquals("SE3 batch", type.typeName());
    assertSame(type, ((HasType) batch).type(), "one batch type per group");
    assertTrue(type.isInstance(left));
    assertFalse(type.isInstance(x));
  }

  @Test void plainOperandsStayWithTheValues() {
    Element x = random(2);
    Element y = random(3);
    assertArrayEquals(ElementOps.compose(x, y).c, ((Element) x.binaryOp(BinOp.MUL, y, true)).c, 0);
    assertFalse(SE3_VALUE.isInstance(SE3_VALUE.tangentOf(new double[6])), "a tangent is not an element");
    assertTrue(SE3_VALUE.isInstance(y));
  }
}
