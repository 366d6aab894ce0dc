package dev.jitelevate.runner.doctor;

import java.util.Objects;

/**
 * One thing wrong with a broker set-up.
 *
 * @param code what kind of problem
 * @param problem what was found, naming the credential, assignment or rule
 * @param fix what to do, with the command where there is one
 */
public record Finding(FindingCode code, String problem, String fix) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(fix, "fix");
  }
}
