/**
 * Several targets for one elevation: the compact target syntax ({@link dev.jitelevate.runner.targets.TargetSpec})
 * shared by the CLI's {@code --target}, the action's {@code targets} input and a person's sets file
 * ({@link dev.jitelevate.runner.targets.TargetSets}).
 */
package dev.jitelevate.runner.targets;
