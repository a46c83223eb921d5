package dev.tangent.drdm.recover;

import dev.tangent.drdm.field.Deformation;
import dev.tangent.drdm.field.FieldFiles;
import dev.tangent.drdm.field.kernel.Grid;
import dev.tangent.io.array.DType;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.image.Images;
import dev.tangent.io.nifti.Nifti1;
import dev.tangent.io.nifti.NiftiHeader;
import dev.tangent.io.nifti.NiftiVolume;
import dev.tangent.spi.Context;
import dev.tangent.spi.TangentError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A folder of generated items, each a few files in sub-folders (images/, labels/, fields/ ...),
 * every file written atomically (temporary file + rename). An item whose files all exist is
 * finished and skipped on a rerun unless overwrite is asked: a kill leaves whole files only, so
 * the rerun redoes exactly the unfinished items.
 */
public final class OutputFolder {
  enum Format {
    NIFTI(".nii.gz", ".nii.gz"), PNG(".png", ".npz");

    final String image, field;

    Format(String image, String field) {
      this.image = image;
      this.field = field;
    }

    static Format parse(String s, int nd, String fn) {
      if (s == null) return NIFTI;
      switch (s) {
        case "nifti": case "nii": case "nii.gz": return NIFTI;
        case "png":
          if (nd != 2) throw TangentError.runtime(fn + ": format \"png\" is for 2-D images; 3-D volumes are written as NIfTI");
          return PNG;
        default: throw TangentError.runtime(fn + ": format must be \"nifti\" or \"png\", got \"" + s + "\"");
      }
    }
  }

  final Path root;
  final Format format;
  final boolean overwrite;
  private final Context ctx;

  OutputFolder(Path root, Format format, boolean overwrite, Context ctx, String fn, String... subfolders) {
    this.root = ctx.permissions.checkWrite(root);
    this.format = format;
    this.overwrite = overwrite;
    this.ctx = ctx;
    try {
      for (String s : subfolders) Files.createDirectories(root.resolve(s));
    } catch (IOException e) {
      throw TangentError.runtime(fn + ": could not create the output folder " + root + ": " + e.getMessage());
    }
  }

  Path image(String sub, String name) { return root.resolve(sub).resolve(name + format.image); }

  Path field(String name) { return root.resolve("fields").resolve(name + format.field); }

  /** Finished: every file exists (each was renamed into place whole). */
  boolean done(List<Path> files) {
    if (overwrite) return false;
    for (Path p : files) if (!Files.isRegularFile(p)) return false;
    return true;
  }

  /** An image (f32 values, [0, 1] for PNG) or a label map (integers) over g. */
  void writeImage(Path p, float[] v, Grid g, boolean label, String fn) {
    ctx.permissions.checkWrite(p);
    try {
      if (format == Format.PNG) {
        double[] s = new double[v.length];
        for (int i = 0; i < v.length; i++) {
          double x = label ? Math.rint(v[i]) : Math.rint(v[i] * 255);
          s[i] = Math.min(255, Math.max(0, x));
        }
        Images.write(p, g.sizes(), s, false, 0.92f);
      } else {
        NdArray data;
        if (label) {
          double[] d = new double[v.length];
          for (int i = 0; i < v.length; i++) d[i] = Math.rint(v[i]);
          data = NdArray.ofValues(DType.I16, g.sizes(), d);
        } else {
          data = NdArray.ofFloats(g.sizes(), v);
        }
        NiftiHeader h = new NiftiHeader();
        h.descrip = label ? "Tangent drdm label map" : "Tangent drdm image";
        Nifti1.write(p, new NiftiVolume(h, data, List.of()));
      }
    } catch (IOException e) {
      throw TangentError.runtime(fn + ": could not write " + p + ": " + e.getMessage());
    }
  }

  void writeField(Path p, Deformation phi) {
    ctx.permissions.checkWrite(p);
    FieldFiles.save(phi, p);
  }
}
