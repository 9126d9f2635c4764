package io.github.trustregion.framework.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The content of the project's lock files ({@link RunLock}, {@link TrialClaim}): the lines {@code
 * pid=…}, {@code host=…} and {@code started=…} that name the process holding the lock, read and
 * written through the lock's channel.
 */
final class LockFiles {

  private static final Logger LOG = LoggerFactory.getLogger(LockFiles.class);

  private LockFiles() {}

  /** Returns the lines that name this process, its host and now. */
  static String holderLines() {
    return "pid="
        + ProcessHandle.current().pid()
        + "\nhost="
        + host()
        + "\nstarted="
        + Instant.now()
        + "\n";
  }

  /** Replaces the file's content by {@code content} and forces it to the disk. */
  static void write(FileChannel channel, String content) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
  }

  /** Reads the file's content (its first 4 KiB). */
  static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 4096));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  /** Turns a lock file's lines into words: "process 123 on host a, started …". */
  static String describe(String content) {
    String pid = "?";
    String host = "?";
    String started = null;
    for (String line : content.split("\n")) {
      String[] parts = line.split("=", 2);
      if (parts.length == 2) {
        switch (parts[0].strip()) {
          case "pid" -> pid = parts[1].strip();
          case "host" -> host = parts[1].strip();
          case "started" -> started = parts[1].strip();
          default -> {}
        }
      }
    }
    return "process " + pid + " on host " + host + (started == null ? "" : ", started " + started);
  }

  /** Returns this machine's host name, or {@code HOSTNAME}, or "unknown". */
  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return System.getenv().getOrDefault("HOSTNAME", "unknown");
    }
  }

  /** Closes the channel, logging (at DEBUG) instead of throwing when that fails. */
  static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.debug("Closing {} failed", channel, e);
      }
    }
  }

  /** Sleeps, keeping the thread's interrupt status when interrupted. */
  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
