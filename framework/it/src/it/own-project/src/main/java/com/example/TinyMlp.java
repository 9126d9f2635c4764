package com.example;

import io.github.trustregion.framework.workload.DataRequest;
import io.github.trustregion.framework.workload.Workload;
import io.github.trustregion.framework.workload.WorkloadData;
import java.util.Random;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A workload of one's own: three Gaussian clusters in 8 dimensions, generated from the request's
 * seed (no dataset to install), and an MLP 8-16-3.
 *
 * <p>The constructor, {@link #name()} and {@link #description()} do not touch ND4J: discovery and
 * validation call them before anything runs.
 */
public final class TinyMlp implements Workload {

  private static final int FEATURES = 8;
  private static final int CLASSES = 3;

  /** Creates the workload. */
  public TinyMlp() {}

  @Override
  public String name() {
    return "tiny-mlp";
  }

  @Override
  public String description() {
    return "three Gaussian clusters in 8 dimensions, MLP 8-16-3 with tanh";
  }

  @Override
  public WorkloadData load(DataRequest request) {
    Random random = new Random(request.seed());
    double[][] centres = new double[CLASSES][FEATURES];
    for (double[] centre : centres) {
      for (int j = 0; j < FEATURES; j++) {
        centre[j] = 1.5 * random.nextGaussian();
      }
    }
    return new WorkloadData(
        clusters(request.trainExamplesOr(512), centres, random),
        clusters(request.testExamplesOr(256), centres, random));
  }

  private static DataSet clusters(int examples, double[][] centres, Random random) {
    float[][] features = new float[examples][FEATURES];
    float[][] labels = new float[examples][CLASSES];
    for (int i = 0; i < examples; i++) {
      int label = i % CLASSES;
      for (int j = 0; j < FEATURES; j++) {
        features[i][j] = (float) (centres[label][j] + random.nextGaussian());
      }
      labels[i][label] = 1f;
    }
    return new DataSet(Nd4j.create(features), Nd4j.create(labels));
  }

  @Override
  public Model buildNetwork(long seed) {
    MultiLayerConfiguration configuration =
        new NeuralNetConfiguration.Builder()
            .seed(seed)
            .dataType(DataType.FLOAT)
            .weightInit(WeightInit.XAVIER)
            .updater(new NoOp())
            .list()
            .layer(
                new DenseLayer.Builder().nIn(FEATURES).nOut(16).activation(Activation.TANH).build())
            .layer(
                new OutputLayer.Builder(LossFunction.MCXENT)
                    .nIn(16)
                    .nOut(CLASSES)
                    .activation(Activation.SOFTMAX)
                    .build())
            .build();
    MultiLayerNetwork network = new MultiLayerNetwork(configuration);
    network.init();
    return network;
  }
}
