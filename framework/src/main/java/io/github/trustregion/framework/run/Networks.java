package io.github.trustregion.framework.run;

import io.github.trustregion.framework.custom.CustomRunContext.Evaluation;
import io.github.trustregion.framework.result.AtomicFiles;
import io.github.trustregion.optimizers.backend.OneDnnLayerHelpers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

/**
 * The operations the harness needs on a DL4J network, for {@code MultiLayerNetwork} and {@code
 * ComputationGraph} alike: evaluation, a parameter checksum, saving and loading.
 */
public final class Networks {

  /** The number of examples evaluated per forward pass. */
  static final int EVALUATION_CHUNK = 1024;

  private Networks() {}

  /**
   * Checks that {@code model} is a network the harness can train.
   *
   * @throws IllegalArgumentException naming the class otherwise
   */
  public static Model requireSupported(Model model, String source) {
    if (!(model instanceof MultiLayerNetwork) && !(model instanceof ComputationGraph)) {
      throw new IllegalArgumentException(
          source
              + " returned a "
              + (model == null ? "null" : model.getClass().getName())
              + "; return a MultiLayerNetwork or a ComputationGraph.");
    }
    return model;
  }

  /**
   * Evaluates a network in evaluation mode: the mean loss of its output layer over the examples
   * (weighted by chunk sizes) and the accuracy (arg-max of the output equals arg-max of the one-hot
   * label). Chunks of {@value #EVALUATION_CHUNK} examples bound the memory.
   */
  public static Evaluation evaluate(Model model, DataSet data) {
    int n = data.numExamples();
    double lossSum = 0;
    long correct = 0;
    for (int start = 0; start < n; start += EVALUATION_CHUNK) {
      int end = Math.min(n, start + EVALUATION_CHUNK);
      DataSet chunk = n <= EVALUATION_CHUNK ? data : slice(data, start, end);
      double loss;
      INDArray output;
      if (model instanceof MultiLayerNetwork net) {
        loss = net.score(chunk, false);
        output = net.output(chunk.getFeatures(), false);
      } else {
        ComputationGraph graph = (ComputationGraph) model;
        loss = graph.score(chunk, false);
        output = graph.outputSingle(false, chunk.getFeatures());
      }
      lossSum += loss * (end - start);
      INDArray predicted = output.argMax(1);
      INDArray actual = chunk.getLabels().argMax(1);
      correct +=
          predicted
              .eq(actual)
              .castTo(org.nd4j.linalg.api.buffer.DataType.INT64)
              .sumNumber()
              .longValue();
    }
    return new Evaluation(lossSum / n, (double) correct / n);
  }

  /** Returns examples [start, end) of a data set as a new data set. */
  static DataSet slice(DataSet data, int start, int end) {
    int[] rows = new int[end - start];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = start + i;
    }
    return gather(data, rows);
  }

  /**
   * Returns the examples {@code rows} of a data set, in that order, as a new data set (features,
   * labels and any masks). Equivalent to {@code DataSet.get(int[])} but with one native gather per
   * array ({@code Nd4j.pullRows} on the array viewed as [examples, rest]), which is tens of times
   * faster for minibatches.
   */
  public static DataSet gather(DataSet data, int[] rows) {
    return new DataSet(
        gather(data.getFeatures(), rows),
        gather(data.getLabels(), rows),
        gather(data.getFeaturesMaskArray(), rows),
        gather(data.getLabelsMaskArray(), rows));
  }

  private static INDArray gather(INDArray array, int[] rows) {
    if (array == null) {
      return null;
    }
    long[] shape = array.shape();
    INDArray contiguous = array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
    INDArray flat =
        array.rank() == 2
            ? contiguous
            : contiguous.reshape('c', shape[0], array.length() / shape[0]);
    INDArray pulled = org.nd4j.linalg.factory.Nd4j.pullRows(flat, 1, rows);
    if (array.rank() == 2) {
      return pulled;
    }
    long[] target = shape.clone();
    target[0] = rows.length;
    return pulled.reshape('c', target);
  }

  /**
   * Returns a checksum of a network's parameters: the first 16 hex digits of SHA-256 over their
   * values as IEEE doubles, in order. Equal for equal parameters, so trials can show that every
   * method started from the same point.
   */
  public static String checksum(INDArray parameters) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      double[] values = parameters.toDoubleVector();
      byte[] buffer = new byte[8];
      for (double v : values) {
        long bits = Double.doubleToLongBits(v);
        for (int i = 0; i < 8; i++) {
          buffer[i] = (byte) (bits >>> (8 * i));
        }
        digest.update(buffer);
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM.", e);
    }
  }

  /**
   * Saves a network (without updater state) with DL4J's {@code ModelSerializer}, atomically (with
   * {@link AtomicFiles}).
   */
  public static void save(Model model, Path file) {
    try {
      AtomicFiles.write(
          file, temporary -> ModelSerializer.writeModel(model, temporary.toFile(), false));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot save the network to " + file + ".", e);
    }
  }

  /**
   * Gives the network's plain convolution and pooling layers DL4J's oneDNN helpers when the ND4J
   * native build has oneDNN (see {@link OneDnnLayerHelpers}; DL4J 1.0.0-M2.1 never does it).
   *
   * @return the number of layers that now have a helper
   */
  public static int installOneDnnHelpers(Model model) {
    return model instanceof MultiLayerNetwork net
        ? OneDnnLayerHelpers.install(net)
        : OneDnnLayerHelpers.install((ComputationGraph) model);
  }

  /**
   * Loads a network saved by {@link #save}, as a {@code MultiLayerNetwork} or a {@code
   * ComputationGraph} according to its stored configuration, with oneDNN helpers as {@link
   * #installOneDnnHelpers} gives them.
   *
   * @throws IllegalStateException naming the file when it is missing or unreadable
   */
  public static Model load(Path file) {
    if (!java.nio.file.Files.isRegularFile(file)) {
      throw new IllegalStateException(
          "No saved network at "
              + file
              + "; run the trial that "
              + "saves it first (results of killed runs may lack it: delete its result file to rerun).");
    }
    try {
      Model model =
          isGraph(file)
              ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
              : ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
      installOneDnnHelpers(model);
      return model;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the saved network "
              + file
              + ": "
              + e.getMessage()
              + "; delete it and the trial's result file to recompute it.",
          e);
    }
  }

  private static boolean isGraph(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      var entry = zip.getEntry("configuration.json");
      if (entry == null) {
        throw new IOException("no configuration.json inside");
      }
      String json = new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
      return json.contains("\"vertices\"");
    }
  }
}
