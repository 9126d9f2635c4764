package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * The backend check's messages for simulated loading failures shaped like ND4J's real ones, and the
 * real check on the CPU backend of the test class path.
 */
class BackendCheckTest {

  /**
   * What nd4j-cuda throws without a driver: its {@code isAvailable()} loads the JavaCPP CUDA
   * presets, whose native library links against the driver.
   */
  static Throwable missingCudaDriver() {
    return new IllegalStateException(
        "Backend JCublasBackend is unavailable",
        new RuntimeException(
            new UnsatisfiedLinkError(
                "/root/.javacpp/cache/cuda-11.6-8.3-1.5.7-linux-x86_64.jar/org/"
                    + "bytedeco/cuda/linux-x86_64/libjnicudart.so: libcuda.so.1: cannot open shared object"
                    + " file: No such file or directory")));
  }

  /** What the first use of {@code Nd4j} throws when {@code Nd4jBackend.load()} finds none. */
  static Throwable nd4jInitializationFailure() {
    return new ExceptionInInitializerError(
        new RuntimeException(
            new Nd4jBackend.NoAvailableBackendException(
                "Please ensure that you have an nd4j backend on"
                    + " your classpath. Please see: https://deeplearning4j.konduit.ai/nd4j/backend")));
  }

  private static BackendCheck throwing(Throwable failure) {
    return new BackendCheck(
        () -> {
          if (failure instanceof Exception e) {
            throw e;
          }
          throw (Error) failure;
        });
  }

  @Test
  void namesTheMissingCudaDriverAndHowToRunOnTheCpu() {
    assertThatThrownBy(() -> throwing(missingCudaDriver()).check())
        .isInstanceOf(BackendCheck.BackendUnavailableException.class)
        .hasMessageContaining("the CUDA driver libcuda.so.1 could not be loaded")
        .hasMessageContaining("without -Pcuda")
        .hasMessageNotContaining("Please ensure");
  }

  @Test
  void explainsNd4jsInitializationErrorWithoutAStackOfFrames() {
    assertThatThrownBy(() -> throwing(nd4jInitializationFailure()).check())
        .isInstanceOf(BackendCheck.BackendUnavailableException.class)
        .hasMessageStartingWith("No ND4J backend could be loaded")
        .hasMessageContaining("nd4j-native")
        .hasMessageContaining("without -Pcuda");
  }

  @Test
  void refusesABackendWithoutDevices() {
    assertThatThrownBy(
            () ->
                new BackendCheck(() -> new BackendCheck.Backend("JCublasBackend", 0, "no GPU"))
                    .check())
        .isInstanceOf(BackendCheck.BackendUnavailableException.class)
        .hasMessageContaining("JCublasBackend")
        .hasMessageContaining("no device")
        .hasMessageContaining("without -Pcuda");
  }

  @Test
  void findsTheCpuBackendOfTheTestClassPath() {
    BackendCheck.Backend backend = BackendCheck.nd4j().check();

    assertThat(backend.name()).isEqualTo("CpuBackend");
    assertThat(backend.devices()).isEqualTo(1);
    assertThat(backend.describe()).contains("CpuBackend").contains("CPU");
  }
}
