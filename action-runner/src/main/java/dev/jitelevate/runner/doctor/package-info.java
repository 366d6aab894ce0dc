/**
 * {@code jit-elevate doctor}: reads a hardened broker set-up from Entra (federated credentials, Graph permissions)
 * and Azure (the broker's role assignments) and flags, with fixes, what gives a job's steps the broker's power or
 * the broker more than its policy needs.
 */
package dev.jitelevate.runner.doctor;
