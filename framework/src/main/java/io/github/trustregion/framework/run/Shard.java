package io.github.trustregion.framework.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One part K of N of a plan's trials, for N independent processes that together run every trial
 * exactly once.
 *
 * <p>A trial belongs to shard {@code 1 + (h mod N)}, where h is the first eight bytes of the
 * SHA-256 digest of its trial id read as an unsigned number. The rule looks at the trial's id
 * alone, so it is stable under re-planning: adding, removing or reordering other trials (more
 * repeats, another method) never moves a trial to another shard for the same N. The price is
 * balance: shards hold about, not exactly, the same number of trials.
 *
 * @param index K, from 1 to {@code count}
 * @param count N, at least 1
 */
public record Shard(int index, int count) {

  /** The shard of a run that is not sharded: every trial. */
  public static final Shard ALL = new Shard(1, 1);

  private static final Pattern SYNTAX = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  /** Checks that {@code 1 ≤ index ≤ count}. */
  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "A shard is K/N with 1 ≤ K ≤ N, but it is "
              + index
              + "/"
              + count
              + "; number the shards of N processes 1/N, 2/N, …, N/N.");
    }
  }

  /**
   * Parses {@code K/N}.
   *
   * @throws IllegalArgumentException naming the text and the expected form when it is not K/N with
   *     1 ≤ K ≤ N
   */
  public static Shard parse(String text) {
    Matcher matcher = SYNTAX.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "A shard is K/N with whole numbers 1 ≤ K ≤ N (for example"
              + " 2/4), not '"
              + text
              + "'.");
    }
    return new Shard(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
  }

  /** Returns whether the trial {@code trialId} belongs to this shard. */
  public boolean contains(String trialId) {
    return count == 1 || of(trialId, count) == index;
  }

  /**
   * Returns the index (1 to {@code count}) of the shard of {@code count} that holds {@code
   * trialId}.
   */
  public static int of(String trialId, int count) {
    byte[] digest = sha256(trialId);
    long h = 0;
    for (int i = 0; i < Long.BYTES; i++) {
      h = (h << 8) | (digest[i] & 0xFF);
    }
    return 1 + (int) Long.remainderUnsigned(h, count);
  }

  /** Returns whether this is the whole plan. */
  public boolean isAll() {
    return count == 1;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java runtime has no SHA-256", e);
    }
  }
}
