package io.github.trustregion.optimizers.hessian;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Picks examples (first-dimension rows) out of a minibatch's arrays. Stateless. */
final class ExampleRows {

  private ExampleRows() {}

  /** Returns the rows {@code rows} of {@code array} along its first dimension, or null for null. */
  static INDArray gather(INDArray array, int[] rows) {
    if (array == null) {
      return null;
    }
    long[] shape = array.shape();
    INDArray contiguous = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
    INDArray flat =
        array.rank() == 2
            ? contiguous
            : contiguous.reshape('c', shape[0], array.length() / shape[0]);
    INDArray pulled = Nd4j.pullRows(flat, 1, rows);
    if (array.rank() == 2) {
      return pulled;
    }
    long[] target = shape.clone();
    target[0] = rows.length;
    return pulled.reshape('c', target);
  }

  /** Returns {@link #gather} applied to every array (null entries and a null array kept). */
  static INDArray[] gather(INDArray[] arrays, int[] rows) {
    if (arrays == null) {
      return null;
    }
    INDArray[] picked = new INDArray[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      picked[i] = gather(arrays[i], rows);
    }
    return picked;
  }
}
