package io.github.trustregion.framework.support;

import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.WorkloadData;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The blobs under another name, whose loading fails while {@link #FAILURES} is positive (counting
 * it down), as a transient read error would.
 */
public class FlakyWorkload extends BlobsWorkload {

  /** How many loads, over this JVM, still fail; tests set it and reset it. */
  public static final AtomicInteger FAILURES = new AtomicInteger();

  @Override
  public String name() {
    return "flaky-blobs";
  }

  @Override
  public WorkloadData load(DataRequest request) {
    if (FAILURES.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new IllegalStateException("The flaky blobs failed to load on purpose.");
    }
    return super.load(request);
  }
}
