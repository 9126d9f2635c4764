package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two runs in one JVM: the second is refused without releasing the first's lock. */
class RunLockInOneProcessTest {

  @TempDir Path directory;

  @Test
  void refusesASecondLockInTheSameProcessAndGrantsItAgainAfterTheFirstIsClosed()
      throws IOException {
    try (RunLock first = RunLock.acquire(directory)) {
      assertThatThrownBy(() -> RunLock.acquire(directory))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in this process (" + ProcessHandle.current().pid())
          .hasMessageContaining(first.file().toString());
      assertThatThrownBy(() -> RunLock.acquire(directory))
          .as("the refused attempt left the first lock in place")
          .isInstanceOf(IllegalStateException.class);
    }

    try (RunLock again = RunLock.acquire(directory)) {
      assertThat(Files.readString(again.file())).contains("pid=" + ProcessHandle.current().pid());
    }
  }
}
