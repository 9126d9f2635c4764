package io.github.trustregion.framework.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
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

    assertThatThrownBy(
            () ->
                AtomicFiles.write(
                    target,
                    file -> {
                      Files.writeString(file, "half");
                      throw new IOException("disk full");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");

    assertThat(target).hasContent("old");
    assertThat(listing()).containsExactly(target);
  }

  @Test
  void givesANewFileReadPermissionForAllAndKeepsTheReplacedFilesPermissions() throws IOException {
    assumeTrue(
        Files.getFileAttributeView(directory, PosixFileAttributeView.class) != null,
        "POSIX permissions only");
    Path target = directory.resolve("out").resolve("model.zip");

    AtomicFiles.write(target, file -> Files.writeString(file, "first"));
    String created = PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(target, file -> Files.writeString(file, "second"));

    assertThat(created).isEqualTo("rw-r--r--");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-rw----");
  }
}
