package io.github.trustregion.framework.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor a trial ran on: its model name and the vector instruction sets that ND4J's native
 * kernels (oneDNN, OpenBLAS) choose their code paths by.
 *
 * <p>Two processes on the same processor model reproduce a trial bit for bit; on another model the
 * kernels may sum in another order, and the trust-region methods amplify that last-bit difference
 * (a forward-difference Hessian-vector product divides a difference of gradients by a step of order
 * 1e-3, and the ratio test turns a changed ρ into a changed acceptance). So the processor belongs
 * to a result's environment. Read from {@code /proc/cpuinfo} (Linux); elsewhere the model is
 * {@value #UNKNOWN}.
 *
 * @param model the processor's model name, or {@value #UNKNOWN}
 * @param vectorExtensions the vector instruction sets among {@link #VECTOR_FLAGS} the processor
 *     has, space-separated in alphabetical order (empty when unknown)
 * @param openBlasCoreType the {@code OPENBLAS_CORETYPE} environment variable, which overrides
 *     OpenBLAS's own kernel choice, or empty when unset
 */
public record CpuDescription(String model, String vectorExtensions, String openBlasCoreType) {

  /** The model recorded when the processor cannot be read. */
  public static final String UNKNOWN = "unknown";

  /** The flags of {@code /proc/cpuinfo} that select native kernel paths. */
  static final Set<String> VECTOR_FLAGS =
      Set.of(
          "sse4_2",
          "avx",
          "avx2",
          "fma",
          "f16c",
          "avx512f",
          "avx512bw",
          "avx512dq",
          "avx512vl",
          "avx512_vnni",
          "avx512_bf16",
          "avx512_fp16",
          "amx_bf16",
          "amx_int8",
          "amx_tile");

  /** Describes this machine's processor. */
  public static CpuDescription ofThisMachine() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8);
    } catch (IOException | SecurityException e) {
      lines = List.of();
    }
    return parse(lines, Optional.ofNullable(System.getenv("OPENBLAS_CORETYPE")).orElse(""));
  }

  /** Describes the processor of the first entry of a {@code /proc/cpuinfo} listing. */
  static CpuDescription parse(List<String> cpuinfo, String openBlasCoreType) {
    String model = UNKNOWN;
    Set<String> extensions = new TreeSet<>();
    boolean haveFlags = false;
    for (String line : cpuinfo) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).trim();
      String value = line.substring(colon + 1).trim();
      if (key.equals("model name") && model.equals(UNKNOWN) && !value.isEmpty()) {
        model = value;
      } else if (key.equals("flags") && !haveFlags) {
        haveFlags = true;
        for (String flag : value.split("\\s+")) {
          if (VECTOR_FLAGS.contains(flag)) {
            extensions.add(flag);
          }
        }
      }
    }
    return new CpuDescription(model, String.join(" ", extensions), openBlasCoreType);
  }

  /**
   * Adds this description to a trial's environment under {@code cpu}, {@code cpuVectorExtensions}
   * and, when set, {@code openBlasCoreType}.
   */
  void addTo(Map<String, String> environment) {
    environment.put("cpu", model);
    environment.put("cpuVectorExtensions", vectorExtensions);
    if (!openBlasCoreType.isEmpty()) {
      environment.put("openBlasCoreType", openBlasCoreType);
    }
  }
}
