package dev.tangent.drdm.field;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.drdm.DrdmTesting;
import dev.tangent.io.array.NdArray;
import dev.tangent.io.array.Npz;
import dev.tangent.io.nifti.Nifti1;
import dev.tangent.io.nifti.NiftiVolume;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Fields on disk: .npz and NIfTI round trips (2-D, 3-D, batches), the NIfTI layout, other writers' files, bad files. */
class FieldFilesTest {
  @TempDir Path dir;

  static Deformation random(int batch, int... spatial) {
    int v = 1;
    for (int s : spatial) v *= s;
    float[] u = new float[Math.max(batch, 1) * spatial.length * v];
    Random r = new Random(batch * 31L + v);
    for (int i = 0; i < u.length; i++) u[i] = (float) r.nextGaussian() * 3;
    return batch == 0 ? Deformation.ofVoxels(spatial, u) : Deformation.ofVoxels(batch, spatial, u);
  }

  @ParameterizedTest
  @CsvSource({"f.npz, 0", "f.npz, 3", "f.nii, 0", "f.nii.gz, 0", "f.nii.gz, 2", "f.nii, 1"})
  void roundTrips(String name, int batch) {
    for (int[] spatial : new int[][] {{9, 7}, {5, 4, 6}}) {
      Deformation phi = random(batch, spatial);
      Path p = dir.resolve(spatial.length + name);
      FieldFiles.save(phi, p);
      Deformation back = FieldFiles.load(p, Units.VOXELS, null, "load_field()");
      assertArrayEquals(phi.voxels(), back.voxels(), name);
      assertEquals(phi.batched(), back.batched(), name + " keeps a batch (of one too)");
      assertArrayEquals(phi.tensorShape(), back.tensorShape());
    }
  }

  @Test void niftiHoldsVectorsAlongTheFifthAxisWithTheDisplacementIntent() throws Exception {
    Deformation phi = random(0, 5, 4, 6);
    Path p = dir.resolve("u.nii.gz");
    FieldFiles.save(phi, p);
    NiftiVolume vol = Nifti1.read(p);
    assertArrayEquals(new int[] {5, 4, 6, 1, 3}, vol.data().shape);
    assertEquals(1006, vol.header().intentCode);
    float[] data = vol.data().toFloats();
    float[] u = phi.voxels();
    int v = 5 * 4 * 6;
    // C order over [X, Y, Z, T, c]: voxel (i, j, k), component c
    for (int i = 0; i < v; i++) for (int c = 0; c < 3; c++) assertEquals(u[c * v + i], data[i * 3 + c]);
    Deformation flat = random(0, 8, 9);
    FieldFiles.save(flat, dir.resolve("u2.nii"));
    assertArrayEquals(new int[] {8, 9, 1, 1, 2}, Nifti1.read(dir.resolve("u2.nii")).data().shape);
  }

  @Test void anNpzFromElsewhereReadsInItsUnits() throws Exception {
    // DRDM's code keeps fractions of the size; the reference sampler's psi_{t:1} at S = 24
    NdArray ddf = DrdmTesting.npz("drdm/reference-sampler.npz").get("s2d24_ddf");
    Path p = dir.resolve("ddf.npz");
    Npz.write(p, Map.of("ddf", ddf), true);
    Deformation phi = FieldFiles.load(p, Units.FRACTION, null, "load_field()");
    assertTrue(phi.batched(), "[1, 2, 24, 24] is a batch of one");
    float[] f = ddf.toFloats();
    for (int i = 0; i < f.length; i++) assertEquals(f[i] * 24f, phi.voxels()[i], 1e-6);
    float[] back = phi.values(Units.FRACTION);
    for (int i = 0; i < f.length; i++) assertEquals(f[i], back[i], 1e-6 * Math.abs(f[i]));
  }

  static String failure(Path p) {
    try {
      FieldFiles.load(p, Units.VOXELS, null, "load_field()");
    } catch (dev.tangent.spi.TangentError e) {
      return e.getMessage();
    }
    throw new AssertionError("loaded " + p);
  }

  @Test void filesThatAreNotFieldsSaySo() throws Exception {
    Path txt = dir.resolve("x.npz");
    Files.writeString(txt, "not a zip");
    assertEquals("load_field(): " + txt + ": not a .npz file (not a zip archive)", failure(txt));
    Path nii = dir.resolve("x.nii");
    Files.writeString(nii, "short");
    assertTrue(failure(nii).contains("not a NIfTI-1 file"), failure(nii));
    assertTrue(failure(dir.resolve("missing.nii.gz")).endsWith("no such file"));
    assertTrue(failure(dir.resolve("x.png")).contains("a field file is .npz, .nii or .nii.gz"));
    String volume = failure(DrdmTesting.testdata("debian/nibabel/anatomical.nii"));
    assertTrue(volume.contains("not a displacement field") && volume.contains("(33, 41, 25)"), volume);
    String many = failure(DrdmTesting.testdata("drdm/reference-sampler.npz"));
    assertTrue(many.contains("no array named 'displacement'"), many);
    Path ints = dir.resolve("i.npz");
    Npz.write(ints, Map.of("displacement", NdArray.ofLongs(new int[] {2, 3, 3}, new long[18])), false);
    assertTrue(failure(ints).contains("must be floating point"), failure(ints));
  }
}
