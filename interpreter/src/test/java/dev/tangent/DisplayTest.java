package dev.tangent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.spi.Display;
import dev.tangent.spi.Json;
import dev.tangent.spi.Nil;
import dev.tangent.spi.TList;
import dev.tangent.spi.TMap;
import dev.tangent.spi.Tuple;
import org.junit.jupiter.api.Test;

/** Numbers as a scientist reads them, repr at full precision, and JSON. */
class DisplayTest {
  @Test void numbersShowTwelveSignificantDigitsAndNoNoise() {
    assertEquals("3", Display.number(3.0));
    assertEquals("-0", Display.number(-0.0));
    assertEquals("0.3", Display.number(0.1 + 0.2));
    assertEquals("1.00000000001", Display.number(1.00000000001));
    assertEquals("1", Display.number(1.0000000000000002));
    assertEquals("123456.789", Display.number(123456.789));
    assertEquals("0.0001", Display.number(1e-4));
    assertEquals("1e-05", Display.number(1e-5));
    assertEquals("-2.5e-08", Display.number(-2.5e-8));
    assertEquals("1e+15", Display.number(1e15));
    assertEquals("999999999999999", Display.number(999999999999999.0));
    assertEquals("6.02214076e+23", Display.number(6.02214076e23));
    assertEquals("1.79769313486e+308", Display.number(Double.MAX_VALUE));
    assertEquals("inf", Display.number(Double.POSITIVE_INFINITY));
    assertEquals("nan", Display.number(Double.NaN));
  }

  @Test void fullPrecisionReadsBackExactly() {
    for (double x : new double[] {0.1 + 0.2, Math.PI, 1e-300, -123.456e78, 1.0 / 3, Math.nextUp(1.0)}) {
      assertEquals(x, Double.parseDouble(Display.fullNumber(x)), Display.fullNumber(x));
    }
    assertEquals("0.30000000000000004", Display.fullNumber(0.1 + 0.2));
    assertEquals("1e-300", Display.fullNumber(1e-300));
  }

  @Test void containersQuoteStringsAndMarkCycles() {
    TList l = TList.of(1.0, "a\"b", Nil.NIL, true);
    assertEquals("[1, \"a\\\"b\", nil, true]", Display.repr(l));
    l.items.add(l);
    assertEquals("[1, \"a\\\"b\", nil, true, [...]]", Display.repr(l));
    TMap m = new TMap();
    m.put("ok", 1.0);
    m.put("not ok", 2.0);
    m.put(3.0, "x");
    assertEquals("{ok: 1, \"not ok\": 2, 3: \"x\"}", Display.repr(m));
    assertEquals("(1,)", Display.repr(new Tuple(1.0)));
    assertEquals("a\"b", Display.str("a\"b"));
  }

  @Test void jsonEscapesAndMapsNonFiniteToNull() {
    TMap m = new TMap();
    m.put("s", "line\n\"q\"\u0001");
    m.put("n", TList.of(1.0, 0.5, Double.NaN, Double.NEGATIVE_INFINITY));
    m.put("t", new Tuple(true, Nil.NIL));
    assertEquals("{\"s\": \"line\\n\\\"q\\\"\\u0001\", \"n\": [1, 0.5, null, null], \"t\": [true, null]}", Json.write(m));
  }
}
