package io.github.trustregion.benchmarks.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ImageSetTest {

  @Test
  void downsamplesByAveragingBlocksAndRoundingHalvesUp() {
    // One 2-channel 2×4 image; 2×2 blocks.
    byte[] pixels = {
      0, 1, 10, 10, 2, 2, 10, 11, (byte) 255, (byte) 255, 4, 4, (byte) 255, (byte) 254, 4, 5
    };
    ImageSet set = new ImageSet("s", pixels, new int[] {1}, 2, 2, 4, 2);

    ImageSet small = set.downsample(2, "small");

    assertThat(small.height()).isEqualTo(1);
    assertThat(small.width()).isEqualTo(2);
    // (0+1+2+2)/4 = 1.25 → 1; (10+10+10+11)/4 = 10.25 → 10; 1019/4 = 254.75 → 255; 17/4 = 4.25 → 4
    assertThat(
            new int[] {
              small.pixel(0, 0, 0, 0),
              small.pixel(0, 0, 0, 1),
              small.pixel(0, 1, 0, 0),
              small.pixel(0, 1, 0, 1)
            })
        .containsExactly(1, 10, 255, 4);
    assertThat(small.label(0)).isEqualTo(1);
  }

  @Test
  void rejectsALabelThatIsNotAClassIndex() {
    assertThatThrownBy(() -> new ImageSet("bad", new byte[2], new int[] {0, 3}, 1, 1, 1, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("label 3 of image 1");
  }

  @Test
  void rejectsPixelsThatDoNotMatchTheShape() {
    assertThatThrownBy(() -> new ImageSet("bad", new byte[5], new int[] {0, 1}, 1, 1, 2, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 4");
  }

  @Test
  void copiesItsInputSoLaterChangesDoNotLeakIn() {
    byte[] pixels = {7};
    ImageSet set = new ImageSet("c", pixels, new int[] {0}, 1, 1, 1, 2);
    pixels[0] = 9;

    assertThat(set.pixel(0, 0, 0, 0)).isEqualTo(7);
  }
}
