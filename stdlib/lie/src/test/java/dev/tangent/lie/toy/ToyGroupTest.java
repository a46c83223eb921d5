package dev.tangent.lie.toy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.tangent.lie.ScriptTestBase;
import dev.tangent.lie.TestGroups;
import dev.tangent.lie.groups.GroupRegistry;
import dev.tangent.lie.kernel.LieGroup;
import dev.tangent.lie.value.GroupValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * A Lie group in one place: the toy group T(2) is its kernels ({@link T2}), its descriptor
 * ({@link T2Group}) and one line in src/test/resources/META-INF/services, all in the test tree.
 * With nothing else, `import lie` exports it with its own constructor, printing and accessors, and
 * every generic suite runs on it (they take their groups from the registry, see {@link TestGroups}).
 */
class ToyGroupTest extends ScriptTestBase {
  /** The generic suites, each parameterised by the registered groups. */
  static final List<String> SUITES = List.of(
      "dev.tangent.lie.kernel.GenericGroupSuiteTest",   // group axioms, Exp/Log, every kernel Jacobian against finite differences
      "dev.tangent.lie.groups.DescriptorFactsTest",   // the descriptor's declared facts against the kernels
      "dev.tangent.lie.ops.ValueJacobiansTest",         // the language layer's Jacobians (accessors, matrices, tangents)
      "dev.tangent.lie.ops.FromMatrixTest",             // matrix form round trip
      "dev.tangent.lie.batch.BatchTest",                // batch == loop, values and Jacobians
      "dev.tangent.lie.diff.DiffTest",                  // diff() against finite differences of scripts
      "dev.tangent.lie.algo.InterpolationTest",
      "dev.tangent.lie.algo.CurvesTest",
      "dev.tangent.lie.algo.AveragesTest");

  @Test
  void theTestTreeRegistersT2() {
    GroupValue g = GroupRegistry.named("T2");
    assertTrue(g != null, "T2 is registered");
    assertTrue(g.descriptor instanceof T2Group, "by its descriptor");
    assertSame(g, GroupRegistry.of(T2.G), "one value per group");
    assertTrue(TestGroups.kernels().contains((LieGroup) T2.G), "the kernel suites' groups include T2");
    assertTrue(TestGroups.scripts().contains("T2"), "the script suites' groups include T2");
  }

  @Test
  void importLieExportsItInItsOwnStyle() {
    assertEquals("T2(dx: 1, dy: 2.5)", show("T2(1, 2.5)"));
    assertEquals("T2(dx: 4, dy: -1)", show("T2(1, 2) * T2(3, -3)"));
    assertEquals("T2(dx: 1.5, dy: 2)", show("T2(1, 2) + [0.5, 0]"));
    assertEquals("T2.Tangent([1, 2])", show("T2(1, 2).log()"));
    assertTrue((Boolean) raw("type(T2(0, 1)) == T2 and type(T2(0, 1).log()) == T2.Tangent"));
    assertEquals(2.5, num("T2(1, 2.5).dy"));
    assertEquals("tensor([1, 2])", show("T2(1, 2).translation()"));
    assertTrue((Boolean) raw("T2.along(0, 2) == T2(2, 0)"));
    assertEquals(2.0, num("T2.dof"));
    assertEquals("nil", show("help(T2)"));
    String help = out.toString();
    out.getBuffer().setLength(0);
    assertTrue(help.contains("T(2), the translations of the plane"), help);
    assertTrue((Boolean) raw("let (Z, J) = T2(1, 2).inv(jac: true)\nZ == T2(-1, -2) and allclose(J, -eye(2))"));
  }

  @Test
  void itsMistakesReadLikeEveryGroups() {
    assertError("T2(1, 2) * SE2(1, 2, 0)", "cannot compose T2 with SE2");
    assertError("T2(1, 2) + [1, 2, 3]", "must have 2 numbers (T2 has 2 degrees of freedom), got 3");
    assertError("T2(1, 2)[0]", "T2 elements cannot be indexed");
  }

  /** The generic suites, restricted to T2 by {@link TestGroups#ONLY}: every one runs on it and passes. */
  @Test
  void theGenericSuitesRunOnT2() {
    List<String> ran = new ArrayList<>();
    Map<String, Integer> perSuite = new TreeMap<>();
    TestExecutionListener record = new TestExecutionListener() {
      @Override public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        ran.add(id.getDisplayName());
        if (id.getSource().orElse(null) instanceof MethodSource m) perSuite.merge(m.getClassName(), 1, Integer::sum);
      }
    };
    // the parameterised tests only: the suites' plain @Test methods are about particular groups
    PostDiscoveryFilter generic = d -> FilterResult.includedIf(!d.isTest(), () -> "generic", () -> "about one group");
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().filters(generic);
    for (String suite : SUITES) request.selectors(selectClass(suite));
    LauncherDiscoveryRequest built = request.build();
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    String before = System.getProperty(TestGroups.ONLY);
    System.setProperty(TestGroups.ONLY, "T2");
    try {
      launcher.execute(built, summary, record);
    } finally {
      if (before == null) System.clearProperty(TestGroups.ONLY);
      else System.setProperty(TestGroups.ONLY, before);
    }
    TestExecutionSummary s = summary.getSummary();
    StringBuilder failures = new StringBuilder();
    for (TestExecutionSummary.Failure f : s.getFailures()) {
      failures.append(f.getTestIdentifier().getDisplayName()).append(": ").append(f.getException()).append('\n');
    }
    assertEquals(0, s.getTotalFailureCount(), failures.toString());
    for (String suite : SUITES) assertTrue(perSuite.getOrDefault(suite, 0) > 0, suite + " ran no test on T2: " + perSuite);
    for (String name : ran) assertTrue(name.contains("T2"), "a test on another group ran: " + name);
    assertTrue(s.getTestsSucceededCount() >= 100, "only " + s.getTestsSucceededCount() + " tests ran on T2: " + perSuite);
  }
}
