package io.github.trustregion.optimizers.subproblem;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A subproblem solver's answer: the step, its model value and how it was found.
 *
 * @param step the step z, ‖z‖ ≤ r
 * @param modelValue f(z) = ½zᵀHz + gᵀz (so the predicted decrease is −modelValue)
 * @param diagnostics iterations, products and the phase reached
 */
public record SubproblemSolution(INDArray step, double modelValue, SolverDiagnostics diagnostics) {}
