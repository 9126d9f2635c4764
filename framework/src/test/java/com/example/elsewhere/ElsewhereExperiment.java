package com.example.elsewhere;

import io.github.trustregion.framework.annotation.BatchSizes;
import io.github.trustregion.framework.annotation.Epochs;
import io.github.trustregion.framework.annotation.Experiment;
import io.github.trustregion.framework.annotation.Optimizer;
import io.github.trustregion.framework.annotation.TrainOn;
import io.github.trustregion.framework.support.BlobsWorkload;

/** An experiment outside the project's packages, as a user's own project declares one. */
@Experiment(id = "elsewhere")
@TrainOn(BlobsWorkload.class)
@Optimizer(label = "SGD", method = "SGD")
@BatchSizes(32)
@Epochs(1)
public class ElsewhereExperiment {}
