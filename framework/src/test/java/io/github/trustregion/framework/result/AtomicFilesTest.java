package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

  @TempDir Path directory;

  private List<Path> listing() throws IOException {
    try (Stream<Path> files = Files.list(directory.resolve("out"))) {
      return files.toList();
    }
  }

  @Test
  void createsTheDirectoryAndReplacesTheTargetLeavingNoTemporaryFile() throws IOException {
    Path target = directory.resolve("out").resolve("a.json");

    AtomicFiles.write(target, file -> Files.writeString(file, "old"));
    AtomicFiles.write(target, file -> Files.writeString(file, "new"));

    assertThat(target).hasContent("new");
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void leavesTheTargetUnchangedAndNoTemporaryFileWhenTheContentFails() throws IOException {
    Path target = directory.resolve("out").resolve("a.json");
    AtomicFiles.write(target, file -> Files.writeString(file, "old"));

    assertThatThrownBy(() -> AtomicFiles.write(target, file -> {
      Files.writeString(file, "half");
      throw new IOException("disk full");
    })).isInstanceOf(IOException.class).hasMessage("disk full");

    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly(target);
  }
}
