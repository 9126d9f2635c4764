package io.github.trustregion.framework.result;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes files atomically: the content goes to a uniquely named hidden temporary file in the
 * target's directory, which is then moved onto the target, so that readers and killed runs see
 * either the old file, the new one, or none, never half of one. On POSIX file systems the file
 * keeps the permissions of the file it replaces, and a new file gets {@code rw-r--r--} (a temporary
 * file alone would be readable by its owner only).
 */
public final class AtomicFiles {

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Content {

    /** Writes the whole content to {@code file}, which exists and is empty. */
    void writeTo(Path file) throws IOException;
  }

  /**
   * The names {@link #write} gives its temporary files: a dot, the target's name, digits, {@code
   * .tmp}.
   */
  private static final Pattern TEMPORARY_NAME = Pattern.compile("\\..+\\d+\\.tmp");

  private AtomicFiles() {}

  /**
   * Returns whether {@code file} is named as {@link #write} names its temporary files, so that the
   * ones a killed process left behind can be found and removed.
   */
  public static boolean isTemporaryFile(Path file) {
    return TEMPORARY_NAME.matcher(file.getFileName().toString()).matches();
  }

  /**
   * Writes {@code target} through a temporary file beside it and an atomic move (a plain replacing
   * move where the file system cannot move atomically), creating its directory; the temporary file
   * is deleted whether or not the write succeeds.
   *
   * @throws IOException when the directory, the temporary file or the move fails, or {@code
   *     content} throws; the target is then unchanged
   */
  public static void write(Path target, Content content) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
    try {
      content.writeTo(temporary);
      setPermissions(temporary, target);
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Gives the temporary file the target's permissions, or rw-r--r-- for a new target (POSIX). */
  private static void setPermissions(Path temporary, Path target) throws IOException {
    if (Files.getFileAttributeView(temporary, PosixFileAttributeView.class) == null) {
      return;
    }
    Set<PosixFilePermission> permissions =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temporary, permissions);
  }
}
