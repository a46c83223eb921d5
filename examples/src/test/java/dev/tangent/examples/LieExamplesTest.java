package dev.tangent.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tangent.lie.kernel.SE3;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The Lie examples (manif's applications, lie.md section 4.1) run as `./tangent run` runs them,
 * and the numbers that matter: the filters converge on the simulated truth and beat dead
 * reckoning, SAM converges onto the ground truth, the bi-invariant mean matches manif's published
 * figure, the interpolation plot is a real picture, and the batch checksum matches an independent
 * recomputation with the kernels, one element at a time.
 */
class LieExamplesTest {
  static String run(String name) throws IOException {
    Path work = Files.createTempDirectory("lie-example");
    return ExamplesTest.run(ExamplesTest.ROOT.resolve("lie").resolve(name), work);
  }

  static String run(String name, Path work) throws IOException {
    return ExamplesTest.run(ExamplesTest.ROOT.resolve("lie").resolve(name), work);
  }

  static double number(String output, String regex) {
    Matcher m = Pattern.compile(regex).matcher(output);
    if (!m.find()) fail("no match for " + regex + " in\n" + output);
    return Double.parseDouble(m.group(1));
  }

  static final String NUM = "([-+0-9.eE]+)";

  /** The filter's final error is small and far below dead reckoning's. */
  static void filterConverges(String output, double bound) {
    double est = number(output, "estimated " + NUM + ",");
    double unf = number(output, "unfiltered " + NUM);
    assertTrue(est < bound, "final estimation error " + est + " >= " + bound + "\n" + output);
    assertTrue(est * 3 < unf, "the filter (" + est + ") does not beat dead reckoning (" + unf + ")");
    // the estimate tracks the simulation at every printed step, not only at the end
    List<double[]> sim = rows(output, "X simulated : ");
    List<double[]> est2 = rows(output, "X estimated : ");
    assertEquals(sim.size(), est2.size());
    assertTrue(sim.size() >= 10, "too few printed steps");
    for (int i = 0; i < sim.size(); i++) {
      for (int c = 0; c < sim.get(i).length; c++) {
        assertTrue(Math.abs(sim.get(i)[c] - est2.get(i)[c]) < 0.1, "step " + i + " coordinate " + c + " off by more than 0.1");
      }
    }
  }

  static List<double[]> rows(String output, String prefix) {
    List<double[]> out = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (!line.startsWith(prefix)) continue;
      String[] parts = line.substring(prefix.length()).replace("|", " ").trim().split("\\s+");
      double[] v = new double[parts.length];
      for (int i = 0; i < v.length; i++) v[i] = Double.parseDouble(parts[i]);
      out.add(v);
    }
    return out;
  }

  /** `tangent run se2_localization.lie 30`: a lone number is the step count (it was ignored). */
  @Test
  void aLoneNumberIsTheStepCount() throws IOException {
    for (String name : new String[] {"se2_localization.lie", "se3_localization.lie", "se_2_3_localization.lie"}) {
      String out = ExamplesTest.run(ExamplesTest.ROOT.resolve("lie").resolve(name), "30");
      assertTrue(out.contains("steps: 30"), name + ":\n" + out);
      out = ExamplesTest.run(ExamplesTest.ROOT.resolve("lie").resolve(name), "/tmp", "12");
      assertTrue(out.contains("steps: 12"), name + ":\n" + out);
    }
    String out = ExamplesTest.run(ExamplesTest.ROOT.resolve("lie").resolve("batch_poses.lie"), "2000");
    assertTrue(out.contains("2000"), out);
  }

  @Test
  void se2LocalizationConverges() throws IOException {
    filterConverges(run("se2_localization.lie"), 0.05);
  }

  @Test
  void se3LocalizationConverges() throws IOException {
    filterConverges(run("se3_localization.lie"), 0.05);
  }

  @Test
  void se23ImuLocalizationConverges() throws IOException {
    String out = run("se_2_3_localization.lie");
    filterConverges(out, 0.1);
    assertTrue(out.contains("steps: 1000 of 0.01 s"));
  }

  /** Gauss-Newton converged (|step| < 1e-6) to a residual at the noise level, near the ground truth. */
  static void samConverges(String output, int dof, int dim) {
    assertTrue(output.contains("converged: true"), output);
    double residual = number(output, "final residual norm: " + NUM);
    // weighted residuals are ~N(0, 1): 3 motion/measurement coordinates per factor at most
    assertTrue(residual < 10, "final residual " + residual);
    double worst = number(output, "largest error vs ground truth: " + NUM);
    assertTrue(worst < 0.02, "posterior off the ground truth by " + worst);
    List<Double> steps = new ArrayList<>();
    Matcher m = Pattern.compile("step norm: " + NUM).matcher(output);
    while (m.find()) steps.add(Double.parseDouble(m.group(1)));
    assertTrue(steps.size() >= 3 && steps.get(steps.size() - 1) < 1e-6, "steps " + steps);
    // quadratic convergence at the end: each of the last steps is far smaller than the one before
    assertTrue(steps.get(steps.size() - 1) < 1e-2 * steps.get(steps.size() - 2), "steps " + steps);
    assertEquals(3, rows(output, "pose: ").size() / 3);
    assertEquals(dof, rows(output, "pose: ").get(0).length);
    assertEquals(dim, rows(output, "lmk : ").get(0).length);
  }

  @Test
  void se2SamConverges() throws IOException {
    samConverges(run("se2_sam.lie"), 3, 2);
  }

  @Test
  void se3SamConverges() throws IOException {
    samConverges(run("se3_sam.lie"), 6, 3);
  }

  @Test
  void se2AverageMatchesManif() throws IOException {
    String out = run("se2_average.lie");
    // manif's example (3 iterations) prints x = 0.2171; the reference value is 0.2170972625
    String[] lines = out.split("\n");
    int at = java.util.Arrays.asList(lines).indexOf("Average biinvariant (3 iterations, as manif's example):");
    assertTrue(at >= 0, out);
    String[] xyz = lines[at + 1].split(",\\s*");
    assertEquals(0.2170973, Double.parseDouble(xyz[0]), 0.5e-7);
    assertEquals(0.0, Double.parseDouble(xyz[1]), 0.5e-7);
    assertEquals(0.0, Double.parseDouble(xyz[2]), 0.5e-7);
    assertEquals(0.21712347494557602, number(out, "x = " + NUM), 1e-14);
  }

  @Test
  void se2InterpolationDrawsThePlot() throws IOException {
    Path work = Files.createTempDirectory("lie-example");
    String out = run("se2_interpolation.lie", work);
    Path png = work.resolve("se2_interpolation.png");
    assertTrue(Files.exists(png), out);
    assertTrue(out.contains("wrote " + png), out);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(800, img.getWidth());
    assertEquals(600, img.getHeight());
    Set<Integer> colours = new HashSet<>();
    int coloured = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        colours.add(rgb);
        int r = rgb >> 16;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) coloured++;   // a series' line, not grey
      }
    }
    assertTrue(colours.size() > 20, "only " + colours.size() + " colours");
    assertTrue(coloured > 2000, "only " + coloured + " coloured pixels: the curves are missing");
    // three methods, 9 segments x 40 poses each
    assertEquals(3, Pattern.compile(": 360 poses, path length").matcher(out).results().count(), out);
  }

  @Test
  void batchChecksumMatchesAnIndependentRecomputation() throws IOException {
    String out = run("batch_poses.lie");
    assertTrue(out.contains("largest difference 0\n"), out);
    double checksum = number(out, "checksum \\(sum of all log coordinates\\): " + NUM);
    // the same poses (SE3.random(n, seed: s) draws them in order from SplittableRandom(s)),
    // composed, inverted and logged with the kernels, one element at a time
    int n = 1_000_000;
    SE3 k = SE3.G;
    SplittableRandom rx = new SplittableRandom(1);
    SplittableRandom ry = new SplittableRandom(2);
    double[] x = new double[7];
    double[] y = new double[7];
    double[] z = new double[7];
    double[] t = new double[6];
    double sum = 0;
    double[] xs = new double[7 * n];
    for (int i = 0; i < n; i++) k.random(rx, xs, 7 * i);
    for (int i = 0; i < n; i++) {
      System.arraycopy(xs, 7 * i, x, 0, 7);
      k.random(ry, y, 0);
      k.compose(x, 0, y, 0, z, 0, null, 0, null, 0);
      k.inverse(z, 0, z, 0, null, 0);
      k.log(z, 0, t, 0, null, 0);
      for (double v : t) sum += v;
    }
    assertEquals(sum, checksum, 1e-9 * Math.abs(sum) + 1e-6, "checksum");
  }
}
