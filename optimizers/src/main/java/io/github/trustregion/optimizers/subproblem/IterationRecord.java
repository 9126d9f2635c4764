package io.github.trustregion.optimizers.subproblem;

/**
 * One iterate z_t of the paper's solver, for traces (experiment E1) and tests.
 *
 * @param iteration t, counted from 0 (the starting point z₀) across a perturbed restart
 * @param phase the phase whose step produced z_t (z₀ counts as phase I, {@code INTERIOR})
 * @param modelValue f(z_t) = ½z_tᵀHz_t + gᵀz_t with the caller's (unperturbed) g
 * @param stepNorm ‖z_t‖
 * @param perturbed whether the iterate belongs to a run on the perturbed gradient
 */
public record IterationRecord(
    int iteration,
    SolverDiagnostics.Phase phase,
    double modelValue,
    double stepNorm,
    boolean perturbed) {}
