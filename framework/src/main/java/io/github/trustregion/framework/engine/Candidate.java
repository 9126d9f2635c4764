package io.github.trustregion.framework.engine;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * An experiment class or one of its trials as discovery selects it, before any class is planned.
 *
 * <p>The selector resolvers ({@link ExperimentSelectorResolver}) build a tree of candidates with
 * the unique ids of the final descriptors; the engine then plans the candidate classes together and
 * builds the {@link ExperimentDescriptor}s and {@link TrialDescriptor}s from them. An experiment
 * candidate selects every trial of its plan once a selector chose the whole class, and otherwise
 * only the trials of its trial candidates.
 */
final class Candidate extends AbstractTestDescriptor {

  private final Class<?> type;
  private final boolean trial;
  private boolean allTrials;

  private Candidate(UniqueId uniqueId, Class<?> type, boolean trial) {
    super(uniqueId, uniqueId.getLastSegment().getValue());
    this.type = type;
    this.trial = trial;
  }

  /**
   * Returns the candidate of {@code type} among the children of {@code parent}, or a new one (not
   * yet added) with the unique id {@code [experiment:<class name>]} under the parent's.
   */
  static Candidate experiment(TestDescriptor parent, Class<?> type) {
    UniqueId id = parent.getUniqueId().append(ExperimentDescriptor.SEGMENT, type.getName());
    return parent.getChildren().stream()
        .filter(c -> c.getUniqueId().equals(id))
        .map(Candidate.class::cast)
        .findFirst()
        .orElseGet(() -> new Candidate(id, type, false));
  }

  /** Returns the candidate of the trial {@code trialId} of this experiment, adding it if new. */
  Candidate trial(String trialId) {
    UniqueId id = getUniqueId().append(TrialDescriptor.SEGMENT, trialId);
    Optional<Candidate> known =
        getChildren().stream()
            .filter(c -> c.getUniqueId().equals(id))
            .map(Candidate.class::cast)
            .findFirst();
    if (known.isPresent()) {
      return known.get();
    }
    Candidate candidate = new Candidate(id, type, true);
    addChild(candidate);
    return candidate;
  }

  /** Selects every trial of the experiment, whichever trials were selected one by one. */
  void selectAllTrials() {
    allTrials = true;
  }

  /** Returns the experiment class. */
  Class<?> experimentClass() {
    return type;
  }

  /** Returns whether the experiment's trial with this id is selected. */
  boolean selectsTrial(String trialId) {
    return allTrials || selectedTrials().contains(trialId);
  }

  private Set<String> selectedTrials() {
    Set<String> ids = new LinkedHashSet<>();
    getChildren().forEach(c -> ids.add(c.getUniqueId().getLastSegment().getValue()));
    return ids;
  }

  @Override
  public Type getType() {
    return trial ? Type.TEST : Type.CONTAINER;
  }
}
