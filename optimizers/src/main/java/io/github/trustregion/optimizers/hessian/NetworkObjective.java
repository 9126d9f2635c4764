package io.github.trustregion.optimizers.hessian;

import io.github.trustregion.optimizers.Checks;
import io.github.trustregion.optimizers.FloatingPoint;
import io.github.trustregion.optimizers.HessianVectorProduct;
import io.github.trustregion.optimizers.MinibatchObjective;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training loss of a DL4J network as a {@link MinibatchObjective} per minibatch: the mean loss,
 * its gradient, explicit L2 weight decay, and finite-difference Hessian-vector products.
 *
 * <p>F(x) = (1/B) Σᵢ ℓᵢ(x) + (λ/2)‖x‖² on a minibatch of B examples, in DL4J's training mode (so
 * BatchNorm normalizes with the batch's statistics). The value is DL4J's {@code score()}; the
 * gradient is DL4J's back-propagated gradient divided by B, since {@code computeGradientAndScore()}
 * leaves the batch <em>sum</em> in the flattened gradient (DL4J's updater divides it later).
 * Hessian-vector products follow {@link HessianMode} (see docs/method.md, "Hessian-vector
 * products").
 *
 * <p>Refused at construction, each with a message naming the layer: DL4J regularization
 * (l1/l2/weightDecay: pass {@link ObjectiveOptions#withWeightDecay} instead) and, unless {@link
 * DropoutHandling#DISABLE} is chosen, dropout and weight noise.
 *
 * <p>BatchNorm running mean and variance live inside {@code params()} but are not trained: their
 * gradient and Hessian-vector entries are zero, they are left out of the weight decay, and {@link
 * MinibatchObjective#valueAndGradient} advances them in x exactly as one DL4J training iteration
 * would (running ← d·running + (1−d)·batch statistic, d the layer's decay), so that inference after
 * training uses sensible statistics. No other evaluation changes them.
 *
 * <p>Each minibatch objective is an {@link ExampleMeanObjective}: a method may ask for products by
 * another difference than {@link ObjectiveOptions#hessianMode()}, with a fixed difference step, or
 * of the mean loss over a subset of the minibatch's examples (see docs/method.md, "Hessian
 * sub-sampling"); the objective also reports its batch size.
 *
 * <p>Bind once per network ({@link #of(MultiLayerNetwork, ObjectiveOptions)}), then call {@link
 * #on(DataSet)} per minibatch; work vectors are reused across minibatches. Vectors passed in may be
 * the network's live {@link #parameters()} view or separate arrays of the network's data type.
 * Every evaluation leaves the network's parameters at the point it was asked about, except that a
 * Hessian-vector product restores them to the point given to {@code hessianAt}. An operator
 * returned by {@code hessianAt} shares work vectors with every minibatch of this objective: it is
 * valid until the next {@code hessianAt} call on any of them, and the gradient given to it must not
 * be modified while it is in use. Not thread-safe: one network, one thread.
 */
public final class NetworkObjective {

  private final NetworkAdapter adapter;
  private final ObjectiveOptions options;
  private final long dimension;
  private final double unitRoundoff;
  private final List<long[]> statisticsRanges;
  private final List<NetworkInspection.RandomLayer> randomLayers;
  private INDArray base;

  private NetworkObjective(NetworkAdapter adapter, ObjectiveOptions options) {
    this.adapter = adapter;
    this.options = Objects.requireNonNull(options, "NetworkObjective: options must not be null");
    INDArray parameters = adapter.parameters();
    if (parameters == null || parameters.length() == 0) {
      throw new IllegalArgumentException(
          "NetworkObjective: the "
              + adapter.kind()
              + " has no parameters; call init() on it before building the objective");
    }
    this.dimension = parameters.length();
    this.unitRoundoff =
        FloatingPoint.unitRoundoff(
            parameters.dataType(), "NetworkObjective", "the network's parameters");
    NetworkInspection inspection = new NetworkInspection(adapter, options.dropout());
    this.statisticsRanges = List.copyOf(inspection.statisticsRanges());
    this.randomLayers = List.copyOf(inspection.randomLayers());
  }

  /**
   * Binds an initialized {@link MultiLayerNetwork}.
   *
   * @throws IllegalArgumentException if the network is not initialized, has DL4J regularization, or
   *     has dropout/weight noise while {@code options.dropout()} is REFUSE
   */
  public static NetworkObjective of(MultiLayerNetwork network, ObjectiveOptions options) {
    Objects.requireNonNull(network, "NetworkObjective: network must not be null");
    return new NetworkObjective(new MultiLayerAdapter(network), options);
  }

  /**
   * Binds an initialized {@link ComputationGraph}.
   *
   * @throws IllegalArgumentException as for {@link #of(MultiLayerNetwork, ObjectiveOptions)}
   */
  public static NetworkObjective of(ComputationGraph graph, ObjectiveOptions options) {
    Objects.requireNonNull(graph, "NetworkObjective: graph must not be null");
    return new NetworkObjective(new GraphAdapter(graph), options);
  }

  /**
   * Returns the objective on one minibatch given as a {@link DataSet}.
   *
   * <p>For a {@link MultiLayerNetwork} the batch is used as is. For a {@link ComputationGraph} it
   * is converted to a {@link MultiDataSet} with one feature and one label array (masks kept), so
   * the graph must have one input and one output; use {@link #on(MultiDataSet)} for more.
   *
   * @throws IllegalArgumentException if the batch has no examples
   */
  public MinibatchObjective on(DataSet batch) {
    Objects.requireNonNull(batch, "NetworkObjective: batch must not be null");
    if (adapter instanceof MultiLayerAdapter network) {
      return new Bound(network.bind(batch));
    }
    return on(
        new org.nd4j.linalg.dataset.MultiDataSet(
            batch.getFeatures(), batch.getLabels(),
            batch.getFeaturesMaskArray(), batch.getLabelsMaskArray()));
  }

  /**
   * Returns the objective on one minibatch given as a {@link MultiDataSet}.
   *
   * <p>For a {@link ComputationGraph} the batch is used as is. For a {@link MultiLayerNetwork} it
   * must have one feature and one label array, and is converted to a {@link DataSet}.
   *
   * @throws IllegalArgumentException if this objective is bound to a MultiLayerNetwork and the
   *     batch has more than one input or output, or if the batch has no examples
   */
  public MinibatchObjective on(MultiDataSet batch) {
    Objects.requireNonNull(batch, "NetworkObjective: batch must not be null");
    if (adapter instanceof GraphAdapter graph) {
      return new Bound(graph.bind(batch));
    }
    if (batch.numFeatureArrays() != 1 || batch.numLabelsArrays() != 1) {
      throw new IllegalArgumentException(
          "NetworkObjective: a MultiLayerNetwork takes one input and one output, but the"
              + " MultiDataSet has "
              + batch.numFeatureArrays()
              + " feature and "
              + batch.numLabelsArrays()
              + " label arrays; use a ComputationGraph for several");
    }
    return on(
        new DataSet(
            batch.getFeatures(0), batch.getLabels(0),
            batch.getFeaturesMaskArray(0), batch.getLabelsMaskArray(0)));
  }

  /** Returns the number of parameters n. */
  public long dimension() {
    return dimension;
  }

  /** Returns the network's live flat parameter view (not a copy; writes change the network). */
  public INDArray parameters() {
    return adapter.parameters();
  }

  /** Returns the options this objective was built with. */
  public ObjectiveOptions options() {
    return options;
  }

  private void load(INDArray x) {
    INDArray live = adapter.parameters();
    if (x != live) {
      live.assign(x.reshape(live.shape()));
    }
  }

  private INDArray flat(INDArray vector, String name) {
    Checks.requireLength(vector, dimension, name, "NetworkObjective");
    if (vector.dataType() != adapter.parameters().dataType()) {
      throw new IllegalArgumentException(
          "NetworkObjective: "
              + name
              + " has data type "
              + vector.dataType()
              + " but the network's parameters are "
              + adapter.parameters().dataType()
              + "; convert it with castTo(...) first");
    }
    return vector;
  }

  private double withDeterministicLayers(DoubleSupplier pass) {
    if (randomLayers.isEmpty()) {
      return pass.getAsDouble();
    }
    for (NetworkInspection.RandomLayer layer : randomLayers) {
      layer.conf().setIDropout(null);
      if (layer.conf() instanceof BaseLayer baseLayer) {
        baseLayer.setWeightNoise(null);
      }
    }
    try {
      return pass.getAsDouble();
    } finally {
      for (NetworkInspection.RandomLayer layer : randomLayers) {
        layer.conf().setIDropout(layer.dropout());
        if (layer.conf() instanceof BaseLayer baseLayer) {
          baseLayer.setWeightNoise(layer.weightNoise());
        }
      }
    }
  }

  private static INDArray segment(INDArray vector, long[] range) {
    if (vector.rank() == 1) {
      return vector.get(NDArrayIndex.interval(range[0], range[1]));
    }
    return vector.reshape(vector.length()).get(NDArrayIndex.interval(range[0], range[1]));
  }

  private void zeroStatistics(INDArray vector) {
    for (long[] range : statisticsRanges) {
      segment(vector, range).assign(0);
    }
  }

  /** Returns (λ/2)·Σ xᵢ² over trainable entries. */
  private double decayTerm(INDArray x) {
    double lambda = options.weightDecay();
    if (lambda == 0) {
      return 0;
    }
    double squares = x.norm2Number().doubleValue();
    squares *= squares;
    for (long[] range : statisticsRanges) {
      double norm = segment(x, range).norm2Number().doubleValue();
      squares -= norm * norm;
    }
    return 0.5 * lambda * squares;
  }

  /** y ← y + alpha·x for flat vectors of length n (shapes may differ). */
  private void axpy(double alpha, INDArray x, INDArray y) {
    Nd4j.getBlasWrapper().level1().axpy(dimension, alpha, x.reshape(y.shape()), y);
  }

  /** The objective on one bound minibatch. */
  private final class Bound implements ExampleMeanObjective {

    private final NetworkAdapter.Batch batch;

    Bound(NetworkAdapter.Batch batch) {
      this.batch = batch;
      if (batch.size() <= 0) {
        throw new IllegalArgumentException(
            "NetworkObjective: the minibatch is empty (its features have "
                + batch.size()
                + " rows); pass a batch with at least one example");
      }
    }

    @Override
    public long dimension() {
      return dimension;
    }

    @Override
    public java.util.OptionalInt batchSize() {
      return java.util.OptionalInt.of(Math.toIntExact(batch.size()));
    }

    @Override
    public double value(INDArray x) {
      flat(x, "x");
      load(x);
      return withDeterministicLayers(batch::valuePass) + decayTerm(x);
    }

    @Override
    public ValueAndGradient valueAndGradient(INDArray x) {
      flat(x, "x");
      load(x);
      double score = withDeterministicLayers(batch::gradientPass);
      advanceStatistics(x);
      INDArray gradient = batch.gradientView().div(batch.size()).reshape(x.shape());
      if (options.weightDecay() != 0) {
        axpy(options.weightDecay(), x, gradient);
      }
      zeroStatistics(gradient);
      return new ValueAndGradient(score + decayTerm(x), gradient);
    }

    /**
     * Applies DL4J's running-statistics update: its "gradient" for a BatchNorm mean or variance is
     * (running − batch)·(1 − d), undivided by B, which its updater subtracts.
     */
    private void advanceStatistics(INDArray x) {
      if (statisticsRanges.isEmpty()) {
        return;
      }
      INDArray raw = batch.gradientView();
      INDArray live = adapter.parameters();
      for (long[] range : statisticsRanges) {
        INDArray update = segment(raw, range);
        segment(x, range).subi(update);
        if (x != live) {
          segment(live, range).assign(segment(x, range));
        }
      }
    }

    @Override
    public HessianVectorProduct hessianAt(INDArray x, INDArray gradientAtX) {
      flat(x, "x");
      flat(gradientAtX, "gradientAtX");
      if (base == null) {
        base = adapter.parameters().ulike();
      }
      base.assign(x.reshape(base.shape()));
      double baseNorm = base.norm2Number().doubleValue();
      HessianMode mode = options.hessianMode();
      return v -> multiply(v, gradientAtX, baseNorm, mode, 0);
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a subset, the examples are copied out of the minibatch into a new batch; F_S has the
     * same weight decay, and BatchNorm normalizes with S's statistics. With forward differences
     * ∇F_S(x) is computed once here (one pass over S, the running statistics left unchanged).
     */
    @Override
    public SampledHessian hessianAt(
        INDArray x, INDArray gradientAtX, HessianMode mode, double fixedStep, int[] examples) {
      flat(x, "x");
      flat(gradientAtX, "gradientAtX");
      HessianMode used = mode == null ? options.hessianMode() : mode;
      if (fixedStep > 0 && used != HessianMode.FORWARD_DIFFERENCE) {
        throw new IllegalArgumentException(
            "NetworkObjective: a fixed difference step applies to forward differences only, but"
                + " the mode is "
                + used);
      }
      Bound target = examples == null ? this : new Bound(batch.subset(checkedRows(examples)));
      if (base == null) {
        base = adapter.parameters().ulike();
      }
      base.assign(x.reshape(base.shape()));
      double baseNorm = base.norm2Number().doubleValue();
      INDArray baseGradient = gradientAtX;
      int basePasses = 0;
      if (examples != null && used == HessianMode.FORWARD_DIFFERENCE) {
        baseGradient = target.gradientOnly(x);
        basePasses = 1;
      }
      INDArray finalBase = baseGradient;
      double fraction = examples == null ? 1.0 : (double) examples.length / batch.size();
      return new SampledHessian(
          v -> target.multiply(v, finalBase, baseNorm, used, fixedStep), basePasses, fraction);
    }

    private int[] checkedRows(int[] examples) {
      if (examples.length == 0) {
        throw new IllegalArgumentException(
            "NetworkObjective: the Hessian subset is empty; pass at least one example index");
      }
      int previous = -1;
      for (int index : examples) {
        if (index <= previous || index >= batch.size()) {
          throw new IllegalArgumentException(
              "NetworkObjective: the Hessian subset's indices must be increasing and lie in [0, "
                  + batch.size()
                  + "), but "
                  + index
                  + " follows "
                  + previous);
        }
        previous = index;
      }
      return examples;
    }

    /** Returns ∇F(x) without advancing BatchNorm's running statistics; leaves the network at x. */
    private INDArray gradientOnly(INDArray x) {
      load(x);
      withDeterministicLayers(batch::gradientPass);
      INDArray gradient = batch.gradientView().div(batch.size()).reshape(x.shape());
      if (options.weightDecay() != 0) {
        axpy(options.weightDecay(), x, gradient);
      }
      zeroStatistics(gradient);
      return gradient;
    }

    /**
     * Returns Hv by finite differences. Forward: (∇D(x+εv)/B + λ(x+εv) − g)/ε with ∇D the
     * back-propagated batch sum and g the given gradient at x; central: (∇F(x+εv) − ∇F(x−εv))/(2ε).
     * The perturbed point is written straight into the live parameters and the scalings are fused
     * into the copy of DL4J's gradient, to keep the product's overhead over its pass(es) to a few
     * vector operations.
     */
    private INDArray multiply(
        INDArray v, INDArray gradientAtX, double baseNorm, HessianMode mode, double fixedStep) {
      flat(v, "v");
      double directionNorm = v.norm2Number().doubleValue();
      if (!Double.isFinite(directionNorm)) {
        throw new IllegalArgumentException(
            "NetworkObjective: the direction v of a Hessian-vector product contains NaN or"
                + " infinite entries (norm "
                + directionNorm
                + ")");
      }
      if (directionNorm == 0) {
        return v.ulike().assign(0);
      }
      double epsilon = fixedStep > 0 ? fixedStep : mode.step(unitRoundoff, baseNorm, directionNorm);
      double lambda = options.weightDecay();
      INDArray live = adapter.parameters();
      try {
        INDArray product;
        if (mode == HessianMode.FORWARD_DIFFERENCE) {
          product = scaledGradientAt(v, epsilon, 1 / epsilon);
          axpy(-1 / epsilon, gradientAtX, product);
        } else {
          double scale = 1 / (2 * epsilon);
          product = scaledGradientAt(v, epsilon, scale);
          INDArray minus = scaledGradientAt(v, -epsilon, scale);
          product.subi(minus);
        }
        zeroStatistics(product);
        return product.reshape(v.shape());
      } finally {
        live.assign(base);
      }
    }

    /**
     * Loads base + t·v into the live parameters and returns scale·∇F there as a new array:
     * scale·(∇D/B + λ·(base + t·v)).
     */
    private INDArray scaledGradientAt(INDArray v, double t, double scale) {
      INDArray live = adapter.parameters();
      live.assign(base);
      axpy(t, v, live);
      withDeterministicLayers(batch::gradientPass);
      INDArray gradient = batch.gradientView().mul(scale / batch.size());
      if (options.weightDecay() != 0) {
        axpy(scale * options.weightDecay(), live, gradient);
      }
      return gradient;
    }
  }
}
