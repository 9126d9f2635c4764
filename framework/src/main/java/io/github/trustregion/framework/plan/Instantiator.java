package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.custom.CustomTrials;
import io.github.trustregion.framework.workload.Workload;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Creates the instances an experiment declaration names (its workload, the experiment itself when
 * it plans custom trials) through their public no-argument constructors.
 *
 * <p>A class that cannot be instantiated is reported, naming it and saying how to fix it, instead
 * of thrown; so is a workload whose {@link Workload#requirements} throw.
 */
final class Instantiator {

  private final Problems problems;

  /** Reports to {@code problems}. */
  Instantiator(Problems problems) {
    this.problems = problems;
  }

  /**
   * Returns a new instance of {@code implementation}, or empty after reporting why there is none.
   *
   * @param where the annotation that names the class, for the problem
   * @param role the interface the class implements, named in the problem
   */
  <T> Optional<T> instantiate(Class<? extends T> implementation, String where, Class<T> role) {
    if (implementation.isInterface() || Modifier.isAbstract(implementation.getModifiers())) {
      problems.add(
          where,
          "the "
              + role.getSimpleName()
              + " class "
              + implementation.getName()
              + " is abstract; name a concrete class.");
      return Optional.empty();
    }
    try {
      return Optional.of(implementation.getConstructor().newInstance());
    } catch (NoSuchMethodException e) {
      problems.add(
          where,
          "the "
              + role.getSimpleName()
              + " class "
              + implementation.getName()
              + " has no public no-argument constructor; add one (and make the class public"
              + (implementation.getEnclosingClass() != null ? " and static" : "")
              + ").");
    } catch (InvocationTargetException e) {
      problems.add(
          where,
          "the constructor of "
              + implementation.getName()
              + " threw "
              + e.getCause()
              + "; constructors must not load data or touch ND4J.");
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      problems.add(
          where,
          "cannot instantiate "
              + implementation.getName()
              + ": "
              + e
              + "; make the class and its no-argument constructor public.");
    }
    return Optional.empty();
  }

  /**
   * Returns the workload, after reporting each of its {@link Workload#requirements} at the scale
   * that is not met (such as a missing data set).
   *
   * @param where the annotation that names it, such as {@code @TrainOn(BlobsWorkload.class)}
   */
  Optional<Workload> workload(Class<? extends Workload> type, String where, Scale scale) {
    Optional<Workload> workload = instantiate(type, where, Workload.class);
    if (workload.isPresent()) {
      try {
        for (String requirement : workload.get().requirements(scale)) {
          problems.add(where, requirement);
        }
      } catch (RuntimeException e) {
        problems.add(
            where,
            "the workload's requirements("
                + scale
                + ") threw "
                + e
                + "; it must report problems as a list, not throw.");
      }
    }
    return workload;
  }

  /**
   * Returns the experiment as its own {@link CustomTrials}, when it implements that interface and
   * is concrete (an abstract experiment is reported elsewhere).
   */
  Optional<CustomTrials> customTrials(Class<?> experiment) {
    if (!CustomTrials.class.isAssignableFrom(experiment)
        || experiment.isInterface()
        || Modifier.isAbstract(experiment.getModifiers())) {
      return Optional.empty();
    }
    return instantiate(
        experiment.asSubclass(CustomTrials.class), "@Experiment", CustomTrials.class);
  }
}
