package dev.tangent.plot;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Args;
import dev.tangent.spi.Builtin;
import dev.tangent.spi.TypeValue;
import dev.tangent.spi.ModuleBuilder;
import dev.tangent.spi.TangentModule;
import java.io.IOException;
import java.nio.file.Path;

/** import plot: PNG figures of curves, point clouds, heatmaps, deformation fields and layered graphs. */
public final class PlotModule implements TangentModule {
  public static final TypeValue FIGURE = new TypeValue("Figure", v -> v instanceof Figure,
      "A rendered picture from plot.*: fig.save(\"out.png\") writes it as PNG.");

  @Override public String name() { return "plot"; }

  @Override public String doc() {
    return "PNG figures: plot.line, plot.scatter (XChart), plot.image with a colour bar, plot.quiver and "
        + "plot.grid_warp for displacement fields [2, H, W], plot.graph for layered interaction graphs. "
        + "Each returns a figure; fig.save(\"out.png\") writes it atomically.";
  }

  @Override public void define(ModuleBuilder m) {
    System.setProperty("java.awt.headless", "true");
    m.type(Figure.class, FIGURE)
        .property(Builtin.of("width(self)", "The width in pixels.", a -> (double) fig(a).width()))
        .property(Builtin.of("height(self)", "The height in pixels.", a -> (double) fig(a).height()))
        .method(Builtin.of("save(self, path)", "Writes the figure as a PNG file (atomically); returns the path.", a -> {
          Path p = a.ctx().permissions.checkWrite(Path.of(a.str(1)));
          String name = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
          if (!name.endsWith(".png")) throw TangentError.runtime("save(): figures are written as PNG; name the file .png, got " + p);
          try {
            fig(a).save(p);
          } catch (IOException e) {
            throw TangentError.runtime("save(): " + p + ": " + dev.tangent.spi.IoErrors.describe(e));
          }
          return p.toString();
        }))
        .method(Builtin.of("show(self, path=nil)",
            "Shows the figure inline where the terminal can (iTerm2, WezTerm, kitty), else saves it (to path, or a "
                + "temporary file) and prints where.",
            a -> show(a)));
    m.functions(
        Builtin.of("line(*ys, x=nil, labels=nil, title='', xlabel='', ylabel='', logx=false, logy=false, width=800, height=600)",
            "Line plot of one or more series: each argument a tensor or list of y values (a 2-D tensor is one series per "
                + "row), a map {name: ys}, or a tuple (x, y). x: shared x values (default 0, 1, 2...). logx/logy: log axes.",
            LineCharts::line),
        Builtin.of("scatter(x, y=nil, *more, labels=nil, title='', xlabel='', ylabel='', logx=false, logy=false, size=6, width=800, height=600)",
            "Scatter plot of x against y (or of points [n, 2]); more series follow as x2, y2, ...",
            LineCharts::scatter),
        Builtin.of("image(t, cmap='viridis', vmin=nil, vmax=nil, center=nil, colorbar=true, title='', xlabel='', ylabel='', width=800, height=600)",
            "A 2-D tensor as a heatmap with a colour bar (cmap: " + Colormap.NAMES + "); center: a value the colours "
                + "are symmetric around (1 for Jacobian determinants, 0 for signed maps). An RGB tensor [H, W, 3] shows as a picture.",
            a -> ImagePlot.draw(PlotArgs.tensor("image", a.get(0), "t"), new ImagePlot.Options(
                PlotArgs.cmap("image", a.str(1, "viridis")), opt(a, 2), opt(a, 3), opt(a, 4), a.bool(5, true),
                a.str(6, ""), a.str(7, ""), a.str(8, ""), PlotArgs.size(a, 9, 800, "width"), PlotArgs.size(a, 10, 600, "height")))),
        Builtin.of("quiver(field, background=nil, step=nil, scale=nil, units='pixels', title='', width=800, height=800)",
            "Arrows of a displacement field [2, H, W] (channel 0 along rows, 1 along columns) every step pixels, coloured by "
                + "length. scale: arrow magnification (default: the longest arrow fills a grid cell). units: \"pixels\" "
                + "or \"fraction\" of the row count H for both components (DRDM's fields). background: an [H, W] image drawn underneath.",
            a -> FieldPlots.quiver(PlotArgs.field("quiver", a.get(0)), fieldOptions(a, false))),
        Builtin.of("grid_warp(field, background=nil, step=nil, units='pixels', folds=true, title='', width=800, height=800)",
            "A deformation drawn as a warped grid: the lines of a regular grid (every step pixels) moved by the displacement "
                + "field [2, H, W]. folds: shade pixels where det(I + grad u) <= 0 (the map folds) in red.",
            a -> FieldPlots.gridWarp(PlotArgs.field("grid_warp", a.get(0)), fieldOptions(a, true))),
        Builtin.of("graph(edges, layer_names=nil, node_labels=nil, node_values=nil, threshold=0, log=false, max_width=8, title='', width=1000, height=700)",
            "A layered graph: edges is a list of matrices, edges[l][i, j] the weight from node j of layer l to node i of "
                + "layer l+1 (LIB's E_hat layout). Edge width and opacity grow with |weight| (log: on a log scale); "
                + "edges below threshold x the largest are left out; node_values sizes the nodes.",
            a -> GraphPlot.draw(a.get(0), new GraphPlot.Options(GraphPlot.strings(a.present(1) ? a.get(1) : null),
                a.present(2) ? a.get(2) : null, a.present(3) ? a.get(3) : null, a.num(4, 0), a.bool(5, false),
                a.num(6, 8), a.str(7, ""), PlotArgs.size(a, 8, 1000, "width"), PlotArgs.size(a, 9, 700, "height")))));
  }

