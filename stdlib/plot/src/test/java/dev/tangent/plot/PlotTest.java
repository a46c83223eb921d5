package dev.tangent.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.api.Tangent;
import dev.tangent.api.TangentException;
import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.Permissions;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every plot written as PNG, read back with ImageIO: size, not blank, and colour where the data is. */
class PlotTest {
  private final StringWriter out = new StringWriter();
  private final Tangent t = Tangent.builder().output(out).permissions(Permissions.all()).importModule("plot").build();
  @TempDir Path dir;

  private BufferedImage saved(String figure, String name) throws Exception {
    Path p = dir.resolve(name);
    assertEquals(p.toString(), t.evalRaw("let fig = " + figure + "\nfig.save(\"" + p + "\")"));
    BufferedImage img = ImageIO.read(p.toFile());
    assertTrue(img != null, "a PNG ImageIO can read");
    assertTrue(distinctColours(img, null) >= 5, "not blank: " + distinctColours(img, null) + " colours");
    return img;
  }

  private Figure fig() {
    return (Figure) t.evalRaw("fig");
  }

  static int distinctColours(BufferedImage img, Rectangle r) {
    Set<Integer> s = new HashSet<>();
    Rectangle a = r != null ? r : new Rectangle(0, 0, img.getWidth(), img.getHeight());
    for (int y = a.y; y < a.y + a.height; y++) for (int x = a.x; x < a.x + a.width; x++) s.add(img.getRGB(x, y) & 0xffffff);
    return s.size();
  }

  static int count(BufferedImage img, Rectangle r, IntPredicate colour) {
    Rectangle a = r != null ? r : new Rectangle(0, 0, img.getWidth(), img.getHeight());
    int n = 0;
    for (int y = a.y; y < a.y + a.height; y++) for (int x = a.x; x < a.x + a.width; x++) if (colour.test(img.getRGB(x, y) & 0xffffff)) n++;
    return n;
  }

  static IntPredicate near(int rgb, int tol) {
    return p -> Math.abs(((p >> 16) & 255) - ((rgb >> 16) & 255)) <= tol && Math.abs(((p >> 8) & 255) - ((rgb >> 8) & 255)) <= tol
        && Math.abs((p & 255) - (rgb & 255)) <= tol;
  }

  /** The centre of data cell (row, col) of an image-like figure, in picture pixels. */
  static int[] cell(Figure f, int h, int w, double row, double col) {
    Rectangle a = f.dataArea;
    return new int[] {(int) (a.x + (col + 0.5) * a.width / w), (int) (a.y + (row + 0.5) * a.height / h)};
  }

  @Test void linePlotWithTwoSeriesAndALegend() throws Exception {
    BufferedImage img = saved("plot.line({train: tensor([3, 2, 1.5, 1.2, 1.1]), val: [3.2, 2.5, 2.1, 2.0, 2.05]}, title: \"loss\", xlabel: \"epoch\")", "line.png");
    assertEquals(800, img.getWidth());
    assertEquals(600, img.getHeight());
    assertEquals("<figure 800x600: line plot, 2 series, saved to " + dir.resolve("line.png") + ">", t.evalRaw("str(fig)"));
    assertTrue(count(img, null, near(0x1f77b4, 30)) > 300, "the first series is drawn in blue");
    assertTrue(count(img, null, near(0xff7f0e, 30)) > 300, "the second in orange");
  }

