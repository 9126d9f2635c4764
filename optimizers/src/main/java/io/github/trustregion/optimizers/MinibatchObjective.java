package io.github.trustregion.optimizers;

import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A twice-differentiable function F of the flat parameter vector, fixed to one minibatch: the mean
 * loss plus any regularization, with its gradient and Hessian-vector products.
 *
 * <p>Every method of a trial sees the same objective, so regularization lives here and not in the
 * methods. Calls may change the state of an underlying network (its parameters are set to the point
 * asked for); callers own the arrays they pass in and get back.
 */
public interface MinibatchObjective {

  /** Returns the number of parameters n, the length of every vector this objective accepts. */
  long dimension();

  /** Returns F(x). */
  double value(INDArray x);

  /** Returns F(x) and ∇F(x) (a new array). */
  ValueAndGradient valueAndGradient(INDArray x);

  /**
   * Returns the operator v ↦ ∇²F(x)v, given the gradient at x already computed (finite-difference
   * implementations reuse it). The operator is valid until the next call on this objective.
   */
  HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX);

  /**
   * Returns the number of examples B the mean loss is taken over, or empty when F is not a mean
   * over examples (an analytic test function). Methods that scale their step with the batch size
   * (see docs/method.md, "Learning-rate scaling") need it.
   */
  default OptionalInt batchSize() {
    return OptionalInt.empty();
  }

  /** The value F(x) with its gradient ∇F(x). */
  record ValueAndGradient(double value, INDArray gradient) {}
}
