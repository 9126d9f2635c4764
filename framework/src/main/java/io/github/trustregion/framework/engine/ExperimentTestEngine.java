package io.github.trustregion.framework.engine;

import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.ExperimentValidationException;
import io.github.trustregion.framework.plan.PlanSelection;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.plan.ValidationProblem;
import io.github.trustregion.framework.result.TrialResult;
import io.github.trustregion.framework.run.BackendCheck;
import io.github.trustregion.framework.run.ExperimentRunner;
import io.github.trustregion.framework.run.Shard;
import io.github.trustregion.framework.run.TrialListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The JUnit Platform engine that runs experiments: each experiment class is a container, each trial
 * a test whose unique id ends with {@code [trial:<trialId>]}.
 *
 * <p><b>Activation.</b> The engine discovers nothing unless the configuration parameter (or system
 * property) {@value #ENABLED} is {@code true}, so that a normal {@code mvn verify}, which puts it
 * on the test class path, runs no experiment; the {@code experiments} Maven profile sets it.
 *
 * <p><b>Discovery.</b> Experiment classes come from the request's class, package, class-path-root,
 * unique-id and method selectors (other classes are ignored: they belong to other engines), and
 * from the packages listed, comma-separated, in the parameter {@value #PACKAGES} (Surefire and
 * Failsafe only select test classes, while experiments usually live in main sources); a request
 * that selects only by unique id (re-running one experiment or trial, as IDEs do) gets exactly
 * those, without the packages of {@value #PACKAGES}. A method selector naming an experiment class
 * and a trial id, as test reports name a trial, selects that trial. The selectors are resolved
 * through the platform's {@link
 * org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver} ({@link
 * ExperimentSelectorResolver}); the classes found are then planned and selected together ({@link
 * PlanSelection}), as the command line does. Class-name and package-name filters apply; {@code
 * experiments.filter} selects by experiment id (as declared, so that an invalid experiment is
 * selected too) or class name. Options ({@code experiments.scale}, {@code experiments.repeats},
 * {@code experiments.results}, {@code allure.results.directory}) are read from the configuration
 * parameters, which fall back to system properties ({@link ExperimentOptions}).
 *
 * <p><b>Execution.</b> Every discovered experiment is validated before the first trial runs; if any
 * is invalid, each invalid experiment fails with all its problems and the valid ones are skipped,
 * so nothing runs. An experiment that exists only at other scales (declared with
 * {@code @Experiment(scales = ...)}) is neither planned nor a failure: its container has no trials
 * and is reported skipped, with the scales at which it exists as the reason. Otherwise trials run
 * through {@link ExperimentRunner}, the same path as the command line: a completed trial is
 * successful; a trial kept from a previous run is successful with the report entry {@code
 * resumed=true}; a diverged trial is <em>aborted</em> ({@link TrialDivergedException}: a recorded
 * outcome, not a build failure); a failed trial fails ({@link TrialFailedException}). Every trial
 * publishes a report entry with its status and result file. Before the first trial the ND4J backend
 * is checked ({@link BackendCheck}): when it cannot start (such as nd4j-cuda without the CUDA
 * driver), every experiment fails with one message saying what is missing and nothing is written; a
 * results directory in use by another run fails them alike.
 */
public final class ExperimentTestEngine implements TestEngine {

  /** The engine id. */
  public static final String ENGINE_ID = "trust-region-experiments";

  /** The parameter that activates the engine. */
  public static final String ENABLED = "experiments.enabled";

  /** The parameter listing packages to scan for experiments, comma-separated. */
  public static final String PACKAGES = "experiments.packages";

  private final BackendCheck backendCheck;

  /** Creates the engine (the JUnit Platform finds it through {@code META-INF/services}). */
  public ExperimentTestEngine() {
    this(BackendCheck.nd4j());
  }

  /** Creates an engine that checks the ND4J backend with {@code backendCheck} before any trial. */
  ExperimentTestEngine(BackendCheck backendCheck) {
    this.backendCheck = backendCheck;
  }

  @Override
  public String getId() {
    return ENGINE_ID;
  }

  @Override
  public Optional<String> getGroupId() {
    return Optional.of("io.github.trustregion");
  }

  @Override
  public Optional<String> getArtifactId() {
    return Optional.of("framework");
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    EngineDescriptor engine = new EngineDescriptor(uniqueId, "Trust-region experiments");
    ConfigurationParameters parameters = request.getConfigurationParameters();
    if (!parameters.getBoolean(ENABLED).orElse(false)) {
      return engine;
    }
    ExperimentOptions options = ExperimentOptions.from(parameters::get);
    Shard shard = shard(parameters::get);
    EngineDescriptor candidates = new EngineDescriptor(uniqueId, "Selected experiment classes");
    ExperimentSelectorResolver.resolver()
        .resolve(ExperimentSelectorResolver.withConfiguredPackages(request), candidates);
    Map<Class<?>, Candidate> byClass = new LinkedHashMap<>();
    for (TestDescriptor child : candidates.getChildren()) {
      Candidate candidate = (Candidate) child;
      byClass.putIfAbsent(candidate.experimentClass(), candidate);
    }
    ExperimentPlanner planner =
        new ExperimentPlanner(
            MethodRegistry.load(Thread.currentThread().getContextClassLoader()), options);
    PlanSelection selection = PlanSelection.of(planner, byClass.keySet());
    for (ExperimentPlanner.PlanOutcome outcome : selection.outcomes()) {
      Class<?> type = outcome.type();
      Candidate candidate = byClass.get(type);
      List<ValidationProblem> problems = selection.problemsOf(type);
      Optional<String> notDeclared =
          problems.isEmpty() && !outcome.declaredAtScale()
              ? Optional.of(notDeclaredReason(outcome))
              : Optional.empty();
      ExperimentDescriptor experiment =
          new ExperimentDescriptor(
              candidate.getUniqueId(),
              type,
              problems.isEmpty() ? outcome.plan() : Optional.empty(),
              problems,
              notDeclared);
      experiment
          .plan()
          .ifPresent(
              plan -> {
                for (TrialSpec trial : plan.trials()) {
                  if (candidate.selectsTrial(trial.trialId()) && shard.contains(trial.trialId())) {
                    experiment.addChild(
                        new TrialDescriptor(
                            experiment
                                .getUniqueId()
                                .append(TrialDescriptor.SEGMENT, trial.trialId()),
                            trial,
                            type));
                  }
                }
              });
      engine.addChild(experiment);
    }
    return engine;
  }

  /**
   * Returns the shard that the parameter {@value ExperimentOptions#SHARD} names, or the whole plan.
   *
   * @throws IllegalArgumentException naming the parameter when its value is not K/N
   */
  static Shard shard(Function<String, Optional<String>> parameters) {
    Optional<String> text = parameters.apply(ExperimentOptions.SHARD).filter(t -> !t.isBlank());
    if (text.isEmpty()) {
      return Shard.ALL;
    }
    try {
      return Shard.parse(text.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "-D" + ExperimentOptions.SHARD + "=" + text.get() + ": " + e.getMessage(), e);
    }
  }

  private static String notDeclaredReason(ExperimentPlanner.PlanOutcome outcome) {
    return "Not declared at scale "
        + outcome.scale().id()
        + ": "
        + outcome.experimentId()
        + " exists only at scale(s) "
        + outcome.scalesText()
        + " (@Experiment(scales = ...)).";
  }

  @Override
  public void execute(ExecutionRequest request) {
    TestDescriptor root = request.getRootTestDescriptor();
    EngineExecutionListener listener = request.getEngineExecutionListener();
    listener.executionStarted(root);
    List<ExperimentDescriptor> experiments =
        root.getChildren().stream()
            .filter(ExperimentDescriptor.class::isInstance)
            .map(ExperimentDescriptor.class::cast)
            .toList();
    if (experiments.isEmpty()) {
      listener.executionFinished(root, TestExecutionResult.successful());
      return;
    }
    experiments.stream()
        .filter(e -> e.notDeclared().isPresent())
        .forEach(e -> listener.executionSkipped(e, e.notDeclared().orElseThrow()));
    experiments = experiments.stream().filter(e -> e.notDeclared().isEmpty()).toList();
    List<ValidationProblem> problems =
        experiments.stream().flatMap(e -> e.problems().stream()).toList();
    if (!problems.isEmpty()) {
      for (ExperimentDescriptor experiment : experiments) {
        if (experiment.problems().isEmpty()) {
          listener.executionSkipped(
              experiment,
              "Not run: "
                  + problems.size()
                  + " problem(s) in other experiment declarations must be fixed first.");
        } else {
          listener.executionStarted(experiment);
          listener.executionFinished(
              experiment,
              TestExecutionResult.failed(new ExperimentValidationException(experiment.problems())));
        }
      }
      listener.executionFinished(root, TestExecutionResult.successful());
      return;
    }
    if (experiments.isEmpty()) {
      listener.executionFinished(root, TestExecutionResult.successful());
      return;
    }
    ExperimentOptions options = ExperimentOptions.from(request.getConfigurationParameters()::get);
    MethodRegistry registry = MethodRegistry.load(Thread.currentThread().getContextClassLoader());
    List<ExperimentPlan> plans = new ArrayList<>();
    Map<String, ExperimentDescriptor> byId = new LinkedHashMap<>();
    Set<String> kept = new LinkedHashSet<>();
    for (ExperimentDescriptor experiment : experiments) {
      ExperimentPlan plan = experiment.plan().orElseThrow();
      experiment.getChildren().forEach(c -> kept.add(((TrialDescriptor) c).trial().trialId()));
      plans.add(plan);
      byId.put(plan.experimentId(), experiment);
    }
    Events events = new Events(listener, byId);
    try {
      new ExperimentRunner(
              registry,
              options,
              backendCheck,
              ExperimentRunner.Sharing.of(shard(request.getConfigurationParameters()::get)))
          .run(plans, t -> kept.contains(t.trialId()), events);
    } catch (RuntimeException e) {
      events.abandon(e);
    }
    listener.executionFinished(root, TestExecutionResult.successful());
  }

  /** Turns the runner's callbacks into JUnit events. */
  private static final class Events implements TrialListener {
    private final EngineExecutionListener listener;
    private final Map<String, ExperimentDescriptor> experiments;
    private final Set<TestDescriptor> open = new LinkedHashSet<>();
    private final Set<TestDescriptor> done = new LinkedHashSet<>();

    Events(EngineExecutionListener listener, Map<String, ExperimentDescriptor> experiments) {
      this.listener = listener;
      this.experiments = experiments;
    }

    @Override
    public void experimentStarted(ExperimentPlan plan) {
      start(experiments.get(plan.experimentId()));
    }

    @Override
    public void trialStarted(ExperimentPlan plan, TrialSpec trial) {
      start(descriptor(plan, trial));
    }

    @Override
    public void trialFinished(
        ExperimentPlan plan, TrialSpec trial, TrialResult result, boolean resumed) {
      TestDescriptor descriptor = descriptor(plan, trial);
      if (!open.contains(descriptor)) {
        start(descriptor);
      }
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("status", result.status().name());
      entry.put("resumed", Boolean.toString(resumed));
      entry.put("runId", result.environment().getOrDefault("runId", ""));
      result.metrics().forEach((k, v) -> entry.put(k, Double.toString(v)));
      listener.reportingEntryPublished(descriptor, ReportEntry.from(entry));
      TestExecutionResult outcome =
          switch (result.status()) {
            case COMPLETED -> TestExecutionResult.successful();
            case DIVERGED ->
                TestExecutionResult.aborted(
                    new TrialDivergedException("DIVERGED: " + result.message()));
            case FAILED -> TestExecutionResult.failed(new TrialFailedException(result.message()));
          };
      finish(descriptor, outcome);
    }

    @Override
    public void experimentFinished(ExperimentPlan plan) {
      finish(experiments.get(plan.experimentId()), TestExecutionResult.successful());
    }

    private TestDescriptor descriptor(ExperimentPlan plan, TrialSpec trial) {
      ExperimentDescriptor experiment = experiments.get(plan.experimentId());
      return experiment.getChildren().stream()
          .filter(c -> ((TrialDescriptor) c).trial().trialId().equals(trial.trialId()))
          .findFirst()
          .orElseThrow();
    }

    private void start(TestDescriptor descriptor) {
      listener.executionStarted(descriptor);
      open.add(descriptor);
    }

    private void finish(TestDescriptor descriptor, TestExecutionResult result) {
      open.remove(descriptor);
      done.add(descriptor);
      listener.executionFinished(descriptor, result);
    }

    /** Ends every started descriptor as failed and skips the rest after the runner threw. */
    void abandon(RuntimeException e) {
      List<TestDescriptor> started = new ArrayList<>(open);
      java.util.Collections.reverse(started);
      for (TestDescriptor descriptor : started) {
        finish(descriptor, TestExecutionResult.failed(e));
      }
      for (ExperimentDescriptor experiment : experiments.values()) {
        if (!done.contains(experiment)) {
          listener.executionStarted(experiment);
          listener.executionFinished(experiment, TestExecutionResult.failed(e));
        }
      }
    }
  }
}
