package io.github.trustregion.framework.support;

import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.WorkloadData;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The blobs, counting how often their training and their test set are read (in this JVM), so that
 * tests can see that tuning never reads the test set.
 */
public class CountingBlobsWorkload extends BlobsWorkload {

  /** How many times the training set was read. */
  public static final AtomicInteger TRAIN_READS = new AtomicInteger();

  /** How many times the test set was read. */
  public static final AtomicInteger TEST_READS = new AtomicInteger();

  @Override
  public WorkloadData load(DataRequest request) {
    TRAIN_READS.incrementAndGet();
    if (request.testSetNeeded()) {
      TEST_READS.incrementAndGet();
    }
    return super.load(request);
  }
}
