package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuDescriptionTest {

  private static final List<String> TWO_PROCESSORS =
      List.of(
          "processor\t: 0",
          "vendor_id\t: AuthenticAMD",
          "cpu family\t: 25",
          "model\t\t: 1",
          "model name\t: AMD EPYC 7B13",
          "flags\t\t: fpu vme sse sse2 ssse3 fma cx16 sse4_1 sse4_2 avx f16c avx2 bmi2 sha_ni",
          "",
          "processor\t: 1",
          "model name\t: Other Model",
          "flags\t\t: fpu avx512f avx512bw");

  @Test
  void readsTheFirstProcessorsModelAndItsVectorExtensionsOnly() {
    CpuDescription cpu = CpuDescription.parse(TWO_PROCESSORS, "");

    assertThat(cpu.model()).isEqualTo("AMD EPYC 7B13");
    assertThat(cpu.vectorExtensions()).isEqualTo("avx avx2 f16c fma sse4_2");
  }

  @Test
  void anUnreadableListingIsUnknownAndTheOpenBlasOverrideIsRecordedOnlyWhenSet() {
    CpuDescription unknown = CpuDescription.parse(List.of(), "Haswell");
    Map<String, String> environment = new LinkedHashMap<>();
    unknown.addTo(environment);
    assertThat(environment)
        .containsExactly(
            Map.entry("cpu", CpuDescription.UNKNOWN),
            Map.entry("cpuVectorExtensions", ""),
            Map.entry("openBlasCoreType", "Haswell"));

    Map<String, String> withoutOverride = new LinkedHashMap<>();
    CpuDescription.parse(TWO_PROCESSORS, "").addTo(withoutOverride);
    assertThat(withoutOverride).doesNotContainKey("openBlasCoreType");
  }
}
