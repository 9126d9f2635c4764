package io.github.trustregion.framework.support;

import io.github.trustregion.framework.annotation.Scale;
import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.Workload;
import io.github.trustregion.framework.workload.WorkloadData;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Two Gaussian blobs in the plane (centres (−1, −1) and (1, 1), unit variance; class = blob) and a
 * 2-8-2 tanh MLP with a softmax output: a workload that trains in milliseconds.
 */
public class BlobsWorkload implements Workload {

  /** How many times {@link #load} ran in this JVM, so tests can see that validation never loads. */
  public static final AtomicInteger LOADS = new AtomicInteger();

  @Override
  public String name() {
    return "blobs";
  }

  @Override
  public String description() {
    return "two Gaussian blobs in 2-D, MLP 2-8-2";
  }

  @Override
  public WorkloadData load(DataRequest request) {
    LOADS.incrementAndGet();
    SplittableRandom random = new SplittableRandom(request.seed());
    DataSet train = blobs(request.trainExamplesOr(256), random);
    if (!request.testSetNeeded()) {
      return WorkloadData.trainingOnly(train);
    }
    return new WorkloadData(train, blobs(request.testExamplesOr(128), random));
  }

  private static DataSet blobs(int n, SplittableRandom random) {
    double[][] features = new double[n][2];
    double[][] labels = new double[n][2];
    for (int i = 0; i < n; i++) {
      int label = i % 2;
      double centre = label == 0 ? -1 : 1;
      features[i][0] = centre + gaussian(random);
      features[i][1] = centre + gaussian(random);
      labels[i][label] = 1;
    }
    return new DataSet(
        Nd4j.create(features).castTo(Nd4j.defaultFloatingPointType()),
        Nd4j.create(labels).castTo(Nd4j.defaultFloatingPointType()));
  }

  private static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  @Override
  public Model buildNetwork(long seed) {
    MultiLayerNetwork network =
        new MultiLayerNetwork(
            new NeuralNetConfiguration.Builder()
                .seed(seed)
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(8).activation(Activation.TANH).build())
                .layer(
                    new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                        .nIn(8)
                        .nOut(2)
                        .activation(Activation.SOFTMAX)
                        .build())
                .build());
    network.init();
    return network;
  }

  /** The workload at scales other than smoke: unavailable, with a message naming the fix. */
  public static final class SmokeOnly extends BlobsWorkload {
    @Override
    public java.util.List<String> requirements(Scale scale) {
      return scale == Scale.SMOKE
          ? java.util.List.of()
          : java.util.List.of(
              "The blob file /nonexistent/blobs.bin is missing; install it with "
                  + "'apt-get install -y dataset-blobs'.");
    }
  }
}
