package dev.tangent.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.spi.Permissions;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** progress() and the Java facility: plain lines (CI), the bar through an installed printer. */
class ProgressTest {
  private final StringWriter err = new StringWriter();

  private Tangent plain(Duration interval) {
    Tangent t = Tangent.builder().output(new StringWriter()).errors(err).permissions(Permissions.none()).build();
    ProgressSettings s = Progress.settings(t.interpreter().context());
    s.mode = Progress.Mode.PLAIN;
    s.printer = null;
    s.plainInterval = interval;
    return t;
  }

  private List<String> lines() {
    String s = err.toString();
    return s.isEmpty() ? List.of() : Arrays.asList(s.split("\\R"));
  }

  @Test void plainModePrintsOneLinePerTenthAndTheLoopStillRuns() {
    Tangent t = plain(Duration.ofHours(1));
    assertEquals(190.0, t.eval("var s = 0\nfor x in progress(0..20, desc: \"train\") { s = s + x }\ns"));
    List<String> lines = lines();
    assertEquals(10, lines.size(), err.toString());
    Pattern p = Pattern.compile("train: (\\d+)/20 \\((\\d+)%\\), .*");
    for (int i = 0; i < 10; i++) {
      Matcher m = p.matcher(lines.get(i));
      assertTrue(m.matches(), lines.get(i));
      assertEquals(2 * (i + 1), Integer.parseInt(m.group(1)));
      assertEquals(10 * (i + 1), Integer.parseInt(m.group(2)));
    }
    assertTrue(lines.get(9).contains("done in"), lines.get(9));
    assertTrue(lines.get(4).contains("elapsed, eta"), lines.get(4));
  }

  @Test void breakingOutOfTheLoopClosesTheBarWhereItStopped() {
    Tangent t = plain(Duration.ofHours(1));
    t.eval("for x in progress([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120], desc: \"scan\") { if x == 50 { break } }");
    List<String> lines = lines();
    assertTrue(lines.get(lines.size() - 1).startsWith("scan: 4/12 (33%)"), err.toString());
  }

  @Test void anErrorInsideTheLoopAlsoClosesIt() {
    Tangent t = plain(Duration.ofHours(1));
    assertThrows(TangentException.class, () -> t.eval("for x in progress(0..30) { if x == 7 { error(\"stop\") } }"));
    List<String> lines = lines();
    assertTrue(lines.get(lines.size() - 1).startsWith("7/30 (23%)"), err.toString());
  }

  @Test void totalAndLength() {
    Tangent t = plain(Duration.ofHours(1));
    assertEquals(4.0, t.eval("len(progress([1, 2, 3, 4]))"));
    assertEquals("Progress", t.eval("str(type(progress([1])))"));
    t.eval("for x in progress([1, 2, 3, 4], total: 8, desc: \"half\") { }");
    assertTrue(lines().get(lines().size() - 1).startsWith("half: 4/8 (50%)"), err.toString());
  }

  @Test void unknownTotalsPrintAtTheIntervalAndAFinalCount() {
    Tangent t = plain(Duration.ZERO);
    ProgressSettings s = Progress.settings(t.interpreter().context());
    try (ProgressTask p = Progress.startNow(t.interpreter().context(), "stream", -1)) {
      for (int i = 0; i < 3; i++) p.step();
    }
    assertEquals(3, lines().size(), err.toString());
    assertTrue(lines().get(2).matches("stream: 3, \\d+\\.\\ds elapsed"), lines().get(2));
    assertEquals(Duration.ZERO, s.plainInterval);
  }

  @Test void shortWorkStaysSilent() {
    Tangent t = plain(Duration.ZERO);
    Progress.settings(t.interpreter().context()).showAfter = Duration.ofHours(1);
    try (ProgressTask p = Progress.start(t.interpreter().context(), "quick", 100)) {
      for (int i = 0; i < 100; i++) p.step();
      assertTrue(!p.shown());
    }
    assertEquals("", err.toString());
  }

