package io.github.trustregion.framework.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Checks, before the first trial, that ND4J can run: which backend it chooses, whether that
 * backend's native library loads, and that it has a device.
 *
 * <p>ND4J's own failure hides the cause: when no backend loads, {@code Nd4jBackend.load()} logs
 * each backend's error and throws "Please ensure that you have an nd4j backend on your classpath",
 * even when the backend is there and only a native library (such as the CUDA driver {@code
 * libcuda.so.1}) is missing. This check asks each backend itself, keeps the error, and turns it
 * into one message that says what is missing and how to run on the CPU instead. The probe is
 * injectable so that the messages can be tested without a GPU.
 */
public final class BackendCheck {

  /** Finds the backend ND4J would use; throws whatever ND4J throws when none loads. */
  @FunctionalInterface
  public interface Probe {

    /** Returns the backend chosen and its devices, or throws the loading failure. */
    Backend probe() throws Exception;
  }

  /**
   * The backend ND4J runs on.
   *
   * @param name the backend class's simple name, such as {@code CpuBackend}
   * @param devices how many devices it has (1 for the CPU)
   * @param description the device in words, such as {@code "CPU, 2 cores"}
   */
  public record Backend(String name, int devices, String description) {

    /** Returns the backend and device in one line, for the log. */
    public String describe() {
      return "ND4J backend " + name + " on " + devices + " device(s): " + description;
    }
  }

  /** The backend was found but cannot run; the message says what is missing and what to do. */
  public static final class BackendUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    BackendUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Probe probe;

  /** Creates a check that asks {@code probe}. */
  public BackendCheck(Probe probe) {
    this.probe = probe;
  }

  /** Returns the check of the ND4J backends on the class path. */
  public static BackendCheck nd4j() {
    return new BackendCheck(BackendCheck::probeNd4j);
  }

  /**
   * Runs the probe.
   *
   * @throws BackendUnavailableException with one message naming what is missing and the fix
   */
  public Backend check() {
    Backend backend;
    try {
      backend = probe.probe();
    } catch (Exception | LinkageError e) {
      throw new BackendUnavailableException(explain(e), e);
    }
    if (backend.devices() < 1) {
      throw new BackendUnavailableException(
          "The ND4J backend "
              + backend.name()
              + " loaded but "
              + "found no device ("
              + backend.description()
              + "). "
              + CPU_FIX,
          null);
    }
    return backend;
  }

  private static final String CPU_FIX =
      "To run on the CPU instead, build and run without -Pcuda"
          + " (the default build uses the nd4j-native backend).";

  /** Turns a loading failure into one message: what is missing, and how to run on the CPU. */
  static String explain(Throwable failure) {
    String chain = chain(failure);
    String lower = chain.toLowerCase(Locale.ROOT);
    if (lower.contains("libcuda.so")) {
      return "The ND4J CUDA backend cannot start: the CUDA driver libcuda.so.1 could not be loaded"
          + " (no NVIDIA driver is installed, or it is not on the library path). "
          + CPU_FIX
          + " Cause: "
          + chain;
    }
    if (lower.contains("cuda") || lower.contains("cublas") || lower.contains("jcublas")) {
      return "The ND4J CUDA backend cannot start: a CUDA library or device is missing (it needs "
          + "an NVIDIA GPU, its driver and the CUDA 11.6 runtime). "
          + CPU_FIX
          + " Cause: "
          + chain;
    }
    if (lower.contains("please ensure that you have an nd4j backend")) {
      return "No ND4J backend could be loaded: either none is on the class path (add nd4j-native"
          + " with its platform classifier) or its native library failed to load (see the warnings"
          + " of Nd4jBackend above). "
          + CPU_FIX
          + " Cause: "
          + chain;
    }
    return "The ND4J backend cannot start. " + CPU_FIX + " Cause: " + chain;
  }

  /** Returns the messages of the cause chain, outermost first, joined by " <- ". */
  private static String chain(Throwable failure) {
    List<String> parts = new ArrayList<>();
    for (Throwable t = failure; t != null && parts.size() < 10; t = t.getCause()) {
      parts.add(
          t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage()));
      if (t.getCause() == t) {
        break;
      }
    }
    return String.join(" <- ", parts);
  }

  /**
   * Asks every ND4J backend on the class path, highest priority first, whether it is available
   * (which loads its native library), then initializes ND4J with it.
   */
  private static Backend probeNd4j() throws Exception {
    List<Nd4jBackend> backends = new ArrayList<>();
    try {
      ServiceLoader.load(Nd4jBackend.class, Nd4jBackend.class.getClassLoader())
          .forEach(backends::add);
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("Cannot instantiate an ND4J backend: " + e.getMessage(), e);
    }
    backends.sort(Comparator.comparingInt(Nd4jBackend::getPriority).reversed());
    Throwable first = null;
    for (Nd4jBackend backend : backends) {
      try {
        if (backend.isAvailable()) {
          first = null;
          break;
        }
      } catch (Exception | LinkageError e) {
        if (first == null) {
          first =
              new IllegalStateException(
                  "Backend " + backend.getClass().getSimpleName() + " is unavailable", e);
        }
      }
    }
    if (first instanceof Exception e) {
      throw e;
    }
    Nd4jBackend chosen = Nd4j.getBackend();
    int devices = Nd4j.getAffinityManager().getNumberOfDevices();
    String description =
        Nd4j.getEnvironment().isCPU()
            ? "CPU, " + Runtime.getRuntime().availableProcessors() + " core(s)"
            : String.valueOf(
                Nd4j.getExecutioner()
                    .getEnvironmentInformation()
                    .getOrDefault("cuda.devicesInformation", "GPU"));
    return new Backend(chosen.getClass().getSimpleName(), devices, description);
  }
}
