package io.github.trustregion.framework.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The right of one process to train one trial, held as an operating-system lock on the file {@code
 * <results>/.claims/<experiment>/<trial>.claim}, so that processes sharing a results directory
 * (shards, the workers of a local pool, the tasks of a job array) never train the same trial twice.
 *
 * <p>While a process holds a claim, the file names its process id, host and start time. The
 * operating system releases the lock when the process dies, so a claim file that still names a
 * process but is not locked was left by a process that was killed: it is taken over with a warning,
 * and the trial runs again from the start. On release the file is emptied, not deleted (deleting it
 * would let two later processes lock two different files). A process that claims a trial must check
 * again that it is not finished: another process may have finished it between that check and the
 * claim. File locks may not work across hosts on some network file systems; NFS v4 and Lustre
 * support them.
 */
public final class TrialClaim implements AutoCloseable {

  /** The folder of the results directory that holds the claim files, one folder per experiment. */
  public static final String DIRECTORY = ".claims";

  private static final Logger LOG = LoggerFactory.getLogger(TrialClaim.class);

  /** The claim files this JVM holds (a second channel on a held file must not be opened). */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private static final int PROBE_RETRIES = 40;
  private static final long PROBE_WAIT_MILLIS = 25;

  private final Path file;
  private final Path key;
  private final FileChannel channel;
  private final FileLock lock;

  private TrialClaim(Path file, Path key, FileChannel channel, FileLock lock) {
    this.file = file;
    this.key = key;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Returns the claim file of {@code trialId} of {@code experiment} under the results directory
   * {@code root}.
   */
  public static Path file(Path root, String experiment, String trialId) {
    return root.resolve(DIRECTORY).resolve(experiment).resolve(trialId + ".claim");
  }

  /**
   * Claims the trial, or returns empty when another live process (or this one) holds its claim.
   *
   * @throws UncheckedIOException naming the claim file when it cannot be created or locked
   */
  public static Optional<TrialClaim> tryClaim(Path root, String experiment, String trialId) {
    Path file = file(root, experiment, trialId);
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return Optional.empty();
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = lockOrWait(channel);
      if (lock == null) {
        channel.close();
        HELD.remove(key);
        return Optional.empty();
      }
      String previous = LockFiles.read(channel);
      if (!previous.isBlank()) {
        LOG.warn(
            "Taking over the claim of {} left by a process that ended without releasing it "
                + "({}); the trial runs again from the start",
            trialId,
            LockFiles.describe(previous));
      }
      LockFiles.write(channel, LockFiles.holderLines());
      return Optional.of(new TrialClaim(file, key, channel, lock));
    } catch (IOException e) {
      LockFiles.closeQuietly(channel);
      HELD.remove(key);
      throw new UncheckedIOException(
          "Cannot claim the trial "
              + trialId
              + " with the file "
              + file
              + " ("
              + e.getMessage()
              + "); check that the results directory is writable.",
          e);
    }
  }

  /**
   * Returns who holds the claim of the trial, in words ("process 123 on host a, started …"), or
   * empty when no live process holds it.
   */
  public static Optional<String> holder(Path root, String experiment, String trialId) {
    Path file = file(root, experiment, trialId);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (HELD.contains(file.toAbsolutePath().normalize())) {
      return Optional.of("this process (" + ProcessHandle.current().pid() + ")");
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return Optional.of("this process (" + ProcessHandle.current().pid() + ")");
      }
      if (lock != null) {
        lock.release();
        return Optional.empty();
      }
      return Optional.of(LockFiles.describe(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Locks the claim file, or returns null when another process holds it as a claim. A lock held
   * while the file is empty is either a claim about to write its content or a {@link #holder} probe
   * that releases it at once: wait a little for either.
   */
  private static FileLock lockOrWait(FileChannel channel) throws IOException {
    for (int attempt = 0; ; attempt++) {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        return null;
      }
      if (lock != null || attempt >= PROBE_RETRIES || !LockFiles.read(channel).isBlank()) {
        return lock;
      }
      try {
        Thread.sleep(PROBE_WAIT_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  /** Returns the process id named by a held claim file's content, or empty. */
  static Optional<Long> pid(String content) {
    for (String line : content.split("\n")) {
      if (line.startsWith("pid=")) {
        try {
          return Optional.of(Long.parseLong(line.substring(4).strip()));
        } catch (NumberFormatException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /** Returns the claim file. */
  public Path file() {
    return file;
  }

  /** Empties the claim file and releases the claim. */
  @Override
  public void close() {
    try {
      channel.truncate(0);
      lock.release();
    } catch (IOException e) {
      LOG.warn("Cannot release the claim file {} cleanly: {}", file, e.toString());
    } finally {
      LockFiles.closeQuietly(channel);
      HELD.remove(key);
    }
  }
}
