package io.github.trustregion.framework.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardTest {

  private static List<String> ids(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> "e3-large-batch__TR__b" + (128 << (i % 5)) + "__r" + i)
        .toList();
  }

  @Test
  void theShardsOfNCoverEveryTrialExactlyOnce() {
    List<String> ids = ids(500);
    for (int n = 1; n <= 7; n++) {
      for (String id : ids) {
        int owners = 0;
        for (int k = 1; k <= n; k++) {
          owners += new Shard(k, n).contains(id) ? 1 : 0;
        }
        assertThat(owners).as("%s in %d shards", id, n).isEqualTo(1);
      }
    }
  }

  @Test
  void aTrialStaysInItsShardWhenOtherTrialsAreAddedOrRemoved() {
    Map<String, Integer> before = new HashMap<>();
    ids(20).forEach(id -> before.put(id, Shard.of(id, 4)));
    // More repeats re-plan the experiment: the old trials keep their shards.
    ids(200).stream()
        .filter(before::containsKey)
        .forEach(id -> assertThat(Shard.of(id, 4)).as(id).isEqualTo(before.get(id)));
    // The rule looks at the id alone: the same id gives the same shard from any list.
    assertThat(Shard.of("e3-large-batch__SGD__b128__r0", 4))
        .isEqualTo(Shard.of("e3-large-batch__SGD__b128__r0", 4));
  }

  @Test
  void shardsAreRoughlyBalancedOnManyTrials() {
    int[] counts = new int[4];
    ids(4000).forEach(id -> counts[Shard.of(id, 4) - 1]++);
    for (int c : counts) {
      assertThat(c).isBetween(900, 1100);
    }
  }

  @Test
  void parsesKOfN() {
    assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
    assertThat(Shard.parse(" 1/1 ")).isEqualTo(Shard.ALL);
    assertThat(Shard.ALL.isAll()).isTrue();
    assertThat(new Shard(3, 3).toString()).isEqualTo("3/3");
  }

  @Test
  void refusesShardsOutsideOneToNAndTextThatIsNotKOfN() {
    assertThatThrownBy(() -> Shard.parse("0/3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 ≤ K ≤ N")
        .hasMessageContaining("0/3");
    assertThatThrownBy(() -> Shard.parse("4/3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4/3");
    assertThatThrownBy(() -> Shard.parse("a/b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a/b'");
    assertThatThrownBy(() -> Shard.parse("1/0")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Shard.parse("3")).isInstanceOf(IllegalArgumentException.class);
  }
}
