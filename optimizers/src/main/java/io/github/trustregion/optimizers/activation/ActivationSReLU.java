package io.github.trustregion.optimizers.activation;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The smooth ReLU of SPEC §5 as a DL4J activation: SReLU(x) = (√(x² + a) + x)/2, a &gt; 0.
 *
 * <p>It tends to ReLU as a → 0 and to x for large x; its derivative is (1 + x/√(x² + a))/2 and its
 * second derivative a/(2(x² + a)^{3/2}) is positive and bounded, which second-order training needs
 * (ReLU's Hessian is zero almost everywhere and undefined at 0). Reference: "Better Generalization
 * by Efficient Trust Region Method" (ICLR 2018 submission), section on network changes.
 *
 * <p>Serializable through DL4J's JSON configuration (no-arg constructor plus getter and setter of
 * {@code a}).
 * Named after DL4J's own activations ({@code ActivationReLU}, …). Mutable only through {@link #setA} (for JSON); do not
 * change {@code a} of a configuration in use.
 */
public class ActivationSReLU extends BaseActivationFunction {

  private static final long serialVersionUID = 1L;

  /** The default smoothing constant a. */
  public static final double DEFAULT_A = 1e-2;

  private double a;

  /** Creates the activation with a = {@value #DEFAULT_A} (also used by JSON deserialization). */
  public ActivationSReLU() {
    this(DEFAULT_A);
  }

  /**
   * Creates the activation with smoothing constant {@code a}.
   *
   * @param a the smoothing constant, finite and &gt; 0
   * @throws IllegalArgumentException if a is not finite and positive
   */
  public ActivationSReLU(double a) {
    setA(a);
  }

  /** Returns the smoothing constant a. */
  public double getA() {
    return a;
  }

  /**
   * Sets the smoothing constant a.
   *
   * @param a finite and &gt; 0
   * @throws IllegalArgumentException if a is not finite and positive
   */
  public void setA(double a) {
    if (!(a > 0) || Double.isInfinite(a)) {
      throw new IllegalArgumentException(
          "ActivationSReLU: the smoothing constant a must be finite and > 0 but was " + a);
    }
    this.a = a;
  }

  /**
   * Applies SReLU in place: in ← (√(in² + a) + in)/2.
   *
   * @param in the pre-activations, overwritten
   * @param training ignored (the activation is deterministic)
   * @return {@code in}
   */
  @Override
  public INDArray getActivation(INDArray in, boolean training) {
    INDArray root = Transforms.sqrt(in.mul(in).addi(a), false);
    return in.addi(root).muli(0.5);
  }

  /**
   * Back-propagates through SReLU: dL/dz = dL/da ⊙ (1 + z/√(z² + a))/2.
   *
   * @param in the pre-activations z (overwritten with dL/dz, as DL4J's activations do)
   * @param epsilon dL/da
   * @return dL/dz and no parameter gradient
   */
  @Override
  public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
    assertShape(in, epsilon);
    INDArray root = Transforms.sqrt(in.mul(in).addi(a), false);
    INDArray derivative = in.divi(root).addi(1.0).muli(0.5);
    return new Pair<>(derivative.muli(epsilon), null);
  }

  /** Two instances are equal when their constants a are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ActivationSReLU that && Double.compare(a, that.a) == 0;
  }

  /** Returns a hash of a. */
  @Override
  public int hashCode() {
    return Double.hashCode(a);
  }

  /** Returns {@code "SReLU(a=…)"}. */
  @Override
  public String toString() {
    return "SReLU(a=" + a + ")";
  }
}
