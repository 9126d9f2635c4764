package io.github.trustregion.framework.result;

/**
 * The parameter keys of trials ({@link TrialResult#parameters()}, {@link
 * PlannedTrial#parameters()}) that the harness writes and reports and the gate read by name. Custom
 * trials add keys of their own; E4's interpolation trials name their two methods with {@link
 * #PAIR}, {@link #METHOD_A} and {@link #METHOD_B} instead of {@link #METHOD}.
 */
public final class ParameterKeys {

  /** The method's label, or a track's label. */
  public static final String METHOD = "method";

  /** The minibatch size. */
  public static final String BATCH_SIZE = "batchSize";

  /** The repeat's seed. */
  public static final String SEED = "seed";

  /** The repeat's index, 0-based. */
  public static final String REPEAT = "repeat";

  /** The scale the trial ran at ({@code smoke}, {@code ci}, {@code paper}). */
  public static final String SCALE = "scale";

  /** What ran: {@code training}, {@code track} or {@code custom}. */
  public static final String TRIAL_TYPE = "trialType";

  /** The weight decay in the objective. */
  public static final String WEIGHT_DECAY = "weightDecay";

  /** The number of epochs planned (all stages of a track together). */
  public static final String EPOCHS = "epochs";

  /** The method's registry name (training trials). */
  public static final String OPTIMIZER = "optimizer";

  /** A track's stages, such as {@code SGD(50) > TR(100) > SGD(50)}. */
  public static final String STAGES = "stages";

  /** An interpolation trial's pair of methods, in words. */
  public static final String PAIR = "pair";

  /** The first method of an interpolation trial. */
  public static final String METHOD_A = "methodA";

  /** The second method of an interpolation trial. */
  public static final String METHOD_B = "methodB";

  private ParameterKeys() {}
}
