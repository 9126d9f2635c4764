package io.github.trustregion.framework.run;

import io.github.trustregion.framework.plan.ExperimentOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive right of one run to write a results directory, held as an operating-system file
 * lock on the file {@value #FILE_NAME} in it.
 *
 * <p>While a run holds the lock, the file names its process id, host and start time; a second run
 * that finds the file locked is refused with a message naming the first. The operating system
 * releases the lock when the holding process dies, so a lock file that still names a process but is
 * not locked was left by a run that was killed: it is taken over with a warning. On release the
 * file is emptied but not deleted (deleting it would let two later runs lock two different files).
 * File locks may not work across hosts on some network file systems.
 *
 * <p>Runs that share the directory on purpose (the shards of a plan, the workers of a local pool)
 * take the lock {@linkplain #acquireShared shared}: any number of them at once, each training the
 * trials it {@linkplain TrialClaim claims}, while a run that takes it exclusively is refused until
 * they end, and the other way round.
 */
public final class RunLock implements AutoCloseable {

  /** The lock file's name inside the results directory. */
  public static final String FILE_NAME = ".run.lock";

  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

  /**
   * The lock files this JVM holds. A second channel on a held file must not even be opened: on
   * POSIX systems closing it would release the operating-system lock of the first.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private static final int SHARE_ATTEMPTS = 200;
  private static final long SHARE_WAIT_MILLIS = 25;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private final Path key;

  private RunLock(Path file, Path key, FileChannel channel, FileLock lock) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock of the results directory {@code root}, creating the directory.
   *
   * @throws IllegalStateException naming the lock file and the process that holds it when another
   *     run (in this or another process) holds it
   * @throws UncheckedIOException naming the lock file when it cannot be created or locked
   */
  public static RunLock acquire(Path root) {
    Path file = root.resolve(FILE_NAME);
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      throw new IllegalStateException(
          "The results directory "
              + root.toAbsolutePath()
              + " is in use by another run in this process ("
              + ProcessHandle.current().pid()
              + ", lock file "
              + file
              + "); wait for that run to finish, or choose another results"
              + " directory (--results or -D"
              + ExperimentOptions.RESULTS
              + "=...).");
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(root);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        HELD.remove(key);
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new IllegalStateException(
            "The results directory "
                + root.toAbsolutePath()
                + " is in use by another run ("
                + LockFiles.describe(holder)
                + ", lock file "
                + file
                + "); wait for that run to finish, or choose another results directory (--results or -D"
                + ExperimentOptions.RESULTS
                + "=...).");
      }
      String previous = LockFiles.read(channel);
      if (!previous.isBlank()) {
        LOG.warn(
            "Taking over the lock {} left by a run that ended without releasing it ({});"
                + " its trial files are kept, interrupted trials run again",
            file,
            LockFiles.describe(previous));
      }
      LockFiles.write(channel, LockFiles.holderLines());
      return new RunLock(file, key, channel, lock);
    } catch (IOException | RuntimeException e) {
      LockFiles.closeQuietly(channel);
      HELD.remove(key);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(
          "Cannot take the lock file "
              + file
              + " of the results "
              + "directory ("
              + e.getMessage()
              + "); check that the directory is writable.",
          (IOException) e);
    }
  }

  /**
   * Takes the lock of the results directory {@code root} shared with other runs that take it
   * shared, creating the directory; when no other run holds it, {@code whileAlone} runs first, with
   * the lock held exclusively (to remove files left by interrupted writes without touching another
   * run's writes in progress).
   *
   * @throws IllegalStateException naming the lock file and the process that holds it when a run
   *     holds it exclusively, or another run in this process holds it
   * @throws UncheckedIOException naming the lock file when it cannot be created or locked
   */
  public static RunLock acquireShared(Path root, Runnable whileAlone) {
    Path file = root.resolve(FILE_NAME);
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      throw new IllegalStateException(
          "The results directory "
              + root.toAbsolutePath()
              + " is in use by another run in this process ("
              + ProcessHandle.current().pid()
              + ", lock file "
              + file
              + "); run each shard or worker in a process of its own.");
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(root);
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = null;
      for (int attempt = 0; lock == null && attempt < SHARE_ATTEMPTS; attempt++) {
        FileLock exclusive = channel.tryLock();
        if (exclusive != null) {
          String previous = LockFiles.read(channel);
          if (!previous.isBlank()) {
            LOG.warn(
                "Taking over the lock {} left by a run that ended without releasing it ({});"
                    + " its trial files are kept, interrupted trials run again",
                file,
                LockFiles.describe(previous));
            channel.truncate(0);
          }
          try {
            whileAlone.run();
          } finally {
            exclusive.release();
          }
        }
        lock = channel.tryLock(0, Long.MAX_VALUE, true);
        if (lock == null && !LockFiles.read(channel).isBlank()) {
          break;
        }
        if (lock == null) {
          // Another sharing run holds the lock exclusively for a moment while it cleans up.
          LockFiles.sleep(SHARE_WAIT_MILLIS);
        }
      }
      if (lock == null) {
        HELD.remove(key);
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new IllegalStateException(
            "The results directory "
                + root.toAbsolutePath()
                + " is in use by a run that does not share it ("
                + LockFiles.describe(holder)
                + ", lock file "
                + file
                + "); wait for that run to finish, or choose another results directory"
                + " (--results or -D"
                + ExperimentOptions.RESULTS
                + "=...).");
      }
      return new RunLock(file, key, channel, lock);
    } catch (IOException | RuntimeException e) {
      LockFiles.closeQuietly(channel);
      HELD.remove(key);
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new UncheckedIOException(
          "Cannot take the lock file "
              + file
              + " of the results "
              + "directory ("
              + e.getMessage()
              + "); check that the directory is writable.",
          (IOException) e);
    }
  }

  /** Returns the lock file. */
  public Path file() {
    return file;
  }

  /** Empties the lock file and releases the lock. */
  @Override
  public void close() {
    try {
      if (!lock.isShared()) {
        channel.truncate(0);
      }
      lock.release();
    } catch (IOException e) {
      LOG.warn("Cannot release the lock file {} cleanly: {}", file, e.toString());
    } finally {
      LockFiles.closeQuietly(channel);
      HELD.remove(key);
    }
  }
}
