package dev.tangent.drdm.data;

import dev.tangent.core.tensor.Tensor;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.drdm.field.kernel.Resize;
import dev.tangent.io.array.Idx;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.image.Images;
import dev.tangent.io.nifti.Nifti1;
import dev.tangent.spi.Context;
import dev.tangent.spi.TIterable;
import dev.tangent.spi.TangentError;
import dev.tangent.spi.Tuple;
import dev.tangent.spi.Types;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Single-channel images of one dimensionality: each stored as read (float32, row-major) with its
 * own shape, and handed out min-max normalised to [0, 1] (as the reference's loaders do) and, when
 * asked, resized to one size (bi/trilinear, align_corners=False), so that a large set resized to a
 * large size is never held at that size in memory.
 */
public final class ImageSet {
  private final List<float[]> pixels;
  private final List<int[]> shapes;
  private final List<String> names;
  private final int nd;

  private ImageSet(List<float[]> pixels, List<int[]> shapes, List<String> names, int nd) {
    this.pixels = pixels;
    this.shapes = shapes;
    this.names = names;
    this.nd = nd;
  }

  public int size() { return pixels.size(); }

  public int nd() { return nd; }

  /** A name for image i's outputs: the file's stem, or "image_0007". */
  public String name(int i) { return names.get(i); }

  public int[] shape(int i) { return shapes.get(i).clone(); }

  /** Image i as read (label maps: no normalisation). A copy. */
  public float[] raw(int i) { return pixels.get(i).clone(); }

  /**
   * Image i normalised to [0, 1] (a constant image becomes 0) and resized to {@code size} when it
   * is not null and differs from the stored shape. A new array each call.
   */
  public float[] image(int i, int[] size, Context ctx) {
    float[] src = pixels.get(i);
    float lo = Float.POSITIVE_INFINITY, hi = Float.NEGATIVE_INFINITY;
    for (float v : src) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    float scale = hi > lo ? 1f / (hi - lo) : 0f;
    float[] out = new float[src.length];
    for (int k = 0; k < src.length; k++) out[k] = (src[k] - lo) * scale;
    int[] in = shapes.get(i);
    if (size == null || java.util.Arrays.equals(size, in)) return out;
    Grid g = Grid.of(size, "resize");
    float[] dst = new float[g.voxels];
    Resize.linear(out, 0, in, 1, size, new int[nd], g, dst, 0, ctx);
    return dst;
  }

  // ------------------------------------------------------------------ reading

  /**
   * What a user passes as images for an {@code nd}-D network: a Tensor [N, X...], [N, 1, X...]
   * or one image [X...]; a dataset or list (each element an image, or a tuple whose first item is
   * one); a path to a folder of .png / .nii / .nii.gz files, an IDX file, a NIfTI volume or a PNG.
   */
  public static ImageSet of(Object v, int nd, Context ctx, String fn) {
    List<float[]> px = new ArrayList<>();
    List<int[]> sh = new ArrayList<>();
    List<String> names = new ArrayList<>();
    if (v instanceof Tensor t) {
      addTensor(t, nd, px, sh, fn);
    } else if (v instanceof String s) {
      Path p = ctx.permissions.checkRead(Path.of(s));
      readPath(p, nd, px, sh, names, fn);
    } else if (v instanceof TIterable || v instanceof dev.tangent.spi.TList) {
      java.util.Iterator<Object> items = v instanceof dev.tangent.spi.TList l ? l.items.iterator() : ((TIterable) v).iterator();
      while (items.hasNext()) {
        Object e = items.next();
        ctx.checkInterrupt();
        Object item = e instanceof Tuple tu && tu.list().size() > 0 ? tu.list().get(0) : e;
        if (!(item instanceof Tensor t)) throw TangentError.runtime(fn + ": a dataset of images must give tensors, got " + Types.typeName(item));
        addTensor(t, nd, px, sh, fn);
      }
    } else {
      throw TangentError.runtime(fn + ": images must be a tensor, a dataset, or the path of a folder of PNG/NIfTI files or of an IDX file, got "
          + Types.typeName(v));
    }
    if (px.isEmpty()) throw TangentError.runtime(fn + ": no images" + (v instanceof String s ? " in " + s : ""));
    while (names.size() < px.size()) names.add(String.format("image_%04d", names.size()));
    return new ImageSet(px, sh, names, nd);
  }

  private static void addTensor(Tensor t, int nd, List<float[]> px, List<int[]> sh, String fn) {
    int[] s = t.shape();
    int[] img = new int[nd];
    int n;
    if (s.length == nd) {
      n = 1;
      System.arraycopy(s, 0, img, 0, nd);
    } else if (s.length == nd + 1) {
      n = s[0];
      System.arraycopy(s, 1, img, 0, nd);
    } else if (s.length == nd + 2 && s[1] == 1) {
      n = s[0];
      System.arraycopy(s, 2, img, 0, nd);
    } else {
      String forms = nd == 2 ? "[H, W], [N, H, W] or [N, 1, H, W]" : "[D, H, W], [N, D, H, W] or [N, 1, D, H, W]";
      throw TangentError.runtime(fn + ": " + nd + "-D images are " + forms + ", got shape " + Grid.text(s));
    }
    Grid.of(img, fn);
    float[] all = t.toFloatArray();
    int per = all.length / Math.max(1, n);
    for (int i = 0; i < n; i++) {
      px.add(java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per));
      sh.add(img.clone());
    }
  }

  private static void readPath(Path p, int nd, List<float[]> px, List<int[]> sh, List<String> names, String fn) {
    if (Files.isDirectory(p)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(p)) {
        files = s.filter(f -> kind(f) != null && !kind(f).equals("idx")).sorted().toList();
      } catch (IOException e) {
        throw TangentError.runtime(fn + ": could not list " + p + ": " + e.getMessage());
      }
      if (files.isEmpty()) throw TangentError.runtime(fn + ": the folder " + p + " holds no .png, .nii or .nii.gz images");
      for (Path f : files) readFile(f, nd, px, sh, names, fn);
      return;
    }
    if (!Files.isRegularFile(p)) throw TangentError.runtime(fn + ": no such file or folder: " + p);
    readFile(p, nd, px, sh, names, fn);
  }

  /** "png", "nifti", "idx" or null, by the file name. */
  static String kind(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".png")) return "png";
    if (n.endsWith(".nii") || n.endsWith(".nii.gz")) return "nifti";
    if (n.contains("ubyte") || n.endsWith(".idx") || n.endsWith(".idx.gz")) return "idx";
    return null;
  }

  private static void readFile(Path f, int nd, List<float[]> px, List<int[]> sh, List<String> names, String fn) {
    String kind = kind(f);
    if (kind == null) throw TangentError.runtime(fn + ": " + f + ": images are .png, .nii, .nii.gz or IDX (…-ubyte[.gz]) files");
    try {
      switch (kind) {
        case "png": {
          if (nd != 2) throw TangentError.runtime(fn + ": " + f + ": a PNG is a 2-D image, and this network is 3-D");
          NdArray a = Images.read(f, Images.Mode.GREY);
          addArray(a.toFloats(), a.shape, nd, f, px, sh, fn);
          names.add(stem(f));
          break;
        }
        case "nifti": {
          NdArray a = Nifti1.read(f).data();
          int[] s = squeeze(a.shape);
          addArray(a.toFloats(), s, nd, f, px, sh, fn);
          names.add(stem(f));
          break;
        }
        default: {
          NdArray a = Idx.read(f);
          if (a.shape.length != nd + 1) {
            throw TangentError.runtime(fn + ": " + f + ": an IDX file of " + nd + "-D images is [N, " + (nd == 2 ? "H, W" : "D, H, W")
                + "], got " + Grid.text(a.shape));
          }
          float[] all = a.toFloats();
          int[] img = java.util.Arrays.copyOfRange(a.shape, 1, a.shape.length);
          Grid.of(img, fn);
          int per = all.length / a.shape[0];
          for (int i = 0; i < a.shape[0]; i++) {
            px.add(java.util.Arrays.copyOfRange(all, i * per, (i + 1) * per));
            sh.add(img.clone());
          }
        }
      }
    } catch (IOException e) {
      throw TangentError.runtime(fn + ": " + f + ": " + e.getMessage());
    }
  }

  private static void addArray(float[] v, int[] s, int nd, Path f, List<float[]> px, List<int[]> sh, String fn) {
    if (s.length != nd) {
      throw TangentError.runtime(fn + ": " + f + " holds a " + s.length + "-D image of shape " + Grid.text(s) + "; the network is " + nd + "-D");
    }
    Grid.of(s, fn + ": " + f);
    px.add(v);
    sh.add(s);
  }

  /** A NIfTI shape without trailing axes of size 1 (a 2-D slice stored as [X, Y, 1]). */
  private static int[] squeeze(int[] s) {
    int n = s.length;
    while (n > 2 && s[n - 1] == 1) n--;
    return java.util.Arrays.copyOf(s, n);
  }

  static String stem(Path f) {
    String n = f.getFileName().toString();
    for (String ext : new String[] {".nii.gz", ".nii", ".png", ".PNG"}) if (n.endsWith(ext)) return n.substring(0, n.length() - ext.length());
    return n;
  }
}
