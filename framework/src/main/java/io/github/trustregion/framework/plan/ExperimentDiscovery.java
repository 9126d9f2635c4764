package io.github.trustregion.framework.plan;

import io.github.trustregion.framework.annotation.Experiment;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Finds experiment classes: concrete classes annotated with {@code @Experiment} (directly or
 * through a preset). Classes are loaded without being initialized, so nothing in them runs and ND4J
 * is not touched.
 */
public final class ExperimentDiscovery {

  private ExperimentDiscovery() {}

  /** Returns whether a class is an experiment that discovery would find. */
  public static boolean isExperiment(Class<?> type) {
    return !type.isInterface()
        && !type.isAnnotation()
        && !Modifier.isAbstract(type.getModifiers())
        && AnnotationSupport.isAnnotated(type, Experiment.class);
  }

  /** Returns the experiment classes in a package and its sub-packages, sorted by name. */
  public static List<Class<?>> inPackage(String packageName) {
    return sorted(
        ReflectionSupport.findAllClassesInPackage(
            packageName, ExperimentDiscovery::isExperiment, name -> true));
  }

  /**
   * Returns the experiment classes under a class-path root (a directory or jar), sorted by name.
   */
  public static List<Class<?>> inClasspathRoot(URI root) {
    return sorted(
        ReflectionSupport.findAllClassesInClasspathRoot(
            root, ExperimentDiscovery::isExperiment, name -> true));
  }

  /** Returns the experiment classes in a package whose names pass {@code nameFilter}. */
  public static List<Class<?>> inPackage(String packageName, Predicate<String> nameFilter) {
    return sorted(
        ReflectionSupport.findAllClassesInPackage(
            packageName, ExperimentDiscovery::isExperiment, nameFilter));
  }

  private static List<Class<?>> sorted(List<Class<?>> classes) {
    return classes.stream().sorted(Comparator.comparing(Class::getName)).toList();
  }
}