  @Test void offModePrintsNothing() {
    Tangent t = plain(Duration.ZERO);
    Progress.settings(t.interpreter().context()).mode = Progress.Mode.OFF;
    t.eval("for x in progress(0..10) { }");
    assertEquals("", err.toString());
  }

  @Test void theTerminalLineStaysOneColumnShortOfTheWidth() {
    StringWriter sw = new StringWriter();
    ProgressPrinter p = ProgressPrinter.terminal(new java.io.PrintWriter(sw), () -> 40);
    p.redraw("x".repeat(60));
    p.redraw("y".repeat(10));
    p.finish();
    for (String part : sw.toString().split("[\r\n]")) assertTrue(part.length() <= 39, "'" + part + "' is " + part.length() + " wide");
    assertTrue(sw.toString().contains("\r" + "y".repeat(10) + " ".repeat(29)), "the shorter redraw covers the longer one");
  }

  @Test void theMessageIsSeparatedFromTheSpeed() {
    List<String> drawn = new ArrayList<>();
    ProgressPrinter recorder = new ProgressPrinter() {
      @Override public boolean interactive() { return true; }
      @Override public synchronized void redraw(String bar) { drawn.add(bar); }
      @Override public void line(String text) { drawn.add(text); }
      @Override public void finish() { }
      @Override public int width() { return 120; }
    };
    Tangent t = Tangent.builder().output(new StringWriter()).errors(err).build();
    ProgressSettings s = Progress.settings(t.interpreter().context());
    s.printer = recorder;
    s.mode = null;
    try (ProgressTask p = Progress.startNow(t.interpreter().context(), "train", 10)) {
      p.message("epoch 1/50");
      for (int i = 0; i < 10; i++) p.step();
    }
    String last;
    synchronized (recorder) {
      last = drawn.get(drawn.size() - 1);
    }
    assertTrue(last.matches(".*steps/s epoch 1/50.*"), last);
    assertTrue(last.length() < 120, last);
  }

  @Test void anInteractivePrinterGetsTheLibrarysBar() {
    List<String> drawn = new ArrayList<>();
    int[] finished = {0};
    ProgressPrinter recorder = new ProgressPrinter() {
      @Override public boolean interactive() { return true; }
      @Override public synchronized void redraw(String bar) { drawn.add(bar); }
      @Override public void line(String text) { drawn.add(text); }
      @Override public void finish() { finished[0]++; }
      @Override public int width() { return 90; }
    };
    Tangent t = Tangent.builder().output(new StringWriter()).errors(err).build();
    ProgressSettings s = Progress.settings(t.interpreter().context());
    s.printer = recorder;
    s.mode = null;
    t.eval("for x in progress(0..50, desc: \"epoch\") { }");
    assertEquals(1, finished[0]);
    String last;
    synchronized (recorder) {
      last = drawn.get(drawn.size() - 1);
    }
    assertTrue(last.startsWith("epoch 100%"), last);
    assertTrue(last.contains("50/50"), last);
    assertTrue(last.length() <= 90, last);
    assertEquals("", err.toString(), "an installed printer replaces the error stream");
  }

  @Test void installedGlobalPrinterReachesNewInterpreters() {
    List<String> got = new ArrayList<>();
    ProgressPrinter before = Progress.global().printer;
    Progress.install(ProgressPrinter.lines(got::add));
    try {
      Tangent t = Tangent.builder().output(new StringWriter()).errors(err).build();
      t.eval("for x in progress(0..10, desc: \"g\") { }");
    } finally {
      Progress.install(before);
    }
    assertEquals(10, got.size(), got.toString());
    assertTrue(got.get(9).startsWith("g: 10/10 (100%), done in"), got.toString());
  }

  @Test void durationsReadWell() {
    assertEquals("4.2s", PlainFormat.duration(4.2));
    assertEquals("2:03", PlainFormat.duration(123));
    assertEquals("1:02:03", PlainFormat.duration(3723));
  }
}
