package io.github.trustregion.framework.run;

import java.nio.file.Path;

/** A child-JVM program that claims a trial, says so on standard output, and sleeps until killed. */
public final class ClaimHolderMain {

  private ClaimHolderMain() {}

  /** Arguments: results directory, experiment, trial id. */
  public static void main(String[] args) throws Exception {
    TrialClaim claim = TrialClaim.tryClaim(Path.of(args[0]), args[1], args[2]).orElseThrow();
    System.out.println("claimed " + claim.file());
    System.out.flush();
    Thread.sleep(600_000);
  }
}
