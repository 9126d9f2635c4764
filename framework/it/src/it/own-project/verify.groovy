// Checks what the integration test's builds left behind (run by maven-invoker-plugin with basedir
// bound to this project's copy under target/it).
import groovy.json.JsonSlurper

def target = new File(basedir, 'target')
def fail = { String message -> throw new AssertionError(message) }

// The result files: the manifest and 3 methods x 2 repeats of completed training trials.
def experiment = new File(target, 'experiment-results/tiny-mlp')
if (!new File(experiment, 'manifest.json').isFile()) {
  fail("No manifest.json in ${experiment}: the experiment did not run.")
}
def trialFiles = (new File(experiment, 'trials').listFiles() ?: []).findAll { it.name.endsWith('.json') }
def trials = trialFiles.collect { new JsonSlurper().parse(it) }
if (trials.size() != 6) {
  fail("Expected 6 trial files (SGD, TR and SignSGD, 2 repeats each) in ${experiment}/trials, found ${trialFiles*.name}.")
}
trials.each { trial ->
  if (trial.status != 'COMPLETED') {
    fail("Trial ${trial.trialId} ended ${trial.status}: ${trial.message}")
  }
  if (trial.epochs.size() != 2) {
    fail("Trial ${trial.trialId} recorded ${trial.epochs.size()} epochs, expected the smoke scale's 2.")
  }
  def accuracy = trial.metrics.finalTestAccuracy
  if (!(accuracy instanceof Number) || accuracy < 0 || accuracy > 1) {
    fail("Trial ${trial.trialId} has finalTestAccuracy ${accuracy}, expected a fraction.")
  }
}
def methods = trials.collect { it.trialId.split('__')[1] } as Set
if (methods != ['SGD', 'TR', 'SignSGD'] as Set) {
  fail("Expected trials of SGD, TR and SignSGD, found ${methods}.")
}

// The Allure results: one passed result per trial, and the run's description from AllureCli.
def allure = new File(target, 'allure-results')
def allureResults = (allure.listFiles() ?: []).findAll { it.name.endsWith('-result.json') }
        .collect { new JsonSlurper().parse(it) }
def trialResults = allureResults.findAll { r -> trials.any { it.trialId == r.name || r.fullName?.endsWith(it.trialId) } }
if (trialResults.size() < 6) {
  fail("Expected an Allure result per trial in ${allure}, found ${allureResults*.name}.")
}
def notPassed = trialResults.findAll { it.status != 'passed' }
if (!notPassed.isEmpty()) {
  fail("Allure results not passed: ${notPassed*.name}.")
}
['environment.properties', 'executor.json', 'categories.json'].each {
  if (!new File(allure, it).isFile()) {
    fail("AllureCli did not write ${it} into ${allure}.")
  }
}

// The rendered report names the experiment and both methods.
def report = new File(target, 'html-report/report.html')
if (!report.isFile()) {
  fail("ReportCli did not render ${report}.")
}
def html = report.getText('UTF-8')
['tiny-mlp', 'SGD', 'TR', 'SignSGD'].each {
  if (!html.contains(it)) {
    fail("${report} does not mention ${it}.")
  }
}
['summary.json', 'summary.csv', 'comparisons.csv'].each {
  if (!new File(target, "html-report/${it}").isFile()) {
    fail("ReportCli did not write html-report/${it}.")
  }
}

// The gate blessed the run and passed it against its own baselines.
if (!(new File(target, 'baselines').listFiles() ?: []).any { it.name.endsWith('.json') }) {
  fail("The gate wrote no baseline into ${target}/baselines.")
}
if (!new File(target, 'gate.md').isFile()) {
  fail("The gate check wrote no ${target}/gate.md.")
}
return true