  private static Figure fig(Args a) {
    return (Figure) a.get(0);
  }

  private static Double opt(Args a, int i) {
    return a.present(i) ? a.num(i) : null;
  }

  /** quiver: background 1, step 2, scale 3, units 4, title 5, size 6-7; grid_warp: background 1, step 2, units 3, folds 4, title 5, size 6-7. */
  private static FieldPlots.Options fieldOptions(Args a, boolean grid) {
    Tensor bg = a.present(1) ? PlotArgs.tensor(a.fn().name(), a.get(1), "background") : null;
    Integer step = a.present(2) ? a.integer(2) : null;
    if (step != null && step < 1) throw TangentError.runtime(a.fn().name() + "(): step must be at least 1, got " + step);
    Double scale = grid ? null : opt(a, 3);
    String units = a.str(grid ? 3 : 4, "pixels");
    boolean folds = grid && a.bool(4, true);
    return new FieldPlots.Options(bg, units, step, scale, folds, a.str(5, ""), PlotArgs.size(a, 6, 800, "width"), PlotArgs.size(a, 7, 800, "height"));
  }

  private static Object show(Args a) {
    Figure f = fig(a);
    TerminalPreview.Protocol p = TerminalPreview.detect(System.getenv());
    try {
      if (p != TerminalPreview.Protocol.NONE && !a.present(1)) {
        a.ctx().out.print(TerminalPreview.sequence(p, f.png(), "figure.png"));
        a.ctx().out.flush();
        return f;
      }
      Path out = a.present(1) ? Path.of(a.str(1))
          : Path.of(System.getProperty("java.io.tmpdir"), "tangent-figure-" + Long.toHexString(System.nanoTime()) + ".png");
      out = a.ctx().permissions.checkWrite(out);
      f.save(out);
      a.ctx().out.println(f);
      a.ctx().out.flush();
      return f;
    } catch (IOException e) {
      throw TangentError.runtime("show(): " + dev.tangent.spi.IoErrors.describe(e));
    }
  }
}