  @Test void logAxesAndRowsAsSeries() throws Exception {
    BufferedImage img = saved("plot.line(tensor([[1, 10, 100, 1000], [2, 20, 200, 2000], [5, 5, 5, 5]]), x: [1, 2, 3, 4], logy: true, labels: [\"a\", \"b\", \"c\"])", "log.png");
    assertEquals("line plot, 3 series", fig().content());
    assertTrue(count(img, null, near(0x2ca02c, 30)) > 200, "the third series (green)");
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw("plot.line([1, 0, 2], logy: true)"));
    assertTrue(e.format().contains("line(): series 'series 1' has y = 0, which a logarithmic y axis cannot show"), e.format());
  }

  @Test void scatterOfPointPairsAndOfAnArray() throws Exception {
    BufferedImage img = saved("plot.scatter([1, 2, 3, 4], [1, 4, 9, 16], [1, 2, 3], [10, 5, 0], labels: [\"sq\", \"down\"])", "sc.png");
    assertTrue(count(img, null, near(0x1f77b4, 30)) > 50);
    assertTrue(count(img, null, near(0xff7f0e, 30)) > 30);
    saved("plot.scatter(tensor([[0, 0], [1, 1], [2, 0.5]]), size: 10)", "sc2.png");
    assertEquals("scatter plot, 1 series", fig().content());
  }

  @Test void imageColoursTheDataWhereItIs() throws Exception {
    double[] v = new double[32 * 32];
    for (int r = 8; r < 16; r++) for (int c = 20; c < 28; c++) v[r * 32 + c] = 1;
    t.interpreter().setGlobal("m", Tensor.ofDoubles(new int[] {32, 32}, v));
    BufferedImage img = saved("plot.image(m, title: \"mask\")", "img.png");
    Figure f = fig();
    assertEquals("image 32x32, viridis", f.content());
    assertEquals(f.dataArea.width, f.dataArea.height, "square cells for a square array");
    int[] hot = cell(f, 32, 32, 11.5, 23.5), cold = cell(f, 32, 32, 3, 3);
    assertTrue(near(0xfde725, 2).test(img.getRGB(hot[0], hot[1]) & 0xffffff), "the block is yellow (viridis at 1)");
    assertTrue(near(0x440154, 2).test(img.getRGB(cold[0], cold[1]) & 0xffffff), "the rest purple (viridis at 0)");
    Rectangle bar = new Rectangle(f.dataArea.x + f.dataArea.width + 18, f.dataArea.y, 17, f.dataArea.height);
    assertTrue(distinctColours(img, bar) > 50, "a colour bar with a gradient");
  }

  @Test void jacobianDeterminantMapsCentreOnOne() throws Exception {
    t.interpreter().setGlobal("detj", Tensor.ofDoubles(new int[] {2, 3}, new double[] {1, 1, 1.5, 0.5, 1, -0.2}));
    BufferedImage img = saved("plot.image(detj, cmap: \"coolwarm\", center: 1)", "detj.png");
    Figure f = fig();
    int[] one = cell(f, 2, 3, 0, 0), high = cell(f, 2, 3, 0, 2), low = cell(f, 2, 3, 1, 2);
    assertTrue(near(0xdddddd, 3).test(img.getRGB(one[0], one[1]) & 0xffffff), "1 is the neutral middle");
    int hi = img.getRGB(high[0], high[1]), lo = img.getRGB(low[0], low[1]);
    assertTrue(((hi >> 16) & 255) > (hi & 255), "above 1 is warm");
    assertTrue(near(0x3b4cc0, 3).test(lo & 0xffffff), "the most negative is the cold end");
  }

  private int[] arrowBalance(String field) throws Exception {
    BufferedImage img = saved("plot.quiver(" + field + ", step: 8, scale: 1)", "q" + field.hashCode() + ".png");
    Figure f = fig();
    Rectangle a = f.dataArea;
    long sumOffset = 0;
    int n = 0;
    IntPredicate ink = p -> p != 0xffffff && ((p >> 16) & 255) < 200;
    for (int y = a.y + 1; y < a.y + a.height - 1; y++) {
      for (int x = a.x + 1; x < a.x + a.width - 1; x++) {
        if (!ink.test(img.getRGB(x, y) & 0xffffff)) continue;
        double col = (x - a.x) / (a.width / 32.0) - 0.5;
        double offset = col - (Math.floor(col / 8) * 8 + 4);
        sumOffset += Math.round(offset * 100);
        n++;
      }
    }
    return new int[] {n, (int) (sumOffset / Math.max(1, n))};
  }

  @Test void quiverArrowsPointTheWayTheFieldDoes() throws Exception {
    double[] right = new double[2 * 32 * 32], left = new double[2 * 32 * 32];
    for (int i = 0; i < 32 * 32; i++) {
      right[32 * 32 + i] = 3;
      left[32 * 32 + i] = -3;
    }
    t.interpreter().setGlobal("right", Tensor.ofDoubles(new int[] {2, 32, 32}, right));
    t.interpreter().setGlobal("left", Tensor.ofDoubles(new int[] {2, 32, 32}, left));
    int[] r = arrowBalance("right"), l = arrowBalance("left");
    assertTrue(r[0] > 200 && l[0] > 200, "arrows are drawn");
    assertTrue(r[1] > 100, "ink lies right of the grid points: " + r[1]);
    assertTrue(l[1] < -100, "and left of them for a field pointing left: " + l[1]);
    assertTrue(fig().content().startsWith("quiver 32x32, max |u| 3 px"), fig().content());
  }

  @Test void gridWarpMovesTheLinesByTheDisplacement() throws Exception {
    t.interpreter().setGlobal("zero", Tensor.zeros(2, 40, 40));
    double[] shift = new double[2 * 40 * 40];
    for (int i = 0; i < 40 * 40; i++) shift[40 * 40 + i] = 4;
    t.interpreter().setGlobal("shift", Tensor.ofDoubles(new int[] {2, 40, 40}, shift));
    IntPredicate line = near(0x1f4e9c, 60);
    BufferedImage id = saved("plot.grid_warp(zero, step: 10)", "g0.png");
    Figure f0 = fig();
    assertEquals("grid_warp 40x40, 0 folded pixels", f0.content());
    BufferedImage moved = saved("plot.grid_warp(shift, step: 10)", "g1.png");
    Figure f1 = fig();
    int[] onLine = cell(f0, 40, 40, 15, 10), shifted = cell(f1, 40, 40, 15, 14), between = cell(f0, 40, 40, 15, 5);
    assertTrue(line.test(id.getRGB(onLine[0], onLine[1]) & 0xffffff), "the vertical line at column 10");
    assertTrue(!line.test(id.getRGB(between[0], between[1]) & 0xffffff), "nothing between lines");
    assertTrue(line.test(moved.getRGB(shifted[0], shifted[1]) & 0xffffff), "moved 4 columns right");
    assertTrue(!line.test(moved.getRGB(onLine[0], onLine[1]) & 0xffffff), "and gone from column 10");
  }

  /** A value of another module that stands for a tensor (as drdm's Deformation does). */
  record Convertible(Tensor t) implements dev.tangent.core.tensor.TensorConvertible {
    @Override public Tensor toTensor() { return t; }
  }

  @Test void fieldsAndImagesMayBeValuesThatStandForTensors() throws Exception {
    double[] shift = new double[2 * 40 * 40];
    for (int i = 0; i < 40 * 40; i++) shift[40 * 40 + i] = 4;
    t.interpreter().setGlobal("shift", Tensor.ofDoubles(new int[] {2, 40, 40}, shift));
    t.interpreter().setGlobal("wrapped", new Convertible(Tensor.ofDoubles(new int[] {2, 40, 40}, shift)));
    BufferedImage direct = saved("plot.grid_warp(shift, step: 10)", "direct.png");
    BufferedImage via = saved("plot.grid_warp(wrapped, step: 10)", "via.png");
    assertEquals(fig().content(), "grid_warp 40x40, 0 folded pixels");
    for (int y = 0; y < direct.getHeight(); y += 7) for (int x = 0; x < direct.getWidth(); x += 7) assertEquals(direct.getRGB(x, y), via.getRGB(x, y));
    t.interpreter().setGlobal("img", new Convertible(Tensor.ofDoubles(new int[] {2, 2}, new double[] {0, 1, 2, 3})));
    saved("plot.image(img)", "img.png");
    saved("plot.quiver(wrapped)", "q.png");
    t.interpreter().setGlobal("bad", new Convertible(Tensor.zeros(3, 4, 4, 4)));
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw("plot.quiver(bad)"));
    assertTrue(e.format().contains("the field must have shape [2, H, W]"), e.format());
  }

  @Test void foldsAreShadedAndCounted() throws Exception {
    double[] fold = new double[2 * 20 * 20];
    for (int r = 0; r < 20; r++) for (int c = 8; c < 12; c++) fold[400 + r * 20 + c] = -2.5 * (c - 8);
    t.interpreter().setGlobal("fold", Tensor.ofDoubles(new int[] {2, 20, 20}, fold));
    BufferedImage img = saved("plot.grid_warp(fold, step: 4)", "fold.png");
    String content = fig().content();
    int folded = Integer.parseInt(content.replaceAll(".*, (\\d+) folded pixels", "$1"));
    assertTrue(folded >= 20 && folded <= 80, content);
    assertTrue(count(img, fig().dataArea, p -> ((p >> 16) & 255) > 200 && ((p >> 8) & 255) < 150) > 100, "red shading");
  }

  @Test void jacobianOfALinearFieldIsExact() {
    int h = 6, w = 7;
    double[][] d = new double[2][h * w];
    for (int i = 0; i < h; i++) for (int j = 0; j < w; j++) {
      d[0][i * w + j] = 0.3 * i - 0.2 * j;
      d[1][i * w + j] = 0.1 * i + 0.5 * j;
    }
    double expected = (1 + 0.3) * (1 + 0.5) - (-0.2) * 0.1;
    for (int[] p : new int[][] {{0, 0}, {3, 3}, {5, 6}}) assertEquals(expected, FieldPlots.jacobianDet(d, h, w, p[0], p[1]), 1e-12);
  }

  @Test void layeredGraphDrawsStrongEdgesWide() throws Exception {
    t.evalRaw("let e0 = tensor([[1, 0, 0, 0], [0, 0.05, 0, 0], [0, 0, 0, 0.02]])\nlet e1 = tensor([[5, 0, 0], [0, 0, 0.1]])");
    BufferedImage img = saved("plot.graph([e0, e1], layer_names: [\"in\", \"mlp\", \"out\"], title: \"interactions\")", "graph.png");
    Figure f = fig();
    assertEquals("graph, 3 layers, 5 edges", f.content());
    int blue = count(img, f.dataArea, p -> (p & 255) > 150 && ((p >> 16) & 255) < 120);
    assertTrue(blue > 400, "edges in blue: " + blue);
    Rectangle a = f.dataArea;
    int midX = a.x + 3 * a.width / 4;
    int strong = count(img, new Rectangle(midX - 1, a.y, 3, a.height), p -> (p & 255) > 150 && ((p >> 16) & 255) < 120);
    assertTrue(strong >= 6, "the weight-5 edge is several pixels wide mid-way: " + strong);
    saved("plot.graph([e0, e1], threshold: 0.1, log: true, node_values: [[1, 2, 3, 4], [1, 1, 1], [3, 1]])", "graph2.png");
    assertEquals("graph, 3 layers, 2 edges", fig().content(), "edges below 10% of the largest are left out");
    TangentException e = assertThrows(TangentException.class, () -> t.evalRaw("plot.graph([e0, e1.T])"));
    assertTrue(e.format().contains("transpose them if yours are [n(l), n(l+1)]"), e.format());
  }

  /**
   * Node labels sit clear of their own circle, however large node_values makes it, and are drawn
   * after every circle: the labels of a middle layer with big nodes were hidden under them.
   */
  @Test void graphLabelsAreNeverUnderTheCircles() throws Exception {
    for (double r : new double[] {2.5, 12, 36}) {
      int left = GraphPlot.labelX(300, r, 40, false);
      assertTrue(left + 40 <= 300 - r, "a label left of its node ends before the circle (r " + r + ")");
      assertTrue(GraphPlot.labelX(300, r, 40, true) >= 300 + r, "a last-layer label starts after the circle");
    }
    t.evalRaw("let e0 = tensor([[1, 1], [1, 1], [1, 1]])\nlet e1 = tensor([[1, 1, 1], [1, 1, 1]])");
    BufferedImage img = saved("plot.graph([e0, e1], node_values: [[1, 1], [9, 9, 9], [1, 1]], "
        + "node_labels: [[\"a\", \"b\"], [\"WWWW\", \"WWWW\", \"WWWW\"], [\"c\", \"d\"]], width: 640, height: 480)", "labels.png");
    Rectangle a = fig().dataArea;
    // Left of the middle layer's circles the labels' dark ink shows, on their light backing.
    int cx = a.x + a.width / 2;
    int ink = count(img, new Rectangle(cx - 100, a.y - 20, 86, a.height + 40), p -> ((p >> 16) & 255) < 100 && ((p >> 8) & 255) < 100 && (p & 255) < 100);
    assertTrue(ink > 60, "label ink beside the middle layer: " + ink);
  }

  @Test void savingIsAtomicAndSandboxed() throws Exception {
    Tangent sandboxed = Tangent.builder().output(new StringWriter()).permissions(Permissions.none().allowReadWrite(dir)).importModule("plot").build();
    sandboxed.evalRaw("let fig = plot.line([1, 2, 3])");
    TangentException e = assertThrows(TangentException.class, () -> sandboxed.evalRaw("fig.save(\"/tmp/elsewhere-" + System.nanoTime() + ".png\")"));
    assertTrue(e.format().contains("permission denied: writing"), e.format());
    sandboxed.evalRaw("fig.save(\"" + dir.resolve("ok.png") + "\")");
    assertTrue(Files.exists(dir.resolve("ok.png")));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary files left behind");
    }
    e = assertThrows(TangentException.class, () -> sandboxed.evalRaw("fig.save(\"" + dir.resolve("x.jpg") + "\")"));
    assertTrue(e.format().contains("name the file .png"), e.format());
    assertEquals(800.0, sandboxed.eval("fig.width"));
  }

  @Test void showSavesAndPrintsWhereWithoutAnInlineTerminal() throws Exception {
    Path p = dir.resolve("shown.png");
    t.evalRaw("plot.line([1, 3, 2]).show(\"" + p + "\")");
    assertTrue(out.toString().contains("<figure 800x600: line plot, 1 series, saved to " + p + ">"), out.toString());
    assertTrue(ImageIO.read(p.toFile()).getWidth() == 800);
  }

  @Test void inlinePreviewProtocols() {
    assertEquals(TerminalPreview.Protocol.ITERM2, TerminalPreview.detect(Map.of("TERM_PROGRAM", "iTerm.app")));
    assertEquals(TerminalPreview.Protocol.KITTY, TerminalPreview.detect(Map.of("TERM", "xterm-kitty")));
    assertEquals(TerminalPreview.Protocol.NONE, TerminalPreview.detect(Map.of("TERM", "xterm-256color")));
    byte[] png = new byte[5000];
    String k = TerminalPreview.sequence(TerminalPreview.Protocol.KITTY, png, "f.png");
    assertTrue(k.startsWith("\033_Ga=T,f=100,m=1;"), "chunked: the first of two chunks");
    assertTrue(k.contains("\033_Gm=0;"), "the last chunk");
    assertTrue(TerminalPreview.sequence(TerminalPreview.Protocol.ITERM2, png, "f.png").startsWith("\033]1337;File=name="));
  }

  @Test void badArgumentsSayWhy() {
    String[][] cases = {
      {"plot.image(tensor([1, 2, 3]))", "image(): give a 2-D tensor [H, W]"},
      {"plot.image(tensor([[1]]), cmap: \"rainbow\")", "unknown colour map 'rainbow'"},
      {"plot.quiver(tensor([[1, 2], [3, 4]]))", "quiver(): the field must have shape [2, H, W]"},
      {"plot.grid_warp(zeros(2, 4, 4), units: \"mm\")", "units must be \"pixels\" or \"fraction\""},
      {"plot.line()", "line(): give at least one series"},
      {"plot.line([1, 2], x: [1, 2, 3])", "x has 3 values but series 1 has 2"},
      {"plot.scatter([1, 2], [1])", "series 1 has 2 x values but 1 y values"},
      {"plot.line([1, 2], width: 5)", "width must be between 100 and 8000"},
    };
    for (String[] c : cases) {
      TangentException e = assertThrows(TangentException.class, () -> t.evalRaw(c[0]), c[0]);
      assertTrue(e.format().contains(c[1]), e.format());
      assertTrue(!e.format().contains("\tat "), e.format());
    }
  }
}
