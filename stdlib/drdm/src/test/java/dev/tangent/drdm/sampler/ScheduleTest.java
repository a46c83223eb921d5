package dev.tangent.drdm.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.drdm.DrdmTesting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Spec section 6, case 1: the step counts of the authors' code for t = 0..80, float32 pitfall included. */
class ScheduleTest {
  @Test void reproducesTheTableOfTheCode() {
    @SuppressWarnings("unchecked")
    Map<String, Object> table = (Map<String, Object>) DrdmTesting.vectors().get("schedule_t_to_[n_ddf,n_dvf]");
    assertEquals(81, table.size());
    for (int t = 0; t <= 80; t++) {
      List<?> e = (List<?>) table.get(Integer.toString(t));
      assertEquals(((Number) e.get(0)).intValue(), Schedule.nDdf(t), "n_ddf(" + t + ")");
      assertEquals(((Number) e.get(1)).intValue(), Schedule.nDvf(t), "n_dvf(" + t + ")");
    }
    // 32^0.6 is 7.999999999999999 in double; the code (float32) says 8
    assertEquals(7, (int) Math.floor(Math.pow(32, 0.6)));
    assertEquals(8, Schedule.nDvf(32));
  }

  @Test void theScriptFunctionGivesTheSameTable() {
    DrdmTesting d = new DrdmTesting();
    d.eval("let s = drdm.schedule()");
    assertEquals(81.0, d.num("len(s.t)"));
    assertEquals(195.0, d.num("s.n_ddf[79]"));
    assertEquals(8.0, d.num("s.n_dvf[32]"));
    assertEquals(198.0, d.num("s.n_ddf[-1]"));
    assertEquals(6.0, d.num("len(drdm.schedule(T: 5).n_dvf)"));
  }
}
