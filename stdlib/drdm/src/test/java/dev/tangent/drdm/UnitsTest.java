package dev.tangent.drdm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One unit rule for the whole module, on a non-square grid (16 rows, 40 columns): a fraction is
 * voxels / S_0 for every component, in Deformation(units: "fraction"), phi.tensor(units:), the
 * affine fields, drdm.stn, the losses and the network's output. Per-axis fractions (voxels / S_k)
 * would make every check with a column component fail.
 */
class UnitsTest {
  final DrdmTesting d = new DrdmTesting();

  @Test void fieldsUseTheFirstSpatialSizeForEveryComponent() {
    d.eval("let u = zeros(2, 16, 40)\nu[0] = 0.125\nu[1] = 0.25\nlet phi = Deformation(u, units: \"fraction\")");
    assertEquals(2.0, d.num("phi.tensor()[0, 3, 5]"), "0.125 of S_0 = 16 rows");
    assertEquals(4.0, d.num("phi.tensor()[1, 3, 5]"), "0.25 of S_0 = 16 (not of the 40 columns)");
    assertEquals(0.25, d.num("phi.tensor(units: \"fraction\")[1, 0, 0]"));
    d.eval("let a = Deformation.affine([[1, 0], [0, 1]], [0.5, 0.5], shape: [16, 40], units: \"fraction\")");
    assertEquals(8.0, d.num("a.tensor()[1, 0, 0]"), "b in fractions of S_0");
  }

  @Test void theNetworkWarpAndTheFieldWarpAgree() {
    // A smooth field and image on 16 x 40: drdm.stn (the network side, DJL) and phi(img) (the field kernels).
    d.eval("let img = randn(16, 40, seed: 3)\n"
        + "let u = randn(2, 16, 40, seed: 4) * 1.5\n"
        + "let phi = Deformation(u)");
    double[] kernel = d.values("phi(img)");
    double[] viaStn = d.values("drdm.stn(img, phi.tensor(units: \"fraction\"))");
    double[] viaDeformation = d.values("drdm.stn(img, phi)");
    assertTrue(DrdmTesting.maxAbs(kernel) > 0.5);
    assertTrue(DrdmTesting.maxAbsDiff(kernel, viaStn) < 1e-5, "stn with fraction units = phi(img): " + DrdmTesting.maxAbsDiff(kernel, viaStn));
    assertTrue(DrdmTesting.maxAbsDiff(kernel, viaDeformation) < 1e-5, "stn takes a Deformation as it is");
  }

  @Test void theNetworkReturnsADeformationInThatUnit() {
    d.eval("let net = drdm.network(2, seed: 5)\nlet img = randn(16, 40, seed: 6)");
    assertEquals("Deformation(2-D 16x40)", d.eval("str(net(img, 20))"));
    double[] fraction = d.values("net.forward(img, 20)");
    double[] voxels = d.values("net(img, 20)");
    assertEquals(fraction.length, voxels.length);
    double worst = 0;
    for (int i = 0; i < voxels.length; i++) worst = Math.max(worst, Math.abs(voxels[i] - 16 * fraction[i]));
    assertTrue(worst < 1e-5 * (1 + DrdmTesting.maxAbs(voxels)), "voxels = 16 x the network's numbers: " + worst);
    assertTrue(DrdmTesting.maxAbs(fraction) > 1e-4, "a non-trivial field");
    // The loss reads a Deformation as its fraction tensor.
    d.eval("let target = net(img, 3)");
    assertEquals(d.num("drdm.loss(net.forward(img, 20), target.tensor(units: \"fraction\")).item()"),
        d.num("drdm.loss(net.forward(img, 20), target).item()"), 1e-6);
  }
}
