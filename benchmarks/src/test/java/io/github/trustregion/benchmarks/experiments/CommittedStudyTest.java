package io.github.trustregion.benchmarks.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.method.MethodRegistry;
import io.github.trustregion.framework.plan.ExperimentDiscovery;
import io.github.trustregion.framework.plan.ExperimentOptions;
import io.github.trustregion.framework.plan.ExperimentPlan;
import io.github.trustregion.framework.plan.ExperimentPlanner;
import io.github.trustregion.framework.plan.TrialSpec;
import io.github.trustregion.framework.result.ResultFiles;
import io.github.trustregion.framework.run.ResumeCheck;
import io.github.trustregion.reports.analysis.claims.ClaimEvaluator;
import io.github.trustregion.reports.html.ReportWriter;
import io.github.trustregion.reports.load.LoadedExperiment;
import io.github.trustregion.reports.load.ResultsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The committed study ({@code benchmarks/results/study}) and the README's "What the study found"
 * agree: while a resumed run of the study would train a trial (no result, a failed one, or one that
 * no longer matches the plan) the README shows no claims table; once it would train nothing, the
 * README's table is the claims table of those results, from manifests that declare the claims the
 * experiments declare now.
 */
class CommittedStudyTest {

  /** The repository root (Surefire sets basedir to the module). */
  private static final Path REPOSITORY =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();

  private static final Path STUDY = REPOSITORY.resolve("benchmarks/results/study");

  /** The README's markers around the generated claims table. */
  static final String BEGIN = "<!-- study-claims:begin -->";

  static final String END = "<!-- study-claims:end -->";

  /** The level the report tests claims at by default. */
  private static final double ALPHA = 0.05;

  @Test
  void theReadmesClaimsTableIsTheCommittedStudysOnceResumingItWouldTrainNothing()
      throws IOException {
    ExperimentPlanner planner =
        new ExperimentPlanner(MethodRegistry.standard(), ExperimentOptions.defaults(Scale.STUDY));
    List<ExperimentPlan> plans =
        ExperimentDiscovery.inPackage(LargeBatchGeneralization.class.getPackageName()).stream()
            .map(planner::plan)
            .filter(o -> o.problems().isEmpty())
            .flatMap(o -> o.plan().stream())
            .toList();
    assertThat(plans).extracting(ExperimentPlan::experimentId).contains("e3-large-batch");
    List<LoadedExperiment> experiments =
        Files.isDirectory(STUDY) ? ResultsLoader.loadAll(STUDY).experiments() : List.of();
    Map<String, LoadedExperiment> loaded =
        experiments.stream().collect(Collectors.toMap(LoadedExperiment::id, Function.identity()));
    ResumeCheck resume = new ResumeCheck(MethodRegistry.standard(), new ResultFiles(STUDY));
    List<String> missing = new ArrayList<>();
    for (ExperimentPlan plan : plans) {
      for (TrialSpec trial : plan.trials()) {
        if (!Files.isDirectory(STUDY) || !resume.decide(plan, trial).finished()) {
          missing.add(trial.trialId());
        }
      }
    }
    Optional<String> table = generatedBlock(Files.readString(REPOSITORY.resolve("README.md")));

    if (!missing.isEmpty()) {
      assertThat(table)
          .as(
              "README.md shows the study's claims table, but "
                  + missing.size()
                  + " planned trial(s) of the study would train on resuming "
                  + STUDY
                  + ", such as "
                  + missing.get(0))
          .isEmpty();
      return;
    }
    for (ExperimentPlan plan : plans) {
      assertThat(loaded.get(plan.experimentId()).manifest().claims())
          .as(
              plan.experimentId()
                  + ": the committed manifest's claims; run the study command again to rewrite it")
          .isEqualTo(plan.manifest().claims());
    }
    String expected =
        ReportWriter.claimsMarkdown(new ClaimEvaluator(ALPHA).evaluate(experiments), ALPHA);
    assertThat(table)
        .as("README.md's claims table between " + BEGIN + " and " + END)
        .hasValueSatisfying(t -> assertThat(t.strip()).isEqualTo(expected.strip()));
  }

  private static Optional<String> generatedBlock(String readme) {
    int begin = readme.indexOf(BEGIN);
    int end = readme.indexOf(END);
    if (begin < 0 || end < begin) {
      return Optional.empty();
    }
    return Optional.of(readme.substring(begin + BEGIN.length(), end));
  }
}
