package io.github.trustregion.framework.method;

import io.github.trustregion.optimizers.TrainingMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The training methods known by name: every {@link MethodProvider} found by {@link ServiceLoader}
 * (the built-ins {@code SGD}, {@code Momentum}, {@code Adam}, {@code TR}, {@code TR-code} and
 * {@code Hybrid}, and any that users register). Immutable and thread-safe.
 */
public final class MethodRegistry {

  private final Map<String, MethodProvider> providers;

  /** Creates a registry of the given providers; names must be unique. */
  public MethodRegistry(Collection<? extends MethodProvider> providers) {
    Map<String, MethodProvider> byName = new TreeMap<>();
    for (MethodProvider provider : providers) {
      MethodProvider previous = byName.putIfAbsent(provider.name(), provider);
      if (previous != null) {
        throw new IllegalStateException(
            "Two method providers are named '"
                + provider.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + provider.getClass().getName()
                + "; remove one from META-INF/services/"
                + MethodProvider.class.getName()
                + ".");
      }
    }
    this.providers = Map.copyOf(byName);
  }

  /** Returns the registry of every provider on the class path of {@code classLoader}. */
  public static MethodRegistry load(ClassLoader classLoader) {
    List<MethodProvider> found = new ArrayList<>();
    ServiceLoader.load(MethodProvider.class, classLoader).forEach(found::add);
    return new MethodRegistry(found);
  }

  /** Returns the registry of every provider visible to this class's class loader. */
  public static MethodRegistry standard() {
    return load(MethodRegistry.class.getClassLoader());
  }

  /** Returns the known method names, sorted. */
  public List<String> names() {
    return providers.keySet().stream().sorted().toList();
  }

  /** Returns the provider of a method, if known. */
  public Optional<MethodProvider> find(String name) {
    return Optional.ofNullable(providers.get(name));
  }

  /**
   * Checks a method name and its {@code "key=value"} settings; returns every problem, each a
   * sentence that lists what is known (empty when all is valid). When every value is valid on its
   * own, the method is also created once, so that inconsistent combinations (a maximum radius below
   * the initial one) are found before anything runs.
   */
  public List<String> problems(String method, List<String> settings) {
    MethodProvider provider = providers.get(method);
    if (provider == null) {
      return List.of(
          "the method '"
              + method
              + "' is unknown; known methods: "
              + names()
              + " (add one by implementing "
              + MethodProvider.class.getName()
              + ")");
    }
    List<String> problems = new ArrayList<>();
    Map<String, SettingSpec> specs = specs(provider);
    Map<String, String> seen = new LinkedHashMap<>();
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      if (eq <= 0) {
        problems.add("the setting '" + setting + "' is not of the form key=value");
        continue;
      }
      String key = setting.substring(0, eq).trim();
      String value = setting.substring(eq + 1).trim();
      SettingSpec spec = specs.get(key);
      if (spec == null) {
        problems.add(
            "the method "
                + method
                + " has no setting '"
                + key
                + "'; its settings are: "
                + specs.values().stream()
                    .map(SettingSpec::describe)
                    .collect(Collectors.joining("; ")));
      } else if (seen.put(key, value) != null) {
        problems.add("the setting '" + key + "' is given twice");
      } else {
        spec.problem(value)
            .ifPresent(
                p ->
                    problems.add(
                        "the setting " + method + "." + key + "=" + value + " is invalid: " + p));
      }
    }
    if (problems.isEmpty()) {
      try {
        provider.create(resolveValid(provider, settings));
      } catch (IllegalArgumentException e) {
        problems.add("the settings of " + method + " are inconsistent: " + e.getMessage());
      }
    }
    return problems;
  }

  /**
   * Returns the problems of a method with valid settings at one batch size (such as a Hessian
   * sub-sampling fraction that leaves too few examples), each naming the method, the setting and
   * the batch size; empty when there are none or when {@link #problems} already finds some.
   */
  public List<String> problemsAtBatchSize(String method, List<String> settings, int batchSize) {
    if (!problems(method, settings).isEmpty()) {
      return List.of();
    }
    return providers
        .get(method)
        .problemAtBatchSize(resolveValid(providers.get(method), settings), batchSize)
        .map(
            problem ->
                List.of(
                    "the method "
                        + method
                        + " cannot run at batch size "
                        + batchSize
                        + ": "
                        + problem))
        .orElse(List.of());
  }

  private static Map<String, String> resolveValid(MethodProvider provider, List<String> settings) {
    Map<String, String> resolved = new LinkedHashMap<>();
    for (SettingSpec spec : provider.settings()) {
      resolved.put(spec.name(), spec.defaultValue());
    }
    for (String setting : settings) {
      int eq = setting.indexOf('=');
      resolved.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
    }
    return resolved;
  }

  /**
   * Returns the complete settings: the method's defaults replaced by the given {@code "key=value"}
   * strings, in the order the method declares them.
   *
   * @throws IllegalArgumentException with every problem when {@link #problems} finds any
   */
  public Map<String, String> resolveSettings(String method, List<String> settings) {
    List<String> problems = problems(method, settings);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems) + ".");
    }
    return resolveValid(providers.get(method), settings);
  }

  /**
   * Creates a method from its name and {@code "key=value"} settings.
   *
   * @throws IllegalArgumentException with every problem when the name or a setting is invalid
   */
  public TrainingMethod create(String method, List<String> settings) {
    return providers.get(method) == null
        ? throwUnknown(method)
        : providers.get(method).create(resolveSettings(method, settings));
  }

  private TrainingMethod throwUnknown(String method) {
    throw new IllegalArgumentException(String.join("; ", problems(method, List.of())) + ".");
  }

  private static Map<String, SettingSpec> specs(MethodProvider provider) {
    Map<String, SettingSpec> specs = new LinkedHashMap<>();
    for (SettingSpec spec : provider.settings()) {
      specs.put(spec.name(), spec);
    }
    return specs;
  }
}
